/** Die Einheiten eines relativen Datums (die Werteingaben). */
import type { WidenTable } from '../format.js';
import type { units as en } from '../en/units.js';

export const units: WidenTable<typeof en> = {
  'unit.day': 'Tage',
  'unit.week': 'Wochen',
  'unit.month': 'Monate',
  'unit.year': 'Jahre',
};
