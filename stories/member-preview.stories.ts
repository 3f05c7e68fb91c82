import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/member-preview/define.js';
import '../src/themes/segment-kit.css';
import { SegmentProviderError, type SegmentDocument, type SegmentProvider } from '../src/core/index.js';
import { sampleProvider, sampleSegment } from './fixtures/sample.js';

interface Args {
  limit: number;
}

const preview = (provider: SegmentProvider, segment: SegmentDocument, { limit }: Args) =>
  html`<member-preview
    .provider=${provider}
    .segment=${segment}
    limit=${limit}
    @member-preview-see-more=${(e: CustomEvent<{ total: number }>) => console.info('see more', e.detail.total)}
  ></member-preview>`;

/** No customer matches: a city that is nowhere. */
const nobody = (): SegmentDocument => ({
  schemaVersion: 1,
  id: 'nobody',
  name: 'Nobody',
  displayName: 'Nobody',
  audience: 'Customer',
  rules: [{ where: { kind: 'condition', entity: 'Customer', attribute: 'City', operator: 'equals', value: 'Nowhere at all' } }],
});

/** The sample provider, but `members` fails (the error state with its Retry). */
function failingMembers(): SegmentProvider {
  return Object.assign(Object.create(sampleProvider()) as SegmentProvider, {
    members: () => Promise.reject(new SegmentProviderError('unavailable', 'The analytics service did not answer in time.')),
  });
}

/**
 * `<member-preview>` shows a segment's first members (the sample provider, 1,000
 * customers): sort by a header, "See more" (an event for the host), Download CSV (every
 * member, streamed, with progress and Cancel), and "Why?" on each row — or for any
 * customer key — to see which rules and conditions held.
 */
const meta: Meta<Args> = {
  title: 'Elements/member-preview',
  render: (args) => preview(sampleProvider(), sampleSegment('high-value-escalated'), args),
  args: { limit: 100 },
  argTypes: { limit: { control: { type: 'number', min: 1, max: 1000 } } },
  parameters: { layout: 'padded' },
};
export default meta;
type Story = StoryObj<Args>;

export const Default: Story = { name: 'High value, escalated' };

export const Empty: Story = {
  name: 'No customers match',
  render: (args) => preview(sampleProvider(), nobody(), args),
};

export const FailingProvider: Story = {
  name: 'A failing provider',
  render: (args) => preview(failingMembers(), sampleSegment('high-value-escalated'), args),
};

export const Dark: Story = { name: 'Dark theme', globals: { theme: 'dark' } };

export const RightToLeft: Story = { name: 'Right-to-left', globals: { dir: 'rtl' } };
