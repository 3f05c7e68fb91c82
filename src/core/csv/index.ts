/**
 * CSV export (RFC 4180) of a segment's members, streamed page by page from any
 * `SegmentProvider`. No DOM, no Lit: it runs in Node, workers and browsers. The browser
 * half (asking for a file and writing it) is `elements/shared/download.ts`.
 */
import type { SegmentDocument } from '../model/types.js';
import { SegmentProviderError, throwIfAborted, type ColumnDef, type SegmentProvider } from '../provider/types.js';

/** The UTF-8 byte order mark: put first, it makes spreadsheet programs read the file as UTF-8 (accents, emoji). */
export const CSV_BOM = '\uFEFF';

/** A value as the text of one cell, before escaping. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  if (Array.isArray(value)) return value.map(cellText).join(', ');
  if (typeof value === 'object') {
    try {
      return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) ?? '';
    } catch {
      return ''; // an object that contains itself: an empty cell rather than a failed export
    }
  }
  return typeof value === 'symbol' ? value.toString() : ''; // a function is no data
}

/**
 * One CSV cell (RFC 4180): a field containing `"`, `,`, CR or LF is put in double quotes
 * with its `"` doubled. `null`/`undefined` → empty; numbers as JavaScript writes them
 * (`1234.5`, no locale grouping); booleans `true`/`false`; a Date as its ISO instant (an
 * invalid Date → empty); a list as its items joined with `, `; any other object as JSON.
 *
 * **Formula-injection guard** (OWASP, "CSV Injection"): a cell whose text starts with
 * `=`, `+`, `-`, `@`, TAB or CR is prefixed with a single quote `'`, so a spreadsheet shows
 * it as text instead of running it (`=HYPERLINK(…)` → `'=HYPERLINK(…)`). The guard looks at
 * the text, with one exception: a finite JavaScript number (or a bigint) is a number, not
 * a formula, so `-5` passed as a number is written `-5` and stays a number in the
 * spreadsheet; the *string* `"-5"` is written `'-5`, as is a list whose text starts with a
 * trigger (`[-5, 3]` → `'-5, 3`) and the number `-Infinity` (not finite). The price of the
 * guard: a member attribute that really is text starting with one of those characters
 * (a phone number `+33 1 …`) comes out with a leading `'`, which spreadsheets hide but
 * other CSV readers keep.
 */
export function csvCell(value: unknown): string {
  // The common cases first, without regular expressions: a string is scanned once; a finite
  // number or a bigint has no character that needs quotes and is never guarded.
  if (typeof value === 'string') return escapeText(value);
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : escapeText(String(value));
  if (typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return escapeText(cellText(value));
}

/** A cell's text guarded against formulas (see `csvCell`) and quoted when RFC 4180 needs it. */
function escapeText(text: string): string {
  if (text === '') return text;
  const first = text.charCodeAt(0);
  // = + - @ TAB CR
  if (first === 61 || first === 43 || first === 45 || first === 64 || first === 9 || first === 13) text = `'${text}`;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // " , CR LF
    if (c === 34 || c === 44 || c === 13 || c === 10) return `"${text.replace(/"/g, '""')}"`;
  }
  return text;
}

/** One CSV record: the cells (see `csvCell`) joined by `,` and terminated by CRLF, as RFC 4180 writes it. */
export function csvRow(values: readonly unknown[]): string {
  let out = '';
  for (let i = 0; i < values.length; i++) out += (i ? ',' : '') + csvCell(values[i]);
  return `${out}\r\n`;
}

export interface MembersCsvOptions {
  /** Members fetched per `provider.members` call (default 1000). */
  pageSize?: number;
  /** The column keys to write, in this order (default: every column the provider returns, in its order). */
  columns?: string[];
  /** The header text of a column (default: its `label`), e.g. through a `Translator`. */
  labels?: (column: ColumnDef) => string;
  /** Stops the export: the generator throws the provider's abort error (a `SegmentProviderError` 'aborted'). */
  signal?: AbortSignal;
  /** Called after each page with the rows written so far and the member count. */
  onProgress?: (done: number, total: number) => void;
}

/** The default number of members fetched per page. */
export const CSV_PAGE_SIZE = 1000;

/**
 * A segment's members as CSV, in chunks: first the BOM and the header row (the column
 * labels), then one chunk per page of `provider.members(segment, { offset, limit, signal })`,
 * each the page's rows (`csvRow` by column key), until `total` rows are written (or a
 * page comes back empty). Nothing holds the whole file: write each chunk to a file or a
 * stream as it comes (the browser's `saveFile` does), or collect them as Blob parts.
 *
 * The header needs the provider's columns, so the first page is fetched before the first
 * chunk is yielded. Rejects with `invalid-argument` for a `pageSize` that is not a whole
 * number of 1 or more and for a column key the provider does not return; provider errors
 * (an invalid segment, an abort) come through as they are.
 */
export async function* membersCsv(
  provider: SegmentProvider,
  segment: SegmentDocument,
  options: MembersCsvOptions = {},
): AsyncGenerator<string, void, undefined> {
  const { signal, onProgress, labels } = options;
  const pageSize = options.pageSize ?? CSV_PAGE_SIZE;
  if (typeof pageSize !== 'number' || !Number.isInteger(pageSize) || pageSize < 1)
    throw new SegmentProviderError('invalid-argument', `pageSize must be a whole number of 1 or more, not ${String(pageSize)}.`);
  let keys: string[] | undefined;
  let done = 0;
  for (;;) {
    throwIfAborted(signal);
    const page = await provider.members(segment, { offset: done, limit: pageSize, ...(signal ? { signal } : {}) });
    throwIfAborted(signal);
    if (!keys) {
      const columns = pickColumns(page.columns, options.columns);
      keys = columns.map((c) => c.key);
      yield CSV_BOM + csvRow(columns.map((c) => (labels ? labels(c) : c.label)));
      throwIfAborted(signal);
    }
    // Never more rows than the total (a provider that ignores `limit` at the end of the list).
    const rows = page.rows.slice(0, Math.max(0, page.total - done));
    // Each record as `csvRow` writes it, its cells read straight from the row by key (no
    // array of values per row). Appending keeps the chunk a rope until it is written, which
    // measured faster and smaller than joining an array of lines.
    let chunk = '';
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r]!;
      let line = keys.length ? csvCell(row[keys[0]!]) : '';
      for (let i = 1; i < keys.length; i++) line += ',' + csvCell(row[keys[i]!]);
      chunk += line + '\r\n';
    }
    done += rows.length;
    onProgress?.(done, page.total);
    throwIfAborted(signal);
    if (chunk) yield chunk;
    if (rows.length === 0 || done >= page.total) return;
  }
}

/** The columns to write: all of them, or the keys asked for in their order (an unknown key: `invalid-argument`). */
function pickColumns(columns: readonly ColumnDef[], wanted: readonly string[] | undefined): ColumnDef[] {
  if (!wanted) return columns.slice();
  const byKey = new Map(columns.map((c) => [c.key, c]));
  const unknown = wanted.filter((k) => !byKey.has(k));
  if (unknown.length) {
    throw new SegmentProviderError(
      'invalid-argument',
      `The members have no column ${unknown.map((k) => `"${k}"`).join(', ')}: use ${columns.map((c) => `"${c.key}"`).join(', ')}.`,
    );
  }
  return wanted.map((k) => byKey.get(k)!);
}
