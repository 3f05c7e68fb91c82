/**
 * `describeSegment`: the plain-language summary of a segment, as whole fragments (a
 * clause, a related block, a comparison), each a function of the already rendered parts
 * it holds, so that another language can order the words its own way. Plurals, count
 * words and the case of the audience noun live in the functions.
 */
import { plural } from '../../model/catalog.js';
import type { Formatters } from '../format.js';
import type { WithFormatters } from './errors.js';

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
/** Small whole numbers as words ("at least one Order"), others as digits. */
const countWord = (n: number | undefined) => {
  const v = n ?? 0;
  return Number.isInteger(v) && v >= 0 && v < NUMBER_WORDS.length ? NUMBER_WORDS[v]! : String(v);
};
/** The entity's label, singular for exactly one and plural otherwise. */
const rows = (count: number | undefined, entity: string) => (count === 1 ? entity : plural(entity));
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const UNITS: Record<string, [string, string]> = {
  day: ['day', 'days'],
  week: ['week', 'weeks'],
  month: ['month', 'months'],
  year: ['year', 'years'],
};
/** "90 days", "1 week"; "…" while the value is not `{amount, unit}`. */
const span = (p: Relative) =>
  'missing' in p ? '…' : `${String(p.amount)} ${UNITS[String(p.unit)]?.[p.amount === 1 ? 0 : 1] ?? String(p.unit)}`;

/** A relative date value, or `missing` while the value is not `{amount, unit}`. */
export type Relative = { amount: number; unit: string } | { missing: true };
/** Rendered operands of a comparison. */
type One = { value: string };
type Pair = { low: string; high: string };
type List = { values: readonly string[] };
/** The `where …` part of a related block, already rendered (`""` without one), and its rendered entity label. */
type Related = { entity: string; where: string };
type Aggregated = Related & { attribute: string; comparison: string };

const table = {
  // ------------------------------------------------------------------ the segment
  /** The audience noun that starts a clause: "Customers" for the first rule, "customers" after a set operator. */
  'describe.audience': (p: { entity: string; first: boolean }) => (p.first ? plural(p.entity) : lowerFirst(plural(p.entity))),
  'describe.noRules': (p: { entity: string }) => `All ${lowerFirst(plural(p.entity))}: no rules yet`,
  'describe.clause': (p: { audience: string; body: string }) => `${p.audience} ${p.body}`,
  'describe.set.union': (p: { clause: string }) => `plus ${p.clause}`,
  'describe.set.intersect': (p: { clause: string }) => `intersected with ${p.clause}`,
  'describe.set.except': (p: { clause: string }) => `except ${p.clause}`,
  'describe.clauses': (p: { clauses: readonly string[] }) => p.clauses.join('; '),
  'describe.truncated': (p: { text: string }) => `${p.text}…`,

  // ------------------------------------------------------------------ a rule's body
  'describe.rule.segment': (p: { name: string }) => `in the segment "${p.name}"`,
  'describe.rule.empty': 'matching nothing yet',
  /** A rule whose tree starts with a condition or group ("customers where City is …"); one that starts with a related block reads on directly. */
  'describe.rule.where': (p: { condition: string }) => `where ${p.condition}`,

  // ---------------------------------------------------------------------- groups
  'describe.group.and': (p: { parts: readonly string[] }) => p.parts.join(' and '),
  'describe.group.or': (p: { parts: readonly string[] }) => p.parts.join(' or '),
  /** A combinator this version does not know. */
  'describe.group.other': (p: { combinator: string; parts: readonly string[] }) => p.parts.join(` ${p.combinator} `),
  'describe.group.not': (p: { text: string }) => `not (${p.text})`,
  'describe.group.nested': (p: { text: string }) => `(${p.text})`,
  'describe.group.nothing': 'nothing',
  /** Stands for the children left out of a very long description. */
  'describe.group.more': '…',

  // ------------------------------------------------------------------ conditions
  'describe.condition': (p: { attribute: string; comparison: string }) => `${p.attribute} ${p.comparison}`,
  'describe.condition.unchosen': '(a condition still to choose)',
  'describe.value.text': (p: { text: string }) => `"${p.text}"`,
  'describe.value.number': (p: { value: number }) => String(p.value),
  /** A date value (an ISO 8601 string in the document) as the locale writes a UTC calendar day: conditions compare days in UTC. */
  'describe.value.date': (p: { value: string }, f: Formatters) => f.date(p.value),
  'describe.value.boolean': (p: { value: boolean }) => String(p.value),
  'describe.value.missing': '…',

  // ------------------------------------------------------------- comparisons
  'describe.op.equals': (p: One) => `is ${p.value}`,
  'describe.op.notEquals': (p: One) => `is not ${p.value}`,
  'describe.op.contains': (p: One) => `contains ${p.value}`,
  'describe.op.notContains': (p: One) => `does not contain ${p.value}`,
  'describe.op.startsWith': (p: One) => `starts with ${p.value}`,
  'describe.op.endsWith': (p: One) => `ends with ${p.value}`,
  'describe.op.in': (p: List) => `is one of ${p.values.join(', ')}`,
  'describe.op.notIn': (p: List) => `is none of ${p.values.join(', ')}`,
  'describe.op.isEmpty': 'is empty',
  'describe.op.isNotEmpty': 'is not empty',
  'describe.op.greaterThan': (p: One) => `is greater than ${p.value}`,
  'describe.op.greaterThanOrEqual': (p: One) => `is at least ${p.value}`,
  'describe.op.lessThan': (p: One) => `is less than ${p.value}`,
  'describe.op.lessThanOrEqual': (p: One) => `is at most ${p.value}`,
  'describe.op.between': (p: Pair) => `is between ${p.low} and ${p.high}`,
  'describe.op.notBetween': (p: Pair) => `is not between ${p.low} and ${p.high}`,
  'describe.op.on': (p: One) => `is on ${p.value}`,
  'describe.op.before': (p: One) => `is before ${p.value}`,
  'describe.op.after': (p: One) => `is after ${p.value}`,
  'describe.op.inLast': (p: Relative) => `is in the last ${span(p)}`,
  'describe.op.notInLast': (p: Relative) => `is not in the last ${span(p)}`,
  'describe.op.inNext': (p: Relative) => `is in the next ${span(p)}`,
  'describe.op.isAnniversaryInNext': (p: Relative) => `has its anniversary in the next ${span(p)}`,
  'describe.op.isTrue': 'is true',
  'describe.op.isFalse': 'is false',
  'describe.op.unchosen': '…',
  /** An operator this version does not know. */
  'describe.op.other': (p: { operator: string; value: string }) => `${p.operator} ${p.value}`,

  // -------------------------------------------------------------- related blocks
  /** The filter of a related block: a condition or group, or (`describe.related.whereRelated`) a related block inside it. */
  'describe.related.where': (p: { condition: string }) => ` where ${p.condition}`,
  'describe.related.whereRelated': (p: { related: string }) => ` ${p.related}`,
  'describe.related.any': (p: Related) => `with any ${p.entity}${p.where}`,
  'describe.related.none': (p: Related) => `with no ${p.entity}${p.where}`,
  'describe.related.atLeast': (p: Related & { count: number | undefined }) =>
    `with at least ${countWord(p.count)} ${rows(p.count, p.entity)}${p.where}`,
  'describe.related.atMost': (p: Related & { count: number | undefined }) =>
    `with at most ${countWord(p.count)} ${rows(p.count, p.entity)}${p.where}`,
  'describe.related.exactly': (p: Related & { count: number | undefined }) =>
    `with exactly ${countWord(p.count)} ${rows(p.count, p.entity)}${p.where}`,
  'describe.aggregate.count': (p: Related & { comparison: string }) => `whose number of ${plural(p.entity)}${p.where} ${p.comparison}`,
  'describe.aggregate.sum': (p: Aggregated) => `whose total ${p.attribute} of ${plural(p.entity)}${p.where} ${p.comparison}`,
  'describe.aggregate.avg': (p: Aggregated) => `whose average ${p.attribute} of ${plural(p.entity)}${p.where} ${p.comparison}`,
  'describe.aggregate.min': (p: Aggregated) => `whose lowest ${p.attribute} of ${plural(p.entity)}${p.where} ${p.comparison}`,
  'describe.aggregate.max': (p: Aggregated) => `whose highest ${p.attribute} of ${plural(p.entity)}${p.where} ${p.comparison}`,
  /** An aggregate this version does not know. */
  'describe.aggregate.other': (p: Aggregated & { aggregate: string }) =>
    `whose ${p.aggregate} ${p.attribute} of ${plural(p.entity)}${p.where} ${p.comparison}`,
};

/** The describe section; each function also receives the locale's formatters. */
export const describe: WithFormatters<typeof table> = table;
