/** `<quick-segment>` auf Deutsch: ein Segment aus einem Attribut, mit Einblicken in dessen Werte. */
import type { Formatters, WidenTable } from '../format.js';
import type { quick as en } from '../en/quick.js';

type Count = { count: number };
type Of = { count: number; total: number };
type Range = { from: string; to: string };

const customers = ({ count }: Count, f: Formatters) => `${f.number(count)} ${count === 1 ? 'Kunde' : 'Kunden'}`;
const rowsOf = ({ count }: Count, f: Formatters) => `${f.number(count)} ${count === 1 ? 'Zeile' : 'Zeilen'}`;
const percent = (share: number, f: Formatters) => f.number(share, { style: 'percent', maximumFractionDigits: 1 });

export const quick: WidenTable<typeof en> = {
  'quick.title': 'Neues Schnellsegment',
  'quick.label': 'Schnellsegment',
  'quick.step.attribute': 'Feld',
  'quick.step.attribute.hint': 'Wählen Sie ein Attribut der Kunden oder einer verknüpften Entität.',
  'quick.condition': 'Bedingung',
  'quick.noProvider': 'Es ist kein Datenanbieter verbunden.',
  'quick.loadingCatalog': 'Attribute werden geladen…',
  'quick.catalogError': 'Die Attribute konnten nicht geladen werden: {message}',
  'quick.retry': 'Erneut versuchen',

  'quick.insights': 'Einblicke',
  'quick.insights.loading': 'Einblicke werden geladen…',
  'quick.insights.error': 'Die Einblicke konnten nicht geladen werden: {message}',
  'quick.insights.unavailable':
    'Dieser Datenanbieter liefert keine Einblicke in die Werte. Wählen Sie unten einen Operator und einen Wert.',
  'quick.insights.none': 'Noch keine Werte.',
  'quick.insights.related': 'Gezählt werden Kunden mit mindestens einem Datensatz vom Typ {entity} mit diesem Wert.',
  'quick.insights.relatedRows':
    'Gezählt werden Datensätze vom Typ {entity} mit diesem Wert, wie der Datenanbieter sie liefert (nicht Kunden).',
  'quick.insights.rowsOf': rowsOf,
  'quick.top.title': 'Häufigste Werte',
  'quick.top.hint': 'Wählen Sie einen oder mehrere Werte.',
  'quick.top.more': ({ count }: Count, f: Formatters) => `und ${f.number(count)} ${count === 1 ? 'weiterer Wert' : 'weitere Werte'}`,
  'quick.histogram.title': 'Verteilung',
  'quick.histogram.hint': 'Wählen Sie einen Balken oder mit der Umschalttaste einen Bereich von Balken.',
  'quick.histogram.byMonth': 'Nach Monat',
  'quick.histogram.byYear': 'Nach Jahr',
  'quick.bar': ({ from, to, count, rows }: Range & Count & { rows?: boolean }, f: Formatters) =>
    `${from} bis ${to}: ${rows ? rowsOf({ count }, f) : customers({ count }, f)}`,
  'quick.range': 'Bereich',
  'quick.range.value': '{from} bis {to}',
  'quick.mean': 'Mittelwert',
  'quick.percentile': 'Perzentil',
  'quick.percentile.value': 'Wert',
  'quick.percentile.p5': '5.',
  'quick.percentile.p25': '25.',
  'quick.percentile.p50': 'Median',
  'quick.percentile.p75': '75.',
  'quick.percentile.p95': '95.',
  'quick.percentiles.related': 'Über alle Werte der Datensätze vom Typ {entity}.',
  'quick.boolean.title': 'Werte',
  'quick.boolean.true': 'Ja',
  'quick.boolean.false': 'Nein',
  'quick.boolean.empty': 'Leer',
  'quick.emptyValue': '(leer)',
  'quick.customers': customers,
  'quick.share': ({ count, total }: Of, f: Formatters) => (total > 0 ? percent(count / total, f) : ''),

  'quick.size': 'Geschätzte Segmentgröße',
  'quick.size.value': ({ count, total }: Of, f: Formatters) =>
    `${customers({ count }, f)}${total > 0 ? ` (${percent(count / total, f)})` : ''}`,
  'quick.size.incomplete': 'Wählen Sie einen Operator und einen Wert, um die Größe zu sehen.',
  'quick.size.loading': 'Wird gezählt…',
  'quick.size.error': 'Die Größe konnte nicht gezählt werden: {message}',
  'quick.size.announce': 'Geschätzte Segmentgröße: {text}',

  'quick.displayName': 'Anzeigename',
  'quick.name': 'Name',
  'quick.name.hint': 'Buchstaben, Ziffern und _; wird aus dem Anzeigenamen gebildet.',
  'quick.name.invalid': 'Verwenden Sie Buchstaben, Ziffern und _, nicht mit einer Ziffer am Anfang.',
  'quick.name.missing': 'Geben Sie dem Segment einen Namen.',
  'quick.incomplete': 'Vervollständigen Sie zuerst die Bedingung: Wählen Sie ein Attribut, einen Operator und einen Wert.',
  'quick.save': 'Speichern',
  'quick.saving': 'Wird gespeichert…',
  'quick.saveError': 'Das Segment konnte nicht gespeichert werden: {message}',
  'quick.saved': '„{name}“ gespeichert.',
  'quick.openInBuilder': 'Im Builder öffnen',
};
