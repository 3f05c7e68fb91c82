/** Operatorbezeichnungen (`operator.<name>`), wie sie in der Auswahl und in einer Bedingung stehen: „Stadt ist …“. */
import type { WidenTable } from '../format.js';
import type { operators as en } from '../en/operators.js';

export const operators: WidenTable<typeof en> = {
  'operator.equals': 'ist',
  'operator.notEquals': 'ist nicht',
  'operator.contains': 'enthält',
  'operator.notContains': 'enthält nicht',
  'operator.startsWith': 'beginnt mit',
  'operator.endsWith': 'endet auf',
  'operator.in': 'ist einer von',
  'operator.notIn': 'ist keiner von',
  'operator.isEmpty': 'ist leer',
  'operator.isNotEmpty': 'ist nicht leer',
  'operator.greaterThan': 'ist größer als',
  'operator.greaterThanOrEqual': 'ist mindestens',
  'operator.lessThan': 'ist kleiner als',
  'operator.lessThanOrEqual': 'ist höchstens',
  'operator.between': 'liegt zwischen',
  'operator.notBetween': 'liegt nicht zwischen',
  'operator.on': 'ist am',
  'operator.before': 'liegt vor dem',
  'operator.after': 'liegt nach dem',
  'operator.inLast': 'liegt in den letzten',
  'operator.notInLast': 'liegt nicht in den letzten',
  'operator.inNext': 'liegt in den nächsten',
  'operator.isAnniversaryInNext': 'jährt sich in den nächsten',
  'operator.isTrue': 'ist wahr',
  'operator.isFalse': 'ist falsch',
};
