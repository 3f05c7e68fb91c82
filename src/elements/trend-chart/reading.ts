/**
 * Reading one point of `<trend-chart>`: by hovering (the point nearest the pointer) or by
 * keys on the focused chart (Left/Right in the direction they point, Home/End,
 * PageUp/PageDown by a week, Escape). The point read gets a marker and a visible tooltip
 * with its date and count, drawn over the canvas in the shadow DOM and placed by CSS
 * custom properties set from code (no inline `style=` bindings, so a strict CSP holds);
 * the chart is never redrawn for it. Keys announce the point at once; a hovered point
 * is announced when the pointer rests on it.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { term } from '../shared/messages.js';
import type { TrendChartHandle } from './chart.js';
import { moveIndex, nearestIndex, type SeriesPoint } from './series.js';

/** How long the pointer rests on a point before it is announced (ms). */
export const HOVER_ANNOUNCE_DELAY = 600;

export interface ReadingOptions {
  series: () => readonly SeriesPoint[];
  plot: () => HTMLElement | null;
  handle: () => TrendChartHandle | undefined;
  rtl: () => boolean;
  /** Announce a text, made by `text` in the chart's language. */
  announce: (text: () => string) => void;
}

export class ReadingController implements ReactiveController {
  /** The index of the point read, if any. */
  index: number | undefined;

  private point: SeriesPoint | undefined;
  private frame: number | undefined;
  private lastX = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: ReadingOptions,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.clear();
  }

  /** Stop reading (a new frame, the table shown, Escape). */
  clear(): void {
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    this.frame = undefined;
    this.cancelAnnounce();
    if (this.index === undefined) return;
    this.index = undefined;
    this.point = undefined;
    this.host.requestUpdate();
  }

  /** The marker and tooltip of the point read (inside the plot box). */
  render(): TemplateResult | typeof nothing {
    const series = this.options.series();
    const p = this.index === undefined ? undefined : series[this.index];
    // The series changed under the reading (a reload): the index no longer means that point.
    if (!p || p !== this.point) return nothing;
    return html`<span part="marker" class="marker" aria-hidden="true"></span>
      <div part="tooltip" class="tooltip" aria-hidden="true">
        <span class="tip-date">${term('trend.point.date', { date: p.date })}</span>
        <span class="tip-count">${term('trend.point.count', { count: p.count })}</span>
      </div>`;
  }

  /** Place the marker and tooltip over the drawn point (after each update, and when the chart moved). */
  place(): void {
    const plot = this.options.plot();
    const handle = this.options.handle();
    const p = this.point;
    if (!plot) return;
    plot.toggleAttribute('data-reading', !!(p && handle));
    if (!p || !handle) return;
    const { x, y } = handle.pixelOf(p);
    const tip = plot.querySelector<HTMLElement>('.tooltip');
    const width = plot.clientWidth;
    const tw = tip?.offsetWidth ?? 0;
    const th = tip?.offsetHeight ?? 0;
    const left = Math.min(Math.max(0, x - tw / 2), Math.max(0, width - tw));
    const above = y - th - 12;
    const top = above >= 0 ? above : y + 12;
    plot.style.setProperty('--_marker-x', `${x}px`);
    plot.style.setProperty('--_marker-y', `${y}px`);
    plot.style.setProperty('--_tip-x', `${left}px`);
    plot.style.setProperty('--_tip-y', `${top}px`);
  }

  onPointerMove = (e: PointerEvent): void => {
    const plot = e.currentTarget as HTMLElement;
    this.lastX = e.clientX - plot.getBoundingClientRect().left;
    this.frame ??= requestAnimationFrame(() => {
      this.frame = undefined;
      const handle = this.options.handle();
      if (!handle) return;
      const i = nearestIndex(this.options.series(), handle.timeAt(this.lastX));
      if (i < 0 || i === this.index) return;
      this.set(i);
      this.cancelAnnounce();
      this.timer = setTimeout(() => {
        this.timer = undefined;
        const point = this.point;
        if (point) this.options.announce(() => term('trend.point', point));
      }, HOVER_ANNOUNCE_DELAY);
    });
  };

  onPointerLeave = (e: PointerEvent): void => {
    const plot = e.currentTarget as HTMLElement;
    if (plot.matches(':focus-visible')) return;
    this.clear();
  };

  onBlur = (): void => this.clear();

  onKeyDown = (e: KeyboardEvent): void => {
    const series = this.options.series();
    if (series.length === 0) return;
    const forward: -1 | 1 = this.options.rtl() ? -1 : 1;
    let next: number;
    switch (e.key) {
      case 'ArrowRight':
        next = moveIndex(series, this.index, { step: forward });
        break;
      case 'ArrowLeft':
        next = moveIndex(series, this.index, { step: -forward as -1 | 1 });
        break;
      case 'Home':
        next = moveIndex(series, this.index, { to: 'first' });
        break;
      case 'End':
        next = moveIndex(series, this.index, { to: 'last' });
        break;
      case 'PageUp':
        next = moveIndex(series, this.index, { week: -1 });
        break;
      case 'PageDown':
        next = moveIndex(series, this.index, { week: 1 });
        break;
      case 'Escape':
        if (this.index === undefined) return;
        e.preventDefault();
        this.clear();
        return;
      default:
        return;
    }
    e.preventDefault();
    this.cancelAnnounce();
    this.set(next);
    const point = this.point;
    if (point) this.options.announce(() => term('trend.point', point));
  };

  private set(index: number): void {
    const p = this.options.series()[index];
    if (!p) return;
    this.index = index;
    this.point = p;
    this.host.requestUpdate();
  }

  private cancelAnnounce(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
