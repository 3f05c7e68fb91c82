/**
 * The questions `npm run bench:sql` asks every engine, and the check that two engines gave
 * the same answers (dates compared as instants: PostgreSQL and DuckDB give `timestamptz`
 * values, the memory provider the dataset's `YYYY-MM-DD` strings).
 */
import { toInstant } from '../../src/core/model/dates.js';
import type { CountResult, MembersResult, SegmentProvider, ValueSuggestion } from '../../src/core/provider/types.js';
import { threeRules } from '../worker/pages/segment.js';

export interface Question {
  id: 'count' | 'members' | 'suggest' | 'suggestQuery';
  label: string;
  /** Run `run` (0: the first call, whose answer the engines must agree on). */
  ask: (provider: SegmentProvider, run: number) => Promise<unknown>;
}

/** The page the member list asks for first. */
export const PAGE = 100;

export const QUESTIONS: readonly Question[] = [
  // Every run a new question (the threshold moves by 1, as in the typing bench; the pages
  // start at 1500, so that no page is of a segment counted before): the memory provider
  // keeps what it derived from the rows and remembers recent answers, but no answer here
  // comes from such a memory.
  { id: 'count', label: 'count + per-rule (3 rules)', ask: (p, run) => p.count(threeRules(1000 + run)) },
  { id: 'members', label: `members, first ${PAGE}`, ask: (p, run) => p.members(threeRules(1500 + run), { limit: PAGE }) },
  { id: 'suggest', label: 'suggestValues City', ask: (p) => p.suggestValues('Customer', 'City', { limit: 10 }) },
  { id: 'suggestQuery', label: 'suggestValues City "sa"', ask: (p) => p.suggestValues('Customer', 'City', { query: 'sa', limit: 10 }) },
];

export type Answers = Partial<Record<Question['id'], unknown>>;

const plainRows = (r: MembersResult) => {
  const types = new Map(r.columns.map((c) => [c.key, c.type]));
  return r.rows.map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([k, v]) => [k, types.get(k) === 'date' && v !== null && v !== undefined ? toInstant(v as string) : v]),
    ),
  );
};

/** Where `b` differs from `a` (empty: the same answers). */
export function sameAnswers(a: Answers, b: Answers): string[] {
  const out: string[] = [];
  const ca = a.count as CountResult;
  const cb = b.count as CountResult;
  if (JSON.stringify(ca) !== JSON.stringify(cb)) out.push(`count: ${JSON.stringify(cb)} instead of ${JSON.stringify(ca)}`);
  const ma = a.members as MembersResult;
  const mb = b.members as MembersResult;
  if (ma.total !== mb.total) out.push(`members total: ${mb.total} instead of ${ma.total}`);
  const ka = ma.rows.map((r) => Object.values(r)[0]);
  const kb = mb.rows.map((r) => Object.values(r)[0]);
  if (JSON.stringify(ka) !== JSON.stringify(kb))
    out.push(`first page keys: ${kb.slice(0, 5).join(', ')} … instead of ${ka.slice(0, 5).join(', ')} …`);
  else {
    const ra = plainRows(ma);
    const rb = plainRows(mb);
    const i = ra.findIndex((row, n) => JSON.stringify(row) !== JSON.stringify(rb[n]));
    if (i >= 0) out.push(`first page row ${i}: ${JSON.stringify(rb[i])} instead of ${JSON.stringify(ra[i])}`);
  }
  for (const id of ['suggest', 'suggestQuery'] as const) {
    const sa = a[id] as ValueSuggestion[];
    const sb = b[id] as ValueSuggestion[];
    if (JSON.stringify(sa) !== JSON.stringify(sb)) out.push(`${id}: ${JSON.stringify(sb)} instead of ${JSON.stringify(sa)}`);
  }
  return out;
}
