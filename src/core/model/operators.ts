/**
 * The operator table (SPEC section 4): operators per attribute type, the shape of
 * each operator's value, and the key of its label. Runtime checks and the types
 * both derive from this one table.
 */

/** How an operator's value is shaped. */
export type ValueShape = 'none' | 'scalar' | 'pair' | 'list' | 'relative';

export const OPERATOR_TABLE = {
  string: {
    equals: { value: 'scalar', label: 'operator.equals' },
    notEquals: { value: 'scalar', label: 'operator.notEquals' },
    contains: { value: 'scalar', label: 'operator.contains' },
    notContains: { value: 'scalar', label: 'operator.notContains' },
    startsWith: { value: 'scalar', label: 'operator.startsWith' },
    endsWith: { value: 'scalar', label: 'operator.endsWith' },
    in: { value: 'list', label: 'operator.in' },
    notIn: { value: 'list', label: 'operator.notIn' },
    isEmpty: { value: 'none', label: 'operator.isEmpty' },
    isNotEmpty: { value: 'none', label: 'operator.isNotEmpty' },
  },
  number: {
    equals: { value: 'scalar', label: 'operator.equals' },
    notEquals: { value: 'scalar', label: 'operator.notEquals' },
    greaterThan: { value: 'scalar', label: 'operator.greaterThan' },
    greaterThanOrEqual: { value: 'scalar', label: 'operator.greaterThanOrEqual' },
    lessThan: { value: 'scalar', label: 'operator.lessThan' },
    lessThanOrEqual: { value: 'scalar', label: 'operator.lessThanOrEqual' },
    between: { value: 'pair', label: 'operator.between' },
    notBetween: { value: 'pair', label: 'operator.notBetween' },
    in: { value: 'list', label: 'operator.in' },
    notIn: { value: 'list', label: 'operator.notIn' },
    isEmpty: { value: 'none', label: 'operator.isEmpty' },
    isNotEmpty: { value: 'none', label: 'operator.isNotEmpty' },
  },
  date: {
    on: { value: 'scalar', label: 'operator.on' },
    before: { value: 'scalar', label: 'operator.before' },
    after: { value: 'scalar', label: 'operator.after' },
    between: { value: 'pair', label: 'operator.between' },
    inLast: { value: 'relative', label: 'operator.inLast' },
    notInLast: { value: 'relative', label: 'operator.notInLast' },
    inNext: { value: 'relative', label: 'operator.inNext' },
    isAnniversaryInNext: { value: 'relative', label: 'operator.isAnniversaryInNext' },
    isEmpty: { value: 'none', label: 'operator.isEmpty' },
    isNotEmpty: { value: 'none', label: 'operator.isNotEmpty' },
  },
  boolean: {
    isTrue: { value: 'none', label: 'operator.isTrue' },
    isFalse: { value: 'none', label: 'operator.isFalse' },
    isEmpty: { value: 'none', label: 'operator.isEmpty' },
    isNotEmpty: { value: 'none', label: 'operator.isNotEmpty' },
  },
} as const satisfies Record<string, Record<string, { value: ValueShape; label: string }>>;

type Table = typeof OPERATOR_TABLE;
/** Operators allowed for one attribute type. */
export type OperatorFor<T extends keyof Table> = keyof Table[T] & string;
/** Every operator name. */
export type Operator = { [T in keyof Table]: OperatorFor<T> }[keyof Table];
/** Label keys of every operator (for translation tables). */
export type OperatorLabelKey = {
  [T in keyof Table]: { [O in keyof Table[T]]: Table[T][O] extends { label: infer L } ? L : never }[keyof Table[T]];
}[keyof Table];

export interface OperatorSpec {
  readonly value: ValueShape;
  readonly label: OperatorLabelKey;
}

const typeTable = OPERATOR_TABLE as unknown as Record<string, Record<string, OperatorSpec> | undefined>;
const hasOwn = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** The operators an attribute of `type` allows, in display order. */
export function operatorsFor(type: string): Operator[] {
  const ops = hasOwn(typeTable, type) ? typeTable[type] : undefined;
  return ops ? (Object.keys(ops) as Operator[]) : [];
}

/** The spec of `operator` for `type`, or undefined when the type does not allow it. */
export function operatorSpec(type: string, operator: string): OperatorSpec | undefined {
  const ops = hasOwn(typeTable, type) ? typeTable[type] : undefined;
  return ops && hasOwn(ops, operator) ? ops[operator] : undefined;
}

const allShapes = new Map<string, ValueShape>();
for (const ops of Object.values(typeTable)) {
  for (const [name, spec] of Object.entries(ops ?? {})) allShapes.set(name, spec.value);
}

/** Every operator name, each once. */
export const ALL_OPERATORS: readonly Operator[] = [...allShapes.keys()] as Operator[];

/** Is `name` an operator of any type? */
export function isOperator(name: unknown): name is Operator {
  return typeof name === 'string' && allShapes.has(name);
}

/** The value shape of an operator (the same for every type that has it). */
export function valueShapeOf(operator: string): ValueShape | undefined {
  return allShapes.get(operator);
}

/** Operators an aggregate (`sum`, `avg`, `min`, `max`, `count`) may be compared with, by result type. */
export const AGGREGATE_OPERATORS = {
  number: ['equals', 'notEquals', 'greaterThan', 'greaterThanOrEqual', 'lessThan', 'lessThanOrEqual', 'between', 'notBetween'],
  date: ['on', 'before', 'after', 'between', 'inLast', 'notInLast', 'inNext'],
} as const satisfies Record<'number' | 'date', readonly Operator[]>;

export const QUANTIFIERS = ['any', 'none', 'atLeast', 'atMost', 'exactly'] as const;
export const AGGREGATES = ['count', 'sum', 'avg', 'min', 'max'] as const;
export const COMBINATORS = ['and', 'or'] as const;
export const SET_OPERATORS = ['union', 'intersect', 'except'] as const;
export const SEGMENT_TYPES = ['dynamic', 'static'] as const;
export const SEGMENT_STATES = ['active', 'inactive'] as const;
/** The relative units live with the calendar (`dates.ts`); re-exported here, where they always were. */
export { RELATIVE_UNITS } from './dates.js';

/** The result type of an aggregate over an attribute of `attributeType` (undefined: not allowed). */
export function aggregateResultType(aggregate: string, attributeType: string | undefined): 'number' | 'date' | undefined {
  if (aggregate === 'count') return 'number';
  if (aggregate === 'sum' || aggregate === 'avg') return attributeType === 'number' ? 'number' : undefined;
  if (aggregate === 'min' || aggregate === 'max') {
    return attributeType === 'number' || attributeType === 'date' ? attributeType : undefined;
  }
  return undefined;
}
