/**
 * Keeps a floating panel (attribute picker, value suggestions) under its anchor with
 * `@floating-ui/dom`: `strategy: 'fixed'` (works inside shadow roots and clipped
 * scrollers), flip / shift / size. Floating UI is loaded the first time a panel opens,
 * so a page that never opens one does not download it. Returns the cleanup function;
 * call it on close and on disconnect.
 */
type FloatingUI = typeof import('./floating-ui.js');
let loading: Promise<FloatingUI> | undefined;

export function floatUnder(anchor: Element, panel: HTMLElement): () => void {
  let alive = true;
  let stop: (() => void) | undefined;
  (loading ??= import('./floating-ui.js')).then(
    ({ autoUpdate, computePosition, flip, offset, shift, size }) => {
      if (!alive) return;
      const update = () => {
        computePosition(anchor, panel, {
          strategy: 'fixed',
          placement: 'bottom-start',
          middleware: [
            offset(4),
            flip({ padding: 8, fallbackPlacements: ['top-start', 'bottom-end', 'top-end'] }),
            shift({ padding: 8 }),
            size({
              padding: 8,
              apply({ availableHeight, availableWidth }) {
                panel.style.setProperty('--sk-condition-row-available-height', `${Math.max(120, Math.floor(availableHeight))}px`);
                panel.style.setProperty('--sk-condition-row-available-width', `${Math.max(200, Math.floor(availableWidth))}px`);
              },
            }),
          ],
        }).then(
          ({ x, y }) => {
            if (!alive) return;
            panel.style.left = `${x}px`;
            panel.style.top = `${y}px`;
            panel.dataset.placed = '';
          },
          () => undefined,
        );
      };
      stop = autoUpdate(anchor, panel, update);
    },
    () => undefined, // without Floating UI the panel stays where CSS puts it
  );
  return () => {
    alive = false;
    stop?.();
  };
}
