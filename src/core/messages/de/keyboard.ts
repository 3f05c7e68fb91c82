/** Die Tastenkürzel-Hilfe von `<segment-builder>`. */
import type { WidenTable } from '../format.js';
import type { keyboard as en } from '../en/keyboard.js';

export const keyboard: WidenTable<typeof en> = {
  'builder.keys.title': 'Tastenkombinationen',
  'builder.keys.close': 'Schließen',
  'builder.keys.undo': 'Rückgängig',
  'builder.keys.redo': 'Wiederholen',
  'builder.keys.move': 'Fokussierte Zeile nach oben oder unten verschieben',
  'builder.keys.indent': 'Fokussierte Zeile ein- oder ausrücken',
  'builder.keys.addCondition': 'Bedingung nach der fokussierten Zeile (oder in der fokussierten Regel) hinzufügen',
  'builder.keys.addGroup': 'Gruppe nach der fokussierten Zeile (oder in der fokussierten Regel) hinzufügen',
  'builder.keys.addRule': 'Regel hinzufügen',
  'builder.keys.toEnd': 'Zum Ende der Regeln springen (und eine Regel hinzufügen)',
  'builder.keys.help': 'Diese Hilfe anzeigen (außerhalb von Textfeldern)',
};
