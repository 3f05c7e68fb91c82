/**
 * The editor's outline of a document as a flat list of rows (rule headers, set operators,
 * groups, related blocks, conditions, "add" bars), each with its depth. A flat list
 * renders the same way whether the builder virtualizes it (large segments) or not, and
 * rows whose node did not change keep the same node object, so their elements skip
 * updating. DOM-free.
 */
import type { ConditionNode, GroupNode, RelatedNode, SegmentDocument, SegmentNode, SegmentRule } from '../model/types.js';

interface RowBase {
  /** Stable key: the node or rule id plus the row kind. */
  key: string;
  ruleIndex: number;
  depth: number;
}

/** Rows about a rule itself carry the rule (node rows do not, so they survive edits elsewhere in it). */
interface RuleRowBase extends RowBase {
  rule: SegmentRule;
}

export interface NodeRowBase extends RowBase {
  /** The id of the container: a group, a related node, or the rule (for a rule's root node). */
  parentId: string;
  /** Index among the parent group's children (0 for a root or a related block's `where`). */
  index: number;
  /** How many siblings the node has in its group (1 when not in a group). */
  siblings: number;
  /** Is the parent a group (so the node can move up/down among siblings)? */
  inGroup: boolean;
  /** Can the node be outdented (its group sits in another group)? */
  canOutdent: boolean;
  /** The entity conditions here name. */
  scope: string;
}

export type BuilderRow =
  | (RuleRowBase & { kind: 'rule' })
  | (RuleRowBase & { kind: 'set' })
  | (RuleRowBase & { kind: 'segment-ref' })
  | (RuleRowBase & { kind: 'empty-rule' })
  | (NodeRowBase & { kind: 'group'; node: GroupNode })
  | (NodeRowBase & { kind: 'related'; node: RelatedNode })
  | (NodeRowBase & { kind: 'condition'; node: ConditionNode; position: number })
  | (RowBase & {
      kind: 'add';
      parentId: string;
      scope: string;
      parentKind: 'group' | 'related';
      /** Where it adds, in the user's terms: to the rule itself, to a related block's conditions, or to a nested group. */
      target: 'rule' | 'related' | 'group';
    });

export type NodeRow = Extract<BuilderRow, { kind: 'group' | 'related' | 'condition' }>;

/** Rows of a group or related subtree, with the place they were built for. */
const subtreeRows = new WeakMap<SegmentNode, { place: string; rows: BuilderRow[] }>();

/** Flatten a document into rows, in reading order. */
export function buildRows(doc: SegmentDocument): BuilderRow[] {
  const rows: BuilderRow[] = [];
  doc.rules.forEach((rule, ruleIndex) => {
    const rid = rule.id ?? `rule-${ruleIndex}`;
    if (ruleIndex > 0) rows.push({ kind: 'set', key: `${rid}:set`, ruleIndex, rule, depth: 0 });
    rows.push({ kind: 'rule', key: `${rid}:rule`, ruleIndex, rule, depth: 0 });
    if (rule.segment !== undefined) {
      rows.push({ kind: 'segment-ref', key: `${rid}:ref`, ruleIndex, rule, depth: 1 });
      return;
    }
    if (!rule.where) {
      rows.push({ kind: 'empty-rule', key: `${rid}:empty`, ruleIndex, rule, depth: 1 });
      return;
    }
    const visit = (
      node: SegmentNode,
      parentId: string,
      index: number,
      siblings: number,
      inGroup: boolean,
      canOutdent: boolean,
      depth: number,
      scope: string,
      position: number,
      target: 'rule' | 'related' | 'group',
    ) => {
      // A subtree whose nodes and place did not change gives the same rows as last time
      // (edit operations keep unchanged nodes as the same objects): reuse them.
      const place = `${ruleIndex}|${parentId}|${index}|${siblings}|${inGroup}|${canOutdent}|${depth}|${scope}|${position}|${target}`;
      if (node.kind !== 'condition') {
        const cached = subtreeRows.get(node);
        if (cached && cached.place === place) {
          for (const r of cached.rows) rows.push(r);
          return;
        }
      }
      const start = rows.length;
      const base = {
        key: node.id ?? `${parentId}/${index}`,
        ruleIndex,
        depth,
        parentId,
        index,
        siblings,
        inGroup,
        canOutdent,
        scope,
      };
      if (node.kind === 'condition') {
        rows.push({ ...base, kind: 'condition', node, position });
        return;
      }
      if (node.kind === 'group') {
        rows.push({ ...base, kind: 'group', node });
        const id = node.id ?? base.key;
        let conditionNo = 0;
        node.children.forEach((child, i) => {
          if (child.kind === 'condition') conditionNo++;
          visit(child, id, i, node.children.length, true, inGroup, depth + 1, scope, conditionNo, 'group');
        });
        rows.push({ kind: 'add', key: `${id}:add`, ruleIndex, depth: depth + 1, parentId: id, scope, parentKind: 'group', target });
        subtreeRows.set(node, { place, rows: rows.slice(start) });
        return;
      }
      rows.push({ ...base, kind: 'related', node });
      const id = node.id ?? base.key;
      if (node.where) visit(node.where, id, 0, 1, false, false, depth + 1, node.entity, 1, 'related');
      if (!node.where || node.where.kind !== 'group') {
        rows.push({
          kind: 'add',
          key: `${id}:add`,
          ruleIndex,
          depth: depth + 1,
          parentId: id,
          scope: node.entity,
          parentKind: 'related',
          target: 'related',
        });
      }
      subtreeRows.set(node, { place, rows: rows.slice(start) });
    };
    visit(rule.where, rid, 0, 1, false, false, 1, doc.audience, 1, 'rule');
    if (rule.where.kind !== 'group') {
      rows.push({
        kind: 'add',
        key: `${rid}:add`,
        ruleIndex,
        depth: 1,
        parentId: rid,
        scope: doc.audience,
        parentKind: 'group',
        target: 'rule',
      });
    }
  });
  return rows;
}

/** How many conditions a document has (all rules, all depths). */
export function countConditions(doc: SegmentDocument): number {
  let n = 0;
  const visit = (node: SegmentNode | undefined): void => {
    if (!node) return;
    if (node.kind === 'condition') n++;
    else if (node.kind === 'group') node.children.forEach(visit);
    else visit(node.where);
  };
  doc.rules.forEach((r) => visit(r.where));
  return n;
}
