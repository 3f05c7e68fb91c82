/** `<trend-chart>` auf Deutsch: Mitgliederzahl im Zeitverlauf, Zeiträume, Kennzahlen und Datentabelle. */
import type { Formatters, WidenTable } from '../format.js';
import type { trend as en } from '../en/trend.js';

type Point = { date: string; count: number };

/** Ein Datum, wie das Diagramm es zeigt (ein Kalendertag in UTC): „31.05.2024“. */
const day = (date: string, f: Formatters) => f.date(date, { dateStyle: 'medium', timeZone: 'UTC' });
const members = (count: number, f: Formatters) => `${f.number(count)} ${f.plural(count) === 'one' ? 'Mitglied' : 'Mitglieder'}`;
/** Im Dativ, nach „von“: „von 1 Mitglied“, „von 12 Mitgliedern“. */
const membersDative = (count: number, f: Formatters) => `${f.number(count)} ${f.plural(count) === 'one' ? 'Mitglied' : 'Mitgliedern'}`;

export const trend: WidenTable<typeof en> = {
  'trend.label': 'Mitglieder von {segment} im Zeitverlauf',
  'trend.labelPlain': 'Mitgliederzahl im Zeitverlauf',
  'trend.frames': 'Zeitraum',
  'trend.frame.days': ({ days }: { days: number }, f: Formatters) => `${f.number(days)} ${days === 1 ? 'Tag' : 'Tage'}`,
  'trend.frame.all': 'Alle',
  'trend.current': 'Mitglieder aktuell',
  'trend.growth': 'Letzte 7 Tage',
  'trend.growth.change': ({ change }: { change: number }, f: Formatters) => f.number(change, { signDisplay: 'exceptZero' }),
  'trend.growth.percent': ({ percent }: { percent: number }, f: Formatters) =>
    `(${f.number(percent, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' })})`,
  'trend.growth.since': ({ date }: { date: string }, f: Formatters) => `seit ${day(date, f)}`,
  'trend.growth.none': 'Nicht genug Verlaufsdaten',
  'trend.point': ({ date, count }: Point, f: Formatters) => `${day(date, f)}: ${members(count, f)}`,
  'trend.point.date': ({ date }: { date: string }, f: Formatters) => day(date, f),
  'trend.point.count': ({ count }: { count: number }, f: Formatters) => members(count, f),
  'trend.summary': ({ label, first, last, points }: { label: string; first: Point; last: Point; points: number }, f: Formatters) =>
    `${label}: von ${membersDative(first.count, f)} am ${day(first.date, f)} auf ${members(last.count, f)} am ${day(last.date, f)}, ` +
    `${f.number(points)} ${f.plural(points) === 'one' ? 'Datenpunkt' : 'Datenpunkte'}. Mit den Pfeiltasten lesen Sie die Datenpunkte.`,
  'trend.showTable': 'Als Tabelle anzeigen',
  'trend.showChart': 'Als Diagramm anzeigen',
  'trend.table.date': 'Datum',
  'trend.table.count': 'Mitglieder',
  'trend.table.change': 'Veränderung',
  'trend.loading': 'Verlauf wird geladen…',
  'trend.empty': 'In diesem Zeitraum gibt es noch keine Mitgliederzahlen.',
  'trend.error': 'Der Verlauf konnte nicht geladen werden: {message}',
  'trend.chartError': 'Das Diagramm konnte nicht gezeichnet werden ({message}); die Tabelle zeigt die Daten.',
  'trend.retry': 'Erneut versuchen',
  'trend.noProvider': 'Es ist kein Datenanbieter verbunden.',
  'trend.noSegment': 'Kein Segment zum Anzeigen.',
  'trend.badAnswer': 'Der Datenanbieter hat nicht mit einer Liste von Datenpunkten geantwortet.',
};
