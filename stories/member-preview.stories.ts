import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import '../src/elements/member-preview/define.js';
import '../src/themes/segment-kit.css';
import { SegmentProviderError, type SegmentDocument, type SegmentProvider } from '../src/core/index.js';
import type { MemberPreviewElement } from '../src/elements/member-preview/member-preview.js';
import { createSampleProvider, type SampleProvider } from '../src/sample/index.js';
import { sampleProvider, sampleSegment } from './fixtures/sample.js';

interface Args {
  limit: number;
  firstRows?: boolean;
}

const preview = (provider: SegmentProvider, segment: SegmentDocument, { limit, firstRows = false }: Args) =>
  html`<member-preview
    .provider=${provider}
    .segment=${segment}
    limit=${limit}
    ?first-rows=${firstRows}
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

/** Every customer with a customer ID: on the 20,000-customer sample, 20,000 members. */
const everyone = (): SegmentDocument => ({
  schemaVersion: 1,
  id: 'everyone',
  name: 'Everyone',
  displayName: 'Every customer',
  audience: 'Customer',
  rules: [{ where: { kind: 'condition', entity: 'Customer', attribute: 'CustomerId', operator: 'isNotEmpty' } }],
});

let large: SampleProvider | undefined;
/** The sample dataset with 20,000 customers (about 200,000 orders), built once per page. */
const largeProvider = () => (large ??= createSampleProvider({ customers: 20_000, historyDays: 0 }));

/** A segment naming an attribute the catalog does not have: the invalid state. */
const invalid = (): SegmentDocument => ({
  ...nobody(),
  id: 'invalid',
  rules: [{ where: { kind: 'condition', entity: 'Customer', attribute: 'ShoeSize', operator: 'greaterThan', value: 40 } }],
});

/** The sample provider, but `members` never answers (the loading state). */
function hangingMembers(): SegmentProvider {
  return Object.assign(Object.create(sampleProvider()) as SegmentProvider, { members: () => new Promise<never>(() => undefined) });
}

/** Once connected, ask why the first member is in (the "Explain another customer" answer). */
const explainFirst = ref((el) => {
  if (!el) return;
  const preview = el as MemberPreviewElement;
  const segment = preview.segment!;
  void sampleProvider()
    .members(segment, { limit: 1 })
    .then((r) => preview.explainKey(typeof r.rows[0]?.CustomerId === 'string' ? r.rows[0].CustomerId : ''));
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
  component: 'member-preview',
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

export const Loading: Story = {
  name: 'Loading',
  render: (args) => preview(hangingMembers(), sampleSegment('high-value-escalated'), args),
};

export const Invalid: Story = {
  name: 'An invalid segment',
  render: (args) => preview(sampleProvider(), invalid(), args),
};

export const TwentyThousand: Story = {
  name: 'A segment of 20,000 members',
  render: (args) => preview(largeProvider(), everyone(), args),
};

/** `first-rows`: the first 30 rows come in the first frame, the other 70 right after it (as in the workspace's details). */
export const FirstRowsFirst: Story = {
  name: 'First rows first (first-rows)',
  args: { limit: 100, firstRows: true },
  render: (args) => preview(largeProvider(), everyone(), args),
};

/** Why the first member is in: each rule with its set operator, each condition with the values that decided it. */
export const Explained: Story = {
  name: 'Why is this customer in?',
  render: ({ limit }) =>
    html`<member-preview
      .provider=${sampleProvider()}
      .segment=${sampleSegment('high-value-escalated')}
      limit=${limit}
      ${explainFirst}
    ></member-preview>`,
};

export const ExplainedDark: Story = { ...Explained, name: 'Why is this customer in? (dark)', globals: { theme: 'dark' } };

export const ExplainedRightToLeft: Story = { ...Explained, name: 'Why is this customer in? (right-to-left)', globals: { dir: 'rtl' } };
