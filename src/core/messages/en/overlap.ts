/** Overlap between segments: the regions' names (core) and `<segment-overlap>`'s words. */
import type { Formatters } from '../format.js';

/** The segments a region is in and those it is not in, by display name. */
type Region = { included: readonly string[]; excluded: readonly string[] };
type Identifiers = { included: readonly string[]; excluded: readonly string[] };

/** Names in quotes, so that one with a comma still reads as one ("“High value, escalated” and “At risk”"). */
const quoted = (names: readonly string[]) => names.map((n) => `“${n}”`);

export const overlap = {
  // ------------------------------------------------------------ the regions (core)
  /** "A and B, not C"; "A, not B or C"; "A, B and C". */
  'overlap.region.name': ({ included, excluded }: Region, f: Formatters) =>
    excluded.length ? `${f.list(quoted(included))}, not ${f.list(quoted(excluded), 'disjunction')}` : f.list(quoted(included)),
  /** The identifier of the region's segment (letters, digits and _; anything else is dropped). */
  'overlap.region.identifier': ({ included, excluded }: Identifiers) => included.join('And') + excluded.map((n) => `Not${n}`).join(''),
  'overlap.region.description': ({ included, excluded }: Region, f: Formatters) =>
    excluded.length
      ? `Customers in ${f.list(quoted(included))} who are not in ${f.list(quoted(excluded), 'disjunction')}`
      : `Customers in ${f.list(quoted(included))}`,
  'overlap.error.count': ({ region, message }: { region: string; message: string }) => `${region} could not be counted: ${message}`,
  'overlap.error.sets': ({ count }: { count: number }) => `Compare two or three segments (${count} given).`,
  'overlap.error.id': 'Each segment to compare needs an id.',
  'overlap.error.duplicate': ({ id }: { id: string }) => `The segment "${id}" is given twice.`,
  'overlap.error.missing': ({ id, message }: { id: string; message: string }) => `The segment "${id}" could not be read: ${message}`,

  // ------------------------------------------------------------ <segment-overlap>
  'overlap.label': 'Segment overlap',
  'overlap.choose': 'Segments to compare',
  'overlap.picker': ({ letter }: { letter: string }) => `Segment ${letter}`,
  'overlap.picker.placeholder': 'Search segments…',
  'overlap.picker.none': 'No segment matches',
  'overlap.picker.clear': ({ letter }: { letter: string }) => `Remove segment ${letter}`,
  'overlap.picker.add': 'Add a third segment',
  'overlap.picker.loading': 'Loading segments…',
  'overlap.picker.error': 'The segments could not be listed: {message}',
  'overlap.noProvider': 'No data provider is connected.',
  'overlap.fewer': 'Choose two or three segments to compare.',
  'overlap.loading': 'Counting the overlap…',
  'overlap.error': 'The overlap could not be counted: {message}',
  'overlap.retry': 'Retry',
  'overlap.empty': 'None of these segments has members.',
  'overlap.disjoint': 'These segments have no customers in common.',
  'overlap.table': 'Customers in each region',
  'overlap.table.caption': ({ union }: { union: number }, f: Formatters) =>
    `${f.number(union)} customers are in at least one of these segments; each region's share is of those customers.`,
  'overlap.column.region': 'Region',
  'overlap.column.count': 'Customers',
  'overlap.column.share': 'Share',
  'overlap.column.action': 'Action',
  'overlap.create': 'Create segment',
  'overlap.create.label': ({ region }: { region: string }) => `Create segment: ${region}`,
  'overlap.total': ({ count }: { count: number }, f: Formatters) => `${f.number(count)} customers`,
  'overlap.share': ({ share }: { share: number }, f: Formatters) =>
    f.number(share, { style: 'percent', maximumFractionDigits: share > 0 && share < 0.01 ? 1 : 0 }),
  'overlap.done': ({ union }: { union: number }, f: Formatters) => `Overlap counted: ${f.number(union)} customers in all`,
};
