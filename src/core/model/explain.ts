/**
 * Why a member is in or out of a segment: the truth value of every rule and node
 * (SPEC section 6, `explain`). Produced by the in-memory engine (`explainMember`) and by
 * any provider that implements `explain`; shared by both, so the provider types do not
 * depend on the engine.
 */

/** A value a condition was tested on: null for an empty one; dates as written (ISO 8601). */
export type ExplainedValue = string | number | boolean | null;

export interface NodeExplanation {
  id?: string;
  /** JSON pointer of the node in the document, e.g. `/rules/0/where/children/1`. */
  path: string;
  kind: 'group' | 'condition' | 'related';
  /**
   * For nodes on the member's own row: the node's truth value. For nodes inside a
   * `related` block (evaluated once per linked row): true when it holds for at least one
   * of those rows (see `scopeRows` / `trueRows`).
   */
  result: boolean;
  /**
   * related: how many linked rows satisfied `where` (all linked rows without one). For a
   * related block inside another, counted over the distinct rows linked to any of the
   * enclosing block's rows.
   */
  matchedRows?: number;
  /** related: how many distinct rows are linked (same scope as `matchedRows`). */
  linkedRows?: number;
  /** related with an aggregate (on the member's row): its value; null when the aggregate is null; dates as ISO strings. */
  aggregateValue?: number | string | null;
  /**
   * condition: the attribute's values that decided it. On the member's own row, the
   * member's value; inside a related block, the values on up to three of the rows it holds
   * for — first those that satisfy the block's whole filter (the rows it counted) — or,
   * when it holds for none, on up to three of the rows it was tested on (empty when there
   * were none). The rows are taken in the provider's order: the dataset's for the memory
   * provider, key order for the SQL provider.
   */
  values?: ExplainedValue[];
  /** Nodes inside a related block: the rows of the enclosing block's entity it was evaluated on. */
  scopeRows?: number;
  /** Nodes inside a related block: how many of those rows it holds for. */
  trueRows?: number;
}

export interface RuleExplanation {
  index: number;
  id?: string;
  /** The rule's own result for this member. */
  matched: boolean;
  /** Membership after rules 0..index. */
  cumulative: boolean;
  /** Every node of the rule's tree, parent before children (empty for `segment` rules). */
  nodes: NodeExplanation[];
}

export interface Explanation {
  key: string;
  /** False when no audience row has this key. */
  found: boolean;
  member: boolean;
  rules: RuleExplanation[];
}

/** Membership after a rule, from membership before it and the rule's own result (no operator: the first rule). */
export function combineMembership(before: boolean, op: string | undefined, matched: boolean): boolean {
  if (op === undefined) return matched;
  if (op === 'union') return before || matched;
  if (op === 'intersect') return before && matched;
  return before && !matched;
}
