/**
 * Tables for a catalog and rows into them: what the reference backend (`npm run serve`)
 * and the tests use to put a dataset (rows per entity, as the memory provider takes them)
 * into PostgreSQL or DuckDB. One table per entity named after it, one column per
 * attribute (text, double precision, boolean; dates as `timestamptz` unless told), the
 * key and relationship columns indexed. Values go in as parameters only.
 */
import type { Catalog } from '../../core/model/types.js';
import { SegmentProviderError } from '../../core/provider/types.js';
import type { SqlConnection } from './adapters.js';

export type DateColumnType = 'date' | 'timestamp' | 'timestamptz';

export interface DatasetTablesOptions {
  /** The SQL type of each date attribute, by `Entity.attribute` (default `timestamptz`). */
  dateTypes?: Record<string, DateColumnType>;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const TYPES = { string: 'text', number: 'double precision', boolean: 'boolean' } as const;

/** Every column of an entity's table: its attributes, then its key and relationship columns if the catalog does not list them. */
function columnsOf(catalog: Catalog, entity: string, opts: DatasetTablesOptions): [string, string][] {
  const e = catalog.entities.find((x) => x.name === entity)!;
  const cols: [string, string][] = e.attributes.map((a) => [
    a.name,
    a.type === 'date' ? (opts.dateTypes?.[`${e.name}.${a.name}`] ?? 'timestamptz') : TYPES[a.type],
  ]);
  const extra = [
    e.key,
    ...catalog.relationships.flatMap((r) => [r.from === e.name ? r.fromAttribute : undefined, r.to === e.name ? r.toAttribute : undefined]),
  ];
  for (const c of extra) if (c !== undefined && !cols.some(([n]) => n === c)) cols.push([c, 'text']);
  return cols;
}

/** `CREATE TABLE` (and `CREATE INDEX` for the key and relationship columns) for every entity of the catalog. */
export function datasetDDL(catalog: Catalog, opts: DatasetTablesOptions = {}): string[] {
  const out: string[] = [];
  const indexed = new Set<string>();
  for (const e of catalog.entities) {
    out.push(
      `CREATE TABLE ${quote(e.name)} (${columnsOf(catalog, e.name, opts)
        .map(([n, t]) => `${quote(n)} ${t}`)
        .join(', ')})`,
    );
    indexed.add(`${e.name}\u0000${e.key}`);
  }
  for (const r of catalog.relationships) {
    indexed.add(`${r.from}\u0000${r.fromAttribute}`);
    indexed.add(`${r.to}\u0000${r.toAttribute}`);
  }
  for (const key of indexed) {
    const [entity, column] = key.split('\u0000') as [string, string];
    out.push(`CREATE INDEX ${quote(`${entity}_${column}_idx`)} ON ${quote(entity)} (${quote(column)})`);
  }
  return out;
}

/** Rows per INSERT (PostgreSQL sends them as one JSON parameter; DuckDB as VALUES with parameters). */
const BATCH = 5000;

/**
 * Create the catalog's tables and insert the rows (in one transaction). Rejects with
 * `invalid-argument` when the rows are not lists.
 */
export async function loadDataset(
  connection: SqlConnection,
  dataset: { catalog: Catalog; data: Record<string, readonly Record<string, unknown>[]> },
  opts: DatasetTablesOptions = {},
): Promise<{ rows: number }> {
  const { catalog, data } = dataset;
  let rows = 0;
  await connection.transaction(async (q) => {
    // A date without a time is midnight UTC (SPEC section 5), whatever the session's time zone.
    if (connection.dialect === 'postgres') await q(`SET LOCAL TimeZone = 'UTC'`, []);
    for (const statement of datasetDDL(catalog, opts)) await q(statement, []);
    for (const e of catalog.entities) {
      const given: unknown = Object.prototype.hasOwnProperty.call(data, e.name) ? data[e.name] : [];
      if (!Array.isArray(given)) throw new SegmentProviderError('invalid-argument', `The rows of ${e.name} must be a list.`);
      const list = given as readonly Record<string, unknown>[];
      const cols = columnsOf(catalog, e.name, opts).map(([n]) => n);
      for (let i = 0; i < list.length; i += BATCH) {
        const batch = list.slice(i, i + BATCH);
        if (connection.dialect === 'postgres') {
          await q(`INSERT INTO ${quote(e.name)} SELECT * FROM json_populate_recordset(NULL::${quote(e.name)}, $1::json)`, [
            JSON.stringify(batch.map((r) => Object.fromEntries(cols.map((c) => [c, r[c] ?? null])))),
          ]);
        } else {
          const per = Math.max(1, Math.floor(BATCH / cols.length));
          for (let j = 0; j < batch.length; j += per) {
            const part = batch.slice(j, j + per);
            const values = part.map((_, r) => `(${cols.map((_, c) => `$${r * cols.length + c + 1}`).join(', ')})`).join(', ');
            await q(
              `INSERT INTO ${quote(e.name)} (${cols.map(quote).join(', ')}) VALUES ${values}`,
              part.flatMap((r) => cols.map((c) => r[c] ?? null)),
            );
          }
        }
        rows += batch.length;
      }
    }
  });
  return { rows };
}
