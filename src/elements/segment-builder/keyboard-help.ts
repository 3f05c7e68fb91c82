/**
 * The builder's keyboard help: a modal dialog listing the shortcuts, with its styles and
 * words. Loaded on first use (`loadKeyboardHelp` in `keyboard.ts`), not with the builder.
 */
import { adoptStyles, css, html, supportsAdoptingStyleSheets, type TemplateResult } from 'lit';
import { keyboard } from '../../core/messages/en/keyboard.js';
import { addEnglish } from '../../core/messages/translator.js';
import { term, type MessageKey } from '../shared/messages.js';

addEnglish(keyboard);

const SHORTCUTS: [keys: string, what: MessageKey][] = [
  ['Ctrl+Z / ⌘Z', 'builder.keys.undo'],
  ['Ctrl+Shift+Z / ⌘⇧Z, Ctrl+Y', 'builder.keys.redo'],
  ['Alt+↑ / Alt+↓', 'builder.keys.move'],
  ['Alt+→ / Alt+←', 'builder.keys.indent'],
  ['Alt+Shift+C', 'builder.keys.addCondition'],
  ['Alt+Shift+G', 'builder.keys.addGroup'],
  ['Alt+Shift+R', 'builder.keys.addRule'],
  ['Alt+Shift+E', 'builder.keys.toEnd'],
  ['?', 'builder.keys.help'],
];

/** The keyboard help: a modal dialog (Escape closes it and focus returns where it was). */
export function keyboardHelp(onClose: () => void): TemplateResult {
  return html`<dialog class="keys" part="keyboard-help" aria-labelledby="keys-title" @close=${onClose}>
    <h2 id="keys-title">${term('builder.keys.title')}</h2>
    <dl>
      ${SHORTCUTS.map(
        ([keys, what]) =>
          html`<dt><kbd>${keys}</kbd></dt>
            <dd>${term(what)}</dd>`,
      )}
    </dl>
    <form method="dialog"><button type="submit" autofocus>${term('builder.keys.close')}</button></form>
  </dialog>`;
}

/** The dialog's styles. */
export const keyboardHelpStyles = css`
  dialog.keys {
    max-inline-size: min(36rem, 90vw);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    color: var(--_color-text);
    padding: 1rem 1.25rem;
  }
  dialog.keys::backdrop {
    background: rgb(0 0 0 / 0.35);
  }
  dialog.keys h2 {
    margin: 0 0 0.75rem;
    font-size: 1rem;
  }
  dialog.keys dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.35rem 1rem;
    margin: 0 0 1rem;
  }
  dialog.keys dd {
    margin: 0;
  }
  dialog.keys kbd {
    font: inherit;
    font-family: ui-monospace, monospace;
    padding: 0 0.3rem;
    border: 1px solid var(--_color-border);
    border-radius: 4px;
    background: var(--_color-surface-raised);
  }
  dialog.keys form {
    text-align: end;
  }
`;

const adopted = new WeakSet<ShadowRoot>();

/** Add the dialog's styles to the builder's shadow root (once), beside the builder's own. */
export function adoptKeyboardHelpStyles(root: ShadowRoot): void {
  if (adopted.has(root)) return;
  adopted.add(root);
  const sheet = keyboardHelpStyles.styleSheet;
  if (supportsAdoptingStyleSheets && sheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  else adoptStyles(root, [keyboardHelpStyles]); // where sheets cannot be adopted, Lit appends a <style>
}
