/** The units of a relative date (the value editors). */
export const units = {
  'unit.day': 'days',
  'unit.week': 'weeks',
  'unit.month': 'months',
  'unit.year': 'years',
} as const;
