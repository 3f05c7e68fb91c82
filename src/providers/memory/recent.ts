/**
 * The memory provider's last few evaluations, so that the calls made for one segment — the
 * pages of a listing (a CSV download asks for a hundred), the details' members and counts —
 * evaluate it once.
 *
 * An entry is found by the document's JSON and the data it was evaluated over (and the
 * instant, when the document or a segment it uses has relative dates). A document with
 * `segment` rules is kept with every saved document it reaches through them, as the store
 * held them; it is used only while the store holds those very objects (a store replaces a
 * document when it changes — a new definition, state or static snapshot — and never edits
 * one in place), so a changed referenced segment is evaluated anew.
 */
import type { EvaluationResult } from '../../core/evaluate/index.js';
import type { SegmentDocument } from '../../core/model/types.js';

/** Operators whose result depends on the reference instant. */
const RELATIVE_DATES = /"operator":"(?:inLast|notInLast|inNext|isAnniversaryInNext)"/;

/** The saved segments a document reaches through its `segment` rules (transitively), with the document the store holds for each. */
type Deps = readonly (readonly [string, SegmentDocument | undefined])[];

export function referencedSegments(doc: SegmentDocument, lookup: (id: string) => SegmentDocument | undefined): Deps {
  const out: [string, SegmentDocument | undefined][] = [];
  const seen = new Set<string>();
  const visit = (d: SegmentDocument) => {
    for (const r of d.rules) {
      const id = r.segment;
      if (id === undefined || seen.has(id)) continue;
      seen.add(id);
      const saved = lookup(id);
      out.push([id, saved]);
      if (saved) visit(saved);
    }
  };
  visit(doc);
  return out;
}

export interface RecentOptions<D> {
  capacity: number;
  /** The saved documents now, by id. */
  lookup: (id: string) => SegmentDocument | undefined;
  /** The reference instant now (epoch ms). */
  now: () => number;
  evaluate: (doc: SegmentDocument, data: D) => EvaluationResult;
}

export class RecentEvaluations<D extends object> {
  private entries: { key: string; data: D; deps: Deps; result: EvaluationResult }[] = [];

  constructor(private readonly options: RecentOptions<D>) {}

  /** The evaluation of `doc` over `data`: a kept one if still valid, else a new one (kept when `keep`). */
  get(doc: SegmentDocument, data: D, keep = true): EvaluationResult {
    const { lookup, now, evaluate, capacity } = this.options;
    const deps = referencedSegments(doc, lookup);
    const json = JSON.stringify(doc);
    const relative = RELATIVE_DATES.test(json) || deps.some(([, d]) => d !== undefined && RELATIVE_DATES.test(JSON.stringify(d)));
    const key = `${relative ? now() : ''}\u0000${json}`;
    const at = this.entries.findIndex((e) => e.key === key && e.data === data && e.deps.every(([id, d]) => lookup(id) === d));
    if (at >= 0) {
      const hit = this.entries[at]!;
      if (at > 0) this.entries = [hit, ...this.entries.slice(0, at), ...this.entries.slice(at + 1)];
      return hit.result;
    }
    const result = evaluate(doc, data);
    if (keep) this.entries = [{ key, data, deps, result }, ...this.entries.slice(0, capacity - 1)];
    return result;
  }

  /** Forget everything (the data changed). */
  clear(): void {
    this.entries = [];
  }
}
