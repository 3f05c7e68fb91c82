import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/themes/segment-kit.css';
import '../src/elements/condition-row/define.js';
import '../src/elements/segment-provider/define.js';
import type { ConditionChangeDetail, ConditionRowElement } from '../src/elements/condition-row/condition-row.js';
import type { Catalog, ConditionNode, SegmentError } from '../src/core/model/types.js';
import type { SegmentProvider } from '../src/core/provider/types.js';
import { createMemoryProvider } from '../src/providers/memory/index.js';
import { retailCatalog, wideCatalog } from '../test/fixtures/retail.js';

/**
 * `<condition-row>` edits one condition: the attribute (a button opening a searchable
 * picker grouped by entity), the operator the attribute's type allows, and a value editor
 * by type and operator. Errors show under the row. The stories apply every
 * `condition-change` back to the row, as a host does, and show the last event.
 */

const catalog: Catalog = retailCatalog;

const cities = ['Paris', 'Berlin', 'Lyon', 'Madrid', 'Palermo', 'Pamplona', 'Porto', 'Prague', 'Rome', 'Vienna', 'Lisbon', 'Munich'];
const provider: SegmentProvider = createMemoryProvider({
  catalog,
  data: {
    Customer: Array.from({ length: 240 }, (_, i) => ({
      CustomerId: `C${i + 1}`,
      // a skewed spread, so the counts differ
      City: cities[Math.floor(Math.sqrt((i * 7919) % 144))]!,
      Tier: ['bronze', 'silver', 'gold', 'platinum'][i % 7 === 0 ? 3 : i % 3]!,
      CreditBalance: (i * 37) % 5000,
      BirthDate: `19${60 + (i % 40)}-0${1 + (i % 9)}-1${i % 10}`,
      DoNotContact: i % 11 === 0,
    })),
    Order: [],
  },
  now: '2026-11-01T12:00:00Z',
  latency: 120,
});

const bigCatalog: Catalog = wideCatalog(3000, 400, (i) => `Trait ${i} — ${['score', 'segment', 'last seen', 'opted in'][i % 4]}`);

interface Args {
  condition: ConditionNode | undefined;
  scope: string;
  readonly: boolean;
  label: string;
  errors: SegmentError[];
  catalog: Catalog | undefined;
  provider: SegmentProvider | undefined;
  /** Story only: get provider and catalog from a surrounding <segment-provider>. */
  useContext: boolean;
}

function onChange(e: CustomEvent<ConditionChangeDetail>) {
  const row = e.currentTarget as ConditionRowElement;
  row.condition = e.detail.condition; // a host that applies every edit at once
  const out = row.closest('.story')?.querySelector('output');
  if (out) out.textContent = JSON.stringify(e.detail.change);
}

function render(args: Args) {
  const row = html`<condition-row
    .condition=${args.condition}
    .catalog=${args.useContext ? undefined : args.catalog}
    .provider=${args.useContext ? undefined : args.provider}
    .errors=${args.errors}
    scope=${args.scope}
    label=${args.label}
    ?readonly=${args.readonly}
    @condition-change=${onChange}
  >
    <button slot="actions" type="button" class="story-remove" aria-label="Remove condition">✕</button>
  </condition-row>`;
  return html`<style>
      .story {
        max-inline-size: 56rem;
        min-block-size: 26rem;
        padding: 1rem;
        font: var(--sk-font, 0.875rem/1.45 system-ui, sans-serif);
        color: var(--sk-color-text, #1d1f24);
      }
      .story-frame {
        padding: 0.75rem;
        border: 1px solid var(--sk-color-border, #c9ced8);
        border-radius: var(--sk-radius, 6px);
        background: var(--sk-color-surface, #fff);
      }
      .story-remove {
        min-block-size: 2rem;
        min-inline-size: 2rem;
        border: 1px solid transparent;
        border-radius: var(--sk-radius, 6px);
        background: transparent;
        color: var(--sk-color-text-muted, #5a6070);
        cursor: pointer;
      }
      .story-log {
        margin-block-start: 0.75rem;
        color: var(--sk-color-text-muted, #5a6070);
        font-size: 0.8125rem;
      }
    </style>
    <div class="story">
      <div class="story-frame">${args.useContext ? html`<segment-provider .provider=${args.provider}>${row}</segment-provider>` : row}</div>
      <p class="story-log">Last change: <output>none yet</output></p>
    </div>`;
}

const meta: Meta<Args> = {
  title: 'Elements/condition-row',
  component: 'condition-row',
  render,
  args: {
    scope: '',
    readonly: false,
    label: 'Condition 1',
    errors: [],
    catalog,
    provider: undefined,
    useContext: false,
  },
  argTypes: {
    condition: { control: 'object', description: 'The condition node' },
    scope: { control: 'text', description: 'Entity whose attributes the condition uses directly (default: the audience)' },
    readonly: { control: 'boolean' },
    label: { control: 'text', description: 'Accessible name of the row' },
    errors: { control: 'object', description: 'SegmentError[] for this node' },
    catalog: { control: false },
    provider: { control: false },
    useContext: { control: false },
  },
};
export default meta;

type Story = StoryObj<Args>;

const c = (entity: string, attribute: string, operator: ConditionNode['operator'], value?: ConditionNode['value']): ConditionNode =>
  value === undefined
    ? { kind: 'condition', id: 'c1', entity, attribute, operator }
    : { kind: 'condition', id: 'c1', entity, attribute, operator, value };

export const Empty: Story = { args: { condition: c('Customer', '', '') } };

export const StringEquals: Story = { args: { condition: c('Customer', 'City', 'equals', 'Paris') } };

export const NumberBetween: Story = { args: { condition: c('Customer', 'CreditBalance', 'between', [1000, 2500]) } };

export const DateInLast: Story = { args: { condition: c('Customer', 'BirthDate', 'inLast', { amount: 90, unit: 'day' }) } };

/** Type "pa" in the value box: suggestions come from the memory provider (through `<segment-provider>`), with member counts. */
export const ListWithSuggestions: Story = {
  args: { condition: c('Customer', 'City', 'in', ['Paris', 'Berlin']), provider, useContext: true },
};

export const Enumeration: Story = { args: { condition: c('Customer', 'Tier', 'equals', 'gold') } };

/** Inside a related Order block: Order attributes are used directly, the picker lists Order first. */
export const RelatedEntityCondition: Story = {
  args: { condition: c('Order', 'TotalAmount', 'greaterThan', 500), scope: 'Order', label: 'Order condition 1' },
};

export const WithError: Story = {
  args: {
    condition: c('Customer', 'CreditBalance', 'between', [2500, 1000]),
    errors: [
      {
        path: '/rules/0/where/children/1/value',
        code: 'invalid-value',
        message: 'The low value must not be greater than the high value.',
        nodeId: 'c1',
      },
    ],
  },
};

export const UnknownAttribute: Story = { args: { condition: c('Customer', 'ShoeSize', 'greaterThan', 42) } };

export const ReadOnly: Story = {
  args: { condition: c('Order', 'TotalAmount', 'greaterThan', 500), scope: 'Order', readonly: true },
};

export const Loading: Story = { args: { condition: c('Customer', 'City', 'equals', 'Paris'), catalog: undefined } };

/** 3,000 Customer attributes and 400 Order ones: the picker renders 200 at a time; type to narrow. */
export const ThousandsOfAttributes: Story = {
  args: { condition: c('Customer', 'Attr13', 'greaterThan', 10), catalog: bigCatalog },
};
