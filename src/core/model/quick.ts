/**
 * Quick segments: a segment of one condition on one attribute (of the audience, or of a
 * related entity, then inside "with at least 1 … where"), built and changed only through
 * the edit operations, so the result is an ordinary document the builder opens. Also the
 * identifier a display name gives (`"High value, escalated"` → `HighValueEscalated`).
 */
import { addRule, createEmptyCondition, createSegment, setConditionAttribute, walkNodes, type SegmentProperties } from './edit.js';
import { valueShapeOf } from './operators.js';
import type { Catalog, ConditionNode, SegmentDocument } from './types.js';

/**
 * A new quick segment: one rule holding one condition with no attribute yet (or on
 * `entity.attribute` when given), active, with `props`.
 */
export function createQuickSegment(
  catalog: Catalog,
  target?: { entity: string; attribute: string },
  props: SegmentProperties = {},
): SegmentDocument {
  const audience = catalog.audience;
  let doc = addRule({ ...createSegment(audience, props), state: 'active' }, { where: createEmptyCondition(audience) });
  if (target) doc = setConditionAttribute(doc, quickCondition(doc)!.id!, catalog, target.entity, target.attribute);
  return doc;
}

/**
 * The quick segment on another attribute: a fresh condition (placed in a related block
 * when the attribute's entity is not the audience), the properties kept.
 */
export function withQuickAttribute(doc: SegmentDocument, catalog: Catalog, entity: string, attribute: string): SegmentDocument {
  const { name, displayName, description, type, tags } = doc;
  const props: SegmentProperties = {};
  if (name !== undefined) props.name = name;
  if (displayName !== undefined) props.displayName = displayName;
  if (description !== undefined) props.description = description;
  if (type !== undefined) props.type = type;
  if (tags !== undefined) props.tags = tags;
  return createQuickSegment(catalog, { entity, attribute }, props);
}

/** The quick segment's condition (the first condition of its first rule). */
export function quickCondition(doc: SegmentDocument | undefined): ConditionNode | undefined {
  for (const node of walkNodes(doc?.rules[0]?.where)) if (node.kind === 'condition') return node;
  return undefined;
}

const filled = (v: unknown) => v !== undefined && v !== null && v !== '';

/**
 * Does the condition have an attribute, an operator and a value of the operator's shape?
 * (What is asked before counting; the provider still validates.)
 */
export function isConditionComplete(node: ConditionNode | undefined): boolean {
  if (!node || !node.attribute || !node.operator) return false;
  const v = node.value;
  switch (valueShapeOf(node.operator)) {
    case 'none':
      return true;
    case 'scalar':
      return filled(v);
    case 'list':
      return Array.isArray(v) && v.length > 0 && v.every(filled);
    case 'pair':
      return Array.isArray(v) && v.length === 2 && filled(v[0]) && filled(v[1]);
    case 'relative':
      return !!v && typeof v === 'object' && !Array.isArray(v) && typeof (v as { amount?: unknown }).amount === 'number';
    default:
      return false;
  }
}

/**
 * An identifier (letters, digits and `_`, not starting with a digit) from a display name:
 * words joined in PascalCase, accents dropped, other characters left out
 * (`"High value, escalated"` → `HighValueEscalated`, `"2026 spring"` → `_2026Spring`).
 * An empty result stays empty.
 */
export function identifierFrom(displayName: string): string {
  const words = String(displayName ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  const name = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
  return /^\d/.test(name) ? `_${name}` : name;
}
