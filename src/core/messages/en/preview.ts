/** `<member-preview>`: a segment's first members, the CSV download and "why is this customer in or out". */
import type { Formatters } from '../format.js';

type Shown = { shown: number; total: number };
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
  'preview.explain.none': 'none of',
  'preview.explain.related': ({ entity, matched, linked }: { entity: string; matched: number; linked: number }, f: Formatters) =>
    `${entity}: ${f.number(matched)} of ${f.number(linked)} linked rows match`,
  'preview.explain.aggregate': 'value {value}',
  'preview.explain.match.any': 'any',
  'preview.explain.match.none': 'none',
  'preview.explain.match.atLeast': 'at least {count}',
  'preview.explain.match.atMost': 'at most {count}',
  'preview.explain.match.exactly': 'exactly {count}',
  'preview.explain.relative': ({ amount, unit }: { amount: number; unit: string }, f: Formatters) =>
    `${f.number(amount)} ${unit}${f.plural(amount) === 'one' ? '' : 's'}`,
  'preview.explain.another': 'Explain another customer',
  'preview.explain.key': 'Customer key',
  'preview.explain.go': 'Explain',
  'preview.explain.close': 'Close the explanation',
};
