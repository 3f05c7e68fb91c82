/** `<trend-chart>`: a segment's member count over time, its time frames, headline figures and data table. */
import type { Formatters } from '../format.js';

type Point = { date: string; count: number };

/** A date as the chart shows it (a UTC calendar day). */
const day = (date: string, f: Formatters) => f.date(date, { dateStyle: 'medium', timeZone: 'UTC' });
const members = (count: number, f: Formatters) => `${f.number(count)} ${f.plural(count) === 'one' ? 'member' : 'members'}`;

export const trend = {
  'trend.label': 'Members of {segment} over time',
  'trend.labelPlain': 'Member count over time',
  'trend.frames': 'Time frame',
  'trend.frame.days': ({ days }: { days: number }, f: Formatters) => `${f.number(days)} days`,
  'trend.frame.all': 'All',
  'trend.current': 'Members now',
  'trend.growth': 'Last 7 days',
  'trend.growth.change': ({ change }: { change: number }, f: Formatters) => f.number(change, { signDisplay: 'exceptZero' }),
  'trend.growth.percent': ({ percent }: { percent: number }, f: Formatters) =>
    `(${f.number(percent, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' })})`,
  'trend.growth.since': ({ date }: { date: string }, f: Formatters) => `since ${day(date, f)}`,
  'trend.growth.none': 'Not enough history',
  'trend.point': ({ date, count }: Point, f: Formatters) => `${day(date, f)}: ${members(count, f)}`,
  'trend.point.date': ({ date }: { date: string }, f: Formatters) => day(date, f),
  'trend.point.count': ({ count }: { count: number }, f: Formatters) => members(count, f),
  'trend.summary': ({ label, first, last, points }: { label: string; first: Point; last: Point; points: number }, f: Formatters) =>
    `${label}: from ${members(first.count, f)} on ${day(first.date, f)} to ${members(last.count, f)} on ${day(last.date, f)}, ` +
    `${f.number(points)} ${f.plural(points) === 'one' ? 'point' : 'points'}. Use the arrow keys to read the points.`,
  'trend.showTable': 'Show as table',
  'trend.showChart': 'Show as chart',
  'trend.table.date': 'Date',
  'trend.table.count': 'Members',
  'trend.table.change': 'Change',
  'trend.loading': 'Loading the trend…',
  'trend.empty': 'No member counts in this time frame yet.',
  'trend.error': 'The trend could not be loaded: {message}',
  'trend.chartError': 'The chart could not be drawn ({message}); the table shows the data.',
  'trend.retry': 'Retry',
  'trend.noProvider': 'No data provider is connected.',
  'trend.noSegment': 'No segment to show.',
  'trend.badAnswer': 'The provider did not answer with a list of points.',
};
