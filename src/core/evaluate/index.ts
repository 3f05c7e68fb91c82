/**
 * The in-memory evaluation engine (SPEC section 5): pure TypeScript, no DOM, importable
 * from Node, a worker or the browser.
 *
 * - `evaluateSegment(segment, dataset, opts)` → members (audience keys in row order),
 *   total and per-rule `{ count, cumulative }`.
 * - `explainMember(segment, dataset, key, opts)` → the truth value of every rule and node.
 * - `prepareDataset(dataset)` builds the per-dataset caches up front (optional);
 *   `prepareSteps(dataset)` does it a slice at a time, for idle time.
 *
 * How values of other JS types in rows are read (numeric strings as numbers, only real
 * booleans as booleans …) is documented in `columns.ts`; caches are keyed on the rows
 * arrays, so give the engine new arrays when the data changes.
 */
export { evaluateSegment, explainMember } from './evaluate.js';
export { prepareDataset, prepareSteps, type PrepareOptions } from './prepare.js';
export type { Dataset, EvaluateOptions, EvaluationResult, RuleCount } from './evaluate.js';
/** The explanation types live in the model (`model/explain.ts`), shared with the provider types. */
export type { ExplainedValue, Explanation, NodeExplanation, RuleExplanation } from '../model/explain.js';
export { EvaluationError } from './errors.js';
export { SegmentMemo } from './memo.js';
export type { EvaluationErrorCode, EvaluationErrorDetails } from './errors.js';
