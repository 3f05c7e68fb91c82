/**
 * The generated rows as CSV files, one per entity, kept in the system's temporary
 * directory (`segment-kit-bench-sql-v<version>-<customers>/`) and reused while the data
 * version and size are the same. DuckDB reads them with `COPY … FROM` every run (its
 * appender takes minutes for ten million rows from JavaScript; the CSV reader seconds),
 * and a PostgreSQL server on this machine loads them with a server-side `COPY … FROM`.
 *
 * The format both read alike: every string quoted (`"` doubled inside), NULL as an unquoted
 * `\N` (so an empty string stays an empty string), dates as UTC instants
 * (`2021-11-02T00:00:00.000Z`), numbers as JavaScript prints them (they read back to the
 * same double), booleans `true` / `false`.
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toInstant } from '../../src/core/model/dates.js';
import { DATA_VERSION, SEED, catalog, columnsOf, type generate } from './data.js';

export const CSV_NULL = '\\N';

export interface CsvFiles {
  dir: string;
  /** The file of each entity. */
  files: Record<string, string>;
  /** Seconds spent writing them in this run (0: reused). */
  seconds: number;
}

/** A cell: the sample's values are strings, numbers, booleans or null. */
function cell(v: string | number | boolean | null | undefined, type: string): string {
  if (v === null || v === undefined) return CSV_NULL;
  if (type === 'string') return `"${String(v).replace(/"/g, '""')}"`;
  if (type === 'number') return String(v);
  if (type === 'boolean') return v === true ? 'true' : 'false';
  // The sample's dates are `YYYY-MM-DD` (midnight UTC) or instants ending in Z: written as instants.
  if (typeof v === 'string' && v.endsWith('Z')) return v;
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return `${v}T00:00:00Z`;
  const ms = typeof v === 'boolean' ? undefined : toInstant(v);
  if (ms === undefined) throw new Error(`${String(v)} is not a date.`);
  return new Date(ms).toISOString();
}

export function csvFiles(data: ReturnType<typeof generate>, customers: number): CsvFiles {
  const dir = join(tmpdir(), `segment-kit-bench-sql-v${DATA_VERSION}-s${SEED}-${customers}`);
  const files = Object.fromEntries(catalog.entities.map((e) => [e.name, join(dir, `${e.name}.csv`)]));
  const done = join(dir, 'complete.json');
  const expected = JSON.stringify(Object.fromEntries(catalog.entities.map((e) => [e.name, data[e.name]?.length ?? 0])));
  if (existsSync(done) && readFileSync(done, 'utf8') === expected) return { dir, files, seconds: 0 };
  const t0 = performance.now();
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  for (const e of catalog.entities) {
    const cols = columnsOf(e.name);
    const rows = data[e.name] ?? [];
    const fd = openSync(files[e.name]!, 'w', 0o644);
    try {
      let chunk: string[] = [];
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i]!;
        chunk.push(cols.map((c) => cell(row[c.name] as string | number | boolean | null | undefined, c.type)).join(','));
        if (chunk.length === 50_000 || i === rows.length - 1) {
          writeSync(fd, chunk.join('\n') + '\n');
          chunk = [];
        }
      }
    } finally {
      closeSync(fd);
    }
  }
  writeFileSync(done, expected);
  return { dir, files, seconds: (performance.now() - t0) / 1000 };
}
