/**
 * The builder's keyboard: undo/redo, moving rows with Alt+arrows, adding conditions,
 * groups and rules from wherever focus is, jumping to the end of the rules, and a help
 * dialog that lists it all (on "?" outside text fields, or the toolbar's button), loaded
 * on first use from `keyboard-help.ts`.
 */
import type { ReactiveControllerHost } from 'lit';
import { css } from 'lit';
import type { EditorRow } from '../../core/editor/index.js';
import { indentNode, moveNodeBy, outdentNode } from '../../core/model/edit.js';

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

type KeyboardHelp = typeof import('./keyboard-help.js');
let help: KeyboardHelp | undefined;
let helpLoad: Promise<KeyboardHelp> | undefined;

/** The help dialog's module, once loaded. */
export function loadedKeyboardHelp(): KeyboardHelp | undefined {
  return help;
}

/** Load the help dialog (on "?", or when the pointer or focus reaches its button); a failed load is tried again next time. */
export function loadKeyboardHelp(): Promise<KeyboardHelp> {
  return (helpLoad ??= import('./keyboard-help.js').then(
    (m) => (help = m),
    (e: unknown) => {
      helpLoad = undefined;
      throw e;
    },
  ));
}

/** The skip link (shown only while focused); the help dialog brings its own styles. */
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
    border-radius: var(--_radius);
    background: var(--_color-accent);
    color: var(--_color-accent-text);
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
`;

/**
 * The keyboard help of one builder: loads the dialog's module on first use (or when the
 * pointer or focus reaches its button), opens it as a modal dialog, and renders it while
 * open. `loading` is the load a "?" started before the module was there (the builder's
 * `updateComplete` waits for it).
 */
export class KeyboardHelpController {
  open = false;
  loading: Promise<void> | undefined;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment }) {}

  show(): void {
    if (loadedKeyboardHelp()) {
      this.openNow();
      return;
    }
    this.loading ??= loadKeyboardHelp().then(
      () => {
        this.loading = undefined;
        if (this.host.isConnected) this.openNow();
      },
      () => {
        this.loading = undefined;
      },
    );
  }

  preload = (): void => {
    if (!loadedKeyboardHelp()) loadKeyboardHelp().catch(() => undefined);
  };

  render(): unknown {
    return this.open
      ? loadedKeyboardHelp()?.keyboardHelp(() => {
          this.open = false;
          this.host.requestUpdate();
        })
      : undefined;
  }

  private openNow(): void {
    loadedKeyboardHelp()!.adoptKeyboardHelpStyles(this.host.renderRoot as ShadowRoot);
    this.open = true;
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLDialogElement>('dialog.keys')?.showModal());
  }
}
