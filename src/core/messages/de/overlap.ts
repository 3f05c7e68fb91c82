/** Überschneidungen von Segmenten auf Deutsch: die Namen der Bereiche (Kern) und die Wörter von `<segment-overlap>`. */
import type { Formatters, WidenTable } from '../format.js';
import type { overlap as en } from '../en/overlap.js';

type Region = { included: readonly string[]; excluded: readonly string[] };
type Identifiers = { included: readonly string[]; excluded: readonly string[] };

/** Namen in deutschen Anführungszeichen, damit einer mit Komma als einer gelesen wird. */
const quoted = (names: readonly string[]) => names.map((n) => `„${n}“`);
const customers = (count: number, f: Formatters) => `${f.number(count)} ${count === 1 ? 'Kunde' : 'Kunden'}`;

export const overlap: WidenTable<typeof en> = {
  // ------------------------------------------------------------ die Bereiche (Kern)
  'overlap.region.name': ({ included, excluded }: Region, f: Formatters) =>
    excluded.length ? `${f.list(quoted(included))}, nicht ${f.list(quoted(excluded), 'disjunction')}` : f.list(quoted(included)),
  /** Die Kennung des Segments eines Bereichs (Buchstaben, Ziffern und _). */
  'overlap.region.identifier': ({ included, excluded }: Identifiers) => included.join('Und') + excluded.map((n) => `Nicht${n}`).join(''),
  'overlap.region.description': ({ included, excluded }: Region, f: Formatters) =>
    excluded.length
      ? `Kunden in ${f.list(quoted(included))}, die nicht in ${f.list(quoted(excluded), 'disjunction')} sind`
      : `Kunden in ${f.list(quoted(included))}`,
  'overlap.error.count': ({ region, message }: { region: string; message: string }) => `${region} konnte nicht gezählt werden: ${message}`,
  'overlap.error.sets': ({ count }: { count: number }) => `Vergleichen Sie zwei oder drei Segmente (angegeben: ${count}).`,
  'overlap.error.id': 'Jedes zu vergleichende Segment braucht eine ID.',
  'overlap.error.duplicate': ({ id }: { id: string }) => `Das Segment „${id}“ ist doppelt angegeben.`,
  'overlap.error.missing': ({ id, message }: { id: string; message: string }) =>
    `Das Segment „${id}“ konnte nicht gelesen werden: ${message}`,

  // ------------------------------------------------------------ <segment-overlap>
  'overlap.label': 'Segmentüberschneidung',
  'overlap.choose': 'Zu vergleichende Segmente',
  'overlap.picker': ({ letter }: { letter: string }) => `Segment ${letter}`,
  'overlap.picker.placeholder': 'Segmente suchen…',
  'overlap.picker.none': 'Kein Segment gefunden',
  'overlap.picker.clear': ({ letter }: { letter: string }) => `Segment ${letter} entfernen`,
  'overlap.picker.add': 'Drittes Segment hinzufügen',
  'overlap.picker.loading': 'Segmente werden geladen…',
  'overlap.picker.error': 'Die Segmente konnten nicht aufgelistet werden: {message}',
  'overlap.noProvider': 'Es ist kein Datenanbieter verbunden.',
  'overlap.fewer': 'Wählen Sie zwei oder drei Segmente zum Vergleichen.',
  'overlap.loading': 'Überschneidung wird gezählt…',
  'overlap.error': 'Die Überschneidung konnte nicht gezählt werden: {message}',
  'overlap.retry': 'Erneut versuchen',
  'overlap.empty': 'Keines dieser Segmente hat Mitglieder.',
  'overlap.disjoint': 'Diese Segmente haben keine gemeinsamen Kunden.',
  'overlap.table': 'Kunden je Bereich',
  'overlap.table.caption': ({ union }: { union: number }, f: Formatters) =>
    `${customers(union, f)} ${union === 1 ? 'ist' : 'sind'} in mindestens einem dieser Segmente; der Anteil jedes Bereichs bezieht sich auf diese Kunden.`,
  'overlap.column.region': 'Bereich',
  'overlap.column.count': 'Kunden',
  'overlap.column.share': 'Anteil',
  'overlap.column.action': 'Aktion',
  'overlap.create': 'Segment erstellen',
  'overlap.create.label': ({ region }: { region: string }) => `Segment erstellen: ${region}`,
  'overlap.total': ({ count }: { count: number }, f: Formatters) => customers(count, f),
  'overlap.share': ({ share }: { share: number }, f: Formatters) =>
    f.number(share, { style: 'percent', maximumFractionDigits: share > 0 && share < 0.01 ? 1 : 0 }),
  'overlap.done': ({ union }: { union: number }, f: Formatters) => `Überschneidung gezählt: insgesamt ${customers(union, f)}`,
};
