/** `<member-preview>` auf Deutsch: die ersten Mitglieder, der CSV-Download und „Warum ist dieser Kunde dabei?“. */
import type { Formatters, WidenTable } from '../format.js';
import type { preview as en } from '../en/preview.js';

type Shown = { shown: number; total: number };
type Decided = { attribute: string; values: readonly string[]; more: number; comparison: string; rows: string };
type Linked = { entity: string; where: string; matched: number; linked: number; match: string };
type Aggregated = { aggregate: string; attribute: string; entity: string; where: string; value: string; comparison: string };
type Progress = { done: number; total: number };

/**
 * Die Vergleiche kommen aus `describeSegment` und enden auf ihr Verb („größer als 500 ist“):
 * Sie stehen darum in einem „wenn“-Satz.
 */
const when = (subject: string, comparison: string) => `erfüllt, wenn ${subject} ${comparison}`;
/** Ein Aggregat über die Datensätze eines Blocks, ohne Artikel (eine Zeilenüberschrift). */
const aggregateName = (aggregate: string, attribute: string) => {
  switch (aggregate) {
    case 'count':
      return 'Anzahl der Datensätze';
    case 'sum':
      return `Summe von ${attribute} über alle Datensätze`;
    case 'avg':
      return `Durchschnitt von ${attribute} über alle Datensätze`;
    case 'min':
      return `Kleinster Wert von ${attribute} unter allen Datensätzen`;
    case 'max':
      return `Größter Wert von ${attribute} unter allen Datensätzen`;
    default:
      return `Aggregat ${aggregate} von ${attribute} über alle Datensätze`;
  }
};

export const preview: WidenTable<typeof en> = {
  'preview.label': 'Segmentmitglieder',
  'preview.total': ({ shown, total }: Shown, f: Formatters) => `${f.number(shown)} von ${f.number(total)}`,
  'preview.seeMore': 'Mehr anzeigen',
  'preview.sort.by': 'Nach {column} sortieren',
  'preview.loading': 'Mitglieder werden geladen…',
  'preview.empty': 'Keine passenden Kunden',
  'preview.error': 'Die Mitglieder konnten nicht geladen werden: {message}',
  'preview.retry': 'Erneut versuchen',
  'preview.invalid': 'Korrigieren Sie das Segment, um Mitglieder zu sehen',
  'preview.noProvider': 'Es ist kein Datenanbieter verbunden.',
  'preview.noSegment': 'Kein Segment für die Vorschau.',
  'preview.yes': 'Ja',
  'preview.no': 'Nein',
  'preview.emptyValue': '—',

  'preview.download': 'CSV herunterladen',
  'preview.download.cancel': 'Download abbrechen',
  'preview.download.progress': ({ done, total }: Progress, f: Formatters) => `${f.number(done)} von ${f.number(total)} Zeilen`,
  'preview.download.done': 'Download abgeschlossen: {count} Zeilen',
  'preview.download.cancelled': 'Download abgebrochen',
  'preview.download.failed': 'Der Download ist fehlgeschlagen: {message}',

  'preview.explain': 'Warum?',
  'preview.explain.row': 'Warum ist {key} in diesem Segment?',
  'preview.explain.loading': 'Begründung wird ermittelt…',
  'preview.explain.failed': 'Die Begründung konnte nicht geladen werden: {message}',
  'preview.explain.member': '{key} ist im Segment',
  'preview.explain.notMember': '{key} ist nicht im Segment',
  'preview.explain.notFound': 'Kein Kunde hat den Schlüssel {key}',
  'preview.explain.rule': 'Regel {number}',
  'preview.explain.ruleSegment': 'Regel {number}: Mitglieder von {segment}',
  'preview.explain.matched': 'trifft zu',
  'preview.explain.notMatched': 'trifft nicht zu',
  'preview.explain.true': 'wahr',
  'preview.explain.false': 'falsch',
  'preview.explain.all': 'alle von',
  'preview.explain.any': 'mindestens eine von',
  'preview.explain.notAll': 'nicht alle von',
  'preview.explain.none': 'keine von',
  'preview.explain.set.union': ({ rule }: { rule: string }) => `oder in ${rule}`,
  'preview.explain.set.intersect': ({ rule }: { rule: string }) => `und zugleich in ${rule}`,
  'preview.explain.set.except': ({ rule }: { rule: string }) => `aber nicht in ${rule}`,
  'preview.explain.sofar': ({ member }: { member: boolean }) => (member ? 'bis hier im Segment' : 'bis hier nicht im Segment'),
  'preview.explain.condition': ({ attribute, values, more, comparison, rows }: Decided, f: Formatters) => {
    const shown = more > 0 ? [...values, `${f.number(more)} weitere`] : values;
    return `${attribute}: ${shown.length ? f.list(shown) : 'kein Wert'} (${when('der Wert', comparison)})${rows ? ` – ${rows}` : ''}`;
  },
  'preview.explain.condition.plain': ({ attribute, comparison, rows }: Omit<Decided, 'values' | 'more'>) => {
    const text = when(attribute, comparison);
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}${rows ? ` – ${rows}` : ''}`;
  },
  'preview.explain.rows': ({ count, of, entity }: { count: number; of: number; entity: string }, f: Formatters) =>
    `${f.number(count)} von ${f.number(of)} ${of === 1 ? 'Datensatz' : 'Datensätzen'} vom Typ ${entity}`,
  'preview.explain.related': ({ entity, where, matched, linked, match }: Linked, f: Formatters) =>
    `Datensätze vom Typ ${entity}${where}: ${f.number(matched)} von ${f.number(linked)}${match ? ` (${match})` : ''}`,
  'preview.explain.aggregate': ({ aggregate, attribute, entity, where, value, comparison }: Aggregated) =>
    `${aggregateName(aggregate, attribute)} vom Typ ${entity}${where}: ${value} (${when('der Wert', comparison)})`,
  'preview.explain.match.any': 'mindestens einer',
  'preview.explain.match.none': 'keiner',
  'preview.explain.match.atLeast': 'mindestens {count}',
  'preview.explain.match.atMost': 'höchstens {count}',
  'preview.explain.match.exactly': 'genau {count}',
  'preview.explain.another': 'Anderen Kunden erklären',
  'preview.explain.key': 'Kundenschlüssel',
  'preview.explain.go': 'Erklären',
};
