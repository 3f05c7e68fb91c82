/**
 * Date arithmetic shared by validation, the engine and the SQL compiler (SPEC section 5):
 * ISO 8601 strings, UTC calendar days, calendar months clamped to the month's end.
 */
import type { RelativeUnit } from './types.js';

export const DAY_MS = 86_400_000;

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
  let t = utcDate(year, month - 1, day) + ((hour * 60 + minute) * 60 + second) * 1000 + ms;
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

/** Days in a month (month 0–11) of a year, in the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month + 1, 0);
  return d.getUTCDate();
}

/** Epoch milliseconds of midnight UTC on a calendar day (month 0–11), any year. */
export function utcDate(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month, day);
  return d.getTime();
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * `t` moved by `amount` units. Days and weeks are exact; months and years are calendar
 * arithmetic with a day past the target month's end clamped to its last day, as
 * PostgreSQL's `interval` does. The time of day is kept.
 */
export function addUnits(t: number, amount: number, unit: RelativeUnit): number {
  if (unit === 'day') return t + amount * DAY_MS;
  if (unit === 'week') return t + amount * 7 * DAY_MS;
  const date = new Date(t);
  const months = unit === 'month' ? amount : amount * 12;
  const total = date.getUTCFullYear() * 12 + date.getUTCMonth() + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const day = Math.min(date.getUTCDate(), daysInMonth(year, month));
  const out = new Date(t);
  out.setUTCFullYear(year, month, day);
  return out.getTime();
}

/** The UTC calendar day of an instant, as whole days since 1970-01-01. */
export function utcDay(t: number): number {
  return Math.floor(t / DAY_MS);
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

/**
 * The next anniversary (month and day) of `birth` on or after the UTC day `fromDay`, as a
 * UTC day number. 29 February counts as 28 February in common years.
 */
export function nextAnniversaryDay(birth: number, fromDay: number): number {
  const b = new Date(birth);
  const month = b.getUTCMonth();
  const day = b.getUTCDate();
  const from = new Date(fromDay * DAY_MS);
  let year = from.getUTCFullYear();
  for (;;) {
    const candidate = utcDay(utcDate(year, month, Math.min(day, daysInMonth(year, month))));
    if (candidate >= fromDay) return candidate;
    year += 1;
  }
}
