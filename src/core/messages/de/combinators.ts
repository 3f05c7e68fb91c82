/** `<group-operator>` auf Deutsch: UND / ODER / NICHT und die Mengenoperatoren. */
import type { WidenTable } from '../format.js';
import type { combinators as en } from '../en/combinators.js';

export const combinators: WidenTable<typeof en> = {
  'combinator.and': 'UND',
  'combinator.or': 'ODER',
  'combinator.label': 'Verknüpfung',
  'combinator.not': 'NICHT',
  'combinator.not.hint': 'Trifft zu, wenn diese Gruppe nicht zutrifft',
  'set.union': 'Vereinigung',
  'set.intersect': 'Schnittmenge',
  'set.except': 'Ausnahme',
  'set.label': 'Mit den vorherigen Regeln verknüpfen',
  'set.union.hint': 'Mitglieder aus der einen oder der anderen',
  'set.intersect.hint': 'nur gemeinsame Mitglieder',
  'set.except.hint': 'diese Mitglieder entfernen',
};
