/**
 * A canvas cannot read CSS custom properties, and the kit's colour tokens are
 * `light-dark(…)` values resolved by `color-scheme`: so the chart reads its colours as
 * the computed `color` of hidden probes styled with the tokens, and this controller asks
 * the host to restyle when anything the themes switch on may have changed: a
 * `data-sk-theme`, `class`, `style` or `dir` attribute anywhere in the document (the
 * themes set `color-scheme` by `data-sk-theme` on any ancestor; a host may set tokens
 * inline or by class), and the `prefers-color-scheme` and `forced-colors` media queries.
 * Checks are coalesced to one per frame; the host compares and redraws only on a change.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { TrendChartStyle } from './chart.js';

const ATTRIBUTES = ['data-sk-theme', 'class', 'style', 'dir'];
const QUERIES = ['(prefers-color-scheme: dark)', '(forced-colors: active)'];

export class ThemeController implements ReactiveController {
  private observer: MutationObserver | undefined;
  private abort: AbortController | undefined;
  private frame: number | undefined;

  constructor(
    host: ReactiveControllerHost,
    private readonly onChange: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (typeof document === 'undefined') return;
    this.abort = new AbortController();
    this.observer = new MutationObserver(() => this.schedule());
    this.observer.observe(document.documentElement, { attributes: true, subtree: true, attributeFilter: ATTRIBUTES });
    for (const q of QUERIES) {
      const mq = typeof matchMedia === 'function' ? matchMedia(q) : undefined;
      mq?.addEventListener('change', () => this.schedule(), { signal: this.abort.signal });
    }
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.abort?.abort();
    this.abort = undefined;
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    this.frame = undefined;
  }

  private schedule(): void {
    if (this.frame !== undefined) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = undefined;
      this.onChange();
    });
  }
}

/** The chart's style from the probes in `root` (`.probe.line`, `.probe.fill`, `.probe.grid`, `.probe.text`) and the host's font and direction. */
export function readStyle(host: HTMLElement, root: ParentNode): TrendChartStyle | undefined {
  const color = (name: string) => {
    const probe = root.querySelector(`.probe.${name}`);
    return probe ? getComputedStyle(probe).color : undefined;
  };
  const line = color('line');
  const fill = color('fill');
  const grid = color('grid');
  const text = color('text');
  if (!line || !fill || !grid || !text) return undefined;
  const cs = getComputedStyle(host);
  return {
    line,
    fill,
    grid,
    text,
    fontFamily: cs.fontFamily,
    fontSize: Math.max(9, Math.round((parseFloat(cs.fontSize) || 14) * 0.86)),
    rtl: cs.direction === 'rtl',
  };
}

export const sameStyle = (a: TrendChartStyle | undefined, b: TrendChartStyle | undefined): boolean =>
  !!a &&
  !!b &&
  a.line === b.line &&
  a.fill === b.fill &&
  a.grid === b.grid &&
  a.text === b.text &&
  a.fontFamily === b.fontFamily &&
  a.fontSize === b.fontSize &&
  a.rtl === b.rtl;
