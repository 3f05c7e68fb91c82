/**
 * What differs between the SQL dialects the compiler writes: identifier quoting, parameter
 * placeholders and casts, and the few functions that read dates and snapshots. Everything
 * else the compiler writes is SQL both PostgreSQL (14 or later) and DuckDB read alike.
 */
import { SegmentProviderError } from '../provider/types.js';

export type SqlDialectName = 'postgres' | 'duckdb';

/** How a date attribute is stored: its SQL type, or `auto` when the compiler was not told. */
export type DateStorage = 'date' | 'timestamp' | 'timestamptz' | 'auto';

/** The SQL types parameters are cast to. */
export type ParamType = 'text' | 'number' | 'epoch' | 'date' | 'timestamp' | 'timestamptz' | 'text[]';

export interface Dialect {
  readonly name: SqlDialectName;
  /** A quoted identifier (embedded quotes doubled). */
  ident(name: string, what: string): string;
  /** A parameter placeholder with its cast. */
  cast(placeholder: string, type: ParamType): string;
  /** Seconds since the epoch (UTC) of a date, timestamp or timestamptz expression, whichever it is. */
  epoch(expr: string): string;
  /** The UTC month and day of a date expression as `MMDD` text. */
  monthDay(expr: string, storage: DateStorage): string;
  /** `expr` (text) is one of the strings of an array parameter. */
  inTextArray(expr: string, placeholder: string): string;
  /** `expr COLLATE "C"` where the dialect needs it for byte-wise ordering. */
  binaryOrder(expr: string): string;
}

/** The longest identifier PostgreSQL keeps (longer ones are cut to 63 bytes, so two names could meet). */
const PG_MAX_IDENTIFIER_BYTES = 63;

const utf8Length = (s: string) => new TextEncoder().encode(s).length;

function quote(name: string, what: string, maxBytes: number | undefined): string {
  if (typeof name !== 'string' || name === '') throw new SegmentProviderError('invalid-argument', `The ${what} has no name.`);
  // NUL cannot be sent to either database, and a line break would not survive the formatting (nor a
  // paste into psql): control characters are refused. Every other character is safe between quotes.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name))
    throw new SegmentProviderError(
      'invalid-argument',
      `The ${what} name ${JSON.stringify(name.slice(0, 40))} contains a control character (a line break, tab or NUL).`,
    );
  if (maxBytes !== undefined && utf8Length(name) > maxBytes)
    throw new SegmentProviderError(
      'invalid-argument',
      `The ${what} name "${name.slice(0, 40)}…" is longer than PostgreSQL's ${maxBytes}-byte limit for identifiers; map it to a shorter one in \`tables\`.`,
    );
  return '"' + name.replace(/"/g, '""') + '"';
}

const postgres: Dialect = {
  name: 'postgres',
  ident: (name, what) => quote(name, what, PG_MAX_IDENTIFIER_BYTES),
  cast(p, type) {
    switch (type) {
      case 'text':
        return `${p}::text`;
      case 'number':
        return `${p}::double precision`;
      case 'epoch':
        return `${p}::numeric`;
      case 'text[]':
        return `${p}::text[]`;
      default:
        return `${p}::${type}`;
    }
  },
  epoch: (expr) => `EXTRACT(EPOCH FROM ${expr})`,
  monthDay(expr, storage) {
    if (storage === 'timestamptz') return `to_char(${expr} AT TIME ZONE 'UTC', 'MMDD')`;
    if (storage === 'auto') return `to_char(to_timestamp(EXTRACT(EPOCH FROM ${expr})) AT TIME ZONE 'UTC', 'MMDD')`;
    return `to_char(${expr}::timestamp, 'MMDD')`;
  },
  inTextArray: (expr, p) => `${expr}::text = ANY(${p}::text[])`,
  binaryOrder: (expr) => `${expr} COLLATE "C"`,
};

const duckdb: Dialect = {
  name: 'duckdb',
  ident: (name, what) => quote(name, what, undefined),
  cast(p, type) {
    switch (type) {
      case 'text':
        return `${p}::VARCHAR`;
      case 'number':
      case 'epoch':
        return `${p}::DOUBLE`;
      case 'text[]':
        return `${p}::VARCHAR[]`;
      default:
        return `${p}::${type.toUpperCase()}`;
    }
  },
  epoch: (expr) => `epoch(${expr})`,
  monthDay(expr, storage) {
    if (storage === 'timestamptz') return `strftime(${expr} AT TIME ZONE 'UTC', '%m%d')`;
    if (storage === 'auto') return `strftime(make_timestamp(CAST(epoch(${expr}) * 1000000 AS BIGINT)), '%m%d')`;
    return `strftime(${expr}::TIMESTAMP, '%m%d')`;
  },
  inTextArray: (expr, p) => `list_contains(${p}::VARCHAR[], ${expr}::VARCHAR)`,
  binaryOrder: (expr) => expr,
};

export function dialectOf(name: unknown): Dialect {
  if (name === undefined || name === 'postgres') return postgres;
  if (name === 'duckdb') return duckdb;
  throw new SegmentProviderError('invalid-argument', `Unknown SQL dialect ${JSON.stringify(name)}: use "postgres" or "duckdb".`);
}

/** Parameters collected while compiling: `$1`, `$2` … in the order they are added (both dialects). */
export class Params {
  readonly values: unknown[] = [];
  constructor(readonly dialect: Dialect) {}

  /** A cast placeholder for `value`. */
  add(value: unknown, type: ParamType): string {
    this.values.push(value);
    return this.dialect.cast(`$${this.values.length}`, type);
  }

  /** A placeholder without a cast (LIMIT, OFFSET). */
  raw(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}
