/**
 * The SQL compiler: `toSQL(segment, catalog, options)` → `{ text, params }` for PostgreSQL
 * and DuckDB, with the memory engine's semantics (SPEC section 5), values only as
 * parameters and identifiers only from the catalog. No DOM, no Node: runs anywhere.
 */
export { toSQL, countResult } from './compile.js';
export type { SqlDialectName } from './dialect.js';
export type { SqlColumnMapping, SqlDateType, SqlQuery, SqlSelect, SqlSnapshotTable, SqlTableMapping, ToSqlOptions } from './types.js';
export { explainSQL } from './explain.js';
export type { ExplainQuery } from './explain.js';
