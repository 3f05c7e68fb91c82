/**
 * The words the elements show, as one typed English table. Operator labels are keyed by
 * the core's label keys. Another language: `setMessages({ 'operator.equals': 'ist', … })`.
 */
import type { OperatorLabelKey } from '../../core/model/operators.js';

const operatorLabels = {
  'operator.equals': 'is',
  'operator.notEquals': 'is not',
  'operator.contains': 'contains',
  'operator.notContains': 'does not contain',
  'operator.startsWith': 'starts with',
  'operator.endsWith': 'ends with',
  'operator.in': 'is one of',
  'operator.notIn': 'is none of',
  'operator.isEmpty': 'is empty',
  'operator.isNotEmpty': 'is not empty',
  'operator.greaterThan': 'is greater than',
  'operator.greaterThanOrEqual': 'is at least',
  'operator.lessThan': 'is less than',
  'operator.lessThanOrEqual': 'is at most',
  'operator.between': 'is between',
  'operator.notBetween': 'is not between',
  'operator.on': 'is on',
  'operator.before': 'is before',
  'operator.after': 'is after',
  'operator.inLast': 'is in the last',
  'operator.notInLast': 'is not in the last',
  'operator.inNext': 'is in the next',
  'operator.isAnniversaryInNext': 'has an anniversary in the next',
  'operator.isTrue': 'is true',
  'operator.isFalse': 'is false',
} as const satisfies Record<OperatorLabelKey, string>;

const ui = {
  'combinator.and': 'AND',
  'combinator.or': 'OR',
  'combinator.label': 'Match',
  'combinator.not': 'NOT',
  'set.union': 'Union',
  'set.intersect': 'Intersect',
  'set.except': 'Except',
  'set.label': 'Combine with the rules before',
  'set.union.hint': 'members of either',
  'set.intersect.hint': 'members of both',
  'set.except.hint': 'remove these members',
  'unit.day': 'days',
  'unit.week': 'weeks',
  'unit.month': 'months',
  'unit.year': 'years',
  'quantifier.any': 'with any',
  'quantifier.none': 'with no',
  'quantifier.atLeast': 'with at least',
  'quantifier.atMost': 'with at most',
  'quantifier.exactly': 'with exactly',
  'aggregate.count': 'whose count of',
  'aggregate.sum': 'whose total',
  'aggregate.avg': 'whose average',
  'aggregate.min': 'whose lowest',
  'aggregate.max': 'whose highest',
  'attribute.choose': 'Choose an attribute',
  'attribute.search': 'Search attributes',
  'attribute.none': 'No attribute matches',
  'attribute.label': 'Attribute',
  'operator.label': 'Operator',
  'value.label': 'Value',
  'value.low': 'From',
  'value.high': 'To',
  'value.amount': 'Amount',
  'value.unit': 'Unit',
  'value.add': 'Add a value',
  'value.remove': 'Remove {value}',
  'value.suggestions': 'Suggestions',
  'value.loading': 'Loading suggestions…',
  'value.count': '{count} members',
  'attribute.loading': 'Loading…',
  'attribute.more': '{count} more — keep typing to narrow the list',
  'attribute.unknown': 'The catalog has no attribute "{name}": choose another.',
  'attribute.type.string': 'text',
  'attribute.type.number': 'number',
  'attribute.type.date': 'date',
  'attribute.type.boolean': 'yes/no',
  'operator.choose': 'Choose…',
  'value.choose': 'Choose a value',
  'value.pair': '{low} and {high}',
  'value.notInList': '{value} (not in the list)',
  'value.notNumber': '"{value}" is not a number.',
  'value.suggestionsFailed': 'Suggestions are unavailable.',
  'value.values': 'Values',
  'condition.label': 'Condition',
  'combinator.not.hint': 'Match when this group is not true',
} as const;

export type MessageKey = keyof typeof operatorLabels | keyof typeof ui;

const english: Record<MessageKey, string> = { ...operatorLabels, ...ui };
let current: Record<string, string> = english;

/** Replace some or all messages (another language, or house wording). */
export function setMessages(messages: Partial<Record<MessageKey, string>>): void {
  current = { ...english, ...messages };
}

/** A message with `{name}` placeholders filled in. */
export function msg(key: MessageKey, vars?: Record<string, string | number>): string {
  const text = current[key] ?? english[key] ?? key;
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** The label of an operator, by name (`equals` → "is"). */
export function operatorLabel(operator: string): string {
  const key = `operator.${operator}`;
  return key in english ? msg(key as MessageKey) : operator;
}
