/** The options and the result of `toSQL` (see `compile.ts` for what the SQL does). */
import type { SegmentSource } from '../model/segments.js';
import type { SegmentDocument } from '../model/types.js';
import type { Translator } from '../messages/translator.js';
import type { ColumnDef, SortInput } from '../provider/types.js';
import type { SqlDialectName } from './dialect.js';

/** The SQL type a date attribute is stored in. */
export type SqlDateType = 'date' | 'timestamp' | 'timestamptz';

/** Where one attribute lives: a column name, and for a date attribute its SQL type. */
export interface SqlColumnMapping {
  /** The column (default: the attribute's name). */
  column?: string;
  /**
   * For date attributes: the column's SQL type. Declared, the compiler compares the column
   * directly with parameters of that type (an index on it is used). Not declared (and no
   * `dateType` option), it reads the column through `EXTRACT(EPOCH FROM …)`, which gives
   * the same answer for `date`, `timestamp` (taken as UTC) and `timestamptz` columns.
   */
  type?: SqlDateType;
}

/** Where one entity lives. */
export interface SqlTableMapping {
  /** The table: a name, or a qualified name as a list (`['crm', 'customers']` → `"crm"."customers"`). Default: the entity's name. */
  table?: string | readonly string[];
  /** Per attribute: the column name, or `{ column?, type? }`. Attributes not listed are columns of their own name. */
  columns?: Readonly<Record<string, string | SqlColumnMapping>>;
}

/**
 * The table static segments' snapshots are read from, one row per member:
 *
 * ```sql
 * CREATE TABLE segment_members (
 *   segment_id text NOT NULL,   -- the segment's id
 *   member_key text NOT NULL,   -- the audience key, as text
 *   PRIMARY KEY (segment_id, member_key)
 * );
 * ```
 */
export interface SqlSnapshotTable {
  /** The table (a name or a qualified name as a list). */
  table: string | readonly string[];
  /** Default `segment_id`. */
  segmentColumn?: string;
  /** Default `member_key`. */
  keyColumn?: string;
}

/** What the query returns. */
export type SqlSelect = 'keys' | 'members' | 'count';

export interface ToSqlOptions {
  /** `postgres` (default; PostgreSQL 14 or later and compatible engines) or `duckdb`. */
  dialect?: SqlDialectName;
  /**
   * The reference instant of relative dates (`inLast`, `inNext`, anniversaries): a Date, an
   * ISO 8601 string or epoch milliseconds. Default: the current time, as the memory engine.
   * The windows are worked out from it when compiling and go in as parameters (the result's
   * `now` says which instant was used).
   */
  now?: Date | string | number;
  /** Entities to tables and attributes to columns. Default: every entity is a table of its own name, every attribute a column of its own name. */
  tables?: Readonly<Record<string, SqlTableMapping>>;
  /** The SQL type of date attributes whose mapping declares none (default: not known; see `SqlColumnMapping.type`). */
  dateType?: SqlDateType;
  /** The other saved segments, for `segment` rules (compiled inline). */
  segments?: SegmentSource;
  /** Finds a referenced segment by id (asked after `segments`). */
  resolveSegment?: (id: string) => SegmentDocument | undefined;
  /**
   * Read refreshed static segments from this table instead of the `snapshot` keys in their
   * documents. A static segment whose document has a `snapshot` (an array, which may then
   * be empty) is read from the table; one without (never refreshed) is evaluated from its
   * rules, as the memory engine does.
   */
  snapshotTable?: SqlSnapshotTable;
  /**
   * - `keys` (default): the audience key only, one row per member, in key order (all of
   *   them unless `offset` / `limit` are given).
   * - `members`: the rows of a `members` answer: the audience key first, then every other
   *   audience attribute by name, then the projected attributes keyed `Entity.attribute`
   *   (the value of the last linked row, in key order, that has one); sorted by `sort`
   *   (empty values last, text case-insensitively, ties in key order), paged by `offset`
   *   and `limit` (default 100, at most 10,000), as the memory provider does.
   * - `count`: one row per rule, `rule` (its index), `count` (members of the rule on its
   *   own) and `cumulative` (members after rules 0..rule, left to right), in rule order;
   *   `countResult(rows)` turns them into a provider's `count` answer.
   */
  select?: SqlSelect;
  /** `members` (and `keys`): the sort order, as providers take it (`"key"`, `"-key"`, `{ key, direction }` or a list). */
  sort?: SortInput;
  offset?: number;
  limit?: number;
  /** Write a comment with the plain-language description of each rule (default true). */
  comments?: boolean;
  /** The language of those comments (default English). */
  translator?: Translator;
}

export interface SqlQuery {
  /** The SQL, formatted to read (and to paste into psql). */
  text: string;
  /** The values, in placeholder order (`$1` …). */
  params: unknown[];
  /** The reference instant the relative dates were worked out from (ISO 8601). */
  now: string;
  /** `members`: the columns of the rows, as the memory provider describes them (keys are the SQL column names). */
  columns?: ColumnDef[];
}
