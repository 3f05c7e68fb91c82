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
      'Rule 1 (sum of TotalAmount over the orders of the last 365 days) groups the orders by customer once. ' +
      'This index holds them in customer order with the date and the amount, so an index-only scan (Heap Fetches: 0 ' +
      'after VACUUM) feeds a GroupAggregate that sums each customer as it goes: no hash table of 727,000 groups.',
  },
  {
    name: 'Case_CustomerId_escalated_idx',
    table: 'Case',
    sql: `CREATE INDEX IF NOT EXISTS "Case_CustomerId_escalated_idx" ON "Case" ("CustomerId") WHERE "Escalated" IS TRUE`,
    why:
      'Rule 3 (any escalated case) groups the escalated cases by customer. A partial index holding only them (about one in five) ' +
      'is read in key order by an index-only scan (12 ms for 59,000 cases) instead of a scan of every case.',
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
    setting: 'random_page_cost',
    value: '1.1',
    why:
      'The data is in memory (the OS page cache; the default 4 prices every index page as a disk seek). With 4 the planner ' +
      'groups the orders of the window by a parallel scan of the whole table and a hash aggregate of 727,000 customers ' +
      '(5.4 s of a count here); with 1.1 it reads them in customer order from the covering index and sums each ' +
      'customer as it goes (a GroupAggregate, no hash table; 2.8 s). The usual value for SSDs and cached data.',
  },
  {
    setting: 'work_mem',
    value: '64MB',
    why:
      'The count joins a million customers to the grouped orders and cases by hash: with the 4 MB default a ' +
      'million-row hash table spills to disk in batches.',
  },
];

export const sessionOptions = (settings = BENCH_SESSION) => settings.map((s) => `-c ${s.setting}=${s.value}`).join(' ');
