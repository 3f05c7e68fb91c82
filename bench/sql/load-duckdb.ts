/**
 * The same rows in an in-memory DuckDB: the kit's tables (`datasetDDL`, types DuckDB reads
 * alike: text, double precision, boolean, timestamptz) filled with `COPY … FROM` the CSV
 * files of `csv.ts` (DuckDB cannot read them from PostgreSQL here: its `postgres`
 * extension is a download; and its appender, fed from JavaScript value by value, takes
 * minutes for ten million rows). No indexes: DuckDB answers these queries with column
 * scans and hash joins (its ART indexes serve point lookups and constraints).
 */
import { DuckDBInstance, listValue, type DuckDBConnection } from '@duckdb/node-api';
import { datasetDDL } from '../../src/providers/sql/load.js';
import { fromDuckDB, type SqlConnection } from '../../src/providers/sql/index.js';
import { CSV_NULL, type CsvFiles } from './csv.js';
import { catalog, columnsOf, quote } from './data.js';

export async function loadDuckDB(csv: CsvFiles): Promise<{ raw: DuckDBConnection; connection: SqlConnection; seconds: number }> {
  const t0 = performance.now();
  const raw = await (await DuckDBInstance.create(':memory:')).connect();
  for (const s of datasetDDL(catalog)) if (s.startsWith('CREATE TABLE')) await raw.run(s);
  for (const e of catalog.entities) {
    const file = csv.files[e.name]!.replace(/'/g, "''");
    const cols = columnsOf(e.name)
      .map((c) => quote(c.name))
      .join(', ');
    await raw.run(
      `COPY ${quote(e.name)} (${cols}) FROM '${file}' (FORMAT csv, HEADER false, DELIMITER ',', QUOTE '"', ESCAPE '"', NULLSTR '${CSV_NULL}', ALLOW_QUOTED_NULLS false, AUTO_DETECT false)`,
    );
  }
  const connection = fromDuckDB(raw, { listValue: (items) => listValue(items as never[]) });
  return { raw, connection, seconds: (performance.now() - t0) / 1000 };
}
