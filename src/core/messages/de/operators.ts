/**
 * Operatorbezeichnungen (`operator.<name>`), wie sie in der Auswahl und in einer Bedingung
 * stehen: „Stadt ist …“. Auf die relativen Zeiträume folgen Zahl und Einheit im Plural
 * („… innerhalb der letzten 90 Tage“, `unit.*`), darum „innerhalb“ mit dem Genitiv.
 */
import type { WidenTable } from '../format.js';
import type { operators as en } from '../en/operators.js';

export const operators: WidenTable<typeof en> = {
  'operator.equals': 'ist',
  'operator.notEquals': 'ist nicht',
  'operator.contains': 'enthält',
  'operator.notContains': 'enthält nicht',
  'operator.startsWith': 'beginnt mit',
  'operator.endsWith': 'endet auf',
  'operator.in': 'ist einer der Werte',
  'operator.notIn': 'ist keiner der Werte',
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
  'operator.inLast': 'liegt innerhalb der letzten',
  'operator.notInLast': 'liegt nicht innerhalb der letzten',
  'operator.inNext': 'liegt innerhalb der nächsten',
  'operator.isAnniversaryInNext': 'jährt sich innerhalb der nächsten',
  'operator.isTrue': 'ist wahr',
  'operator.isFalse': 'ist falsch',
};
