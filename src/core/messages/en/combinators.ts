/** `<group-operator>`: AND / OR / NOT and the set operators. */
export const combinators = {
  'combinator.and': 'AND',
  'combinator.or': 'OR',
  'combinator.label': 'Match',
  'combinator.not': 'NOT',
  'combinator.not.hint': 'Match when this group is not true',
  'set.union': 'Union',
  'set.intersect': 'Intersect',
  'set.except': 'Except',
  'set.label': 'Combine with the rules before',
  'set.union.hint': 'members of either',
  'set.intersect.hint': 'members of both',
  'set.except.hint': 'remove these members',
} as const;
