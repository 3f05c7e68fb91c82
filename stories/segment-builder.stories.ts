import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/segment-builder/define.js';
import '../src/elements/segment-provider/define.js';
import '../src/themes/segment-kit.css';
import type { SegmentProvider } from '../src/core/index.js';
import { failingCounts, hangingCounts, largeSegment, sampleProvider, sampleSegment, workerProvider } from './fixtures/sample.js';

interface Args {
  segment: unknown;
  provider: SegmentProvider;
  readonly: boolean;
}

/**
 * `<segment-builder>` edits one segment: properties, rules joined by union / intersect /
 * except, AND/OR groups of conditions with NOT, related blocks ("with at least 1 Order
 * where …", aggregates), live estimated size and per-rule counts, problems next to their
 * rows, undo/redo (Ctrl/Cmd+Z), drafts, and a plain-language summary. The data comes
 * from the sample provider (1,000 customers).
 */
const meta: Meta<Args> = {
  title: 'Elements/segment-builder',
  component: 'segment-builder',
  render: ({ segment, provider, readonly }) =>
    html`<segment-builder
      .provider=${provider}
      .segment=${segment}
      ?readonly=${readonly}
      @segment-change=${() => undefined}
    ></segment-builder>`,
  args: { readonly: false },
  argTypes: { readonly: { control: 'boolean' }, segment: { control: false }, provider: { control: false } },
  parameters: { layout: 'padded' },
};
export default meta;
type Story = StoryObj<Args>;

export const Empty: Story = {
  args: { segment: { schemaVersion: 1, audience: 'Customer', type: 'dynamic', rules: [] } },
  render: (args) =>
    html`<segment-builder .provider=${sampleProvider()} .segment=${args.segment} ?readonly=${args.readonly}></segment-builder>`,
};

export const HighValueEscalated: Story = {
  name: "Seeds' example: high value, escalated",
  render: (args) =>
    html`<segment-builder
      .provider=${sampleProvider()}
      .segment=${sampleSegment('high-value-escalated')}
      ?readonly=${args.readonly}
    ></segment-builder>`,
};

export const SecuritySubscribers: Story = {
  name: "Seeds' example: security subscribers with low satisfaction",
  render: (args) =>
    html`<segment-builder
      .provider=${sampleProvider()}
      .segment=${sampleSegment('security-low-satisfaction')}
      ?readonly=${args.readonly}
    ></segment-builder>`,
};

export const Compound: Story = {
  name: "Seeds' example: high credit except do-not-contact",
  render: (args) =>
    html`<segment-builder
      .provider=${sampleProvider()}
      .segment=${sampleSegment('high-credit-except-dnc')}
      ?readonly=${args.readonly}
    ></segment-builder>`,
};

export const BigSpendersAggregate: Story = {
  name: 'Aggregate: big spenders',
  render: (args) =>
    html`<segment-builder
      .provider=${sampleProvider()}
      .segment=${sampleSegment('big-spenders')}
      ?readonly=${args.readonly}
    ></segment-builder>`,
};

export const InvalidDraft: Story = {
  name: 'Invalid (draft)',
  render: (args) => {
    const doc = sampleSegment('high-value-escalated');
    doc.name = 'High value escalated';
    const rule = doc.rules[0]!;
    rule.where = {
      kind: 'group',
      id: 'bad',
      combinator: 'and',
      children: [
        { kind: 'condition', id: 'bad1', entity: 'Customer', attribute: 'CreditBalance', operator: 'between', value: [5000, 100] },
      ],
    };
    return html`<segment-builder .provider=${sampleProvider()} .segment=${doc} ?readonly=${args.readonly}></segment-builder>`;
  },
};

export const CountsLoading: Story = {
  name: 'Counts loading',
  render: () => html`<segment-builder .provider=${hangingCounts()} .segment=${sampleSegment('high-value-escalated')}></segment-builder>`,
};

export const CountsError: Story = {
  name: 'Counts error',
  render: () => html`<segment-builder .provider=${failingCounts()} .segment=${sampleSegment('high-value-escalated')}></segment-builder>`,
};

export const Malformed: Story = {
  name: 'Malformed document',
  render: () => html`<segment-builder .provider=${sampleProvider()} .segment=${'{"schemaVersion": 2, "rules": {}}'}></segment-builder>`,
};

export const ThroughSegmentProvider: Story = {
  name: 'Provider from <segment-provider>',
  render: () =>
    html`<segment-provider .provider=${sampleProvider()}
      ><segment-builder .segment=${sampleSegment('big-spenders')}></segment-builder
    ></segment-provider>`,
};

export const ReadOnly: Story = {
  name: 'Read-only',
  render: () =>
    html`<segment-builder readonly .provider=${sampleProvider()} .segment=${sampleSegment('high-value-escalated')}></segment-builder>`,
};

export const ThousandConditions: Story = {
  name: '1,000 conditions',
  render: () => html`<segment-builder .provider=${sampleProvider()} .segment=${largeSegment(1000)}></segment-builder>`,
};

export const Dark: Story = {
  name: 'Dark theme',
  globals: { theme: 'dark' },
  render: () => html`<segment-builder .provider=${sampleProvider()} .segment=${sampleSegment('high-value-escalated')}></segment-builder>`,
};

export const RightToLeft: Story = {
  name: 'Right-to-left',
  globals: { dir: 'rtl' },
  render: () => html`<segment-builder .provider=${sampleProvider()} .segment=${sampleSegment('high-value-escalated')}></segment-builder>`,
};

export const KeyboardHelp: Story = {
  name: 'Keyboard help (press ? outside a field)',
  render: () => html`<segment-builder .provider=${sampleProvider()} .segment=${sampleSegment('high-value-escalated')}></segment-builder>`,
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('segment-builder')!;
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('.keys-button')!.click();
  },
};

/**
 * The memory provider in a Web Worker (`segment-kit/memory/worker`) over 100,000 sample
 * customers generated in the worker: counting never blocks typing on the page.
 */
export const CountingInAWorker: Story = {
  name: 'Counting in a Web Worker (100,000 customers)',
  render: () => html`<segment-builder .provider=${workerProvider()} .segment=${sampleSegment('high-value-escalated')}></segment-builder>`,
};
