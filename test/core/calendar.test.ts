/**
 * The one calendar module (`model/dates.ts`, SPEC sections 4 and 5): civil dates as day
 * numbers, month lengths, calendar month/year addition clamped to the month's end, and
 * anniversaries, each checked against the platform's `Date` (a reference written the
 * obvious way) over random days far into the past and the future.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  DAY_MS,
  RELATIVE_UNITS,
  addUnits,
  civilFromDays,
  daysFromCivil,
  daysInMonth,
  isRelativeUnit,
  monthDayOfDay,
  nextAnniversaryDay,
  utcDate,
  utcDayOfIso,
} from '../../src/core/model/dates.js';
import { RELATIVE_UNITS as FROM_OPERATORS } from '../../src/core/model/operators.js';
import { daysFromCivil as fromColumns, monthDayOfDay as monthDayFromColumns } from '../../src/core/evaluate/columns.js';
import { daysFromCivil as fromSample, formatDay } from '../../src/sample/format.js';

const RUNS = { numRuns: 2000, seed: 8 };
/** Day numbers from about year -2000 to year 6000. */
const dayArb = fc.integer({ min: -1_450_000, max: 1_470_000 });

function referenceDaysInMonth(year: number, month: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month + 1, 0);
  return d.getUTCDate();
}

function referenceAddUnits(t: number, amount: number, unit: string): number {
  if (unit === 'day') return t + amount * DAY_MS;
  if (unit === 'week') return t + amount * 7 * DAY_MS;
  const date = new Date(t);
  const total = date.getUTCFullYear() * 12 + date.getUTCMonth() + (unit === 'month' ? amount : amount * 12);
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const out = new Date(t);
  out.setUTCFullYear(year, month, Math.min(date.getUTCDate(), referenceDaysInMonth(year, month)));
  return out.getTime();
}

describe('calendar', () => {
  it('civil dates and day numbers round-trip and agree with Date', () => {
    fc.assert(
      fc.property(dayArb, (day) => {
        const date = new Date(day * DAY_MS);
        const c = civilFromDays(day);
        assert.equal(c >> 9, date.getUTCFullYear());
        assert.equal((c >> 5) & 15, date.getUTCMonth() + 1);
        assert.equal(c & 31, date.getUTCDate());
        assert.equal(monthDayOfDay(day), (date.getUTCMonth() + 1) * 32 + date.getUTCDate());
        assert.equal(daysFromCivil(c >> 9, (c >> 5) & 15, c & 31), day);
      }),
      RUNS,
    );
  });

  it('month lengths and utcDate agree with Date, months and days out of range included', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -3000, max: 6000 }),
        fc.integer({ min: -30, max: 40 }),
        fc.integer({ min: -40, max: 70 }),
        (y, m, d) => {
          assert.equal(daysInMonth(y, m), referenceDaysInMonth(y, m));
          const ref = new Date(0);
          ref.setUTCFullYear(y, m, d);
          assert.equal(utcDate(y, m, d), ref.getTime());
        },
      ),
      RUNS,
    );
  });

  it('adds days, weeks, months and years as the Date reference does, clamping to the month end', () => {
    fc.assert(
      fc.property(
        dayArb,
        fc.integer({ min: 0, max: DAY_MS - 1 }),
        fc.integer({ min: -500, max: 500 }),
        fc.constantFrom(...RELATIVE_UNITS),
        (day, ms, amount, unit) => {
          const t = day * DAY_MS + ms;
          assert.equal(addUnits(t, amount, unit), referenceAddUnits(t, amount, unit));
        },
      ),
      RUNS,
    );
    assert.equal(new Date(addUnits(Date.UTC(2023, 2, 31, 5), -1, 'month')).toISOString(), '2023-02-28T05:00:00.000Z');
    assert.equal(new Date(addUnits(Date.UTC(2024, 1, 29), -4, 'year')).toISOString(), '2020-02-29T00:00:00.000Z');
  });

  it('finds the next anniversary on or after a day (29 February as 28 February in common years)', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: -400_000, max: 800_000 }), (birthDay, fromDay) => {
        const b = new Date(birthDay * DAY_MS);
        let year = new Date(fromDay * DAY_MS).getUTCFullYear();
        let expected: number;
        for (;;) {
          const m = b.getUTCMonth();
          const ref = new Date(0);
          ref.setUTCFullYear(year, m, Math.min(b.getUTCDate(), referenceDaysInMonth(year, m)));
          expected = ref.getTime() / DAY_MS;
          if (expected >= fromDay) break;
          year++;
        }
        assert.equal(nextAnniversaryDay(birthDay * DAY_MS + 3_600_000, fromDay), expected);
      }),
      RUNS,
    );
  });

  it('the UTC day of an ISO string ignores the time of day and honours offsets', () => {
    const day = daysFromCivil(2026, 12, 19);
    assert.equal(utcDayOfIso('2026-12-19'), day);
    assert.equal(utcDayOfIso('2026-12-19T23:59:59.999Z'), day);
    assert.equal(utcDayOfIso('2026-12-19T23:30:00-01:00'), day + 1);
    assert.equal(utcDayOfIso('2026-02-30'), undefined);
    assert.equal(formatDay(day), '2026-12-19');
  });

  it('is one module: the engine, the sample data and the operator table use the same functions and unit list', () => {
    assert.equal(fromColumns, daysFromCivil);
    assert.equal(fromSample, daysFromCivil);
    assert.equal(monthDayFromColumns, monthDayOfDay);
    assert.equal(FROM_OPERATORS, RELATIVE_UNITS);
    assert.deepEqual([...RELATIVE_UNITS], ['day', 'week', 'month', 'year']);
    assert.ok(RELATIVE_UNITS.every(isRelativeUnit));
    assert.equal(isRelativeUnit('days'), false);
  });
});
