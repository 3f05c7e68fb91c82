/**
 * The chart.js side of `<trend-chart>`, loaded only by the element's dynamic import (so
 * no other entry point pulls chart.js). It registers what a line chart over a linear
 * time axis needs — LineController, LineElement, PointElement, LinearScale, Filler and
 * Decimation; no Tooltip, Legend or date adapter — and draws one dataset with
 * `parsing: false` and linear x data (epoch ms), so 2,000 points are decimated (LTTB) to
 * about one per pixel. chart.js handles no events and runs no animation: the element
 * reads points itself (hover and keys) and draws its own tooltip, so hovering never
 * redraws the canvas.
 */
import {
  Chart,
  Decimation,
  Filler,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  type ChartConfiguration,
  type Plugin,
  type Scale,
} from 'chart.js';
import { DAY_MS } from '../../core/model/dates.js';
import { timeTicks, type SeriesPoint } from './series.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, Filler, Decimation);

/** The chart's colours and font, read from the `--sk-*` tokens by the element. */
export interface TrendChartStyle {
  line: string;
  fill: string;
  grid: string;
  text: string;
  fontFamily: string;
  fontSize: number;
  /** Right-to-left: time runs from right to left and the count axis is on the right. */
  rtl: boolean;
}

/** How the axes word their ticks (the element's translator). */
export interface TrendChartFormat {
  date(t: number, span: number): string;
  count(n: number): string;
}

type XY = { x: number; y: number };

/** Above this many points the series is decimated (LTTB, about one point per pixel of width). */
export const DECIMATION_THRESHOLD = 1000;
/** A lone point is drawn in the middle of this many days either side. */
const SINGLE_POINT_DAYS = 3;
/** Up to this many points each point is drawn as a dot. */
const DOTS_UP_TO = 90;

export interface TrendChartHandle {
  readonly chart: Chart<'line', XY[]>;
  setData(series: readonly SeriesPoint[]): void;
  setStyle(style: TrendChartStyle): void;
  resize(width: number, height: number): void;
  /** Where a point is drawn, in CSS pixels from the canvas's top left corner. */
  pixelOf(point: SeriesPoint): { x: number; y: number };
  /** The instant under an x position (CSS pixels from the canvas's left edge). */
  timeAt(x: number): number;
  destroy(): void;
}

const toXY = (series: readonly SeriesPoint[]): XY[] => series.map((p) => ({ x: p.t, y: p.count }));

/**
 * Draw `series` on `canvas` (sized `width` × `height` CSS pixels). `onDrawn` is called
 * after each full draw with the number of points in the dataset.
 */
export function createTrendChart(
  canvas: HTMLCanvasElement,
  series: readonly SeriesPoint[],
  style: TrendChartStyle,
  format: TrendChartFormat,
  size: { width: number; height: number },
  onDrawn: (points: number) => void,
): TrendChartHandle {
  let count = series.length;
  const drawn: Plugin<'line'> = { id: 'sk-drawn', afterDraw: () => onDrawn(count) };
  const span = () => {
    const first = series[0];
    const last = series[series.length - 1];
    return first && last ? last.t - first.t : 0;
  };
  // One point (or all at one instant): chart.js would widen the axis by 5% of the epoch value
  // (about three years each side), under ticks labelled without the year. A few days instead.
  const xLimits = (axis: Scale) => {
    if (series.length > 0 && span() === 0) {
      axis.min = series[0]!.t - SINGLE_POINT_DAYS * DAY_MS;
      axis.max = series[0]!.t + SINGLE_POINT_DAYS * DAY_MS;
    }
  };
  const xTicks = (axis: Scale) => {
    const want = Math.max(2, Math.floor(axis.width / 110));
    axis.ticks = timeTicks(axis.min, axis.max, want).map((value) => ({ value }));
  };
  const config: ChartConfiguration<'line', XY[]> = {
    type: 'line',
    data: { datasets: [{ data: toXY(series), borderWidth: 2, fill: 'start', tension: 0, pointHoverRadius: 0 }] },
    options: {
      parsing: false,
      normalized: true,
      animation: false,
      responsive: false,
      maintainAspectRatio: false,
      events: [],
      layout: { padding: { top: 8, right: 8, left: 4, bottom: 0 } },
      plugins: {
        decimation: { enabled: true, algorithm: 'lttb', threshold: DECIMATION_THRESHOLD },
        // Not registered here; off in case the page registered them globally (the element draws its own tooltip).
        tooltip: { enabled: false },
        legend: { display: false },
        title: { display: false },
      },
      scales: {
        x: {
          type: 'linear',
          bounds: 'data',
          afterDataLimits: xLimits,
          afterBuildTicks: xTicks,
          ticks: { maxRotation: 0, autoSkip: true, callback: (v) => format.date(Number(v), span()) },
          grid: { display: false },
        },
        y: {
          type: 'linear',
          ticks: { maxTicksLimit: 6, precision: 0, callback: (v) => format.count(Number(v)) },
          border: { display: false },
        },
      },
    },
    plugins: [drawn],
  };
  canvas.width = Math.max(1, Math.round(size.width));
  canvas.height = Math.max(1, Math.round(size.height));
  applyStyle(config.options!, config.data.datasets[0]!, style, series.length);
  const chart = new Chart<'line', XY[]>(canvas, config);
  chart.resize(size.width, size.height);

  return {
    chart,
    setData(next) {
      series = next;
      count = next.length;
      const ds = chart.data.datasets[0]!;
      ds.data = toXY(next);
      ds.pointRadius = next.length <= DOTS_UP_TO ? 2.5 : 0;
      chart.update();
    },
    setStyle(next) {
      applyStyle(chart.options, chart.data.datasets[0]!, next, count);
      chart.update();
    },
    resize(width, height) {
      if (width > 0 && height > 0 && (Math.round(width) !== chart.width || Math.round(height) !== chart.height))
        chart.resize(width, height);
    },
    pixelOf(point) {
      return { x: chart.scales.x!.getPixelForValue(point.t), y: chart.scales.y!.getPixelForValue(point.count) };
    },
    timeAt(x) {
      return chart.scales.x!.getValueForPixel(x) ?? NaN;
    },
    destroy() {
      chart.destroy();
    },
  };
}

type Options = NonNullable<ChartConfiguration<'line', XY[]>['options']>;
type Dataset = ChartConfiguration<'line', XY[]>['data']['datasets'][number];

function applyStyle(options: Options, ds: Dataset, style: TrendChartStyle, points: number): void {
  ds.borderColor = style.line;
  ds.backgroundColor = style.fill;
  ds.pointBackgroundColor = style.line;
  ds.pointBorderColor = style.line;
  ds.pointRadius = points <= DOTS_UP_TO ? 2.5 : 0;
  const font = { family: style.fontFamily, size: style.fontSize };
  const x = options.scales!.x!;
  const y = options.scales!.y!;
  x.reverse = style.rtl;
  y.position = style.rtl ? 'right' : 'left';
  x.ticks = { ...x.ticks, color: style.text, font };
  y.ticks = { ...y.ticks, color: style.text, font };
  y.grid = { color: style.grid };
}
