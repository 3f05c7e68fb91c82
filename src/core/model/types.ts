/**
 * The catalog and segment document types (SPEC sections 2 and 3).
 * Field names are public API: keep them.
 */
import type { Operator } from './operators.js';

export type AttributeType = 'string' | 'number' | 'date' | 'boolean';

/** What the provider says the data looks like. */
export interface Catalog {
  /** The profile entity, e.g. `"Customer"`. */
  audience: string;
  entities: EntityDef[];
  /** How other entities reach the audience (many-to-one: each `from` row belongs to one `to` row). */
  relationships: RelationshipDef[];
}

export interface EntityDef {
  name: string;
  label?: string;
  /** The attribute that identifies a row. */
  key: string;
  attributes: AttributeDef[];
}

export interface AttributeValueOption {
  value: string | number;
  label?: string;
}

export interface AttributeDef {
  name: string;
  label?: string;
  type: AttributeType;
  /** A closed list of values (an enumeration). */
  values?: AttributeValueOption[];
}

export interface RelationshipDef {
  name: string;
  from: string;
  fromAttribute: string;
  to: string;
  toAttribute: string;
}

export type Combinator = 'and' | 'or';
export type SetOperator = 'union' | 'intersect' | 'except';
export type SegmentType = 'dynamic' | 'static';
export type SegmentState = 'active' | 'inactive';
/** `day | week | month | year`: defined with the calendar (`dates.ts`). */
export type { RelativeUnit } from './dates.js';
import type { RelativeUnit } from './dates.js';

/** `{amount, unit}` for inLast / notInLast / inNext / isAnniversaryInNext. */
export interface RelativeValue {
  amount: number;
  unit: RelativeUnit;
  [unknownField: string]: unknown;
}

export type ScalarValue = string | number | boolean;
/** A condition's value: its shape depends on the operator (SPEC section 4). */
export type ConditionValue = ScalarValue | ScalarValue[] | RelativeValue | null | undefined;

interface NodeBase {
  /** Unique within the document; `parseSegment` assigns missing ones. */
  id?: string;
  [unknownField: string]: unknown;
}

export interface GroupNode extends NodeBase {
  kind: 'group';
  combinator: Combinator;
  not?: boolean;
  children: SegmentNode[];
}

export interface ConditionNode extends NodeBase {
  kind: 'condition';
  entity: string;
  attribute: string;
  /** An operator name, or `""` while the user has not chosen one yet. */
  operator: Operator | '';
  value?: ConditionValue;
}

export type Quantifier = 'any' | 'none' | 'atLeast' | 'atMost' | 'exactly';
export type Aggregate = 'sum' | 'avg' | 'min' | 'max' | 'count';

export interface QuantifierMatch {
  quantifier: Quantifier;
  /** Required for atLeast / atMost / exactly: a non-negative integer. */
  count?: number;
  [unknownField: string]: unknown;
}

export interface AggregateMatch {
  aggregate: Aggregate;
  /** The aggregated attribute (not for `count`). */
  attribute?: string;
  operator: Operator | '';
  value?: ConditionValue;
  [unknownField: string]: unknown;
}

export type RelatedMatch = QuantifierMatch | AggregateMatch;

export interface RelatedNode extends NodeBase {
  kind: 'related';
  entity: string;
  match: RelatedMatch;
  /** Optional: without it, all linked rows. */
  where?: SegmentNode;
}

export type SegmentNode = GroupNode | ConditionNode | RelatedNode;

export interface SegmentRule {
  id?: string;
  name?: string;
  /** Joins this rule to the result of the rules before it; the first rule has none. */
  setOperator?: SetOperator;
  where?: SegmentNode;
  /** The id of another saved segment (compound segments). */
  segment?: string;
  [unknownField: string]: unknown;
}

export interface ProjectedAttribute {
  entity: string;
  attribute: string;
  [unknownField: string]: unknown;
}

export interface SegmentDocument {
  schemaVersion: 1;
  id?: string;
  /** An identifier: letters, digits and `_`, no spaces. */
  name?: string;
  displayName?: string;
  description?: string;
  type?: SegmentType;
  state?: SegmentState;
  tags?: string[];
  audience: string;
  rules: SegmentRule[];
  projectedAttributes?: ProjectedAttribute[];
  /** Static segments: the member keys captured at the last refresh. */
  snapshot?: string[];
  [unknownField: string]: unknown;
}

/** One problem found in a document. `path` is a JSON pointer (RFC 6901). */
export interface SegmentError {
  path: string;
  code: SegmentErrorCode;
  /** The problem in English, for a person. */
  message: string;
  /**
   * The values the message is made of (names, labels, numbers; `variant` where one code
   * has several messages), so that `errorMessage(error, translator)` can render it in
   * another language from the `error.<code>` entry of the message table. Every error of
   * `parseSegment` and `validateSegment` has them; without them, show `message`.
   */
  params?: SegmentErrorParams;
  /** The id of the rule or node the error belongs to, when it has one. */
  nodeId?: string;
}

/** The parameters of a `SegmentError` (see the `error.<code>` entries of the message table). */
export type SegmentErrorParams = { readonly [name: string]: string | number | boolean | null | readonly string[] | undefined };

export type SegmentErrorCode =
  // structure (parseSegment)
  | 'invalid-json'
  | 'not-object'
  | 'unsupported-version'
  | 'invalid-version'
  | 'missing-field'
  | 'wrong-type'
  | 'invalid-option'
  | 'unknown-kind'
  | 'unknown-operator'
  | 'invalid-value'
  | 'missing-value'
  | 'invalid-date'
  | 'duplicate-id'
  | 'too-deep'
  | 'not-json'
  // meaning (validateSegment)
  | 'unknown-audience'
  | 'unknown-entity'
  | 'unknown-attribute'
  | 'missing-attribute'
  | 'missing-operator'
  | 'operator-not-allowed'
  | 'value-type'
  | 'value-not-allowed'
  | 'entity-out-of-scope'
  | 'no-relationship'
  | 'empty-group'
  | 'empty-rule'
  | 'ambiguous-rule'
  | 'set-operator-on-first-rule'
  | 'no-rules'
  | 'unknown-segment'
  | 'segment-cycle'
  | 'missing-name'
  | 'invalid-name';
