/**
 * Identifiers: every table and column the compiler writes comes from the catalog (an
 * entity or attribute it has) or from the `tables` mapping for one, quoted by the dialect.
 * A mapping for something the catalog lacks is refused, so a typo cannot go unnoticed.
 */
import type { CatalogIndex } from '../model/catalog.js';
import type { AttributeDef, EntityDef } from '../model/types.js';
import { SegmentProviderError } from '../provider/types.js';
import type { DateStorage, Dialect } from './dialect.js';
import type { SqlDateType, SqlSnapshotTable, SqlTableMapping } from './types.js';

const DATE_TYPES: readonly string[] = ['date', 'timestamp', 'timestamptz'];
const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

export interface ColumnRef {
  /** The quoted column name. */
  sql: string;
  attr: AttributeDef;
  /** Date attributes: how the column stores them. */
  storage: DateStorage;
}

export class Names {
  private readonly tableSql = new Map<string, string>();
  private readonly columnSql = new Map<string, ColumnRef>();

  constructor(
    private readonly catalog: CatalogIndex,
    private readonly dialect: Dialect,
    private readonly tables: Readonly<Record<string, SqlTableMapping>> = {},
    private readonly dateType: SqlDateType | undefined,
  ) {
    if (tables === null || typeof tables !== 'object' || Array.isArray(tables))
      throw new SegmentProviderError('invalid-argument', '`tables` must map entity names to { table?, columns? }.');
    if (dateType !== undefined && !DATE_TYPES.includes(dateType))
      throw new SegmentProviderError(
        'invalid-argument',
        `\`dateType\` must be date, timestamp or timestamptz, not ${JSON.stringify(dateType)}.`,
      );
    for (const entity of Object.keys(tables)) {
      const def = catalog.entity(entity);
      if (!def) throw new SegmentProviderError('invalid-argument', `\`tables\` maps "${entity}", which is not an entity of the catalog.`);
      const m = tables[entity];
      if (m === null || typeof m !== 'object' || Array.isArray(m))
        throw new SegmentProviderError('invalid-argument', `\`tables.${entity}\` must be { table?, columns? }.`);
      const columns = m.columns ?? {};
      if (columns === null || typeof columns !== 'object' || Array.isArray(columns))
        throw new SegmentProviderError('invalid-argument', `\`tables.${entity}.columns\` must map attribute names to columns.`);
      for (const attr of Object.keys(columns)) {
        if (!this.knows(def, attr))
          throw new SegmentProviderError(
            'invalid-argument',
            `\`tables.${entity}.columns\` maps "${attr}", which is not an attribute of ${entity}.`,
          );
        if (catalog.attribute(entity, attr)) this.column(def, attr);
      }
      this.table(def);
    }
  }

  private mapping(entity: string): SqlTableMapping | undefined {
    return own(this.tables, entity) ? this.tables[entity] : undefined;
  }

  /** The quoted (possibly qualified) table of an entity. */
  table(entity: EntityDef): string {
    let sql = this.tableSql.get(entity.name);
    if (sql === undefined) {
      const t = this.mapping(entity.name)?.table ?? entity.name;
      sql = this.qualified(t, `table of ${entity.name}`);
      this.tableSql.set(entity.name, sql);
    }
    return sql;
  }

  qualified(name: string | readonly string[], what: string): string {
    const parts: readonly unknown[] | undefined =
      typeof name === 'string' ? [name] : Array.isArray(name) ? (name as readonly unknown[]) : undefined;
    if (!parts || parts.length === 0 || parts.some((p) => typeof p !== 'string'))
      throw new SegmentProviderError('invalid-argument', `The ${what} must be a name or a list of names.`);
    return (parts as readonly string[]).map((p) => this.dialect.ident(p, what)).join('.');
  }

  /** The quoted column of an attribute (which the catalog must have). */
  column(entity: EntityDef, attribute: string): ColumnRef {
    const cacheKey = `${entity.name}\u0000${attribute}`;
    let ref = this.columnSql.get(cacheKey);
    if (ref) return ref;
    const attr = this.catalog.attribute(entity.name, attribute);
    if (!attr) throw new SegmentProviderError('invalid-segment', `The catalog's ${entity.name} has no attribute "${attribute}".`);
    const columns = this.mapping(entity.name)?.columns;
    const m = columns && own(columns, attribute) ? columns[attribute] : undefined;
    const spec = typeof m === 'string' ? { column: m } : (m ?? {});
    if (typeof spec !== 'object' || spec === null)
      throw new SegmentProviderError(
        'invalid-argument',
        `\`tables.${entity.name}.columns.${attribute}\` must be a column name or { column?, type? }.`,
      );
    const type = spec.type ?? this.dateType;
    if (spec.type !== undefined && (attr.type !== 'date' || !DATE_TYPES.includes(spec.type)))
      throw new SegmentProviderError(
        'invalid-argument',
        attr.type === 'date'
          ? `\`tables.${entity.name}.columns.${attribute}.type\` must be date, timestamp or timestamptz.`
          : `\`tables.${entity.name}.columns.${attribute}.type\` is only for date attributes.`,
      );
    ref = {
      sql: this.dialect.ident(spec.column ?? attr.name, `column of ${entity.name}.${attribute}`),
      attr,
      storage: attr.type === 'date' ? (type ?? 'auto') : 'auto',
    };
    this.columnSql.set(cacheKey, ref);
    return ref;
  }

  /** Is `name` an attribute, the key or a relationship attribute of `entity` (what `tables` may map)? */
  private knows(entity: EntityDef, name: string): boolean {
    if (this.catalog.attribute(entity.name, name) || entity.key === name) return true;
    return (this.catalog.catalog.relationships ?? []).some(
      (r) => (r.from === entity.name && r.fromAttribute === name) || (r.to === entity.name && r.toAttribute === name),
    );
  }

  /**
   * The quoted column of a join or key attribute: the catalog names it in a relationship
   * or as the entity's key, even where it does not list it among the attributes.
   */
  keyColumn(entity: EntityDef, name: string): string {
    if (this.catalog.attribute(entity.name, name)) return this.column(entity, name).sql;
    if (!this.knows(entity, name))
      throw new SegmentProviderError('invalid-segment', `The catalog's ${entity.name} has no attribute "${name}".`);
    const columns = this.mapping(entity.name)?.columns;
    const m = columns && own(columns, name) ? columns[name] : undefined;
    const column = typeof m === 'string' ? m : (m?.column ?? name);
    return this.dialect.ident(column, `column of ${entity.name}.${name}`);
  }

  /** The snapshot table's quoted names. */
  snapshot(t: SqlSnapshotTable): { table: string; segment: string; key: string } {
    if (t === null || typeof t !== 'object')
      throw new SegmentProviderError('invalid-argument', '`snapshotTable` must be { table, segmentColumn?, keyColumn? }.');
    return {
      table: this.qualified(t.table, 'snapshot table'),
      segment: this.dialect.ident(t.segmentColumn ?? 'segment_id', 'snapshot table segment column'),
      key: this.dialect.ident(t.keyColumn ?? 'member_key', 'snapshot table key column'),
    };
  }
}
