/**
 * `npm run bench:sql` — the SQL provider on PostgreSQL beside the memory provider and
 * DuckDB, on the same data, in one run (docs/sql-indexes.md: how to run it, what the
 * numbers mean, the indexes and the plans):
 *  - the sample dataset (`createSampleDataset`, seed 1) at `--customers N` (default
 *    1,000,000: about 9.8 million orders), loaded into PostgreSQL once and reused
 *    (`--reload` loads it again), into an in-memory DuckDB and a memory provider per run;
 *  - three questions: the count with per-rule breakdown of bench:engine's three-rule
 *    segment (a related aggregate), the first page of its members, `suggestValues` on City
 *    with and without a query;
 *  - per engine and question: the first call, then the median, p25–p75 and min–max of
 *    `--runs` (default 9) more;
 *  - the three engines must give the same answers (exit code 1 if not);
 *  - EXPLAIN (ANALYZE, BUFFERS) of PostgreSQL's count and page queries, to `--plans <file>`
 *    or the end of the output.
 *
 * Flags: --customers N, --runs N, --reload, --plans FILE, --no-indexes, --no-memory,
 * --no-duckdb, --pg-options="-c name=value …" (with "=", as the value starts with a dash;
 * default: BENCH_SESSION in indexes.ts; "" for the server's settings). BENCH_DATABASE_URL
 * names the database.
 */
import { writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import type { SegmentProvider } from '../../src/core/provider/types.js';
import { createMemoryProvider } from '../../src/providers/memory/index.js';
import { createSqlProvider, fromPg, type SqlConnection } from '../../src/providers/sql/index.js';
import { fmt, ms, ratio, stopwatch, table } from '../util.js';
import { threeRules } from '../worker/pages/segment.js';
import { csvFiles, type CsvFiles } from './csv.js';
import { NOW, catalog, generate } from './data.js';
import { BENCH_INDEXES, BENCH_SESSION, sessionOptions } from './indexes.js';
import { loadDuckDB } from './load-duckdb.js';
import { buildIndexes, loadPostgres, loadedInfo, matches } from './load-pg.js';
import { QUESTIONS, sameAnswers, type Answers } from './questions.js';
import { measure, type Measured } from './measure.js';

const { values: flags } = parseArgs({
  options: {
    customers: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '9' },
    reload: { type: 'boolean', default: false },
    plans: { type: 'string' },
    'no-indexes': { type: 'boolean', default: false },
    'no-memory': { type: 'boolean', default: false },
    'no-duckdb': { type: 'boolean', default: false },
    'pg-options': { type: 'string' },
  },
});
const CUSTOMERS = Number(flags.customers);
const RUNS = Number(flags.runs);
if (!Number.isInteger(CUSTOMERS) || CUSTOMERS < 1) throw new Error(`--customers must be a positive whole number, not ${flags.customers}.`);
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error(`--runs must be a positive whole number, not ${flags.runs}.`);
const URL = process.env.BENCH_DATABASE_URL ?? 'postgres://segment_kit:segment_kit@127.0.0.1:5432/segment_kit_bench';
const PG_OPTIONS = flags['pg-options'] ?? sessionOptions();
// Each size in a schema of its own, so that a quick run does not drop the big load.
const SCHEMA = `bench_sql_${CUSTOMERS}`;
const PATH = `-c search_path=${SCHEMA}`;
const log = (line: string) => console.error(line);
const elapsed = stopwatch();

console.log(
  `bench:sql — ${new Date().toISOString()}, ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}`,
);

// ------------------------------------------------------------------ data
log(`generating the sample dataset: ${CUSTOMERS.toLocaleString('en')} customers …`);
const g0 = performance.now();
const data = generate(CUSTOMERS);
const genSeconds = (performance.now() - g0) / 1000;
const orders = data.Order!.length;
console.log(
  `data: createSampleDataset({ customers: ${CUSTOMERS.toLocaleString('en')}, seed: 1 }) — ${orders.toLocaleString('en')} orders, ` +
    `${data.Case!.length.toLocaleString('en')} cases, ${Object.values(data)
      .reduce((s, r) => s + r.length, 0)
      .toLocaleString('en')} rows in all; generated in ${genSeconds.toFixed(1)} s`,
);

let csv: CsvFiles | undefined;
const csvOnce = () => {
  if (csv) return csv;
  log('writing the CSV files …');
  csv = csvFiles(data, CUSTOMERS);
  console.log(`CSV files: ${csv.dir} (${csv.seconds ? `written in ${csv.seconds.toFixed(1)} s` : 'reused'})`);
  return csv;
};

// ------------------------------------------------------------------ PostgreSQL: load once
const admin = new pg.Pool({ connectionString: URL, options: PATH, max: 2 });
await admin.query(`CREATE SCHEMA IF NOT EXISTS ${SCHEMA}`);
let info = await loadedInfo(admin);
if (flags.reload || !matches(info, CUSTOMERS)) {
  log(
    `loading PostgreSQL (${flags.reload ? '--reload' : info ? `it holds ${info.customers.toLocaleString('en')} customers, version ${info.version}` : 'empty'}) …`,
  );
  info = await loadPostgres(admin, CUSTOMERS, data, csvOnce(), log);
  console.log(
    `PostgreSQL load: ${info.method === 'copy' ? 'server-side COPY' : 'INSERT … unnest'} ${info.insertSeconds.toFixed(1)} s, key indexes ${info.indexSeconds.toFixed(1)} s, VACUUM ANALYZE ${info.vacuumSeconds.toFixed(1)} s`,
  );
} else {
  console.log(
    `PostgreSQL: reusing the load of ${info.loadedAt} (${info.method === 'copy' ? 'server-side COPY' : 'INSERT … unnest'} ${info.insertSeconds.toFixed(1)} s, key indexes ${info.indexSeconds.toFixed(1)} s, VACUUM ANALYZE ${info.vacuumSeconds.toFixed(1)} s); --reload loads it again`,
  );
}
for (const [entity, n] of Object.entries(info.rows))
  if (n !== (data[entity]?.length ?? 0))
    throw new Error(`PostgreSQL holds ${n} ${entity} rows, the generator ${data[entity]?.length ?? 0}: --reload.`);

if (flags['no-indexes']) {
  for (const ix of BENCH_INDEXES) await admin.query(`DROP INDEX IF EXISTS "${ix.name}"`);
  console.log(`bench indexes: dropped (--no-indexes); the key and relationship indexes of datasetDDL remain`);
} else {
  const present = new Set(
    (await admin.query(`SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()`)).rows.map((r) => r.indexname as string),
  );
  const missing = BENCH_INDEXES.filter((ix) => !present.has(ix.name));
  if (missing.length) {
    const t0 = performance.now();
    await buildIndexes(
      admin,
      missing.map((ix) => ix.sql),
      log,
    );
    for (const t of new Set(missing.map((ix) => ix.table))) await admin.query(`VACUUM ANALYZE "${t}"`);
    console.log(`bench indexes: built ${missing.map((ix) => ix.name).join(', ')} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  } else console.log(`bench indexes: present (${BENCH_INDEXES.map((ix) => ix.name).join(', ')})`);
}
const settings = (await admin.query(`SELECT version() AS v, current_setting('shared_buffers') AS sb`)).rows[0] as { v: string; sb: string };
await admin.end();

// ------------------------------------------------------------------ the engines
interface Engine {
  name: string;
  provider: SegmentProvider;
  /** How long it took to have the data there in this run. */
  setup: string;
  close: () => Promise<void>;
}
const engines: Engine[] = [];

// A fresh pool: the first call of each question is its first on these connections.
const pool = new pg.Pool({ connectionString: URL, options: `${PG_OPTIONS} ${PATH}`, max: 4 });
await pool.query('SELECT 1'); // the connection is open before the first call is timed
const session = (
  await pool.query(
    `SELECT current_setting('jit') AS jit, current_setting('work_mem') AS wm, current_setting('max_parallel_workers_per_gather') AS par`,
  )
).rows[0] as { jit: string; wm: string; par: string };
console.log(
  `PostgreSQL: ${settings.v.split(' on ')[0]}, shared_buffers ${settings.sb}; tables in schema ${SCHEMA}; session options "${PG_OPTIONS}" → jit ${session.jit}, work_mem ${session.wm}, max_parallel_workers_per_gather ${session.par}`,
);
const pgConnection: SqlConnection = fromPg(pool);
const sqlOptions = { catalog, now: NOW, dateType: 'timestamptz' as const, store: false as const, timeoutMs: 600_000 };
engines.push({
  name: 'PostgreSQL',
  provider: createSqlProvider({ ...sqlOptions, connection: pgConnection }),
  setup: `loaded once (${(info.insertSeconds + info.indexSeconds + info.vacuumSeconds).toFixed(0)} s)`,
  close: () => pool.end(),
});

if (!flags['no-duckdb']) {
  log('loading DuckDB (in memory) …');
  const duck = await loadDuckDB(csvOnce());
  engines.push({
    name: 'DuckDB',
    provider: createSqlProvider({ ...sqlOptions, connection: duck.connection }),
    setup: `COPY from CSV in ${duck.seconds.toFixed(1)} s`,
    close: () => Promise.resolve(duck.raw.closeSync()),
  });
}
if (!flags['no-memory']) {
  engines.push({
    name: 'memory',
    provider: createMemoryProvider({ catalog, data, now: NOW }),
    setup: `generated in ${genSeconds.toFixed(1)} s`,
    close: () => Promise.resolve(),
  });
}

// ------------------------------------------------------------------ measure
const results = new Map<string, Map<string, Measured>>();
const answers = new Map<string, Answers>();
const lastAnswers = new Map<string, Answers>();
for (const engine of engines) {
  log(`measuring ${engine.name} (${elapsed()}) …`);
  const byQuestion = new Map<string, Measured>();
  const got: Answers = {};
  const last: Answers = {};
  for (const q of QUESTIONS) {
    const m = await measure((run) => q.ask(engine.provider, run), RUNS);
    byQuestion.set(q.id, m);
    got[q.id] = m.result;
    last[q.id] = m.last;
  }
  results.set(engine.name, byQuestion);
  answers.set(engine.name, got);
  lastAnswers.set(engine.name, last);
}

// ------------------------------------------------------------------ same answers?
const reference = answers.get('PostgreSQL')!;
console.log(`\nanswers (PostgreSQL): count ${JSON.stringify(reference.count)}`);
let agree = true;
for (const engine of engines.slice(1)) {
  const diff = [
    ...sameAnswers(reference, answers.get(engine.name)!),
    ...sameAnswers(lastAnswers.get('PostgreSQL')!, lastAnswers.get(engine.name)!).map((d) => `last run: ${d}`),
  ];
  if (diff.length) {
    agree = false;
    console.error(`${engine.name} DISAGREES with PostgreSQL:\n  ${diff.join('\n  ')}`);
  } else
    console.log(
      `${engine.name}: the same count, per-rule counts, first page (keys and values) and suggestions as PostgreSQL (first call and last run)`,
    );
}
if (!agree) process.exitCode = 1;

// ------------------------------------------------------------------ the table
const rows: (string | number)[][] = [['question', 'engine', 'first call', 'median', 'p25–p75', 'min–max', 'PG ÷ this']];
for (const q of QUESTIONS) {
  const pgMedian = results.get('PostgreSQL')!.get(q.id)!.median;
  for (const engine of engines) {
    const m = results.get(engine.name)!.get(q.id)!;
    rows.push([
      q.label,
      engine.name,
      ms(m.first),
      ms(m.median),
      `${fmt(m.p25)}–${fmt(m.p75)}`,
      `${fmt(m.min)}–${fmt(m.max)}`,
      engine.name === 'PostgreSQL' ? '—' : ratio(pgMedian, m.median),
    ]);
  }
}
console.log(
  `\n${CUSTOMERS.toLocaleString('en')} customers, ${orders.toLocaleString('en')} orders; ${RUNS} warm runs after the first call (ms; count thresholds 1000, 1001 …, pages 1500, 1501 …)`,
);
console.log(table(rows));
console.log(`setup: ${engines.map((e) => `${e.name} ${e.setup}`).join('; ')}`);
const pgCount = results.get('PostgreSQL')!.get('count')!.median;
console.log(
  `target (PostgreSQL count < 1 s, warm median, at 1,000,000 customers${CUSTOMERS === 1_000_000 ? '' : `; this run: ${CUSTOMERS.toLocaleString('en')}`}): ${pgCount < 1000 ? 'met' : 'NOT met'} (${ms(pgCount)})`,
);

// ------------------------------------------------------------------ plans
const planPool = new pg.Pool({ connectionString: URL, options: `${PG_OPTIONS} ${PATH}`, max: 1 });
const sql = createSqlProvider({ ...sqlOptions, connection: fromPg(planPool) });
const planned: string[] = [
  `EXPLAIN (ANALYZE, BUFFERS) — ${CUSTOMERS.toLocaleString('en')} customers, session options "${PG_OPTIONS}", bench indexes ${flags['no-indexes'] ? 'dropped' : 'present'}`,
];
for (const [title, query] of [
  ['count with per-rule breakdown', sql.sql(threeRules(), { select: 'count' })],
  [
    'first page of members (members() also runs the count above, for its total)',
    sql.sql(threeRules(1500), { select: 'members', limit: 100 }),
  ],
] as const) {
  const plan = (await planPool.query(`EXPLAIN (ANALYZE, BUFFERS) ${query.text}`, query.params)).rows.map((r) => r['QUERY PLAN'] as string);
  planned.push(`\n=== ${title}\n\n${query.text}\n-- params: ${JSON.stringify(query.params)}\n\n${plan.join('\n')}`);
}
await planPool.end();
if (flags.plans) {
  writeFileSync(flags.plans, planned.join('\n') + '\n');
  console.log(`plans: written to ${flags.plans}`);
} else console.log(`\n${planned.join('\n')}`);
console.log(
  `\nindexes: ${BENCH_INDEXES.map((ix) => ix.name).join(', ')}; session: ${BENCH_SESSION.map((s) => `${s.setting}=${s.value}`).join(', ')} (why: bench/sql/indexes.ts)`,
);

for (const engine of engines) await engine.close();
log(`done in ${elapsed()}`);
