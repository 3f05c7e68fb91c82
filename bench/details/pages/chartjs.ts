/**
 * The peer of the chart benchmark: the bare chart.js line chart a host would write for
 * the same 2,000 points, following chart.js's performance guide (tree-shaken
 * registration, `parsing: false` with linear x data, `normalized`, no animation, the
 * Decimation plugin on with LTTB at its default threshold) plus chart.js's own Tooltip
 * (interaction mode `index`, no intersect), responsive in a sized box. chart.js is
 * imported on the first mount, as `<trend-chart>` does, so cold runs compare alike.
 * Finished: chart.js drew the dataset (an afterDraw hook).
 */
import type { TrendPoint } from '../../../src/core/provider/types.js';
import { install } from './chart-harness.js';

type ChartJs = typeof import('chart.js');
let lib: ChartJs | undefined;
let loading: Promise<ChartJs> | undefined;
let chart: InstanceType<ChartJs['Chart']> | undefined;
let box: HTMLDivElement | undefined;
let drawn = 0;

const dateFormat = new Intl.DateTimeFormat('en', { month: 'short', year: 'numeric', timeZone: 'UTC' });

async function load(): Promise<ChartJs> {
  const m = await import('chart.js');
  m.Chart.register(m.LineController, m.LineElement, m.PointElement, m.LinearScale, m.Filler, m.Decimation, m.Tooltip);
  lib = m;
  return m;
}

function draw(m: ChartJs, points: TrendPoint[]): void {
  const canvas = document.createElement('canvas');
  box!.append(canvas);
  chart = new m.Chart(canvas, {
    type: 'line',
    data: {
      datasets: [
        {
          label: 'Members',
          data: points.map((p) => ({ x: Date.parse(p.date), y: p.count })),
          borderColor: '#2457c5',
          backgroundColor: '#e6edfb',
          fill: 'start',
          borderWidth: 2,
          pointRadius: 0,
        },
      ],
    },
    options: {
      parsing: false,
      normalized: true,
      animation: false,
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      plugins: { decimation: { enabled: true, algorithm: 'lttb' }, tooltip: { enabled: true } },
      scales: {
        x: { type: 'linear', ticks: { callback: (v) => dateFormat.format(new Date(Number(v))) } },
        y: { type: 'linear' },
      },
    },
    plugins: [{ id: 'drawn', afterDraw: () => void (drawn = points.length) }],
  });
}

install({
  unavailable: () => undefined,
  prepare: () => undefined,
  mount(points) {
    drawn = 0;
    box = document.createElement('div');
    box.style.position = 'relative';
    box.style.height = '16rem';
    document.getElementById('root')!.append(box);
    if (lib) draw(lib, points);
    else void (loading ??= load()).then((m) => draw(m, points));
  },
  finished: (points) => drawn === points,
  unmount() {
    chart?.destroy();
    chart = undefined;
    box?.remove();
    box = undefined;
  },
  plot: () => box?.querySelector('canvas') ?? null,
  reading: () => (chart?.tooltip?.getActiveElements().length ?? 0) > 0,
});
