/**
 * The columns of a `members` answer (SPEC section 6), shared by every provider and the SQL
 * compiler: the audience's attributes keyed by name (its key always among them), then the
 * document's projected attributes keyed `Entity.attribute` (by name when on the audience).
 */
import { attributeLabel, entityLabel, indexCatalog } from '../model/catalog.js';
import type { Catalog, SegmentDocument } from '../model/types.js';
import type { ColumnDef } from './types.js';

/** The columns of `members` rows for a document (undefined: the audience's columns only). Unknown projections are skipped. */
export function memberColumns(catalog: Catalog, doc: SegmentDocument | undefined): ColumnDef[] {
  const index = indexCatalog(catalog);
  const audience = index.entity(catalog.audience);
  if (!audience) return [];
  const out: ColumnDef[] = audience.attributes.map((a) => ({
    key: a.name,
    label: attributeLabel(catalog, audience.name, a.name),
    entity: audience.name,
    attribute: a.name,
    type: a.type,
  }));
  if (!out.some((c) => c.key === audience.key)) {
    out.unshift({
      key: audience.key,
      label: attributeLabel(catalog, audience.name, audience.key),
      entity: audience.name,
      attribute: audience.key,
      type: 'string',
    });
  }
  for (const p of doc?.projectedAttributes ?? []) {
    const attr = index.attribute(p.entity, p.attribute);
    if (!attr) continue;
    const colKey = p.entity === audience.name ? p.attribute : `${p.entity}.${p.attribute}`;
    if (out.some((c) => c.key === colKey)) continue;
    out.push({
      key: colKey,
      label: `${entityLabel(catalog, p.entity)} · ${attributeLabel(catalog, p.entity, p.attribute)}`,
      entity: p.entity,
      attribute: p.attribute,
      type: attr.type,
    });
  }
  return out;
}
