import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/segment-list/define.js';
import '../src/themes/segment-kit.css';
import type { SegmentProvider } from '../src/core/index.js';
import { sampleProvider } from './fixtures/sample.js';

interface Args {
  provider: SegmentProvider;
  readonly: boolean;
  pageSize: number;
}

/**
 * `<segment-list>` is the Segments page: the saved segments in a table — sort by any
 * column, search by name, filter by tags, choose the columns, select rows (Shift+click for
 * a range), and act on them in bulk or from each row's menu. Everything goes through the
 * provider; here the sample provider (1,000 customers and the sample segments).
 */
const meta: Meta<Args> = {
  title: 'Elements/segment-list',
  render: ({ provider, readonly, pageSize }) =>
    html`<segment-list .provider=${provider} ?readonly=${readonly} page-size=${pageSize}></segment-list>`,
  args: { readonly: false, pageSize: 50 },
  argTypes: { readonly: { control: 'boolean' }, pageSize: { control: 'number' }, provider: { control: false } },
  parameters: { layout: 'padded' },
};
export default meta;
type Story = StoryObj<Args>;

export const SampleStore: Story = {
  name: 'The sample store',
  render: (args) => html`<segment-list .provider=${sampleProvider()} ?readonly=${args.readonly} page-size=${args.pageSize}></segment-list>`,
};
