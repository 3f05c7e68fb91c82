/**
 * Edit operations on segment documents. Every operation is pure: it returns a new
 * document, shares the untouched parts, and never changes its input. Rules and nodes
 * are addressed by id (`parseSegment` gives every rule and node one); new nodes get
 * fresh ids and existing ids stay stable. An operation that cannot apply throws a
 * `SegmentEditError` with a code and leaves nothing changed.
 */
import { indexCatalog } from './catalog.js';
import { operatorSpec, operatorsFor, valueShapeOf, type ValueShape } from './operators.js';
import { freshId } from './ids.js';
import type {
  AttributeType,
  Catalog,
  Combinator,
  ConditionNode,
  ConditionValue,
  GroupNode,
  RelatedMatch,
  RelatedNode,
  SegmentDocument,
  SegmentNode,
  SegmentRule,
  SegmentType,
  SetOperator,
} from './types.js';

export type SegmentEditErrorCode = 'not-found' | 'invalid-target' | 'invalid-argument';

/** Thrown by an edit operation that cannot apply; the input is left as it was. */
export class SegmentEditError extends Error {
  readonly code: SegmentEditErrorCode;
  constructor(code: SegmentEditErrorCode, message: string) {
    super(message);
    this.name = 'SegmentEditError';
    this.code = code;
  }
}

/** A node without its id (ids are assigned on insert). */
export type NewNode = SegmentNode;

// ---------------------------------------------------------------- traversal

/** Where a node sits: the rule it belongs to and its parent. */
export interface NodeLocation {
  node: SegmentNode;
  ruleIndex: number;
  /** The parent node (group or related), or undefined when the node is the rule's `where`. */
  parent?: GroupNode | RelatedNode;
  /** Index among the parent group's children (0 when it is a `where`). */
  index: number;
  /** Ids from the rule down to the node's parent. */
  ancestors: string[];
  /** The entity conditions at this node name: the audience or the nearest enclosing related entity. */
  scope: string;
}

/** Every node of a tree, parents before children. */
export function* walkNodes(node: SegmentNode | undefined): Generator<SegmentNode> {
  if (!node) return;
  yield node;
  if (node.kind === 'group') for (const c of node.children) yield* walkNodes(c);
  else if (node.kind === 'related') yield* walkNodes(node.where);
}

/** All ids used in a document (rules and nodes). */
export function collectIds(doc: SegmentDocument): Set<string> {
  const ids = new Set<string>();
  for (const rule of doc.rules) {
    if (rule.id) ids.add(rule.id);
    addIds(rule.where, ids);
  }
  return ids;
}

/** The ids of a subtree, by plain recursion: every edit calls this on the whole document (hot at thousands of nodes). */
function addIds(node: SegmentNode | undefined, ids: Set<string>): void {
  if (!node) return;
  if (node.id) ids.add(node.id);
  if (node.kind === 'group') for (const c of node.children) addIds(c, ids);
  else if (node.kind === 'related') addIds(node.where, ids);
}

/** Find a node by id: where it sits and its scope entity. */
export function findNode(doc: SegmentDocument, id: string): NodeLocation | undefined {
  for (let r = 0; r < doc.rules.length; r++) {
    const rule = doc.rules[r]!;
    if (!rule.where) continue;
    const found = search(rule.where, id, r, undefined, 0, doc.audience);
    if (found) return found;
  }
  return undefined;
}

/**
 * Depth-first search for `id`. The ancestors are collected on the way back from the hit
 * (each caller on the path prepends its id), so the nodes that are not on the path
 * allocate nothing.
 */
function search(
  node: SegmentNode,
  id: string,
  ruleIndex: number,
  parent: GroupNode | RelatedNode | undefined,
  index: number,
  scope: string,
): NodeLocation | undefined {
  if (node.id === id) return { node, ruleIndex, parent, index, ancestors: [], scope };
  let found: NodeLocation | undefined;
  if (node.kind === 'group') {
    for (let i = 0; i < node.children.length && !found; i++) found = search(node.children[i]!, id, ruleIndex, node, i, scope);
  } else if (node.kind === 'related' && node.where) {
    found = search(node.where, id, ruleIndex, node, 0, node.entity);
  }
  if (found && node.id) found.ancestors.unshift(node.id);
  return found;
}

function ruleIndexOf(doc: SegmentDocument, ruleId: string): number {
  const i = doc.rules.findIndex((r) => r.id === ruleId);
  if (i < 0) throw new SegmentEditError('not-found', `There is no rule "${ruleId}".`);
  return i;
}

function locate(doc: SegmentDocument, id: string): NodeLocation {
  const loc = findNode(doc, id);
  if (!loc) throw new SegmentEditError('not-found', `There is no condition or group "${id}".`);
  return loc;
}

/**
 * Rebuild the tree with the node `id` replaced by what `fn` returns (a node, several
 * nodes to splice into a group, or null to remove it). Only the path to the node is
 * copied.
 */
function replaceNode(doc: SegmentDocument, id: string, fn: (node: SegmentNode) => SegmentNode | SegmentNode[] | null): SegmentDocument {
  const loc = locate(doc, id);
  let taken: Set<string> | undefined;
  const singleNode = (out: SegmentNode | SegmentNode[] | null): SegmentNode | null => {
    const one = asSingle(out);
    if (one && !one.id) {
      if (!taken) {
        taken = collectIds(doc);
        addIds(one, taken);
      }
      return { ...one, id: freshId(taken, 'g') };
    }
    return one;
  };
  const rule = doc.rules[loc.ruleIndex]!;
  const rewrite = (node: SegmentNode): SegmentNode | SegmentNode[] | null => {
    if (node.id === id) return fn(node);
    if (node.kind === 'group') {
      const i = node.children.findIndex((c) => c.id === id || (c.id !== undefined && loc.ancestors.includes(c.id)));
      if (i < 0) return node;
      const out = rewrite(node.children[i]!);
      const children = node.children.slice();
      if (out === null) children.splice(i, 1);
      else if (Array.isArray(out)) children.splice(i, 1, ...out);
      else children[i] = out;
      return { ...node, children };
    }
    if (node.kind === 'related' && node.where) {
      const out = rewrite(node.where);
      const copy: RelatedNode = { ...node };
      const single = singleNode(out);
      if (single === null) delete copy.where;
      else copy.where = single;
      return copy;
    }
    return node;
  };
  const out = rewrite(rule.where!);
  const newRule: SegmentRule = { ...rule };
  const single = singleNode(out);
  if (single === null) delete newRule.where;
  else newRule.where = single;
  return withRule(doc, loc.ruleIndex, newRule);
}

/** Several nodes where one goes: wrap them in an `and` group. */
function asSingle(out: SegmentNode | SegmentNode[] | null): SegmentNode | null {
  if (!Array.isArray(out)) return out;
  if (out.length === 0) return null;
  if (out.length === 1) return out[0]!;
  return { kind: 'group', combinator: 'and', children: out };
}

function withRule(doc: SegmentDocument, index: number, rule: SegmentRule): SegmentDocument {
  const rules = doc.rules.slice();
  rules[index] = rule;
  return { ...doc, rules };
}

/** A deep copy of a node with fresh ids for it and every descendant that lacks one or clashes. */
function withIds(node: SegmentNode, taken: Set<string>, fresh: boolean): SegmentNode {
  const prefix = node.kind === 'group' ? 'g' : node.kind === 'related' ? 'x' : 'c';
  const id = !fresh && node.id && !taken.has(node.id) ? node.id : freshId(taken, prefix);
  taken.add(id);
  if (node.kind === 'group') return { ...node, id, children: node.children.map((c) => withIds(c, taken, fresh)) };
  if (node.kind === 'related') {
    const copy: RelatedNode = { ...node, id, match: { ...node.match } };
    if (node.where) copy.where = withIds(node.where, taken, fresh);
    return copy;
  }
  const copy: ConditionNode = { ...node, id };
  if (Array.isArray(node.value)) copy.value = node.value.slice();
  else if (node.value && typeof node.value === 'object') copy.value = { ...node.value };
  return copy;
}

/** Insert `node` into a container: a group's children, or a rule's / related node's `where`. */
function insertInto(container: SegmentNode | undefined, node: SegmentNode, index: number | undefined): SegmentNode {
  if (!container) return node;
  if (container.kind === 'group') {
    const children = container.children.slice();
    const at = index === undefined ? children.length : Math.max(0, Math.min(index, children.length));
    children.splice(at, 0, node);
    return { ...container, children };
  }
  const children: SegmentNode[] = [container];
  children.splice(index === undefined ? 1 : Math.max(0, Math.min(index, 1)), 0, node);
  return { kind: 'group', combinator: 'and', children };
}

// ---------------------------------------------------------------- nodes

/**
 * Add `node` to a parent: a group (inserted at `index`, default last), a related node or
 * a rule (its `where`; an existing single node is wrapped with the new one in an `and`
 * group). The node and its descendants get fresh ids where they have none.
 */
export function addNode(doc: SegmentDocument, parentId: string, node: NewNode, index?: number): SegmentDocument {
  const taken = collectIds(doc);
  const added = withIds(node, taken, false);
  const ruleIndex = doc.rules.findIndex((r) => r.id === parentId);
  if (ruleIndex >= 0) {
    const rule = doc.rules[ruleIndex]!;
    if (rule.segment !== undefined)
      throw new SegmentEditError('invalid-target', 'This rule refers to a segment; it has no conditions to add to.');
    const where = insertInto(rule.where, added, index);
    return withRule(doc, ruleIndex, { ...rule, where: where.id ? where : { ...where, id: freshId(taken, 'g') } });
  }
  const loc = locate(doc, parentId);
  if (loc.node.kind === 'condition')
    throw new SegmentEditError('invalid-target', 'A condition cannot hold other conditions: add to its group instead.');
  return replaceNode(doc, parentId, (parent) => {
    if (parent.kind === 'group') return insertInto(parent, added, index);
    const related = parent as RelatedNode;
    const where = insertInto(related.where, added, index);
    return { ...related, where: where.id ? where : { ...where, id: freshId(taken, 'g') } };
  });
}

/** Remove a node (and everything under it). Removing a rule's only node leaves the rule empty. */
export function removeNode(doc: SegmentDocument, id: string): SegmentDocument {
  return replaceNode(doc, id, () => null);
}

/** Insert a copy of a node (fresh ids) right after it. */
export function duplicateNode(doc: SegmentDocument, id: string): SegmentDocument {
  const taken = collectIds(doc);
  return replaceNode(doc, id, (node) => [node, withIds(node, taken, true)]);
}

/**
 * Move a node to a new parent (a group, related node or rule) at `index` among the
 * parent's children after the node has been taken out. Moving a node into itself or one
 * of its descendants is refused.
 */
export function moveNode(doc: SegmentDocument, id: string, targetParentId: string, index?: number): SegmentDocument {
  const loc = locate(doc, id);
  if (targetParentId === id) throw new SegmentEditError('invalid-target', 'A node cannot be moved into itself.');
  for (const n of walkNodes(loc.node)) {
    if (n.id === targetParentId) throw new SegmentEditError('invalid-target', 'A group cannot be moved into one of its own children.');
  }
  if (!doc.rules.some((r) => r.id === targetParentId)) {
    const target = locate(doc, targetParentId);
    if (target.node.kind === 'condition') throw new SegmentEditError('invalid-target', 'A condition cannot hold other conditions.');
  } else if (doc.rules[ruleIndexOf(doc, targetParentId)]!.segment !== undefined) {
    throw new SegmentEditError('invalid-target', 'This rule refers to a segment; it has no conditions to move into.');
  }
  // The moved node's ids leave the document with it, so addNode keeps them.
  return addNode(removeNode(doc, id), targetParentId, loc.node, index);
}

/** Move a node one place up (-1) or down (+1) among its siblings. */
export function moveNodeBy(doc: SegmentDocument, id: string, delta: -1 | 1): SegmentDocument {
  const loc = locate(doc, id);
  if (!loc.parent || loc.parent.kind !== 'group')
    throw new SegmentEditError('invalid-target', 'Only a node in a group can move among siblings.');
  const to = loc.index + delta;
  if (to < 0 || to >= loc.parent.children.length)
    throw new SegmentEditError('invalid-target', 'The node is already at the edge of its group.');
  return replaceNode(doc, loc.parent.id!, (g) => {
    const children = (g as GroupNode).children.slice();
    const [n] = children.splice(loc.index, 1);
    children.splice(to, 0, n!);
    return { ...(g as GroupNode), children };
  });
}

/** Indent: move a node into the group just before it (its previous sibling), at the end. */
export function indentNode(doc: SegmentDocument, id: string): SegmentDocument {
  const loc = locate(doc, id);
  if (!loc.parent || loc.parent.kind !== 'group' || loc.index === 0)
    throw new SegmentEditError('invalid-target', 'There is no group before this node to move it into.');
  const prev = loc.parent.children[loc.index - 1]!;
  if (prev.kind === 'group') return moveNode(doc, id, prev.id!);
  // No group before it: wrap the previous sibling and this node in a new group.
  return wrapNodes(doc, [prev.id!, id]);
}

/** Outdent: move a node out of its group, right after the group. */
export function outdentNode(doc: SegmentDocument, id: string): SegmentDocument {
  const loc = locate(doc, id);
  if (!loc.parent || loc.parent.kind !== 'group') throw new SegmentEditError('invalid-target', 'This node is not in a group.');
  const group = locate(doc, loc.parent.id!);
  if (!group.parent || group.parent.kind !== 'group')
    throw new SegmentEditError('invalid-target', 'This node is already at the top of its rule.');
  const without = removeNode(doc, id);
  return addNode(without, group.parent.id!, loc.node, group.index + 1);
}

/** Default value for an operator's value shape. */
export function defaultValue(shape: ValueShape | undefined): ConditionValue {
  if (shape === 'relative') return { amount: 30, unit: 'day' };
  return undefined;
}

/** Carry a value across an operator change where it makes sense, else reset it. */
export function convertValue(value: ConditionValue, from: ValueShape | undefined, to: ValueShape | undefined): ConditionValue {
  if (from === to) return value;
  if (to === 'none' || to === undefined) return undefined;
  if (to === 'relative') return defaultValue(to);
  const first: ConditionValue = Array.isArray(value)
    ? value.find((v) => v !== null && v !== undefined)
    : from === 'scalar' && (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      ? value
      : undefined;
  if (to === 'scalar') return first;
  if (to === 'list') return first === undefined ? [] : [first];
  if (to === 'pair') return first === undefined ? undefined : ([first, null] as unknown as ConditionValue);
  return undefined;
}

/**
 * A condition node with another operator: the value is carried over when the shapes
 * allow (a single value becomes a one-item list, a list its first item, …) or reset.
 * Pure, node-level: elements that edit one condition use it directly.
 */
export function conditionWithOperator(node: ConditionNode, operator: ConditionNode['operator']): ConditionNode {
  if (operator === node.operator) return node;
  const next: ConditionNode = { ...node, operator };
  const value = convertValue(node.value, valueShapeOf(node.operator), valueShapeOf(operator));
  if (value === undefined) delete next.value;
  else next.value = value;
  return next;
}

/**
 * A condition node pointed at another attribute: the operator is kept when the new type
 * allows it (else the type's first operator), the value when the type and shape still
 * fit (else reset). Pure, node-level; it does not place the node in a related block
 * (`setConditionAttribute` does that on a document).
 */
export function conditionWithAttribute(node: ConditionNode, catalog: Catalog, entity: string, attribute: string): ConditionNode {
  const index = indexCatalog(catalog);
  const attr = index.attribute(entity, attribute);
  if (!attr) throw new SegmentEditError('invalid-argument', `${entity} has no attribute "${attribute}".`);
  const oldType: AttributeType | undefined = index.attribute(node.entity, node.attribute)?.type;
  const keepOperator = node.operator !== '' && operatorSpec(attr.type, node.operator) !== undefined;
  const operator = keepOperator ? node.operator : (operatorsFor(attr.type)[0] ?? '');
  const next: ConditionNode = { ...node, entity, attribute, operator };
  const sameKind = keepOperator && oldType === attr.type && !(attr.values && attr.values.length > 0 && node.attribute !== attribute);
  if (!sameKind) {
    const value = defaultValue(valueShapeOf(operator));
    if (value === undefined) delete next.value;
    else next.value = value;
  }
  return next;
}

/**
 * Update a condition: any of operator and value (and other fields but kind and id).
 * Changing the operator without giving a value carries the value over when the shapes
 * allow (a single value becomes a one-item list, a list its first item, …) or resets it.
 */
export function updateCondition(doc: SegmentDocument, id: string, patch: Partial<Omit<ConditionNode, 'kind' | 'id'>>): SegmentDocument {
  const loc = locate(doc, id);
  if (loc.node.kind !== 'condition') throw new SegmentEditError('invalid-target', 'Only a condition can be updated this way.');
  return replaceNode(doc, id, (node) => {
    const c = node as ConditionNode;
    const next: ConditionNode = { ...c };
    for (const [k, v] of Object.entries(patch)) {
      if (k === 'kind' || k === 'id') continue;
      if (v === undefined) delete next[k];
      else next[k] = v;
    }
    const operator = patch.operator;
    if (!('value' in patch) && typeof operator === 'string' && operator !== c.operator) {
      const carried = conditionWithOperator(c, operator as ConditionNode['operator']);
      if (carried.value === undefined) delete next.value;
      else next.value = carried.value;
    }
    return next;
  });
}

/**
 * Point a condition at another attribute. The operator is kept when the new type allows
 * it (else the type's first operator), the value when the type and shape still fit
 * (else reset). Choosing an attribute of an entity the condition cannot see places it
 * in a new related block ("with at least 1 Order where …").
 */
export function setConditionAttribute(
  doc: SegmentDocument,
  id: string,
  catalog: Catalog,
  entity: string,
  attribute: string,
): SegmentDocument {
  const loc = locate(doc, id);
  if (loc.node.kind !== 'condition') throw new SegmentEditError('invalid-target', 'Only a condition has an attribute.');
  const index = indexCatalog(catalog);
  const next = conditionWithAttribute(loc.node, catalog, entity, attribute);
  if (entity === loc.scope || !index.path(loc.scope, entity)) return replaceNode(doc, id, () => next);
  const taken = collectIds(doc);
  const related: RelatedNode = {
    kind: 'related',
    id: freshId(taken, 'x'),
    entity,
    match: { quantifier: 'atLeast', count: 1 },
    where: next,
  };
  return replaceNode(doc, id, () => related);
}

/** A new condition on an attribute, with the type's first operator and an empty value. */
export function createCondition(catalog: Catalog, entity: string, attribute: string): ConditionNode {
  const attr = indexCatalog(catalog).attribute(entity, attribute);
  const operator = attr ? (operatorsFor(attr.type)[0] ?? '') : '';
  const node: ConditionNode = { kind: 'condition', entity, attribute, operator };
  const value = defaultValue(valueShapeOf(operator));
  if (value !== undefined) node.value = value;
  return node;
}

/** A condition with no attribute chosen yet (the builder opens the picker on it). */
export function createEmptyCondition(entity = ''): ConditionNode {
  return { kind: 'condition', entity, attribute: '', operator: '' };
}

/** Wrap sibling nodes (same group, or a rule's single node) in a new group at the first one's place. */
export function wrapNodes(doc: SegmentDocument, ids: string[], combinator: Combinator = 'and'): SegmentDocument {
  if (ids.length === 0) throw new SegmentEditError('invalid-argument', 'Choose at least one node to group.');
  const locs = ids.map((id) => locate(doc, id));
  const first = locs[0]!;
  for (const l of locs) {
    if (l.parent !== first.parent || l.ruleIndex !== first.ruleIndex)
      throw new SegmentEditError('invalid-target', 'Only nodes side by side in the same group can be grouped together.');
  }
  const taken = collectIds(doc);
  const gid = freshId(taken, 'g');
  if (!first.parent || first.parent.kind === 'related') {
    return replaceNode(doc, first.node.id!, (n) => ({ kind: 'group', id: gid, combinator, children: [n] }));
  }
  const group = first.parent;
  const order = locs.map((l) => l.index).sort((a, b) => a - b);
  return replaceNode(doc, group.id!, (g) => {
    const children = (g as GroupNode).children;
    const picked = order.map((i) => children[i]!);
    const rest = children.filter((_, i) => !order.includes(i));
    rest.splice(order[0]!, 0, { kind: 'group', id: gid, combinator, children: picked });
    return { ...(g as GroupNode), children: rest };
  });
}

/** Replace a group by its children (the opposite of wrapping). */
export function unwrapGroup(doc: SegmentDocument, groupId: string): SegmentDocument {
  const loc = locate(doc, groupId);
  if (loc.node.kind !== 'group') throw new SegmentEditError('invalid-target', 'Only a group can be ungrouped.');
  return replaceNode(doc, groupId, (g) => (g as GroupNode).children);
}

function updateGroup(doc: SegmentDocument, id: string, fn: (g: GroupNode) => GroupNode): SegmentDocument {
  const loc = locate(doc, id);
  if (loc.node.kind !== 'group') throw new SegmentEditError('invalid-target', 'This is not a group.');
  return replaceNode(doc, id, (n) => fn(n as GroupNode));
}

/** Toggle a group's NOT. */
export function toggleNot(doc: SegmentDocument, groupId: string): SegmentDocument {
  return updateGroup(doc, groupId, (g) => {
    const next = { ...g };
    if (g.not) delete next.not;
    else next.not = true;
    return next;
  });
}

/** Set a group's AND/OR. */
export function setCombinator(doc: SegmentDocument, groupId: string, combinator: Combinator): SegmentDocument {
  if (combinator !== 'and' && combinator !== 'or') throw new SegmentEditError('invalid-argument', 'The combinator must be "and" or "or".');
  return updateGroup(doc, groupId, (g) => ({ ...g, combinator }));
}

/** Set a related node's match: a quantifier (any, none, at least/at most/exactly N) or an aggregate. */
export function setRelatedMatch(doc: SegmentDocument, relatedId: string, match: RelatedMatch): SegmentDocument {
  const loc = locate(doc, relatedId);
  if (loc.node.kind !== 'related') throw new SegmentEditError('invalid-target', 'Only a related block has a match.');
  return replaceNode(doc, relatedId, (n) => ({ ...(n as RelatedNode), match: { ...match } }));
}

// ---------------------------------------------------------------- rules

/** The first rule has no set operator; every later one has one (`union` when missing). */
function normalizeRules(rules: SegmentRule[]): SegmentRule[] {
  return rules.map((r, i) => {
    if (i === 0 && r.setOperator !== undefined) {
      const copy = { ...r };
      delete copy.setOperator;
      return copy;
    }
    if (i > 0 && r.setOperator === undefined) return { ...r, setOperator: 'union' };
    return r;
  });
}

/** Add a rule (default: an empty one) at `index` (default last). */
export function addRule(doc: SegmentDocument, rule: SegmentRule = {}, index?: number): SegmentDocument {
  const taken = collectIds(doc);
  const copy: SegmentRule = { ...rule, id: rule.id && !taken.has(rule.id) ? rule.id : freshId(taken, 'r') };
  if (rule.where) copy.where = withIds(rule.where, taken, false);
  const rules = doc.rules.slice();
  rules.splice(index === undefined ? rules.length : Math.max(0, Math.min(index, rules.length)), 0, copy);
  return { ...doc, rules: normalizeRules(rules) };
}

export function removeRule(doc: SegmentDocument, ruleId: string): SegmentDocument {
  const i = ruleIndexOf(doc, ruleId);
  const rules = doc.rules.slice();
  rules.splice(i, 1);
  return { ...doc, rules: normalizeRules(rules) };
}

/** Insert a copy of a rule (fresh ids, name kept) right after it. */
export function duplicateRule(doc: SegmentDocument, ruleId: string): SegmentDocument {
  const i = ruleIndexOf(doc, ruleId);
  const rule = doc.rules[i]!;
  const taken = collectIds(doc);
  const copy: SegmentRule = { ...rule, id: freshId(taken, 'r'), setOperator: rule.setOperator ?? 'union' };
  if (rule.where) copy.where = withIds(rule.where, taken, true);
  const rules = doc.rules.slice();
  rules.splice(i + 1, 0, copy);
  return { ...doc, rules: normalizeRules(rules) };
}

/** Move a rule to `toIndex`. The rule that ends up first loses its set operator. */
export function moveRule(doc: SegmentDocument, ruleId: string, toIndex: number): SegmentDocument {
  const i = ruleIndexOf(doc, ruleId);
  if (!Number.isInteger(toIndex) || toIndex < 0 || toIndex >= doc.rules.length)
    throw new SegmentEditError('invalid-argument', `There is no rule position ${toIndex}.`);
  const rules = doc.rules.slice();
  const [r] = rules.splice(i, 1);
  rules.splice(toIndex, 0, r!);
  return { ...doc, rules: normalizeRules(rules) };
}

/** Set how a rule joins the rules before it. The first rule has none. */
export function setSetOperator(doc: SegmentDocument, ruleId: string, op: SetOperator): SegmentDocument {
  const i = ruleIndexOf(doc, ruleId);
  if (i === 0) throw new SegmentEditError('invalid-target', 'The first rule has no set operator.');
  if (op !== 'union' && op !== 'intersect' && op !== 'except')
    throw new SegmentEditError('invalid-argument', 'The set operator must be union, intersect or except.');
  return withRule(doc, i, { ...doc.rules[i]!, setOperator: op });
}

/** Make a rule refer to a saved segment (its conditions are dropped), or back to conditions (`undefined`). */
export function setRuleSegment(doc: SegmentDocument, ruleId: string, segmentId: string | undefined): SegmentDocument {
  const i = ruleIndexOf(doc, ruleId);
  const rule = { ...doc.rules[i]! };
  if (segmentId === undefined) delete rule.segment;
  else {
    rule.segment = segmentId;
    delete rule.where;
  }
  return withRule(doc, i, rule);
}

/** Name a rule (an empty or undefined name removes it). */
export function setRuleName(doc: SegmentDocument, ruleId: string, name: string | undefined): SegmentDocument {
  const i = ruleIndexOf(doc, ruleId);
  const rule = { ...doc.rules[i]! };
  if (name === undefined || name === '') delete rule.name;
  else rule.name = name;
  return withRule(doc, i, rule);
}

export interface SegmentProperties {
  name?: string;
  displayName?: string;
  description?: string;
  type?: SegmentType;
  tags?: string[];
}

/** Set the segment's properties. A key given as `undefined` removes that property. */
export function setProperties(doc: SegmentDocument, patch: SegmentProperties): SegmentDocument {
  const next: SegmentDocument = { ...doc };
  for (const key of ['name', 'displayName', 'description', 'type', 'tags'] as const) {
    if (!(key in patch)) continue;
    const v = patch[key];
    if (v === undefined) delete next[key];
    else if (key === 'tags') next.tags = (v as string[]).slice();
    else if (key === 'type') {
      if (v !== 'dynamic' && v !== 'static') throw new SegmentEditError('invalid-argument', 'The type must be dynamic or static.');
      next.type = v;
    } else next[key] = v as string;
  }
  return next;
}

/** A new, empty segment document for an audience. */
export function createSegment(audience: string, props: SegmentProperties = {}): SegmentDocument {
  return setProperties({ schemaVersion: 1, audience, type: 'dynamic', state: 'inactive', rules: [] }, props);
}
