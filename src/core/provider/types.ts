/**
 * The data provider interface (SPEC section 6): the only way elements talk to a host's
 * data. Every method is async and takes `{ signal?: AbortSignal }`.
 */
import type { AttributeType, Catalog, SegmentDocument, SegmentState, SegmentType } from '../model/types.js';

export interface CallOptions {
  signal?: AbortSignal;
}

export interface CountResult {
  total: number;
  /** Inspection counts, lined up with `segment.rules`. */
  rules: { count: number; cumulative: number }[];
}

export interface ColumnDef {
  /** The row key: the attribute name for audience attributes, `Entity.attribute` for projected ones. */
  key: string;
  label: string;
  entity: string;
  attribute: string;
  type: AttributeType;
}

export interface SortSpec {
  key: string;
  direction?: 'asc' | 'desc';
}

/** A sort order: `{ key, direction }`, or `"key"` / `"-key"` (descending), or a list of them. */
export type SortInput = SortSpec | string | (SortSpec | string)[];

export interface MembersOptions extends CallOptions {
  offset?: number;
  limit?: number;
  sort?: SortInput;
}

export interface MembersResult {
  total: number;
  columns: ColumnDef[];
  rows: Record<string, unknown>[];
}

export interface SuggestOptions extends CallOptions {
  query?: string;
  limit?: number;
}

export interface ValueSuggestion {
  value: unknown;
  label?: string;
  count: number;
}

/**
 * One value of a categorical attribute. `count` is in customers (audience members): for
 * an audience attribute the rows that hold the value; for an attribute of a related
 * entity (`Order.Status`), the customers with at least one linked row that holds it —
 * what `with at least 1 Order where Status is …` would count. `rows`: how many rows of
 * the attribute's entity hold it (equal to `count` for the audience).
 */
export interface AttributeValueStat {
  value: unknown;
  label?: string;
  count: number;
  rows?: number;
}

/**
 * A bar of a numeric histogram: the values `from <= v < to` (the last bar: `from <= v <= to`),
 * with nice bounds (1, 2, 2.5 or 5 × a power of ten apart). `count` and `rows` as in
 * `AttributeValueStat`.
 */
export interface HistogramBin {
  from: number;
  to: number;
  count: number;
  rows?: number;
}

/**
 * A bar of a date histogram: the UTC calendar days `from` through `to` (ISO dates
 * `YYYY-MM-DD`, both included: exactly what the `between` operator takes), one month or
 * one year. `count` and `rows` as in `AttributeValueStat`.
 */
export interface DateHistogramBin {
  from: string;
  to: string;
  count: number;
  rows?: number;
}

/**
 * What a provider can say about one attribute's values (quick segments' insights). The
 * original fields (`total`, `nulls`, `distinct`, `top`, `min`, `max`, `mean`, `percentiles`)
 * are always there; the others are optional, so a provider that has only those still
 * fits. Counts are customers (see `AttributeValueStat`) except `total` and `nulls`, which
 * count the entity's rows, and the percentiles, range and mean, which are over the rows'
 * values.
 */
export type AttributeStats =
  | {
      type: 'string' | 'boolean';
      total: number;
      nulls: number;
      distinct: number;
      top: AttributeValueStat[];
      /** Audience members in the data: what the customer counts are out of. */
      customers?: number;
      /** True for an attribute of a related entity (counts are customers with at least one linked row that matches). */
      related?: boolean;
      /** Customers with an empty value (related: with at least one linked row whose value is empty). */
      empty?: number;
      /** Boolean attributes: customers with true, with false, with an empty value (related: with at least one such linked row). */
      counts?: { true: number; false: number; empty: number };
    }
  | {
      type: 'number';
      total: number;
      nulls: number;
      min: number | null;
      max: number | null;
      mean: number | null;
      percentiles: Record<string, number | null>;
      customers?: number;
      related?: boolean;
      empty?: number;
      /** The values in bars with nice bounds (empty when there are no values). */
      histogram?: HistogramBin[];
      /** An enumeration (the attribute has `values`): its values by customers, most first (at most 10), as for a string. */
      top?: AttributeValueStat[];
      distinct?: number;
    }
  | {
      type: 'date';
      total: number;
      nulls: number;
      min: string | null;
      max: string | null;
      customers?: number;
      related?: boolean;
      empty?: number;
      /** Bars by month, or by year when the values span more than ten years (`unit` says which). */
      histogram?: DateHistogramBin[];
      unit?: 'month' | 'year';
    };

export interface TrendOptions extends CallOptions {
  from?: string | Date | number;
  to?: string | Date | number;
}

export interface TrendPoint {
  date: string;
  count: number;
}

export type SegmentStatus = 'draft' | 'notStarted' | 'running' | 'succeeded' | 'failed' | 'skipped';

/** When a segment refreshes: `system` = with the system refresh; `manual` = only when asked. */
export type RefreshSchedule = 'system' | 'daily' | 'weekly' | 'monthly' | 'manual';
export const REFRESH_SCHEDULES: readonly RefreshSchedule[] = ['system', 'daily', 'weekly', 'monthly', 'manual'];

export interface SegmentSummary {
  id: string;
  name: string;
  displayName?: string;
  description?: string;
  type: SegmentType;
  state: SegmentState;
  status: SegmentStatus;
  memberCount: number | null;
  lastRefreshed: string | null;
  tags: string[];
  createdAt: string;
  updatedAt: string;
  /** Ids of the segments that reference this one. */
  usedBy: string[];
  /** The message of the last failed refresh (or of why a scheduled change was not applied); null when the last one went well. */
  lastError: string | null;
  /** When it refreshes. Default: `system` for a dynamic segment, `manual` for a static one (its snapshot changes only when asked). */
  schedule: RefreshSchedule;
  /** A scheduled activation (ISO instant), cleared once the provider's clock passes it and it is applied. */
  activateAt: string | null;
  /** A scheduled deactivation (ISO instant), cleared once applied. */
  deactivateAt: string | null;
}

export interface ListOptions extends CallOptions {
  search?: string;
  tags?: string[];
  sort?: SortInput;
  offset?: number;
  limit?: number;
}

export interface SegmentPatch {
  /** Activate or deactivate now (this clears a scheduled change in the same direction). A draft cannot be activated. */
  state?: SegmentState;
  type?: SegmentType;
  tags?: string[];
  displayName?: string;
  schedule?: RefreshSchedule;
  /** Activate at this ISO instant (a Date is accepted too); null cancels. A draft cannot be scheduled for activation. */
  activateAt?: string | Date | null;
  /** Deactivate at this ISO instant (a Date is accepted too); null cancels. */
  deactivateAt?: string | Date | null;
}

export interface DeleteOptions extends CallOptions {
  /**
   * Delete even when other segments use the ones deleted: those are kept, as inactive
   * drafts naming the deleted segment in `lastError`. Without it, such a delete rejects
   * with `conflict`.
   */
  force?: boolean;
}

/** Why a member is in or out: the truth value of every rule and node (see `model/explain.ts`). */
export type { ExplainedValue, Explanation, NodeExplanation, RuleExplanation } from '../model/explain.js';
import type { Explanation } from '../model/explain.js';

export interface SegmentProvider {
  getCatalog(opts?: CallOptions): Promise<Catalog>;
  count(segment: SegmentDocument, opts?: CallOptions): Promise<CountResult>;
  members(segment: SegmentDocument, opts?: MembersOptions): Promise<MembersResult>;
  suggestValues(entity: string, attribute: string, opts?: SuggestOptions): Promise<ValueSuggestion[]>;
  attributeStats?(entity: string, attribute: string, opts?: CallOptions): Promise<AttributeStats>;
  trend(segmentId: string, opts?: TrendOptions): Promise<TrendPoint[]>;
  listSegments(opts?: ListOptions): Promise<{ total: number; items: SegmentSummary[] }>;
  getSegment(id: string, opts?: CallOptions): Promise<SegmentDocument>;
  saveSegment(doc: SegmentDocument, opts?: CallOptions): Promise<SegmentSummary>;
  deleteSegments(ids: string[], opts?: DeleteOptions): Promise<void>;
  refreshSegments(ids: string[], opts?: CallOptions): Promise<SegmentSummary[]>;
  updateSegments(ids: string[], patch: SegmentPatch, opts?: CallOptions): Promise<SegmentSummary[]>;
  explain?(segment: SegmentDocument, memberKey: string, opts?: CallOptions): Promise<Explanation>;
}

export type SegmentProviderErrorCode =
  'not-found' | 'invalid-segment' | 'invalid-argument' | 'aborted' | 'conflict' | 'storage' | 'unavailable' | 'internal';

/** The error every provider method rejects with: a code and a message a person can read. */
export class SegmentProviderError extends Error {
  readonly code: SegmentProviderErrorCode | (string & {});
  readonly details?: unknown;
  constructor(code: SegmentProviderErrorCode | (string & {}), message: string, details?: unknown) {
    super(message);
    this.name = code === 'aborted' ? 'AbortError' : 'SegmentProviderError';
    this.code = code;
    if (details !== undefined) this.details = details;
  }
}

/** Is this error an abort (a superseded or cancelled call), which UIs ignore? */
export function isAbortError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || (error instanceof SegmentProviderError && error.code === 'aborted'));
}

/** Throw an `aborted` SegmentProviderError (named AbortError) if the signal is aborted. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new SegmentProviderError('aborted', 'The request was cancelled.');
}
