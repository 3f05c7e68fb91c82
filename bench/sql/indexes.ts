/**
 * The indexes and session settings `npm run bench:sql` runs PostgreSQL with, each with why.
 * The tables come with `datasetDDL`'s indexes on every key and relationship column
 * (`"Order"("CustomerId")`, `"Case"("CustomerId")`, …); these are on top of them.
 * They are created if missing at every run (`CREATE INDEX IF NOT EXISTS`), so changing
 * this list needs no reload; `--no-indexes` drops them to measure without.
 */

export interface BenchIndex {
  name: string;
  table: string;
  sql: string;
  why: string;
}

export const BENCH_INDEXES: readonly BenchIndex[] = [
  {
    name: 'Order_CustomerId_OrderDate_TotalAmount_idx',
    table: 'Order',
    sql: `CREATE INDEX IF NOT EXISTS "Order_CustomerId_OrderDate_TotalAmount_idx" ON "Order" ("CustomerId", "OrderDate") INCLUDE ("TotalAmount")`,
    why:
      'Rule 1 (sum of TotalAmount over the orders of the last 365 days) is a correlated subquery per customer. ' +
      'With the key index alone each customer costs an index scan plus a heap visit per order, filtered by date afterwards; ' +
      'with (CustomerId, OrderDate) INCLUDE (TotalAmount) it is an index-only scan of just the orders inside the window ' +
      '(Index Cond on both columns, Heap Fetches: 0 after VACUUM).',
  },
  {
    name: 'Case_CustomerId_escalated_idx',
    table: 'Case',
    sql: `CREATE INDEX IF NOT EXISTS "Case_CustomerId_escalated_idx" ON "Case" ("CustomerId") WHERE "Escalated" IS TRUE`,
    why:
      'Rule 3 (any escalated case) is an EXISTS on Case. A partial index holding only the escalated cases (about one in five) ' +
      'lets the planner read them in key order (a merge semi join with the Customer key index) instead of scanning every case.',
  },
];

/**
 * Session settings, given to the pool as connection options (`new pg.Pool({ options })`,
 * the `-c` switches libpq takes in `PGOPTIONS`), so the provider's own queries run with
 * them; an integrator can do the same, or `ALTER DATABASE … SET …` / `ALTER ROLE … SET …`.
 */
export const BENCH_SESSION: readonly { setting: string; value: string; why: string }[] = [
  {
    setting: 'jit',
    value: 'off',
    why:
      'These queries cross the JIT cost threshold, and compiling them (inlining and optimising ~60 functions) ' +
      'costs 300–400 ms on this machine, more than it saves: a count is many small index probes, not a long expression loop.',
  },
  {
    setting: 'work_mem',
    value: '64MB',
    why:
      'INTERSECT / EXCEPT run as HashSetOp and the per-rule counts over materialised CTEs: with the 4 MB default a ' +
      'million-key hash table spills to disk in batches.',
  },
];

export const sessionOptions = (settings = BENCH_SESSION) => settings.map((s) => `-c ${s.setting}=${s.value}`).join(' ');
