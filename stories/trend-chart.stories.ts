import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/trend-chart/define.js';
import '../src/themes/segment-kit.css';
import type { SegmentProvider } from '../src/core/index.js';
import { TREND_FRAMES, type TrendFrame } from '../src/elements/trend-chart/trend-chart.js';
import { sampleProvider } from './fixtures/sample.js';
import {
  emptyTrendProvider,
  failingTrendProvider,
  hangingTrendProvider,
  longTrendProvider,
  trendSampleProvider,
} from './fixtures/trend.js';

interface Args {
  label?: string;
  frame: TrendFrame;
  view: 'chart' | 'table';
  segmentId: string;
}

/** The chart, with the clock the sample data was made at (`dataset.now`), so the frames count back from it. */
const chart = (provider: SegmentProvider, now: string, { frame, view, segmentId, label }: Args) =>
  html`<trend-chart
    .provider=${provider}
    .label=${label}
    segment-id=${segmentId}
    frame=${String(frame)}
    view=${view}
    now=${now}
    @trend-chart-frame-change=${(e: CustomEvent<{ frame: TrendFrame; from?: string }>) => console.info('frame', e.detail)}
  ></trend-chart>`;

const sample = (args: Args) => {
  const p = trendSampleProvider();
  return chart(p, p.dataset.now, args);
};

/**
 * `<trend-chart>` shows a saved segment's member count over time (`provider.trend`): the
 * sample provider, 1,000 customers, with 180 days of daily refreshes. Pick a time frame,
 * hover the chart or focus it and use the arrow keys (Home, End, PageUp, PageDown) to
 * read a point, or show the data as a table. chart.js loads on demand.
 */
const meta: Meta<Args> = {
  title: 'Elements/trend-chart',
  component: 'trend-chart',
  render: sample,
  args: { frame: 90, view: 'chart', segmentId: 'big-spenders' },
  argTypes: {
    frame: { control: { type: 'select' }, options: [...TREND_FRAMES] },
    view: { control: { type: 'inline-radio' }, options: ['chart', 'table'] },
    segmentId: {
      control: { type: 'select' },
      options: ['big-spenders', 'at-risk-customers', 'lapsed-customers', 'new-customers-welcome', 'web-active-30-days'],
    },
  },
  parameters: { layout: 'padded' },
};
export default meta;
type Story = StoryObj<Args>;

export const Default: Story = { name: 'Big spenders, 90 days' };

export const TwoThousandPoints: Story = {
  name: '2,000 daily points (decimated)',
  args: { frame: 'all', label: 'Members over time (2,000 daily refreshes)' },
  render: (args) => {
    const base = sampleProvider();
    return chart(longTrendProvider(base, 2000, base.dataset.now), base.dataset.now, args);
  },
};

export const Empty: Story = {
  name: 'No refresh yet',
  render: (args) => chart(emptyTrendProvider(sampleProvider()), sampleProvider().dataset.now, args),
};

export const Loading: Story = {
  name: 'Loading',
  render: (args) => chart(hangingTrendProvider(sampleProvider()), sampleProvider().dataset.now, args),
};

export const FailingProvider: Story = {
  name: 'A failing provider',
  render: (args) => chart(failingTrendProvider(sampleProvider()), sampleProvider().dataset.now, args),
};

export const TableView: Story = { name: 'As a table', args: { view: 'table', frame: 30 } };

export const Dark: Story = { name: 'Dark theme', globals: { theme: 'dark' } };

export const RightToLeft: Story = { name: 'Right-to-left', globals: { dir: 'rtl' } };
