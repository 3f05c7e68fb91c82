/**
 * The segment store in database tables (PostgreSQL or DuckDB): a `StoreBackend` for
 * `SegmentStore` that creates its tables, migrates them by version, loads them once and
 * writes each change as it happens. Every value is a parameter; the table names come only
 * from the `prefix` option, checked and quoted.
 *
 * Tables (prefix `segment_kit_` by default; `storeDDL` gives the statements):
 * - `<prefix>meta (key, value)`: `schema_version` = `SQL_STORE_VERSION`.
 * - `<prefix>segments`: one row per saved segment — the document (JSON, without a static
 *   segment's snapshot), status, member count, last refresh, created and updated instants,
 *   last error, schedule, scheduled activation and deactivation.
 * - `<prefix>history (segment_id, at, member_count)`: the refresh history (the trend).
 * - `<prefix>members (segment_id, member_key)`: a static segment's snapshot, one row per
 *   member (what a compiled query reads for a static segment's `segment` rule).
 */
import { SegmentProviderError, type RefreshSchedule, type SegmentStatus, type TrendPoint } from '../../core/provider/types.js';
import type { SegmentDocument } from '../../core/model/types.js';
import { child } from '../../core/validate/pointer.js';
import type { StoreBackend, StoreChanges } from '../store/backend.js';
import type { StoredSegment, StoreState } from '../store/storage.js';

export type SqlDialect = 'postgres' | 'duckdb';

/**
 * Refuse what the tables cannot hold, before the store takes it: PostgreSQL text and jsonb
 * hold no NUL character, so a document (or a patch) with one anywhere, in a value or a
 * key, would fail every write after it. `code` is the error's (`invalid-segment` for a
 * document, `invalid-argument` for a patch); the message names the JSON path.
 */
export function refuseNul<T>(value: T, code: 'invalid-segment' | 'invalid-argument', what: string): T {
  const find = (v: unknown, path: string, depth: number): string | undefined => {
    if (typeof v === 'string') return v.includes('\u0000') ? path || '/' : undefined;
    if (typeof v !== 'object' || v === null || depth > 100) return undefined;
    for (const [k, x] of Object.entries(v)) {
      const at = child(path, k);
      if (k.includes('\u0000')) return at;
      const found = find(x, at, depth + 1);
      if (found) return found;
    }
    return undefined;
  };
  const path = find(value, '', 0);
  if (path !== undefined)
    throw new SegmentProviderError(code, `${what} at ${path} contains a NUL character, which the segment store's tables cannot hold.`, [
      { path, code: 'invalid-value', message: 'The text contains a NUL character.' },
    ]);
  return value;
}

/** Any function that runs one statement with positional parameters (`$1`, `$2` …) and returns its rows. */
export type SqlQueryFunction = (
  text: string,
  params: readonly unknown[],
  opts?: { signal?: AbortSignal },
) => Promise<readonly Record<string, unknown>[]>;

/** Run `work` in one transaction, its statements through the `query` it is given. */
export type SqlTransaction = <T>(work: (query: SqlQueryFunction) => Promise<T>) => Promise<T>;

export interface SqlStoreOptions {
  query: SqlQueryFunction;
  dialect: SqlDialect;
  /** Makes each write atomic. Without it, a write's statements run one by one. */
  transaction?: SqlTransaction;
  /** The tables' name prefix: letters, digits and `_` (default `segment_kit_`). */
  prefix?: string;
  /** A schema to create the tables in (default: the connection's search path). */
  schema?: string;
}

/** The version of the tables' layout, kept in `<prefix>meta`; a newer one is refused, an older one migrated. */
export const SQL_STORE_VERSION = 1;

/** Parameters per INSERT statement (PostgreSQL takes at most 65,535). */
const PARAMS_PER_INSERT = 3000;

/** Insert rows in batches of multi-row VALUES, every value a parameter; `casts[i]` follows column i's placeholder. */
async function insertRows(
  q: SqlQueryFunction,
  into: string,
  casts: readonly string[],
  rows: readonly (readonly unknown[])[],
): Promise<void> {
  const per = Math.max(1, Math.floor(PARAMS_PER_INSERT / casts.length));
  for (let i = 0; i < rows.length; i += per) {
    const batch = rows.slice(i, i + per);
    const values = batch.map((_, r) => `(${casts.map((c, j) => `$${r * casts.length + j + 1}${c}`).join(', ')})`).join(', ');
    await q(`INSERT INTO ${into} VALUES ${values}`, batch.flat());
  }
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

interface Names {
  meta: string;
  segments: string;
  history: string;
  members: string;
}

function names(opts: Pick<SqlStoreOptions, 'prefix' | 'schema'>): Names {
  const prefix = opts.prefix ?? 'segment_kit_';
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(prefix))
    throw new SegmentProviderError('invalid-argument', `The table prefix must be letters, digits and _, not "${prefix}".`);
  const schema = opts.schema === undefined ? '' : `${quote(opts.schema)}.`;
  const t = (n: string) => `${schema}${quote(prefix + n)}`;
  return { meta: t('meta'), segments: t('segments'), history: t('history'), members: t('members') };
}

/** The statements that create the store's tables (idempotent: `IF NOT EXISTS`). */
export function storeDDL(dialect: SqlDialect, opts: Pick<SqlStoreOptions, 'prefix' | 'schema'> = {}): string[] {
  const n = names(opts);
  const json = dialect === 'postgres' ? 'jsonb' : 'json';
  return [
    `CREATE TABLE IF NOT EXISTS ${n.meta} (key text PRIMARY KEY, value text NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS ${n.segments} (
  id text PRIMARY KEY,
  doc ${json} NOT NULL,
  status text NOT NULL,
  member_count bigint,
  last_refreshed timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  last_error text,
  schedule text,
  activate_at timestamptz,
  deactivate_at timestamptz
)`,
    `CREATE TABLE IF NOT EXISTS ${n.history} (
  segment_id text NOT NULL,
  "at" timestamptz NOT NULL,
  member_count bigint NOT NULL,
  PRIMARY KEY (segment_id, "at")
)`,
    `CREATE TABLE IF NOT EXISTS ${n.members} (
  segment_id text NOT NULL,
  member_key text NOT NULL,
  PRIMARY KEY (segment_id, member_key)
)`,
  ];
}

/** A column value as text (drivers give text, numbers, bigints or Dates). */
const text = (v: unknown): string | null =>
  v === null || v === undefined ? null : typeof v === 'string' ? v : v instanceof Date ? v.toISOString() : JSON.stringify(v);
/** An instant column as an ISO string (drivers give Dates or text in their own format). */
const iso = (v: unknown): string | null => {
  const t = text(v);
  if (t === null) return null;
  const d = new Date(t);
  return Number.isNaN(d.getTime()) ? t : d.toISOString();
};
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/**
 * The store's tables as a `StoreBackend`. The tables are created (or migrated) on the
 * first load; `migrate()` does it ahead of time.
 */
export function createSqlStoreBackend(options: SqlStoreOptions): StoreBackend & { migrate(): Promise<void> } {
  const n = names(options);
  const { query, dialect } = options;
  const cast = (type: string) => (dialect === 'postgres' ? `::${type}` : '');
  let migrated: Promise<void> | undefined;

  const inTransaction = <T>(work: (q: SqlQueryFunction) => Promise<T>): Promise<T> =>
    options.transaction ? options.transaction(work) : work(query);

  async function migrate(): Promise<void> {
    for (const statement of storeDDL(dialect, options)) await query(statement, []);
    const rows = await query(`SELECT value FROM ${n.meta} WHERE key = $1`, ['schema_version']);
    const found = rows[0] ? Number(rows[0].value) : undefined;
    if (found === undefined) {
      await query(`INSERT INTO ${n.meta} (key, value) VALUES ($1, $2)`, ['schema_version', String(SQL_STORE_VERSION)]);
    } else if (!(found <= SQL_STORE_VERSION)) {
      throw new SegmentProviderError(
        'storage',
        `The segment tables are at version ${String(rows[0]!.value)}, newer than this version of segment-kit understands (${SQL_STORE_VERSION}). Update segment-kit.`,
      );
    }
    // Versions after 1 add their steps here, each moving `schema_version` on by one.
  }

  async function load(): Promise<StoreState> {
    await (migrated ??= migrate().catch((e: unknown) => {
      migrated = undefined;
      throw e;
    }));
    const rows = await query(
      `SELECT id, doc, status, member_count, last_refreshed, created_at, updated_at, last_error, schedule, activate_at, deactivate_at
FROM ${n.segments} ORDER BY id`,
      [],
    );
    const members = new Map<string, string[]>();
    for (const r of await query(`SELECT segment_id, member_key FROM ${n.members} ORDER BY segment_id, member_key`, [])) {
      const id = String(r.segment_id);
      let list = members.get(id);
      if (!list) members.set(id, (list = []));
      list.push(String(r.member_key));
    }
    const segments: StoredSegment[] = rows.map((r) => {
      const doc = (typeof r.doc === 'string' ? JSON.parse(r.doc) : r.doc) as SegmentDocument;
      const snapshot = members.get(String(r.id));
      return {
        doc: doc.type === 'static' && snapshot ? { ...doc, snapshot } : doc,
        status: String(r.status) as SegmentStatus,
        memberCount: num(r.member_count),
        lastRefreshed: iso(r.last_refreshed),
        createdAt: iso(r.created_at)!,
        updatedAt: iso(r.updated_at)!,
        lastError: text(r.last_error),
        schedule: text(r.schedule) as RefreshSchedule | null,
        activateAt: iso(r.activate_at),
        deactivateAt: iso(r.deactivate_at),
      };
    });
    const history: Record<string, TrendPoint[]> = Object.create(null) as Record<string, TrendPoint[]>;
    for (const r of await query(`SELECT segment_id, "at", member_count FROM ${n.history} ORDER BY segment_id, "at"`, [])) {
      (history[String(r.segment_id)] ??= []).push({ date: iso(r.at)!, count: Number(r.member_count) });
    }
    return { segments, history };
  }

  async function write(changes: StoreChanges): Promise<void> {
    await inTransaction(async (q) => {
      for (const id of changes.deleted) {
        for (const table of [n.members, n.history, n.segments])
          await q(`DELETE FROM ${table} WHERE ${table === n.segments ? 'id' : 'segment_id'} = $1`, [id]);
      }
      for (const s of changes.segments) {
        const { snapshot: _snapshot, ...doc } = s.doc;
        await q(
          `INSERT INTO ${n.segments} (id, doc, status, member_count, last_refreshed, created_at, updated_at, last_error, schedule, activate_at, deactivate_at)
VALUES ($1, $2${cast('jsonb')}, $3, $4, $5${cast('timestamptz')}, $6${cast('timestamptz')}, $7${cast('timestamptz')}, $8, $9, $10${cast('timestamptz')}, $11${cast('timestamptz')})
ON CONFLICT (id) DO UPDATE SET doc = excluded.doc, status = excluded.status, member_count = excluded.member_count,
  last_refreshed = excluded.last_refreshed, created_at = excluded.created_at, updated_at = excluded.updated_at,
  last_error = excluded.last_error, schedule = excluded.schedule, activate_at = excluded.activate_at, deactivate_at = excluded.deactivate_at`,
          [
            doc.id,
            JSON.stringify(doc),
            s.status,
            s.memberCount,
            s.lastRefreshed,
            s.createdAt,
            s.updatedAt,
            s.lastError ?? null,
            s.schedule ?? null,
            s.activateAt ?? null,
            s.deactivateAt ?? null,
          ],
        );
      }
      const snapshots = new Set(changes.snapshots);
      for (const s of changes.segments) {
        const id = s.doc.id!;
        if (!snapshots.has(id)) continue;
        await q(`DELETE FROM ${n.members} WHERE segment_id = $1`, [id]);
        await insertRows(
          q,
          `${n.members} (segment_id, member_key)`,
          ['', ''],
          [...new Set(s.doc.snapshot ?? [])].map((k) => [id, k]),
        );
      }
      for (const [id, points] of Object.entries(changes.history)) {
        await q(`DELETE FROM ${n.history} WHERE segment_id = $1`, [id]);
        await insertRows(
          q,
          `${n.history} (segment_id, "at", member_count)`,
          ['', cast('timestamptz'), ''],
          points.map((p) => [id, p.date, p.count]),
        );
      }
    });
  }

  return {
    migrate: () =>
      (migrated ??= migrate().catch((e: unknown) => {
        migrated = undefined;
        throw e;
      })),
    load,
    write,
  };
}
