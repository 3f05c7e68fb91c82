/** `<member-preview>`: a segment's first members, the CSV download and "why is this customer in or out". */
import { plural } from '../../model/catalog.js';
import type { Formatters } from '../format.js';

type Shown = { shown: number; total: number };
type Decided = { attribute: string; values: readonly string[]; more: number; comparison: string; rows: string };
type Linked = { entity: string; where: string; matched: number; linked: number; match: string };
type Aggregated = { aggregate: string; attribute: string; entity: string; where: string; value: string; comparison: string };
const AGGREGATES: Record<string, string> = { count: 'Number of', sum: 'Total', avg: 'Average', min: 'Lowest', max: 'Highest' };
type Progress = { done: number; total: number };

export const preview = {
  'preview.label': 'Segment members',
  'preview.total': ({ shown, total }: Shown, f: Formatters) => `${f.number(shown)} of ${f.number(total)}`,
  'preview.seeMore': 'See more',
  'preview.sort.by': 'Sort by {column}',
  'preview.loading': 'Loading members…',
  'preview.empty': 'No customers match',
  'preview.error': 'The members could not be loaded: {message}',
  'preview.retry': 'Retry',
  'preview.invalid': 'Fix the segment to see members',
  'preview.noProvider': 'No data provider is connected.',
  'preview.noSegment': 'No segment to preview.',
  'preview.yes': 'Yes',
  'preview.no': 'No',
  'preview.emptyValue': '—',

  'preview.download': 'Download CSV',
  'preview.download.cancel': 'Cancel download',
  'preview.download.progress': ({ done, total }: Progress, f: Formatters) => `${f.number(done)} of ${f.number(total)} rows`,
  'preview.download.done': 'Download complete: {count} rows',
  'preview.download.cancelled': 'Download cancelled',
  'preview.download.failed': 'The download failed: {message}',

  'preview.explain': 'Why?',
  'preview.explain.row': 'Why is {key} in this segment?',
  'preview.explain.loading': 'Working out why…',
  'preview.explain.failed': 'The explanation could not be loaded: {message}',
  'preview.explain.member': '{key} is in the segment',
  'preview.explain.notMember': '{key} is not in the segment',
  'preview.explain.notFound': 'No customer has the key {key}',
  'preview.explain.rule': 'Rule {number}',
  'preview.explain.ruleSegment': 'Rule {number}: members of {segment}',
  'preview.explain.matched': 'matches',
  'preview.explain.notMatched': 'does not match',
  'preview.explain.true': 'true',
  'preview.explain.false': 'false',
  'preview.explain.all': 'all of',
  'preview.explain.any': 'any of',
  'preview.explain.notAll': 'not all of',
  'preview.explain.none': 'none of',
  /** A rule joined to the ones before it, by its set operator: "and also in Rule 2". */
  'preview.explain.set.union': ({ rule }: { rule: string }) => `or in ${rule}`,
  'preview.explain.set.intersect': ({ rule }: { rule: string }) => `and also in ${rule}`,
  'preview.explain.set.except': ({ rule }: { rule: string }) => `but not in ${rule}`,
  /** Membership after this rule and the ones before it. */
  'preview.explain.sofar': ({ member }: { member: boolean }): string => (member ? 'in the segment so far' : 'not in the segment so far'),
  /**
   * A condition with the values that decided it, then the condition in words (describeSegment's): "Total amount: 612 (is
   * greater than 500)". `values` are formatted already; `more` counts the rows it holds for beyond those shown;
   * `rows` (inside a related block) says on how many linked rows it holds.
   */
  'preview.explain.condition': ({ attribute, values, more, comparison, rows }: Decided, f: Formatters) => {
    const shown = more > 0 ? [...values, `${f.number(more)} more`] : values;
    return `${attribute}: ${shown.length ? f.list(shown) : 'no value'} (${comparison})${rows ? ` — ${rows}` : ''}`;
  },
  /** A condition from a provider that gives no values: "Total amount is greater than 500". */
  'preview.explain.condition.plain': ({ attribute, comparison, rows }: Omit<Decided, 'values' | 'more'>) =>
    `${attribute} ${comparison}${rows ? ` — ${rows}` : ''}`,
  /** Inside a related block: on how many of the linked rows the condition holds. */
  'preview.explain.rows': ({ count, of, entity }: { count: number; of: number; entity: string }, f: Formatters) =>
    `${f.number(count)} of ${f.number(of)} ${of === 1 ? entity : plural(entity)}`,
  /** A related block with a quantifier: "Orders where Order date is in the last 90 days: 3 of 12 (at least 1)". */
  'preview.explain.related': ({ entity, where, matched, linked, match }: Linked, f: Formatters) =>
    `${plural(entity)}${where}: ${f.number(matched)} of ${f.number(linked)}${match ? ` (${match})` : ''}`,
  /** A related block with an aggregate: "Total Total amount of Orders: 840 (is greater than 500)". */
  'preview.explain.aggregate': ({ aggregate, attribute, entity, where, value, comparison }: Aggregated) =>
    `${AGGREGATES[aggregate] ?? aggregate} ${aggregate === 'count' ? '' : `${attribute} of `}${plural(entity)}${where}: ${value} (${comparison})`,
  'preview.explain.match.any': 'any',
  'preview.explain.match.none': 'none',
  'preview.explain.match.atLeast': 'at least {count}',
  'preview.explain.match.atMost': 'at most {count}',
  'preview.explain.match.exactly': 'exactly {count}',
  'preview.explain.another': 'Explain another customer',
  'preview.explain.key': 'Customer key',
  'preview.explain.go': 'Explain',
};
