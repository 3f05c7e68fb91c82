/** Wie ein verknüpfter Block zutrifft: Mengenangaben und Aggregate (der Builder). */
import type { WidenTable } from '../format.js';
import type { matches as en } from '../en/matches.js';

export const matches: WidenTable<typeof en> = {
  'quantifier.any': 'mit mindestens einem Datensatz vom Typ',
  'quantifier.none': 'ohne Datensatz vom Typ',
  'quantifier.atLeast': 'mit mindestens',
  'quantifier.atMost': 'mit höchstens',
  'quantifier.exactly': 'mit genau',
  'aggregate.count': 'mit Anzahl an',
  'aggregate.sum': 'mit Summe von',
  'aggregate.avg': 'mit Durchschnitt von',
  'aggregate.min': 'mit Minimum von',
  'aggregate.max': 'mit Maximum von',
};
