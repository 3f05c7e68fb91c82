/**
 * The chart's life in `<trend-chart>`: chart.js loaded on demand (one dynamic import, shared
 * by every chart on the page, tried again after a failure), the chart made when its canvas
 * is rendered, given new points and styles, sized to its box by a ResizeObserver, and
 * destroyed when the canvas goes or the element is disconnected.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { TrendChartFormat, TrendChartHandle, TrendChartStyle } from './chart.js';
import type { SeriesPoint } from './series.js';

type ChartModule = typeof import('./chart.js');

let loading: Promise<ChartModule> | undefined;

/** chart.js and the chart module, imported once (a failed import is tried again next time). */
export function loadChart(): Promise<ChartModule> {
  loading ??= import('./chart.js').catch((e: unknown) => {
    loading = undefined;
    throw e;
  });
  return loading;
}

export interface PlotOptions {
  canvas: () => HTMLCanvasElement | null;
  style: () => TrendChartStyle | undefined;
  format: TrendChartFormat;
  /** After every full draw, with the points drawn. */
  drawn: (points: number) => void;
  /** The chart was made or resized (the host repositions what it draws over it). */
  changed: () => void;
}

export class PlotController implements ReactiveController {
  /** The chart, once drawn. */
  handle: TrendChartHandle | undefined;
  /** Why chart.js could not be loaded or draw (the host shows the table instead). */
  error: unknown;

  private canvas: HTMLCanvasElement | undefined;
  private series: readonly SeriesPoint[] | undefined;
  private observer: ResizeObserver | undefined;
  private connected = false;
  private pending = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: PlotOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    // Reconnected: the chart destroyed on disconnect is made again by the next update.
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.destroy();
  }

  /** Called after each host update: make, update or destroy the chart to match the canvas and points. */
  sync(series: readonly SeriesPoint[] | undefined): void {
    const canvas = this.options.canvas() ?? undefined;
    if (!canvas || !series || series.length === 0) {
      this.destroy();
      return;
    }
    if (this.handle && this.canvas === canvas) {
      if (this.series !== series) {
        this.series = series;
        this.handle.setData(series);
        this.options.changed();
      }
      return;
    }
    this.destroy();
    this.canvas = canvas;
    this.series = series;
    const ticket = ++this.pending;
    loadChart().then(
      (mod) => {
        if (ticket !== this.pending || !this.connected || this.canvas !== canvas || !canvas.isConnected) return;
        this.make(mod, canvas);
      },
      (e: unknown) => {
        if (ticket !== this.pending) return;
        this.error = e;
        this.host.requestUpdate();
      },
    );
  }

  /** Apply a new style (the host checked it changed). */
  setStyle(style: TrendChartStyle): void {
    this.handle?.setStyle(style);
    this.options.changed();
  }

  /** Forget a load error (Retry). */
  clearError(): void {
    this.error = undefined;
  }

  private make(mod: ChartModule, canvas: HTMLCanvasElement): void {
    const style = this.options.style();
    const box = canvas.parentElement;
    if (!style || !box || !this.series) return;
    try {
      this.handle = mod.createTrendChart(
        canvas,
        this.series,
        style,
        this.options.format,
        { width: box.clientWidth, height: box.clientHeight },
        this.options.drawn,
      );
    } catch (e) {
      this.error = e;
      this.canvas = undefined;
      this.host.requestUpdate();
      return;
    }
    this.error = undefined;
    this.observer = new ResizeObserver((entries) => {
      const r = entries[entries.length - 1]?.contentRect;
      if (!r || !this.handle) return;
      this.handle.resize(r.width, r.height);
      this.options.changed();
    });
    this.observer.observe(box);
    this.options.changed();
  }

  private destroy(): void {
    this.pending++;
    this.observer?.disconnect();
    this.observer = undefined;
    this.handle?.destroy();
    this.handle = undefined;
    this.canvas = undefined;
    this.series = undefined;
  }
}
