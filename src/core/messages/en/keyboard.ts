/** `<segment-builder>`'s keyboard help dialog (loaded with the dialog, on first use). */
export const keyboard = {
  'builder.keys.title': 'Keyboard shortcuts',
  'builder.keys.close': 'Close',
  'builder.keys.undo': 'Undo',
  'builder.keys.redo': 'Redo',
  'builder.keys.move': 'Move the focused row up or down',
  'builder.keys.indent': 'Indent or outdent the focused row',
  'builder.keys.addCondition': 'Add a condition after the focused row (or to the focused rule)',
  'builder.keys.addGroup': 'Add a group after the focused row (or to the focused rule)',
  'builder.keys.addRule': 'Add a rule',
  'builder.keys.toEnd': 'Go to the end of the rules (adding a rule)',
  'builder.keys.help': 'Show this help (outside text fields)',
} as const;
