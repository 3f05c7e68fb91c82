/** How a related block matches: quantifiers and aggregates (the builder). */
export const matches = {
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
} as const;
