import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/quick-segment/define.js';
import '../src/themes/segment-kit.css';
import { SegmentProviderError, type SegmentProvider } from '../src/core/index.js';
import { sampleProvider } from './fixtures/sample.js';

interface Args {
  entity: string;
  attribute: string;
}

const quick = (provider: SegmentProvider, { entity, attribute }: Args) =>
  html`<quick-segment
    .provider=${provider}
    entity=${entity}
    attribute=${attribute}
    @segment-saved=${(e: CustomEvent<{ summary: { id: string } }>) => console.info('saved', e.detail.summary.id)}
    @segment-edit=${(e: CustomEvent<{ id: string }>) => console.info('open in builder', e.detail.id)}
  ></quick-segment>`;

/** The sample provider without `attributeStats`: no insights, the rest works. */
function withoutStats(): SegmentProvider {
  const base = sampleProvider();
  return Object.assign(Object.create(base) as SegmentProvider, { attributeStats: undefined });
}

/** The sample provider, but the insights and the count fail (their errors with Retry). */
function failing(): SegmentProvider {
  const base = sampleProvider();
  const down = () => Promise.reject(new SegmentProviderError('unavailable', 'The analytics service did not answer in time.'));
  return Object.assign(Object.create(base) as SegmentProvider, { attributeStats: down, count: down });
}

/**
 * `<quick-segment>` builds a segment from one attribute (the sample provider, 1,000
 * customers): pick a field with the builder's picker, read its insights (top values,
 * percentiles and a histogram, dates by month, true/false/empty), click them to fill in
 * the condition (several values → "is one of", a bar or Shift + a range of bars →
 * "between"), watch the estimated size and save it under a name.
 */
const meta: Meta<Args> = {
  title: 'Elements/quick-segment',
  component: 'quick-segment',
  render: (args) => quick(sampleProvider(), args),
  args: { entity: '', attribute: '' },
  parameters: { layout: 'padded' },
};
export default meta;
type Story = StoryObj<Args>;

export const Default: Story = { name: 'Pick an attribute' };

export const Categorical: Story = {
  name: 'A categorical attribute (Loyalty tier)',
  args: { entity: 'Customer', attribute: 'LoyaltyTier' },
};

export const Numeric: Story = { name: 'A number (Credit balance)', args: { entity: 'Customer', attribute: 'CreditBalance' } };

export const DateAttribute: Story = { name: 'A date (Customer since)', args: { entity: 'Customer', attribute: 'CreatedOn' } };

export const BooleanAttribute: Story = { name: 'A boolean (Email opt-in)', args: { entity: 'Customer', attribute: 'EmailOptIn' } };

export const Related: Story = { name: "A related entity's attribute (Order status)", args: { entity: 'Order', attribute: 'Status' } };

export const RelatedNumber: Story = {
  name: "A related entity's number (Order total)",
  args: { entity: 'Order', attribute: 'TotalAmount' },
};

export const NoStats: Story = {
  name: 'A provider without attributeStats',
  args: { entity: 'Customer', attribute: 'Country' },
  render: (args) => quick(withoutStats(), args),
};

export const FailingProvider: Story = {
  name: 'A failing provider',
  args: { entity: 'Customer', attribute: 'LoyaltyTier' },
  render: (args) => quick(failing(), args),
};

export const Dark: Story = { name: 'Dark theme', args: { entity: 'Customer', attribute: 'CreditBalance' }, globals: { theme: 'dark' } };

export const RightToLeft: Story = {
  name: 'Right-to-left',
  args: { entity: 'Customer', attribute: 'CreatedOn' },
  globals: { dir: 'rtl' },
};
