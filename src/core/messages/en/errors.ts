/**
 * Validation and parsing errors: one entry per `SegmentErrorCode` (`error.<code>`), a
 * function of the error's `params` (what `parseSegment` and `validateSegment` put in
 * each `SegmentError`). `SegmentError.message` is this English text; an element renders
 * another language with `errorMessage(error, translator)`.
 *
 * Where one code has several messages, `params.variant` names which; every other
 * parameter is a value (a name, a label, a number) or a kind of JSON value
 * (`ValueKind`), never English text.
 */
import type { SegmentErrorCode } from '../../model/types.js';
import type { MessageFn } from '../format.js';

/**
 * A section's type with each message function typed as a `MessageFn` of its parameters,
 * so a translation can use the formatters (numbers, dates, plurals) even where English
 * needs none.
 */
export type WithFormatters<T> = { [K in keyof T]: T[K] extends (params: infer P) => string ? MessageFn<P> : T[K] };

/** What a wrong value is, as JavaScript sees it (`list` for arrays). */
export type ValueKind = 'null' | 'undefined' | 'list' | 'object' | 'string' | 'number' | 'boolean' | 'bigint' | 'symbol' | 'function';

/** A value as a message shows it: text (already shortened), a number or a boolean as it is, anything else by its kind. */
export type ShownValue = { value: string | number | boolean; got?: undefined } | { got: ValueKind; value?: undefined };

/** The parameters of a message made of no values. */
export type NoParams = Record<string, never>;

/** Which end of a low–high pair. */
export type PairEnd = 'low' | 'high';

const noun = (kind: ValueKind | 'empty'): string =>
  kind === 'null' || kind === 'undefined' || kind === 'empty'
    ? kind
    : kind === 'list'
      ? 'a list'
      : kind === 'object'
        ? 'an object'
        : `a ${kind}`;
const shown = (p: ShownValue): string =>
  p.got !== undefined ? noun(p.got) : typeof p.value === 'string' ? `"${p.value}"` : String(p.value);
const quoted = (options: readonly string[]) => options.map((o) => `"${o}"`);
/** "a, b or c" */
const either = (options: readonly string[]) => `${options.slice(0, -1).join(', ')} or ${options[options.length - 1] ?? ''}`;
const typeNoun = (type: string) =>
  type === 'string' ? 'text' : type === 'number' ? 'a number' : type === 'date' ? 'a date' : type === 'boolean' ? 'true or false' : type;

/** The fields whose value has the wrong JSON type, each with its own sentence. */
const WRONG_TYPE = {
  segmentId: (got: string) => `The segment id must be text, not ${got}.`,
  name: (got: string) => `The name must be text, not ${got}.`,
  displayName: (got: string) => `The display name must be text, not ${got}.`,
  description: (got: string) => `The description must be text, not ${got}.`,
  ruleName: (got: string) => `A rule name must be text, not ${got}.`,
  id: (got: string) => `An id must be non-empty text, not ${got}.`,
  tags: (got: string) => `Tags must be a list of text, not ${got}.`,
  tag: (got: string) => `A tag must be text, not ${got}.`,
  audience: (got: string) => `The audience must be an entity name, not ${got}.`,
  rules: (got: string) => `rules must be a list, not ${got}.`,
  projectedAttributes: (got: string) => `projectedAttributes must be a list, not ${got}.`,
  projectedEntity: (got: string) => `The entity must be text, not ${got}.`,
  projectedAttribute: (got: string) => `The attribute must be text, not ${got}.`,
  snapshot: (got: string) => `snapshot must be a list of member keys, not ${got}.`,
  memberKey: (got: string) => `A member key must be text or a number, not ${got}.`,
  segment: (got: string) => `segment must be the id of a saved segment, not ${got}.`,
  not: (got: string) => `not must be true or false, not ${got}.`,
  children: (got: string) => `children must be a list, not ${got}.`,
  entity: (got: string) => `entity must be text, not ${got}.`,
  attribute: (got: string) => `attribute must be text, not ${got}.`,
  operator: (got: string) => `operator must be text, not ${got}.`,
};
export type WrongTypeField = keyof typeof WRONG_TYPE;

/** The fields a document, node or match lacks, each with its own sentence. */
const MISSING_FIELD = {
  audience: 'The document needs an audience: the entity whose members it selects, e.g. "Customer".',
  rules: 'The document needs a list of rules.',
  projectedEntity: 'A projected attribute needs its entity.',
  projectedAttribute: 'A projected attribute needs its attribute.',
  kind: 'A node needs a kind: "group", "condition" or "related".',
  combinator: 'A group needs a combinator: "and" or "or".',
  children: 'A group needs a list of children.',
  conditionEntity: 'A condition needs the entity of its attribute.',
  conditionAttribute: 'A condition needs an attribute.',
  conditionOperator: 'A condition needs an operator.',
  relatedEntity: 'A related block needs the entity whose rows it looks at.',
  chooseRelatedEntity: 'Choose the entity this block looks at.',
  match: 'A related block needs a match, e.g. {"quantifier": "any"}.',
  quantifier: 'A match needs a quantifier (any, none, atLeast, atMost, exactly) or an aggregate.',
  aggregateOperator: 'An aggregate needs an operator to compare with.',
};
export type MissingField = keyof typeof MISSING_FIELD;

/** Objects that are something else, each with its own sentence. */
const NOT_OBJECT = {
  document: (got: string) => `A segment document must be a JSON object, not ${got}.`,
  projectedAttribute: (got: string) => `A projected attribute must be an object with entity and attribute, not ${got}.`,
  rule: (got: string) => `A rule must be an object, not ${got}.`,
  node: (got: string) => `A condition or group must be an object, not ${got}.`,
  match: (got: string) => `match must be an object, not ${got}.`,
};
export type NotObjectField = keyof typeof NOT_OBJECT;

const table = {
  // ------------------------------------------------------------ structure (parseSegment)
  'error.invalid-json': (p: { detail: string }) => `This is not valid JSON: ${p.detail}`,
  'error.not-object': (p: { variant: NotObjectField; got: ValueKind } | { variant: 'unreadable'; detail: string }) =>
    p.variant === 'unreadable' ? `The document could not be read: ${p.detail}` : NOT_OBJECT[p.variant](noun(p.got)),
  'error.unsupported-version': (p: { version: number; supported: number }) =>
    `This document uses schema version ${p.version}, which is newer than this version of segment-kit understands (${p.supported}). Update segment-kit to open it.`,
  'error.invalid-version': (p: ShownValue & { expected: number }) => `schemaVersion must be ${p.expected}, not ${shown(p)}.`,
  'error.missing-field': (p: { variant: MissingField } | { variant: 'aggregateAttribute'; aggregate: string }) =>
    p.variant === 'aggregateAttribute' ? `\`${p.aggregate}\` needs the attribute it aggregates.` : MISSING_FIELD[p.variant],
  'error.wrong-type': (p: { variant: WrongTypeField; got: ValueKind | 'empty' }) => WRONG_TYPE[p.variant](noun(p.got)),
  'error.invalid-option': (
    p: ShownValue & {
      variant: 'type' | 'state' | 'setOperator' | 'combinator' | 'quantifier' | 'aggregate' | 'unit';
      options: readonly string[];
    },
  ) => {
    const got = shown(p);
    switch (p.variant) {
      case 'type':
        return `The type must be one of ${quoted(p.options).join(', ')}, not ${got}.`;
      case 'state':
        return `The state must be one of ${quoted(p.options).join(', ')}, not ${got}.`;
      case 'setOperator':
        return `The set operator must be one of ${quoted(p.options).join(', ')}, not ${got}.`;
      case 'combinator':
        return `The combinator must be ${either(quoted(p.options))}, not ${got}.`;
      case 'quantifier':
        return `The quantifier must be ${either(p.options)}, not ${got}.`;
      case 'aggregate':
        return `The aggregate must be ${either(p.options)}, not ${got}.`;
      case 'unit':
        return `The unit must be ${either(p.options)}, not ${got}.`;
    }
  },
  'error.unknown-kind': (p: ShownValue) => `Unknown node kind ${shown(p)}: use "group", "condition" or "related".`,
  'error.unknown-operator': (p: ShownValue) => `Unknown operator ${shown(p)}.`,
  'error.invalid-value': (
    p:
      | { variant: 'quantifierAndAggregate' | 'lowAboveHigh' }
      | (ShownValue & { variant: 'count' | 'amount' })
      | { variant: 'notScalar' | 'notList' | 'listItem' | 'notRelative'; operator: string; got: ValueKind }
      | { variant: 'notPair'; operator: string }
      | { variant: 'pairItem'; end: PairEnd; got: ValueKind },
  ) => {
    switch (p.variant) {
      case 'quantifierAndAggregate':
        return 'A match has either a quantifier or an aggregate, not both.';
      case 'lowAboveHigh':
        return 'The low value must not be greater than the high value.';
      case 'count':
        return `The count must be a whole number of 0 or more, not ${shown(p)}.`;
      case 'amount':
        return `The amount must be a whole number of 0 or more, not ${shown(p)}.`;
      case 'notScalar':
        return `\`${p.operator}\` needs a single value, not ${noun(p.got)}.`;
      case 'notPair':
        return `\`${p.operator}\` needs two values, low and high.`;
      case 'pairItem':
        return `The ${p.end} value must be a single value, not ${noun(p.got)}.`;
      case 'notList':
        return `\`${p.operator}\` needs a list of values, not ${noun(p.got)}.`;
      case 'listItem':
        return `Each value of \`${p.operator}\` must be a single value, not ${noun(p.got)}.`;
      case 'notRelative':
        return `\`${p.operator}\` needs an amount and a unit like {"amount": 90, "unit": "day"}, not ${noun(p.got)}.`;
    }
  },
  'error.missing-value': (
    p:
      | { variant: 'scalar' | 'pair' | 'list' | 'relative' | 'amount' | 'unit'; operator: string }
      | { variant: 'pairItem'; operator: string; end: PairEnd }
      | { variant: 'count'; quantifier: string }
      | { variant: 'emptyText' | 'segment' },
  ) => {
    switch (p.variant) {
      case 'scalar':
        return `\`${p.operator}\` needs a value.`;
      case 'pair':
        return `\`${p.operator}\` needs two values, low and high.`;
      case 'pairItem':
        return `\`${p.operator}\` needs a ${p.end} value.`;
      case 'list':
        return `\`${p.operator}\` needs at least one value.`;
      case 'relative':
        return `\`${p.operator}\` needs an amount and a unit, e.g. 90 days.`;
      case 'amount':
        return `\`${p.operator}\` needs an amount.`;
      case 'unit':
        return `\`${p.operator}\` needs a unit: day, week, month or year.`;
      case 'count':
        return `\`${p.quantifier}\` needs a count.`;
      case 'emptyText':
        return 'Enter a value (to find empty values, use "is empty").';
      case 'segment':
        return 'Choose a segment.';
    }
  },
  'error.invalid-date': (p: { value: string }) => `"${p.value}" is not a date: use the form 2024-05-31 (or an ISO 8601 date and time).`,
  'error.duplicate-id': (p: { id: string; firstPath: string }) =>
    `The id "${p.id}" is already used at ${p.firstPath || 'the document'}; ids must be unique.`,
  'error.too-deep': (p: { variant: 'value' | 'conditions'; depth: number }) =>
    p.variant === 'value'
      ? `This value is nested more than ${p.depth} levels deep.`
      : `Conditions are nested more than ${p.depth} levels deep.`,
  'error.not-json': (
    p:
      | { variant: 'number'; value: string }
      | { variant: 'cycle' }
      | { variant: 'class'; className: string | null }
      | { variant: 'type'; got: ValueKind },
  ) => {
    switch (p.variant) {
      case 'number':
        return `${p.value} is not a JSON number.`;
      case 'cycle':
        return 'This value contains itself, which JSON cannot store.';
      case 'class':
        return `This field holds a ${p.className ?? 'special'} object, which JSON cannot store as it is.`;
      case 'type':
        return `This field holds ${noun(p.got)}, which JSON cannot store.`;
    }
  },

  // ---------------------------------------------------------- meaning (validateSegment)
  'error.unknown-audience': (p: { audience: string; expected: string }) =>
    p.audience === '' ? 'The document needs an audience.' : `The audience "${p.audience}" is not the catalog's audience "${p.expected}".`,
  'error.unknown-entity': (p: { entity: string; variant?: 'unnamed' }) =>
    p.variant === 'unnamed'
      ? 'This condition does not say which entity its attribute belongs to.'
      : `The catalog has no entity "${p.entity}".`,
  'error.unknown-attribute': (p: { entity: string; attribute: string }) => `${p.entity} has no attribute "${p.attribute}".`,
  'error.missing-attribute': (p: { aggregate?: string }) =>
    p.aggregate === undefined ? 'Choose an attribute.' : `Choose the attribute to ${p.aggregate === 'avg' ? 'average' : p.aggregate}.`,
  'error.missing-operator': (p: { variant: 'condition' | 'aggregate' }) =>
    p.variant === 'aggregate' ? 'Choose how to compare the aggregate.' : 'Choose an operator.',
  'error.operator-not-allowed': (
    p:
      | { variant: 'condition'; operator: string; attribute: string; type: string; operators: readonly string[] }
      | { variant: 'aggregate'; aggregate: string; attribute: string; type: string }
      | { variant: 'aggregateOperator'; operator: string; type: string; operators: readonly string[] },
  ) => {
    switch (p.variant) {
      case 'condition':
        return `\`${p.operator}\` cannot be used with ${p.attribute}, which is ${typeNoun(p.type)}; use one of ${p.operators.join(', ')}.`;
      case 'aggregate':
        return `\`${p.aggregate}\` cannot be used with ${p.attribute} (${typeNoun(p.type)}).`;
      case 'aggregateOperator':
        return `\`${p.operator}\` cannot compare ${p.type === 'date' ? 'a date' : 'a number'} aggregate: compare it with ${either(p.operators)}.`;
    }
  },
  'error.value-type': (p: { variant: 'text' | 'date'; type: string } | { variant: 'number'; type: string; value?: string }) => {
    switch (p.variant) {
      case 'text':
        return `This value must be text, not ${p.type}.`;
      case 'date':
        return `This value must be a date like 2024-05-31, not ${p.type}.`;
      case 'number':
        return `This value must be a number, not ${p.value !== undefined ? `"${p.value}"` : p.type}.`;
    }
  },
  'error.value-not-allowed': (p: { value: string; attribute: string }) => `"${p.value}" is not one of the values of ${p.attribute}.`,
  'error.entity-out-of-scope': (p: { variant: 'outside' | 'inside' | 'audienceInside'; entity: string; scope: string }) => {
    switch (p.variant) {
      case 'outside':
        return `${p.entity} attributes cannot be used in ${p.scope} conditions: put the condition inside a related ${p.entity} block.`;
      case 'inside':
        return `${p.entity} attributes cannot be used in this ${p.scope} block, where conditions name ${p.scope} attributes: put the condition in a related ${p.entity} block instead.`;
      case 'audienceInside':
        return `${p.entity} attributes stand outside related blocks: move this condition out of the ${p.scope} block (conditions inside it name ${p.scope} attributes).`;
    }
  },
  'error.no-relationship': (p: { variant: 'related' | 'projected'; entity: string; scope: string }) =>
    p.variant === 'related'
      ? `${p.entity} is not linked to ${p.scope} by any relationship in the catalog.`
      : `${p.entity} is not linked to ${p.scope}.`,
  'error.empty-group': (_: NoParams) => 'This group is empty: add a condition or remove the group.',
  'error.empty-rule': (_: NoParams) => 'This rule is empty: add a condition or choose a segment.',
  'error.ambiguous-rule': (_: NoParams) => 'A rule has either conditions (where) or a segment reference, not both.',
  'error.set-operator-on-first-rule': (_: NoParams) =>
    'The first rule cannot have a set operator: there is nothing before it to combine with.',
  'error.no-rules': (_: NoParams) => 'Add at least one rule.',
  'error.unknown-segment': (p: { segment: string }) => `There is no saved segment "${p.segment}".`,
  'error.segment-cycle': (p: { variant: 'self' } | { variant: 'cycle'; cycle: readonly string[] }) =>
    p.variant === 'self' ? 'A segment cannot include itself.' : `Segment references go round in a circle: ${p.cycle.join(' → ')}.`,
  'error.missing-name': (_: NoParams) => 'Give the segment a name (letters, digits and _, no spaces).',
  'error.invalid-name': (p: { name: string }) =>
    `"${p.name}" is not a valid name: use letters, digits and _, starting with a letter, with no spaces.`,
} as const satisfies Record<`error.${SegmentErrorCode}`, (params: never) => string>;

/** One entry per error code; each function also receives the locale's formatters. */
export const errors: WithFormatters<typeof table> = table;

/** The parameters of each error code's message. */
export type ErrorParamsOf<C extends SegmentErrorCode> = Parameters<(typeof errors)[`error.${C}`]>[0];
