/**
 * Moving focus to a row (or a part of it) after an edit, also in a virtualized list
 * where the row may not be rendered yet: bring it into view, wait for it, then focus.
 */
import type { EditorRow } from '../../core/editor/index.js';
import type { ConditionRowElement } from '../condition-row/condition-row.js';

type Virtualizer = HTMLElement & {
  element(i: number): { scrollIntoView(o?: object): void } | undefined;
  layoutComplete?: Promise<unknown>;
};

const frame = () => new Promise((r) => requestAnimationFrame(r));

export async function focusRow(root: ShadowRoot | HTMLElement, rows: EditorRow[], key: string, part?: string): Promise<void> {
  const index = rows.findIndex((r) => r.key === key);
  const virtualizer = root.querySelector<Virtualizer>('lit-virtualizer');
  // The virtualizer renders its rows after its own layout: wait for it before looking. (Its
  // promise settles only after a child is resized: a move that resizes nothing never settles
  // it, so two frames at most.)
  await Promise.race([virtualizer?.layoutComplete?.catch(() => undefined), frame().then(frame)]);
  const selector = `[data-key="${CSS.escape(key)}"]`;
  if (virtualizer && index >= 0 && !root.querySelector(selector)) {
    // Off screen in a virtualized list: bring it into view first (on-screen rows need no scroll).
    virtualizer.element(index)?.scrollIntoView({ block: 'center' });
    await frame();
    await frame();
  }
  const rowEl = root.querySelector<HTMLElement>(selector);
  if (!rowEl) return;
  if (part && part !== 'row') {
    const own = rowEl.querySelector<HTMLElement>(`[data-part="${part}"]`);
    if (own) {
      own.focus();
      return;
    }
    const cr = rowEl.querySelector<ConditionRowElement>('condition-row');
    if (cr) {
      await cr.focus({ part });
      return;
    }
  }
  rowEl.focus();
}
