/**
 * `<trend-chart>`'s arithmetic (src/elements/trend-chart/series.ts, DOM-free): the frames
 * and their `from`, a provider's answer checked and sorted, the weekly growth, the point
 * nearest an instant, key moves and day-aligned ticks.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  frameFrom,
  moveIndex,
  nearestIndex,
  timeTicks,
  toFrame,
  toSeries,
  weeklyGrowth,
  type SeriesPoint,
} from '../../src/elements/trend-chart/series.js';

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-01T12:00:00Z');
const daily = (days: number, count: (i: number) => number): SeriesPoint[] =>
  Array.from({ length: days }, (_, i) => {
    const t = NOW - (days - 1 - i) * DAY;
    return { date: new Date(t).toISOString(), t, count: count(i) };
  });

describe('trend frames', () => {
  it('reads frames from attributes and properties; anything else is 90 days', () => {
    assert.equal(toFrame('30'), 30, '"30"');
    assert.equal(toFrame(365), 365, '365');
    assert.equal(toFrame('all'), 'all', 'all');
    assert.equal(toFrame('45'), 90, 'not a frame');
    assert.equal(toFrame(null), 90, 'no attribute');
    assert.equal(toFrame(''), 90, 'empty');
  });

  it('asks from whole days before the anchor, and from nothing for all', () => {
    assert.equal(frameFrom(30, NOW), '2026-10-02T12:00:00.000Z');
    assert.equal(frameFrom(365, NOW), '2025-11-01T12:00:00.000Z');
    assert.equal(frameFrom('all', NOW), undefined);
  });
});

describe('trend series', () => {
  it('keeps readable points in time order and leaves the answer alone', () => {
    const answer = Object.freeze([
      Object.freeze({ date: '2026-10-31', count: 5 }),
      { date: 'not a date', count: 1 },
      { date: '2026-10-30T00:00:00Z', count: Infinity },
      { date: '2026-10-29T06:00:00Z', count: 4 },
      'junk',
    ]);
    const s = toSeries(answer, 'not a list');
    assert.deepEqual(
      s.map((p) => [p.date, p.count]),
      [
        ['2026-10-29T06:00:00Z', 4],
        ['2026-10-31', 5],
      ],
    );
    assert.throws(() => toSeries({ points: [] }, 'not a list'), { code: 'bad-response', message: 'not a list' });
  });

  it('grows against the last point a week or more older, with a percent unless that was zero', () => {
    assert.deepEqual(weeklyGrowth(daily(10, (i) => (i < 3 ? 100 : 90))), {
      change: -10,
      percent: -0.1,
      since: new Date(NOW - 7 * DAY).toISOString(),
    });
    assert.equal(weeklyGrowth(daily(10, (i) => (i < 3 ? 0 : 5)))!.percent, undefined, 'from zero');
    assert.equal(weeklyGrowth(daily(7, (i) => i)), undefined, 'less than a week');
    assert.equal(weeklyGrowth([]), undefined, 'no points');
  });

  it('finds the nearest point and moves by point, week and end', () => {
    const s = daily(30, (i) => i);
    assert.equal(nearestIndex(s, s[4]!.t + 0.4 * DAY), 4);
    assert.equal(nearestIndex(s, s[4]!.t + 0.6 * DAY), 5);
    assert.equal(nearestIndex(s, 0), 0);
    assert.equal(nearestIndex(s, NOW * 2), 29);
    assert.equal(nearestIndex([], NOW), -1);
    assert.equal(moveIndex(s, undefined, { step: -1 }), 29, 'the first key starts at the latest point');
    assert.equal(moveIndex(s, 0, { step: -1 }), 0, 'stops at the first');
    assert.equal(moveIndex(s, 29, { step: 1 }), 29, 'stops at the latest');
    assert.equal(moveIndex(s, 3, { week: 1 }), 10);
    assert.equal(moveIndex(s, 3, { week: -1 }), 0);
    assert.equal(moveIndex(s, 12, { to: 'first' }), 0);
    assert.equal(moveIndex(s, 12, { to: 'last' }), 29);
    // A sparse series still moves a point per week step.
    const sparse = [s[0]!, s[20]!, s[29]!];
    assert.equal(moveIndex(sparse, 0, { week: 1 }), 1);
  });
});

describe('time ticks', () => {
  it('puts ticks on UTC midnights a nice number of days apart, or on month starts', () => {
    const week = timeTicks(Date.parse('2026-10-02T12:00:00Z'), NOW, 6);
    assert.ok(week.length >= 3 && week.length <= 6, `${week.length} ticks`);
    assert.ok(
      week.every((t) => t % DAY === 0),
      'midnights',
    );
    assert.ok(
      week.every((t, i) => i === 0 || t - week[i - 1]! === 7 * DAY),
      'a week apart',
    );
    const years = timeTicks(Date.parse('2021-05-12T00:00:00Z'), NOW, 6);
    assert.ok(
      years.every((t) => new Date(t).getUTCDate() === 1 && new Date(t).getUTCMonth() === 0),
      years.map((t) => new Date(t).toISOString()).join(),
    );
    assert.deepEqual(timeTicks(NOW, NOW, 5), [NOW]);
  });
});
