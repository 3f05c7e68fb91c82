import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/segment-overlap/define.js';
import '../src/themes/segment-kit.css';
import { SegmentProviderError, type SegmentProvider } from '../src/core/index.js';
import { sampleProvider } from './fixtures/sample.js';

interface Args {
  segmentIds: string[];
}

const overlap = (provider: SegmentProvider, { segmentIds }: Args) =>
  html`<segment-overlap
    .provider=${provider}
    .segmentIds=${segmentIds}
    @segment-create=${(e: CustomEvent) => console.info('segment-create', e.detail)}
    @segment-overlap-change=${(e: CustomEvent) => console.info('segment-overlap-change', e.detail)}
  ></segment-overlap>`;

/** The sample provider, but counting fails (the error state with its Retry). */
function failingCounts(): SegmentProvider {
  return Object.assign(Object.create(sampleProvider()) as SegmentProvider, {
    count: () => Promise.reject(new SegmentProviderError('unavailable', 'The analytics service did not answer in time.')),
  });
}

/** The sample provider, but counting never answers (the loading state). */
function hangingCounts(): SegmentProvider {
  return Object.assign(Object.create(sampleProvider()) as SegmentProvider, { count: () => new Promise<never>(() => undefined) });
}

/** A story's segment list: hostile names stay text. */
function hostileNames(): SegmentProvider {
  const base = sampleProvider();
  return Object.assign(Object.create(base) as SegmentProvider, {
    listSegments: async (opts?: Parameters<SegmentProvider['listSegments']>[0]) => {
      const list = await base.listSegments(opts);
      return {
        ...list,
        items: list.items.map((s) => (s.id === 'at-risk-customers' ? { ...s, displayName: '<img src=x onerror=alert(1)> at risk' } : s)),
      };
    },
  });
}

/**
 * `<segment-overlap>` compares two or three saved segments (the sample provider, 1,000
 * customers): choose them in the searchable pickers (type to filter, arrows and Enter),
 * read every region in the diagram and the table (hover or focus a row to highlight its
 * region), and "Create segment" hands the region's compound document to the host (see the
 * browser console).
 */
const meta: Meta<Args> = {
  title: 'Elements/segment-overlap',
  component: 'segment-overlap',
  render: (args) => overlap(sampleProvider(), args),
  args: { segmentIds: ['at-risk-customers', 'big-spenders'] },
  parameters: { layout: 'padded' },
};
export default meta;
type Story = StoryObj<Args>;

export const TwoSegments: Story = { name: 'Two segments' };

export const ThreeSegments: Story = {
  name: 'Three segments',
  args: { segmentIds: ['at-risk-customers', 'big-spenders', 'web-active-30-days'] },
};

export const NoOverlap: Story = {
  name: 'No overlap',
  args: { segmentIds: ['big-spenders', 'lapsed-customers'] },
};

export const Choose: Story = { name: 'Nothing chosen yet', args: { segmentIds: [] } };

export const Loading: Story = { name: 'Loading', render: (args) => overlap(hangingCounts(), args) };

export const FailingProvider: Story = { name: 'A failing provider', render: (args) => overlap(failingCounts(), args) };

export const HostileNames: Story = { name: 'Hostile segment names', render: (args) => overlap(hostileNames(), args) };

export const Dark: Story = {
  name: 'Dark theme',
  args: { segmentIds: ['at-risk-customers', 'big-spenders', 'web-active-30-days'] },
  globals: { theme: 'dark' },
};

export const RightToLeft: Story = {
  name: 'Right-to-left',
  args: { segmentIds: ['at-risk-customers', 'big-spenders', 'web-active-30-days'] },
  globals: { dir: 'rtl' },
};
