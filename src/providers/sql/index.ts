/**
 * `segment-kit/sql`: the provider over a SQL database — `createSqlProvider` with the
 * driver adapters (`fromPg`, `fromPGlite`, `fromDuckDB`) and the segment store's tables.
 * The compiler itself, `toSQL`, is in `segment-kit/core`.
 */
export { createSqlProvider, type SqlProvider, type SqlProviderOptions } from './provider.js';
export {
  DEFAULT_STATEMENT_TIMEOUT_MS,
  fromDuckDB,
  fromPg,
  fromPGlite,
  type DuckDBAdapterOptions,
  type DuckDBConnectionLike,
  type PGliteLike,
  type PgPoolLike,
  type SqlConnection,
  type SqlQueryOptions,
} from './adapters.js';
export {
  createSqlStoreBackend,
  SQL_STORE_VERSION,
  storeDDL,
  type SqlDialect,
  type SqlQueryFunction,
  type SqlStoreOptions,
  type SqlTransaction,
} from './store-tables.js';
export { datasetDDL, loadDataset, type DatasetTablesOptions, type DateColumnType } from './load.js';
