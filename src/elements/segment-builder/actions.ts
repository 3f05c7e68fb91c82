/**
 * The builder's adding actions and how a row's change becomes an edit: each through the
 * core's edit operations, with focus sent where the user goes next.
 */
import { addNode, addRule as addRuleOp, setConditionAttribute, updateCondition } from '../../core/model/edit.js';
import type { SegmentNode, SetOperator } from '../../core/model/types.js';
import type { ConditionChangeEvent } from '../shared/events.js';
import type { BuilderView } from './view.js';

/** Add an empty condition (or a group holding one) to a group, related block or rule; focus its attribute. */
export function addCondition(view: BuilderView, parentId: string, scope: string, asGroup = false, index?: number): void {
  const condition = view.editor.newCondition(scope);
  const node: SegmentNode = asGroup ? { kind: 'group', combinator: 'and', children: [condition] } : condition;
  view.edit((d) => addNode(d, parentId, node, index), { focus: { key: condition.id!, part: 'attribute' } });
}

/** Add a rule joined by `setOperator`: a first condition, or a saved-segment reference with its picker focused. */
export function addRule(view: BuilderView, setOperator: SetOperator, fromSegment: boolean): void {
  const doc = view.editor.segment;
  if (!doc) return;
  const join = doc.rules.length > 0 ? { setOperator } : {};
  if (fromSegment) {
    const id = `r${Math.random().toString(36).slice(2, 10)}`;
    view.edit((d) => addRuleOp(d, { id, ...join, segment: '' }), { focus: { key: `${id}:ref`, part: 'segment' } });
    return;
  }
  const condition = view.editor.newCondition(doc.audience);
  view.edit((d) => addRuleOp(d, { ...join, where: condition }), { focus: { key: condition.id!, part: 'attribute' } });
}

/** Alt+Shift+C / G: after the focused node (in its group), inside a focused group or block, or into the focused rule. */
export function addAfter(view: BuilderView, key: string, asGroup: boolean): void {
  const doc = view.editor.segment;
  const row = view.editor.rows.find((r) => r.key === key);
  if (!row || !doc) return;
  if ('node' in row) {
    if (row.kind === 'group') addCondition(view, row.node.id!, row.scope, asGroup);
    else if (row.kind === 'related') addCondition(view, row.node.id!, row.node.entity, asGroup);
    else addCondition(view, row.parentId, row.scope, asGroup, row.inGroup ? row.index + 1 : undefined);
  } else if (row.kind === 'add') addCondition(view, row.parentId, row.scope, asGroup);
  else {
    const rule = doc.rules[row.ruleIndex];
    if (rule?.id && rule.segment === undefined)
      addCondition(view, rule.where?.kind === 'group' ? rule.where.id! : rule.id, doc.audience, asGroup);
  }
}

/** A `<condition-row>` changed its condition: the matching edit (attribute, operator, or a coalesced value). */
export function applyConditionChange(view: BuilderView, e: ConditionChangeEvent): void {
  e.stopPropagation();
  const { id, change, condition } = e.detail;
  const catalog = view.activeCatalog;
  if (!id) return;
  view.editor.touch(id);
  if (change.kind === 'attribute' && catalog) {
    view.edit((d) => setConditionAttribute(d, id, catalog, change.entity, change.attribute), { focus: { key: id, part: 'operator' } });
  } else if (change.kind === 'operator') {
    view.edit((d) => updateCondition(d, id, { operator: condition.operator, value: condition.value }));
  } else if (change.kind === 'value') {
    view.edit((d) => updateCondition(d, id, { value: change.value }), { coalesce: `value:${id}` });
  }
}
