/**
 * Keeps a floating panel next to its anchor with `@floating-ui/dom`: `strategy: 'fixed'`
 * (works inside shadow roots and clipped scrollers), offset / flip / shift / size, kept in
 * place by `autoUpdate`. Floating UI is loaded the first time a panel is placed, so a
 * page that never opens one does not download it, and only the functions in
 * `floating-ui.ts` are bundled. Returns the cleanup function; call it on close and on
 * disconnect. Positions are written to `panel.style` from code (no style bindings).
 */
import type { Placement } from '@floating-ui/dom';

export type { Placement } from '@floating-ui/dom';

export interface FloatOptions {
  /** Default 'bottom-start' (the inline start: the right edge in right-to-left). */
  placement?: Placement;
  /** Where to go when there is no room (default: the other three corners of bottom-start). */
  fallbackPlacements?: Placement[];
  /** Gap between anchor and panel in px (default 4). */
  offset?: number;
  /** Room kept to the viewport's edges in px (default 8). */
  padding?: number;
  /**
   * Custom properties set on the panel with the room available (px), so its CSS can cap
   * its size: e.g. `{ height: '--sk-condition-row-available-height' }`. None by default.
   */
  sizeProperties?: { height?: string; width?: string };
  /** Smallest room reported through `sizeProperties` (default 120 × 200 px). */
  minHeight?: number;
  minWidth?: number;
}

type FloatingUI = typeof import('./floating-ui.js');
let loading: Promise<FloatingUI> | undefined;

const DEFAULT_FALLBACKS: Placement[] = ['top-start', 'bottom-end', 'top-end'];

export function float(anchor: Element, panel: HTMLElement, options: FloatOptions = {}): () => void {
  let alive = true;
  let stop: (() => void) | undefined;
  const padding = options.padding ?? 8;
  const props = options.sizeProperties;
  (loading ??= import('./floating-ui.js')).then(
    ({ autoUpdate, computePosition, flip, offset, shift, size }) => {
      if (!alive) return;
      const middleware = [
        offset(options.offset ?? 4),
        flip({ padding, fallbackPlacements: options.fallbackPlacements ?? DEFAULT_FALLBACKS }),
        shift({ padding }),
      ];
      if (props?.height || props?.width) {
        middleware.push(
          size({
            padding,
            apply({ availableHeight, availableWidth }) {
              if (props.height)
                panel.style.setProperty(props.height, `${Math.max(options.minHeight ?? 120, Math.floor(availableHeight))}px`);
              if (props.width) panel.style.setProperty(props.width, `${Math.max(options.minWidth ?? 200, Math.floor(availableWidth))}px`);
            },
          }),
        );
      }
      const update = () => {
        computePosition(anchor, panel, { strategy: 'fixed', placement: options.placement ?? 'bottom-start', middleware }).then(
          ({ x, y, placement }) => {
            if (!alive) return;
            panel.style.left = `${x}px`;
            panel.style.top = `${y}px`;
            panel.dataset.placed = placement;
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
