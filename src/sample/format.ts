/**
 * Fast, locale-free ISO 8601 formatting and parsing for the sample dataset: calendar
 * arithmetic on whole days (no `Date` objects per row), `YYYY-MM-DD` for dates and
 * `YYYY-MM-DDTHH:MM:SSZ` for date-times.
 */
import { DAY_MS, civilFromDays, daysFromCivil, parseIsoDate } from '../core/model/dates.js';

/** The calendar lives in the core (`core/model/dates.ts`); re-exported for the generator. */
export { daysFromCivil } from '../core/model/dates.js';

// Packed civil dates per day number, for the days sample data uses (1900–2100).
const CACHE_FROM = daysFromCivil(1900, 1, 1);
const CACHE_SIZE = daysFromCivil(2100, 1, 1) - CACHE_FROM;
let civilCache: Int32Array | undefined;
let dayStrings: (string | undefined)[] | undefined;

function civil(day: number): number {
  const k = day - CACHE_FROM;
  if (k < 0 || k >= CACHE_SIZE) return civilFromDays(day);
  civilCache ??= new Int32Array(CACHE_SIZE);
  let c = civilCache[k]!;
  if (c === 0) c = civilCache[k] = civilFromDays(day);
  return c;
}

function pad4(y: number): string {
  if (y >= 1000 && y <= 9999) return String(y);
  const s = String(Math.abs(y)).padStart(4, '0');
  return y < 0 ? '-' + s : s;
}

/** `YYYY-MM-DD` of a day number (days since 1970-01-01). */
export function formatDay(day: number): string {
  const k = day - CACHE_FROM;
  const cached = k >= 0 && k < CACHE_SIZE;
  if (cached) {
    dayStrings ??= new Array<string | undefined>(CACHE_SIZE);
    const s = dayStrings[k];
    if (s !== undefined) return s;
  }
  const c = civil(day);
  const y = c >> 9;
  const m = (c >> 5) & 15;
  const d = c & 31;
  const s = pad4(y) + '-' + (m < 10 ? '0' : '') + m + '-' + (d < 10 ? '0' : '') + d;
  if (cached) dayStrings![k] = s;
  return s;
}

/**
 * `YYYY-MM-DDTHH:MM:SSZ` of an instant given in whole seconds since the epoch (years
 * 1000–9999). Built in one step, so the string is flat (no rope of small pieces).
 */
export function formatSeconds(sec: number): string {
  const day = Math.floor(sec / 86400);
  const c = civil(day);
  const y = c >> 9;
  if (y < 1000 || y > 9999) return new Date(sec * 1000).toISOString().replace('.000Z', 'Z');
  const m = (c >> 5) & 15;
  const d = c & 31;
  const s = sec - day * 86400;
  const h = Math.floor(s / 3600);
  const mi = Math.floor(s / 60) % 60;
  const se = s % 60;
  return String.fromCharCode(
    48 + Math.floor(y / 1000),
    48 + (Math.floor(y / 100) % 10),
    48 + (Math.floor(y / 10) % 10),
    48 + (y % 10),
    45,
    48 + Math.floor(m / 10),
    48 + (m % 10),
    45,
    48 + Math.floor(d / 10),
    48 + (d % 10),
    84,
    48 + Math.floor(h / 10),
    48 + (h % 10),
    58,
    48 + Math.floor(mi / 10),
    48 + (mi % 10),
    58,
    48 + Math.floor(se / 10),
    48 + (se % 10),
    90,
  );
}

const digit = (s: string, i: number) => s.charCodeAt(i) - 48;
const isDigit = (s: string, i: number) => {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
};

/**
 * Epoch milliseconds of an ISO date or date-time (NaN when it is not one). The two forms
 * the generator writes take a fast path; anything else goes through `parseIsoDate`.
 */
export function parseInstant(v: unknown): number {
  if (typeof v !== 'string') {
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    return NaN;
  }
  const n = v.length;
  if (
    (n === 10 || (n === 20 && v.charCodeAt(10) === 84 && v.charCodeAt(19) === 90 && v.charCodeAt(13) === 58 && v.charCodeAt(16) === 58)) &&
    v.charCodeAt(4) === 45 &&
    v.charCodeAt(7) === 45 &&
    isDigit(v, 0) &&
    isDigit(v, 1) &&
    isDigit(v, 2) &&
    isDigit(v, 3) &&
    isDigit(v, 5) &&
    isDigit(v, 6) &&
    isDigit(v, 8) &&
    isDigit(v, 9)
  ) {
    const y = digit(v, 0) * 1000 + digit(v, 1) * 100 + digit(v, 2) * 10 + digit(v, 3);
    const m = digit(v, 5) * 10 + digit(v, 6);
    const d = digit(v, 8) * 10 + digit(v, 9);
    if (m >= 1 && m <= 12 && d >= 1 && d <= 28) {
      let t = daysFromCivil(y, m, d) * DAY_MS;
      if (n === 20) {
        if (!(isDigit(v, 11) && isDigit(v, 12) && isDigit(v, 14) && isDigit(v, 15) && isDigit(v, 17) && isDigit(v, 18))) return NaN;
        const h = digit(v, 11) * 10 + digit(v, 12);
        const mi = digit(v, 14) * 10 + digit(v, 15);
        const s = digit(v, 17) * 10 + digit(v, 18);
        if (h > 23 || mi > 59 || s > 59) return NaN;
        t += ((h * 60 + mi) * 60 + s) * 1000;
      }
      return t;
    }
  }
  const t = parseIsoDate(v);
  return t === undefined ? NaN : t;
}
