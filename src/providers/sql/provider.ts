/**
 * `createSqlProvider`: SPEC section 6 over a SQL database (PostgreSQL or anything that
 * speaks it, and DuckDB). Every segment question is one query compiled by `toSQL`, with
 * the memory engine's semantics, run READ ONLY with a statement timeout; an abort cancels
 * it where the driver can. The segment store (drafts, refreshes and their history, static
 * snapshots) lives in tables the provider creates (`store-tables.ts`), so it survives
 * restarts; `store: false` keeps it in memory instead.
 */
import { indexCatalog } from '../../core/model/catalog.js';
import { toInstant } from '../../core/model/dates.js';
import type { Catalog, EntityDef, SegmentDocument } from '../../core/model/types.js';
import { pageArgs } from '../../core/provider/sort.js';
import {
  SegmentProviderError,
  isAbortError,
  throwIfAborted,
  type AttributeStats,
  type CallOptions,
  type ColumnDef,
  type CountResult,
  type DeleteOptions,
  type ListOptions,
  type MembersOptions,
  type MembersResult,
  type SegmentPatch,
  type SegmentProvider,
  type SuggestOptions,
  type TrendOptions,
  type ValueSuggestion,
} from '../../core/provider/types.js';
import { parseSegment } from '../../core/validate/parse.js';
import { countResult, toSQL } from '../../core/sql/compile.js';
import { explainSQL } from '../../core/sql/explain.js';
import type { Explanation } from '../../core/model/explain.js';
import { dialectOf, type Dialect, type SqlDialectName } from '../../core/sql/dialect.js';
import { Names } from '../../core/sql/names.js';
import type { SqlDateType, SqlTableMapping, ToSqlOptions } from '../../core/sql/types.js';
import type { StoreBackend } from '../store/backend.js';
import { SegmentStore } from '../store/store.js';
import type { TrendPoint } from '../../core/provider/types.js';
import type { SqlConnection, SqlQueryOptions } from './adapters.js';
import { sqlAttributeStats } from './stats.js';
import { createSqlStoreBackend, refuseNul } from './store-tables.js';

export interface SqlProviderOptions {
  catalog: Catalog;
  /** The database: `fromPg(pool)`, `fromPGlite(db)`, `fromDuckDB(connection)`, or your own `SqlConnection`. */
  connection?: SqlConnection;
  /** Or any function that runs a statement with `$1` … parameters and returns its rows (then no write is a transaction). */
  query?: (text: string, params: readonly unknown[], opts: SqlQueryOptions) => Promise<readonly Record<string, unknown>[]>;
  /** Default: the connection's, else `postgres`. */
  dialect?: SqlDialectName;
  /** Entities to tables and attributes to columns (as `toSQL`'s option). */
  tables?: Record<string, SqlTableMapping>;
  /** The SQL type of date columns without a declared one (as `toSQL`'s option). */
  dateType?: SqlDateType;
  /**
   * Where saved segments live: in tables this provider creates (default; `{ prefix, schema }`
   * name them), in another `StoreBackend`, or `false`: in memory only.
   */
  store?: false | StoreBackend | { prefix?: string; schema?: string };
  /** Segments (and their history) to start with when the store holds none. */
  segments?: SegmentDocument[];
  history?: Record<string, TrendPoint[]>;
  /** The reference instant (a Date, ISO string or epoch ms); default: the current time. */
  now?: Date | string | number;
  /** Stop a segment query after this many milliseconds (default 30,000). */
  timeoutMs?: number;
}

export type SqlProvider = Required<Pick<SegmentProvider, 'attributeStats' | 'explain'>> &
  SegmentProvider & {
    /** The segment store (its tables are created on first use). */
    readonly store: SegmentStore;
    /** The SQL a segment question would run (what "Show SQL" shows). */
    sql(
      segment: SegmentDocument,
      options?: Pick<ToSqlOptions, 'select' | 'sort' | 'offset' | 'limit'>,
    ): { text: string; params: unknown[] };
  };

/** A driver's value as the memory provider gives it: numbers as numbers, instants as ISO strings. */
function plainValue(v: unknown, type: ColumnDef['type'] | undefined): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString();
  if (type === 'number' && typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return v;
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function createSqlProvider(options: SqlProviderOptions): SqlProvider {
  const { catalog } = options;
  if (!catalog || typeof catalog !== 'object' || !Array.isArray(catalog.entities))
    throw new SegmentProviderError('invalid-argument', 'createSqlProvider needs a catalog.');
  const index = indexCatalog(catalog);
  if (!index.entity(catalog.audience))
    throw new SegmentProviderError('invalid-argument', `The catalog's audience "${catalog.audience}" is not one of its entities.`);
  const given = options.connection;
  if (!given && typeof options.query !== 'function')
    throw new SegmentProviderError(
      'invalid-argument',
      'createSqlProvider needs a connection (fromPg, fromPGlite, fromDuckDB) or a query function.',
    );
  const dialectName: SqlDialectName = options.dialect ?? given?.dialect ?? 'postgres';
  const dialect: Dialect = dialectOf(dialectName);
  const runQuery = given ? given.query.bind(given) : options.query!;
  const fixedNow = options.now === undefined ? undefined : toInstant(options.now);
  if (options.now !== undefined && fixedNow === undefined)
    throw new SegmentProviderError('invalid-argument', `"${String(options.now)}" is not a valid instant for now.`);
  const now = () => fixedNow ?? Date.now();
  const names = new Names(index, dialect, options.tables ?? {}, options.dateType);
  const timeoutMs = options.timeoutMs;

  /** Run a segment question read-only; the database's failures become `unavailable` with its message. */
  async function read(text: string, params: readonly unknown[], signal: AbortSignal | undefined) {
    throwIfAborted(signal);
    try {
      const rows = await runQuery(text, params, {
        readOnly: true,
        ...(signal ? { signal } : {}),
        ...(timeoutMs !== undefined ? { timeoutMs } : {}),
      });
      throwIfAborted(signal);
      return rows;
    } catch (e) {
      if (isAbortError(e) || signal?.aborted) throw new SegmentProviderError('aborted', 'The request was cancelled.');
      if (e instanceof SegmentProviderError) throw e;
      throw new SegmentProviderError('unavailable', `The database could not answer: ${messageOf(e)}`, e);
    }
  }

  const storeOption = options.store;
  const tableStore = storeOption === undefined || (typeof storeOption === 'object' && !('write' in storeOption));
  const prefix = tableStore && storeOption ? (storeOption as { prefix?: string }).prefix : undefined;
  const schema = tableStore && storeOption ? (storeOption as { schema?: string }).schema : undefined;
  const backend: StoreBackend | undefined =
    storeOption === false
      ? undefined
      : tableStore
        ? createSqlStoreBackend({
            query: runQuery,
            dialect: dialectName,
            ...(given ? { transaction: given.transaction } : {}),
            ...(prefix !== undefined ? { prefix } : {}),
            ...(schema !== undefined ? { schema } : {}),
          })
        : storeOption;
  // A static segment's members are read from the store's members table once it has been refreshed.
  const snapshotTable = tableStore
    ? { table: [...(schema !== undefined ? [schema] : []), `${prefix ?? 'segment_kit_'}members`] }
    : undefined;

  const compileOptions = (at: number): ToSqlOptions => ({
    dialect: dialectName,
    now: at,
    segments: store.lookup,
    ...(options.tables ? { tables: options.tables } : {}),
    ...(options.dateType ? { dateType: options.dateType } : {}),
    ...(snapshotTable ? { snapshotTable } : {}),
  });
  function compile(doc: SegmentDocument, extra: Pick<ToSqlOptions, 'select' | 'sort' | 'offset' | 'limit'>, at = now()) {
    return toSQL(doc, catalog, { ...compileOptions(at), ...extra });
  }

  const store: SegmentStore = new SegmentStore({
    catalog,
    now,
    evaluator: {
      count: async (definition, context) => {
        const q = compile(definition, { select: 'count' }, context.now);
        return countResult(await read(q.text, q.params, context.signal)).total;
      },
      members: async (definition, context) => {
        const q = compile(definition, { select: 'keys' }, context.now);
        const key = index.entity(catalog.audience)!.key;
        return (await read(q.text, q.params, context.signal)).map((r) => String(r[key]));
      },
    },
    ...(backend ? { backend } : {}),
    ...(options.segments ? { segments: options.segments } : {}),
    ...(options.history ? { history: options.history } : {}),
  });

  /** A parsed document that validates against the catalog and the saved segments, or `invalid-segment` naming the path. */
  function requireValid(segment: unknown): SegmentDocument {
    const parsed = parseSegment(segment);
    if (!parsed.segment) {
      const e = parsed.errors[0];
      throw new SegmentProviderError(
        'invalid-segment',
        `This is not a segment document: ${e?.message ?? 'unknown problem'}`,
        parsed.errors,
      );
    }
    const { valid, errors } = store.validate(parsed.segment);
    if (!valid)
      throw new SegmentProviderError(
        'invalid-segment',
        `The segment is not valid at ${errors[0]!.path || '/'}: ${errors[0]!.message}`,
        errors,
      );
    return parsed.segment;
  }

  function requireAttribute(
    entity: string,
    attribute: string,
  ): { def: EntityDef; type: ColumnDef['type']; labels: Map<unknown, string | undefined> } {
    const def = index.entity(entity);
    const attr = def ? index.attribute(entity, attribute) : undefined;
    if (!def || !attr)
      throw new SegmentProviderError(
        'invalid-argument',
        def ? `${entity} has no attribute "${attribute}".` : `There is no entity "${entity}" in the catalog.`,
      );
    return { def, type: attr.type, labels: new Map((attr.values ?? []).map((o) => [o.value, o.label])) };
  }

  const withLabel = (value: unknown, count: number, labels: Map<unknown, string | undefined>): ValueSuggestion => {
    const label = labels.get(value);
    return label === undefined ? { value, count } : { value, label, count };
  };

  const provider: SqlProvider = {
    store,

    sql(segment, extra = {}) {
      const q = compile(requireValid(segment), extra);
      return { text: q.text, params: q.params };
    },

    getCatalog(opts: CallOptions = {}) {
      // A rejected promise, never a throw: every provider method is async.
      return opts.signal?.aborted
        ? Promise.reject(new SegmentProviderError('aborted', 'The request was cancelled.'))
        : Promise.resolve(catalog);
    },

    async count(segment: SegmentDocument, opts: CallOptions = {}): Promise<CountResult> {
      await store.ready(opts.signal);
      const q = compile(requireValid(segment), { select: 'count' });
      return countResult(await read(q.text, q.params, opts.signal));
    },

    async members(segment: SegmentDocument, opts: MembersOptions = {}): Promise<MembersResult> {
      await store.ready(opts.signal);
      const doc = requireValid(segment);
      const [offset, limit] = pageArgs(opts.offset, opts.limit, 100);
      const page = compile(doc, { select: 'members', offset, limit, ...(opts.sort !== undefined ? { sort: opts.sort } : {}) });
      const counted = compile(doc, { select: 'count' });
      // The page and the total at once (on a pool, two connections).
      const [rows, countRows] = await Promise.all([
        read(page.text, page.params, opts.signal),
        read(counted.text, counted.params, opts.signal),
      ]);
      const total = countResult(countRows).total;
      const columns = page.columns ?? [];
      const types = new Map(columns.map((c) => [c.key, c.type]));
      return {
        total,
        columns,
        rows: rows.map((r) => {
          const out: Record<string, unknown> = {};
          for (const c of columns) out[c.key] = plainValue(r[c.key], types.get(c.key));
          return out;
        }),
      };
    },

    async explain(segment: SegmentDocument, memberKey: string, opts: CallOptions = {}): Promise<Explanation> {
      await store.ready(opts.signal);
      const q = explainSQL(requireValid(segment), catalog, String(memberKey), compileOptions(now()));
      return q.read(await read(q.text, q.params, opts.signal));
    },

    async suggestValues(entity: string, attribute: string, opts: SuggestOptions = {}): Promise<ValueSuggestion[]> {
      const { def, type, labels } = requireAttribute(entity, attribute);
      const [, limit] = pageArgs(0, opts.limit, 10);
      const query = typeof opts.query === 'string' ? opts.query.trim().toLowerCase() : '';
      const col = names.column(def, attribute).sql;
      const text = `CAST(${col} AS VARCHAR)`;
      const empty = type === 'string' ? ` AND ${col} <> ''` : '';
      const params: unknown[] = [];
      // An enumeration's labels match too: it is short, so all of its counts come back and are filtered here.
      const filterInSql = query !== '' && labels.size === 0;
      let where = `${col} IS NOT NULL${empty}`;
      // PostgreSQL text holds no NUL: no stored value contains one.
      if (filterInSql && query.includes('\u0000')) return [];
      if (filterInSql) {
        params.push(`%${query.replace(/[!%_]/g, (c) => `!${c}`)}%`);
        where += ` AND lower(${text}) LIKE $1 ESCAPE '!'`;
      }
      const sql = `SELECT ${col} AS "value", CAST(count(*) AS integer) AS "count"
FROM ${names.table(def)}
WHERE ${where}
GROUP BY ${col}
ORDER BY count(*) DESC, ${dialect.binaryOrder(`lower(${text})`)}, ${dialect.binaryOrder(text)}`;
      const rows = await read(sql, params, opts.signal);
      let list = rows.map((r) => ({ value: plainValue(r.value, type), count: Number(r.count) }));
      if (labels.size) {
        const counted = new Set(list.map((v) => v.value));
        list = [...list, ...[...labels.keys()].filter((v) => !counted.has(v)).map((value) => ({ value, count: 0 }))];
      }
      if (query) {
        const hay = (v: unknown) => [String(v).trim().toLowerCase(), String(labels.get(v) ?? '').toLowerCase()];
        const starts = list.filter((v) => hay(v.value).some((h) => h.startsWith(query)));
        const contains = list.filter((v) => !starts.includes(v) && hay(v.value).some((h) => h.includes(query)));
        list = [...starts, ...contains];
      }
      return list.slice(0, limit).map((v) => withLabel(v.value, v.count, labels));
    },

    async attributeStats(entity: string, attribute: string, opts: CallOptions = {}): Promise<AttributeStats> {
      const { def } = requireAttribute(entity, attribute);
      return sqlAttributeStats({ index, names, dialect, read }, def, index.attribute(entity, attribute)!, opts.signal);
    },

    trend: (segmentId: string, opts: TrendOptions = {}) => store.trend(segmentId, opts),
    listSegments: (opts: ListOptions = {}) => store.list(opts),
    getSegment: (id: string, opts: CallOptions = {}) => store.get(id, opts),
    saveSegment: async (doc: SegmentDocument, opts: CallOptions = {}) =>
      store.save(tableStore ? refuseNul(doc, 'invalid-segment', 'The segment') : doc, opts),
    deleteSegments: (ids: string[], opts: DeleteOptions = {}) => store.delete(ids, opts),
    refreshSegments: (ids: string[], opts: CallOptions = {}) => store.refresh(ids, opts),
    updateSegments: async (ids: string[], patch: SegmentPatch, opts: CallOptions = {}) =>
      store.update(ids, tableStore ? refuseNul(patch, 'invalid-argument', 'The update') : patch, opts),
  };
  return provider;
}
