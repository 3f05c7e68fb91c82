/**
 * The attribute picker's options: the attributes a condition may name from one scope,
 * grouped by entity (the scope first, then the entities reachable from it by
 * relationships, nearest first), built once per catalog and scope and cached; and a
 * filter that returns at most `limit` matches. DOM-free.
 */
import { entityLabel, humanize, indexCatalog } from '../../core/model/catalog.js';
import type { AttributeType, Catalog } from '../../core/model/types.js';

export interface AttributeOption {
  entity: string;
  attribute: string;
  label: string;
  type: AttributeType;
  /** Element id of the option (unique within one picker). */
  id: string;
  /** Lower-cased label and name, for filtering. */
  search: string;
}

export interface AttributeGroup {
  entity: string;
  /** The entity's label; for an entity more than one relationship away, the path ("Online account › Web session"). */
  heading: string;
  /** Element id of the heading. */
  id: string;
  options: AttributeOption[];
}

export interface FilteredGroup {
  group: AttributeGroup;
  options: AttributeOption[];
}

export interface FilterResult {
  groups: FilteredGroup[];
  /** The shown options in order (what the arrow keys walk). */
  flat: AttributeOption[];
  /** How many options match in all (shown or not). */
  total: number;
}

const cache = new WeakMap<Catalog, Map<string, AttributeGroup[]>>();

/** The grouped attribute options for conditions in `scope`, cached per catalog object and scope. */
export function attributeGroups(catalog: Catalog, scope: string): AttributeGroup[] {
  let byScope = cache.get(catalog);
  if (!byScope) {
    byScope = new Map();
    cache.set(catalog, byScope);
  }
  let groups = byScope.get(scope);
  if (!groups) {
    groups = buildGroups(catalog, scope);
    byScope.set(scope, groups);
  }
  return groups;
}

function buildGroups(catalog: Catalog, scope: string): AttributeGroup[] {
  const index = indexCatalog(catalog);
  const entities = Array.isArray(catalog.entities) ? catalog.entities : [];
  const audience = catalog.audience;
  const found: { name: string; hops: number; heading: string; order: number }[] = [];
  entities.forEach((e, order) => {
    if (!e || typeof e.name !== 'string' || index.entity(e.name) !== e) return;
    if (e.name === scope) {
      found.push({ name: e.name, hops: 0, heading: entityLabel(catalog, e.name), order });
      return;
    }
    if (scope !== audience && e.name === audience) return;
    const path = index.path(scope, e.name);
    if (!path || path.length === 0) return;
    const heading = path.length > 1 ? path.map((step) => entityLabel(catalog, step.to)).join(' › ') : entityLabel(catalog, e.name);
    found.push({ name: e.name, hops: path.length, heading, order });
  });
  found.sort((a, b) => a.hops - b.hops || a.order - b.order);
  return found.map((f, g) => {
    const entity = index.entity(f.name)!;
    const options: AttributeOption[] = [];
    const seen = new Set<string>();
    for (const a of Array.isArray(entity.attributes) ? entity.attributes : []) {
      if (!a || typeof a.name !== 'string' || seen.has(a.name)) continue;
      seen.add(a.name);
      const label = typeof a.label === 'string' && a.label !== '' ? a.label : humanize(a.name);
      options.push({
        entity: f.name,
        attribute: a.name,
        label,
        type: a.type,
        id: `attribute-option-${g}-${options.length}`,
        search: `${label}\u0000${a.name}`.toLowerCase(),
      });
    }
    return { entity: f.name, heading: f.heading, id: `attribute-group-${g}`, options };
  });
}

/**
 * The options matching `query` (every word, case-insensitive, in the label or the name),
 * group by group, at most `limit` of them.
 */
export function filterAttributes(groups: AttributeGroup[], query: string, limit: number): FilterResult {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const out: FilteredGroup[] = [];
  const flat: AttributeOption[] = [];
  let total = 0;
  for (const group of groups) {
    let shown: AttributeOption[] | undefined;
    for (const option of group.options) {
      if (words.length > 0 && !words.every((w) => option.search.includes(w))) continue;
      total++;
      if (flat.length >= limit) continue;
      flat.push(option);
      (shown ??= []).push(option);
    }
    if (shown) out.push({ group, options: shown });
  }
  return { groups: out, flat, total };
}
