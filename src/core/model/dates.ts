/**
 * The calendar (SPEC sections 4 and 5), in one place for validation, the engine, the
 * SQL compiler, descriptions and the sample data: ISO 8601 strings, UTC calendar days,
 * civil dates as day numbers (no `Date` objects on the hot paths), calendar months and
 * years clamped to the month's end, and the relative units.
 *
 * Day numbers count whole UTC days since 1970-01-01 in the proleptic Gregorian calendar.
 */

/** Milliseconds in a UTC day. */
export const DAY_MS = 86_400_000;

/** The units of a relative date value `{amount, unit}`. A week is 7 days; months and years are calendar arithmetic. */
export const RELATIVE_UNITS = ['day', 'week', 'month', 'year'] as const;
export type RelativeUnit = (typeof RELATIVE_UNITS)[number];

/** Is `unit` one of the relative units? */
export function isRelativeUnit(unit: unknown): unit is RelativeUnit {
  return unit === 'day' || unit === 'week' || unit === 'month' || unit === 'year';
}

// ------------------------------------------------------------------ civil dates

/** Day number of a proleptic Gregorian date (month 1–12; a day past the month's end runs on into the next). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * The civil date of a day number, packed into one integer as `year * 512 + month * 32 +
 * day` (month 1–12) so that nothing is allocated: `c >> 9` is the year (negative years
 * too), `(c >> 5) & 15` the month, `c & 31` the day and `c & 511` the month-day key.
 */
export function civilFromDays(day: number): number {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return y * 512 + m * 32 + d;
}

/** The month-day key (`month * 32 + day`, month 1–12) of a day number: what an anniversary compares. */
export function monthDayOfDay(day: number): number {
  return civilFromDays(day) & 511;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month (month 0–11; other months count on into the years around) of a year, in the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month < 0 || month > 11) {
    const carry = Math.floor(month / 12);
    year += carry;
    month -= carry * 12;
  }
  if (month === 1) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 3 || month === 5 || month === 8 || month === 10 ? 30 : 31;
}

/** Epoch milliseconds of midnight UTC on a calendar day (month 0–11), any year; months and days out of range run on, as `Date.UTC` does. */
export function utcDate(year: number, month: number, day: number): number {
  const m = Math.trunc(month);
  const y = Math.trunc(year) + Math.floor(m / 12);
  return daysFromCivil(y, m - Math.floor(m / 12) * 12 + 1, Math.trunc(day)) * DAY_MS;
}

// -------------------------------------------------------------- instants and days

/** The UTC calendar day of an instant, as a day number. */
export function utcDay(t: number): number {
  return Math.floor(t / DAY_MS);
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Epoch milliseconds of an ISO 8601 date or date-time string, or undefined when it is
 * not one (or names a day that does not exist). Strings without an offset are UTC.
 */
export function parseIsoDate(text: string): number | undefined {
  const m = ISO.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month - 1)) return undefined;
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const ms = frac ? Number(frac.slice(0, 3).padEnd(3, '0')) : 0;
  let t = daysFromCivil(year, month, day) * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000 + ms;
  if (zone && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offset = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4));
    if (Number(digits.slice(0, 2)) > 23 || Number(digits.slice(2, 4)) > 59) return undefined;
    t -= sign * offset * 60_000;
  }
  return t;
}

/** Is `value` an ISO 8601 date or date-time string naming a real instant? */
export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && parseIsoDate(value) !== undefined;
}

/**
 * The UTC calendar day (day number) of an ISO 8601 date or date-time string, or
 * undefined when it is not one: what `on`, `before`, `after` and `between` compare
 * (SPEC section 4), so `"2026-12-19T23:59Z"` and `"2026-12-19"` are the same day.
 */
export function utcDayOfIso(text: string): number | undefined {
  const t = parseIsoDate(text);
  return t === undefined ? undefined : utcDay(t);
}

/** A `Date`, ISO string or epoch milliseconds as epoch milliseconds (undefined if not a valid instant). */
export function toInstant(value: Date | string | number | undefined | null): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.getTime();
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string') return parseIsoDate(value);
  return undefined;
}

/** Today's or the day's `YYYY-MM-DD` in UTC. */
export function isoDay(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

// ------------------------------------------------------------- relative arithmetic

/**
 * `t` moved by `amount` units. Days and weeks are exact; months and years are calendar
 * arithmetic with a day past the target month's end clamped to its last day, as
 * PostgreSQL's `interval` does. The time of day is kept.
 */
export function addUnits(t: number, amount: number, unit: RelativeUnit): number {
  if (unit === 'day') return t + amount * DAY_MS;
  if (unit === 'week') return t + amount * 7 * DAY_MS;
  const day = utcDay(t);
  const c = civilFromDays(day);
  const months = unit === 'month' ? amount : amount * 12;
  const total = (c >> 9) * 12 + ((c >> 5) & 15) - 1 + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const d = Math.min(c & 31, daysInMonth(year, month));
  return daysFromCivil(year, month + 1, d) * DAY_MS + (t - day * DAY_MS);
}

/**
 * The next anniversary (month and day) of `birth` on or after the UTC day `fromDay`, as a
 * UTC day number. 29 February counts as 28 February in common years.
 */
export function nextAnniversaryDay(birth: number, fromDay: number): number {
  const b = civilFromDays(utcDay(birth));
  const month = (b >> 5) & 15;
  const day = b & 31;
  let year = civilFromDays(fromDay) >> 9;
  for (;;) {
    const candidate = daysFromCivil(year, month, Math.min(day, daysInMonth(year, month - 1)));
    if (candidate >= fromDay) return candidate;
    year += 1;
  }
}
