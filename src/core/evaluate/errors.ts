/** The error the in-memory engine throws. */

export type EvaluationErrorCode =
  /** The document cannot be evaluated (fatal parse error, unknown entity/attribute/operator, bad value …). */
  | 'invalid-segment'
  /** A `segment` rule names an id that `opts.segments` does not know. */
  | 'unknown-segment'
  /** Evaluating dynamic segment references would go round in a circle. */
  | 'segment-cycle'
  /** The audience entity of the document is not an entity of the catalog. */
  | 'unknown-entity'
  /** The dataset is not `{ catalog, data }` with an array of rows per entity. */
  | 'invalid-dataset'
  /** An option is unusable (e.g. `now` is not a valid instant). */
  | 'invalid-option';

export interface EvaluationErrorDetails {
  /** JSON pointer of the offending field in the document being evaluated. */
  path?: string;
  /** A finer reason, using the validator's codes where one fits (`unknown-attribute`, `entity-out-of-scope` …). */
  reason?: string;
  /** Set when the problem is inside a referenced segment: that segment's id. */
  segmentId?: string;
}

export class EvaluationError extends Error {
  readonly code: EvaluationErrorCode;
  readonly path?: string;
  readonly reason?: string;
  readonly segmentId?: string;

  constructor(code: EvaluationErrorCode, message: string, details: EvaluationErrorDetails = {}) {
    super(message);
    this.name = 'EvaluationError';
    this.code = code;
    if (details.path !== undefined) this.path = details.path;
    if (details.reason !== undefined) this.reason = details.reason;
    if (details.segmentId !== undefined) this.segmentId = details.segmentId;
  }
}
