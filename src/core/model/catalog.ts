/** Catalog look-ups: entities, attributes, labels and relationship paths. */
import type { AttributeDef, Catalog, EntityDef, RelationshipDef } from './types.js';

/** One step of a relationship path: from the rows of `from` to the rows of `to`. */
export interface PathStep {
  relationship: RelationshipDef;
  /** The entity this step starts from. */
  from: string;
  /** The entity this step arrives at. */
  to: string;
  /** The attribute on `from` that joins. */
  fromAttribute: string;
  /** The attribute on `to` that joins. */
  toAttribute: string;
}

const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** Fast look-ups over a catalog, built once per catalog object. */
export class CatalogIndex {
  readonly catalog: Catalog;
  private readonly entities = new Map<string, EntityDef>();
  private readonly attributes = new Map<string, Map<string, AttributeDef>>();
  private readonly paths = new Map<string, PathStep[] | null>();

  constructor(catalog: Catalog) {
    this.catalog = catalog;
    for (const entity of Array.isArray(catalog?.entities) ? catalog.entities : []) {
      if (!entity || typeof entity.name !== 'string' || this.entities.has(entity.name)) continue;
      this.entities.set(entity.name, entity);
      const attrs = new Map<string, AttributeDef>();
      for (const a of Array.isArray(entity.attributes) ? entity.attributes : []) {
        if (a && typeof a.name === 'string' && !attrs.has(a.name)) attrs.set(a.name, a);
      }
      this.attributes.set(entity.name, attrs);
    }
  }

  get audience(): string {
    return this.catalog.audience;
  }

  entity(name: string): EntityDef | undefined {
    return this.entities.get(name);
  }

  attribute(entity: string, name: string): AttributeDef | undefined {
    return this.attributes.get(entity)?.get(name);
  }

  /**
   * The shortest chain of relationships linking the rows of `from` to the rows of
   * `to` (either direction per step; ties go to the relationships declared first),
   * or undefined when there is none. `from === to` gives an empty path.
   */
  path(from: string, to: string): PathStep[] | undefined {
    if (from === to) return [];
    const key = `${from}\u0000${to}`;
    if (!this.paths.has(key)) this.paths.set(key, this.search(from, to));
    return this.paths.get(key) ?? undefined;
  }

  private search(from: string, to: string): PathStep[] | null {
    const rels = Array.isArray(this.catalog.relationships) ? this.catalog.relationships : [];
    const previous = new Map<string, PathStep | null>([[from, null]]);
    let frontier = [from];
    while (frontier.length > 0) {
      const next: string[] = [];
      for (const at of frontier) {
        for (const r of rels) {
          if (!r) continue;
          const steps: PathStep[] = [];
          if (r.from === at) {
            steps.push({ relationship: r, from: at, to: r.to, fromAttribute: r.fromAttribute, toAttribute: r.toAttribute });
          }
          if (r.to === at) {
            steps.push({ relationship: r, from: at, to: r.from, fromAttribute: r.toAttribute, toAttribute: r.fromAttribute });
          }
          for (const step of steps) {
            if (previous.has(step.to) || !this.entities.has(step.to)) continue;
            previous.set(step.to, step);
            if (step.to === to) {
              const path: PathStep[] = [];
              let cur: PathStep | null | undefined = step;
              while (cur) {
                path.unshift(cur);
                cur = previous.get(cur.from);
              }
              return path;
            }
            next.push(step.to);
          }
        }
      }
      frontier = next;
    }
    return null;
  }
}

const cache = new WeakMap<Catalog, CatalogIndex>();

/** The index of a catalog, built once and cached per catalog object. */
export function indexCatalog(catalog: Catalog): CatalogIndex {
  if (catalog === null || typeof catalog !== 'object') return new CatalogIndex({ audience: '', entities: [], relationships: [] });
  let index = cache.get(catalog);
  if (!index) {
    index = new CatalogIndex(catalog);
    cache.set(catalog, index);
  }
  return index;
}

/** "TotalAmount" → "Total amount"; "do_not_contact" → "Do not contact". */
export function humanize(name: string): string {
  const words = name
    .replace(/[_\-.]+/g, ' ')
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  return words
    .map((w, i) => (i === 0 ? w[0]!.toUpperCase() + w.slice(1) : /^[A-Z\d]+$/.test(w) && w.length > 1 ? w : w.toLowerCase()))
    .join(' ');
}

/** The label of an entity: its `label`, else its name made readable. */
export function entityLabel(catalog: Catalog, entity: string): string {
  return indexCatalog(catalog).entity(entity)?.label ?? humanize(entity);
}

/** The label of an attribute: its `label`, else its name made readable. */
export function attributeLabel(catalog: Catalog, entity: string, attribute: string): string {
  return indexCatalog(catalog).attribute(entity, attribute)?.label ?? humanize(attribute);
}

/** A simple English plural ("Customer" → "Customers", "Activity" → "Activities"). */
export function plural(word: string): string {
  if (/[^aeiou]y$/i.test(word)) return word.slice(0, -1) + 'ies';
  if (/(s|x|z|ch|sh)$/i.test(word)) return word + 'es';
  return word + 's';
}

export { own as hasOwnKey };
