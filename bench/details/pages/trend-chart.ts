/**
 * segment-kit side of the chart benchmark: one `<trend-chart>` with a provider attached
 * before it is connected (the sample dataset's memory provider, its `trend` answering the
 * 2,000 daily points), frame `all`, as an app would mount it. Finished: the canvas drew
 * all 2,000 points (decimated) and the headline figures are shown.
 */
import '../../../src/elements/trend-chart/index.js';
import '../../../src/themes/segment-kit.css';
import type { SegmentProvider } from '../../../src/core/provider/types.js';
import type { TrendChartElement } from '../../../src/elements/trend-chart/trend-chart.js';
import { createMemoryProvider } from '../../../src/providers/memory/index.js';
import { createSampleDataset } from '../../../src/sample/index.js';
import { END, install } from './chart-harness.js';

let el: TrendChartElement | undefined;
let provider: SegmentProvider | undefined;
const dataset = createSampleDataset({ customers: 50, seed: 1 });
const SEGMENT = 'big-spenders';

install({
  unavailable: () => (customElements.get('trend-chart') ? undefined : '<trend-chart> is not defined'),
  prepare(points) {
    // Only the measured segment: the store refreshes active segments without history on its first call.
    provider = createMemoryProvider({
      catalog: dataset.catalog,
      data: dataset.data,
      now: END,
      segments: dataset.segments.filter((s) => s.id === SEGMENT),
      history: { [SEGMENT]: points },
    });
  },
  mount() {
    el = document.createElement('trend-chart');
    el.provider = provider;
    el.segmentId = SEGMENT;
    el.frame = 'all';
    el.now = END;
    document.getElementById('root')!.append(el);
  },
  finished(points) {
    const root = el?.shadowRoot;
    return root?.querySelector('canvas')?.dataset.points === String(points) && !!root.querySelector('[part~="figures"]');
  },
  unmount() {
    el?.remove();
    el = undefined;
  },
  plot: () => el?.shadowRoot?.querySelector<HTMLElement>('[part~="plot"]') ?? null,
  reading: () => !!el?.shadowRoot?.querySelector('[part~="tooltip"]'),
});
