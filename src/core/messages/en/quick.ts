/** `<quick-segment>`: a segment from one attribute, with insights about its values. */
import type { Formatters } from '../format.js';

type Count = { count: number };
type Of = { count: number; total: number };
type Range = { from: string; to: string };

const customers = ({ count }: Count, f: Formatters) => `${f.number(count)} ${count === 1 ? 'customer' : 'customers'}`;

const rowsOf = ({ count }: Count, f: Formatters) => `${f.number(count)} ${count === 1 ? 'row' : 'rows'}`;

export const quick = {
  'quick.title': 'New quick segment',
  'quick.label': 'Quick segment',
  'quick.step.attribute': 'Field',
  'quick.step.attribute.hint': 'Choose one attribute of the customers or of a related entity.',
  'quick.condition': 'Condition',
  'quick.noProvider': 'No data provider is connected.',
  'quick.loadingCatalog': 'Loading attributes…',
  'quick.catalogError': 'The attributes could not be loaded: {message}',
  'quick.retry': 'Retry',

  'quick.insights': 'Insights',
  'quick.insights.loading': 'Loading insights…',
  'quick.insights.error': 'The insights could not be loaded: {message}',
  'quick.insights.unavailable': 'This data provider gives no insights about values. Choose an operator and a value below.',
  'quick.insights.none': 'No values yet.',
  'quick.insights.related': 'Counts are customers with at least one {entity} with that value.',
  'quick.insights.relatedRows': 'Counts are {entity} rows with that value, as the data provider gives them (not customers).',
  'quick.insights.rowsOf': rowsOf,
  'quick.top.title': 'Top values',
  'quick.top.hint': 'Choose one or more values.',
  'quick.top.more': ({ count }: Count, f: Formatters) => `and ${f.number(count)} more ${count === 1 ? 'value' : 'values'}`,
  'quick.histogram.title': 'Distribution',
  'quick.histogram.hint': 'Choose a bar, or a range of bars with Shift.',
  'quick.histogram.byMonth': 'By month',
  'quick.histogram.byYear': 'By year',
  'quick.bar': ({ from, to, count, rows }: Range & Count & { rows?: boolean }, f: Formatters) =>
    `${from} to ${to}: ${rows ? rowsOf({ count }, f) : customers({ count }, f)}`,
  'quick.range': 'Range',
  'quick.range.value': '{from} to {to}',
  'quick.mean': 'Mean',
  'quick.percentile': 'Percentile',
  'quick.percentile.value': 'Value',
  'quick.percentile.p5': '5th',
  'quick.percentile.p25': '25th',
  'quick.percentile.p50': 'Median',
  'quick.percentile.p75': '75th',
  'quick.percentile.p95': '95th',
  'quick.percentiles.related': 'Over all {entity} values.',
  'quick.boolean.title': 'Values',
  'quick.boolean.true': 'Yes',
  'quick.boolean.false': 'No',
  'quick.boolean.empty': 'Empty',
  'quick.emptyValue': '(empty)',
  'quick.customers': customers,
  'quick.share': ({ count, total }: Of, f: Formatters) =>
    total > 0 ? f.number(count / total, { style: 'percent', maximumFractionDigits: 1 }) : '',

  'quick.size': 'Estimated segment size',
  'quick.size.value': ({ count, total }: Of, f: Formatters) =>
    `${customers({ count }, f)}${total > 0 ? ` (${f.number(count / total, { style: 'percent', maximumFractionDigits: 1 })})` : ''}`,
  'quick.size.incomplete': 'Choose an operator and a value to see the size.',
  'quick.size.loading': 'Counting…',
  'quick.size.error': 'The size could not be counted: {message}',
  'quick.size.announce': 'Estimated segment size: {text}',

  'quick.displayName': 'Display name',
  'quick.name': 'Name',
  'quick.name.hint': 'Letters, digits and _; made from the display name.',
  'quick.name.invalid': 'Use letters, digits and _, not starting with a digit.',
  'quick.name.missing': 'Give the segment a name.',
  'quick.incomplete': 'Finish the condition first: choose an attribute, an operator and a value.',
  'quick.save': 'Save',
  'quick.saving': 'Saving…',
  'quick.saveError': 'The segment could not be saved: {message}',
  'quick.saved': 'Saved “{name}”.',
  'quick.openInBuilder': 'Open in builder',
};
