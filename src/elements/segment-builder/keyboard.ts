/**
 * The builder's keyboard: undo/redo, moving rows with Alt+arrows, adding conditions,
 * groups and rules from wherever focus is, jumping to the end of the rules, and a help
 * dialog that lists it all (on "?" outside text fields, or the toolbar's button).
 */
import { css, html, type TemplateResult } from 'lit';
import type { EditorRow } from '../../core/editor/index.js';
import { indentNode, moveNodeBy, outdentNode } from '../../core/model/edit.js';
import { term, type MessageKey } from '../shared/messages.js';

export interface KeyboardActions {
  rows(): EditorRow[];
  undo(): void;
  redo(): void;
  move(id: string, how: 'up' | 'down' | 'in' | 'out'): void;
  /** Add a condition (or group) after the row with this key, or to the rule whose header it is. */
  addAfter(key: string, asGroup: boolean): void;
  addRule(): void;
  toEnd(): void;
  showHelp(): void;
  isRtl(): boolean;
}

const isEditable = (t: EventTarget | undefined): boolean =>
  t instanceof HTMLElement && (t.isContentEditable || t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT');

/** The row (its `data-key`) an event came from, through shadow roots. */
function rowKey(e: Event): { key: string; nodeId?: string } | undefined {
  const el = e.composedPath().find((t): t is HTMLElement => t instanceof HTMLElement && t.dataset.key !== undefined);
  if (!el) return undefined;
  return { key: el.dataset.key!, ...(el.dataset.nodeId !== undefined ? { nodeId: el.dataset.nodeId } : {}) };
}

/** Handle a keydown on the builder; returns true when it was one of its shortcuts. */
export function handleBuilderKey(e: KeyboardEvent, a: KeyboardActions): boolean {
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.toLowerCase();
  if (mod && key === 'z' && !e.altKey) {
    if (e.shiftKey) a.redo();
    else a.undo();
    return true;
  }
  if (mod && key === 'y') {
    a.redo();
    return true;
  }
  if (e.altKey && e.shiftKey && !mod) {
    // Alt+Shift+letter: the letter by its key where the layout gives one, else its physical key.
    const letter = /^[a-z]$/.test(key) ? key : e.code.startsWith('Key') ? e.code.slice(3).toLowerCase() : '';
    const at = rowKey(e);
    if (letter === 'c' || letter === 'g') {
      if (at) a.addAfter(at.key, letter === 'g');
      else a.addRule();
      return true;
    }
    if (letter === 'r') {
      a.addRule();
      return true;
    }
    if (letter === 'e') {
      a.toEnd();
      return true;
    }
  }
  if (e.altKey && !mod && !e.shiftKey && ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'].includes(e.key)) {
    const id = rowKey(e)?.nodeId;
    if (!id) return false;
    const inward = e.key === (a.isRtl() ? 'ArrowLeft' : 'ArrowRight');
    a.move(id, e.key === 'ArrowUp' ? 'up' : e.key === 'ArrowDown' ? 'down' : inward ? 'in' : 'out');
    return true;
  }
  if (e.key === '?' && !mod && !e.altKey && !isEditable(e.composedPath()[0])) {
    a.showHelp();
    return true;
  }
  return false;
}

/** The edit a move shortcut makes. */
export const moveOps = {
  up: (id: string) => (d: Parameters<typeof moveNodeBy>[0]) => moveNodeBy(d, id, -1),
  down: (id: string) => (d: Parameters<typeof moveNodeBy>[0]) => moveNodeBy(d, id, 1),
  in: (id: string) => (d: Parameters<typeof indentNode>[0]) => indentNode(d, id),
  out: (id: string) => (d: Parameters<typeof outdentNode>[0]) => outdentNode(d, id),
};

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

/** The skip link (shown only while focused) and the keyboard help dialog. */
export const keyboardStyles = css`
  :host {
    position: relative;
  }
  .skip-link {
    position: absolute;
    inset-inline-start: 0.5rem;
    inset-block-start: 0.5rem;
    z-index: 2;
    padding: 0.25rem 0.5rem;
    border-radius: var(--sk-radius, 6px);
    background: var(--sk-color-accent, #2457c5);
    color: var(--sk-color-accent-text, #ffffff);
    border: 0;
    font: inherit;
  }
  .skip-link:not(:focus) {
    clip-path: inset(50%);
    width: 1px;
    height: 1px;
    padding: 0;
    overflow: hidden;
    white-space: nowrap;
  }
  dialog.keys {
    max-inline-size: min(36rem, 90vw);
    border: 1px solid var(--sk-color-border, #c9ced8);
    border-radius: var(--sk-radius, 6px);
    background: var(--sk-color-surface, #ffffff);
    color: var(--sk-color-text, #1d1f24);
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
    border: 1px solid var(--sk-color-border, #c9ced8);
    border-radius: 4px;
    background: var(--sk-color-surface-raised, #f6f7f9);
  }
  dialog.keys form {
    text-align: end;
  }
`;
