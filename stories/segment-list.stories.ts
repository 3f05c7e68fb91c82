import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/elements/segment-list/define.js';
import '../src/themes/segment-kit.css';
import type { SegmentProvider } from '../src/core/index.js';
import type { SegmentListElement } from '../src/elements/segment-list/class.js';
import { emptyProvider, failingActions, failingList, manySegmentsProvider, slowRefreshes } from './fixtures/list.js';
import { sampleProvider } from './fixtures/sample.js';

interface Args {
  readonly: boolean;
  pageSize: number;
  storageKey: string | undefined;
}

const list = (provider: SegmentProvider, { readonly, pageSize, storageKey }: Args, pollInterval?: number) =>
  html`<segment-list
    .provider=${provider}
    ?readonly=${readonly}
    page-size=${pageSize}
    storage-key=${ifDefined(storageKey || undefined)}
    poll-interval=${ifDefined(pollInterval)}
  ></segment-list>`;

/**
 * `<segment-list>` is the Segments page: the saved segments in a table — sort by any
 * column, search by name, filter by tags, choose the columns, select rows (Shift+click for
 * a range), and act on them in bulk or from each row's menu. Everything goes through the
 * provider; here the sample provider (1,000 customers and the sample segments) unless a
 * story says otherwise. `storageKey` keeps the column choice in `localStorage`.
 */
const meta: Meta<Args> = {
  title: 'Elements/segment-list',
  component: 'segment-list',
  render: (args) => list(sampleProvider(), args),
  args: { readonly: false, pageSize: 50, storageKey: '' },
  argTypes: {
    readonly: { control: 'boolean' },
    pageSize: { control: { type: 'number', min: 1, max: 1000 } },
    storageKey: { control: 'text', description: 'localStorage key for the column choice (empty: not kept)' },
  },
  parameters: { layout: 'padded' },
};
export default meta;
type Story = StoryObj<Args>;

/** Wait until `check` holds (the list answers asynchronously). */
async function until<T>(check: () => T | null | undefined, timeout = 10_000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > end) throw new Error('Timed out waiting for the list');
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const SampleStore: Story = {
  name: 'The sample store',
};

/** 10,000 generated segments over 300 customers: paging, sorting and search on a big store. */
export const TenThousand: Story = {
  name: '10,000 segments',
  render: (args) => list(manySegmentsProvider(), args),
};

export const Empty: Story = {
  name: 'An empty store',
  render: (args) => list(emptyProvider(), args),
};

/** `listSegments` rejects: the list says why and offers Retry. */
export const FailingProvider: Story = {
  name: 'A failing provider',
  render: (args) => list(failingList(), args),
};

/** The list loads, but every action (activate, refresh, tags, delete…) fails: the error notice. */
export const FailingActions: Story = {
  name: 'A failing provider: actions fail',
  render: (args) => list(failingActions(), args),
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector<SegmentListElement>('segment-list')!;
    const box = await until(() => el.shadowRoot?.querySelector<HTMLInputElement>('tbody tr [part="row-select"]'));
    box.click();
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="bulk-bar"] [data-action="deactivate"]')!.click();
  },
};

/**
 * Refreshes take 4 seconds here; the first three active segments start refreshing when the
 * story opens. They show "Running" and the list asks again every 500 ms until they are done.
 * Refresh any row from its menu to see it again.
 */
export const RefreshInProgress: Story = {
  name: 'A refresh in progress',
  render: (args) => list(slowRefreshes(4000, 3), args, 500),
};

export const ReadOnly: Story = {
  name: 'Read-only',
  args: { readonly: true },
};

export const Dark: Story = {
  name: 'Dark theme',
  globals: { theme: 'dark' },
};

export const RightToLeft: Story = {
  name: 'Right-to-left',
  globals: { dir: 'rtl' },
};

/** Deleting "Do not contact", which another segment uses: the confirmation names it. */
export const DeleteWarning: Story = {
  name: 'Delete warning (segment used by others)',
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector<SegmentListElement>('segment-list')!;
    const button = await until(() =>
      el.shadowRoot?.querySelector<HTMLButtonElement>('tr[data-id="do-not-contact"] [part="row-menu-button"]'),
    );
    button.click();
    const item = await until(() => el.shadowRoot!.querySelector<HTMLButtonElement>('#row-menu [data-action="delete"]'));
    item.click();
    await until(() => el.shadowRoot!.querySelector('dialog [part="used-by-warning"]'));
  },
};
