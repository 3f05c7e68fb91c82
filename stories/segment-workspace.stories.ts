import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { until } from 'lit/directives/until.js';
import '../src/elements/segment-workspace/define.js';
import '../src/themes/segment-kit.css';
import type { SegmentProvider } from '../src/core/index.js';
import type { SegmentWorkspaceRoute } from '../src/elements/segment-workspace/segment-workspace.js';
import {
  HTTP_BASE_URL,
  httpProvider,
  persistentSampleProvider,
  probeHttp,
  resetSampleProvider,
  SAMPLE_CUSTOMERS,
  WORKSPACE_KEY,
} from './fixtures/workspace.js';

interface Args {
  history: 'none' | 'hash';
  draftStorage: 'session' | 'local' | 'none';
}

const workspace = (provider: SegmentProvider, args: Args, opts: { key: string; now?: string; route?: SegmentWorkspaceRoute }) =>
  html`<segment-workspace
    .provider=${provider}
    .now=${opts.now}
    .route=${opts.route ?? { view: 'list' }}
    history=${args.history}
    draft-storage=${args.draftStorage}
    storage-key=${opts.key}
    @segment-workspace-navigate=${(e: CustomEvent<{ hash: string }>) => console.info('navigate', e.detail.hash)}
  ></segment-workspace>`;

async function reset(e: Event): Promise<void> {
  const button = e.currentTarget as HTMLButtonElement;
  button.disabled = true;
  button.textContent = 'Resetting…';
  await resetSampleProvider();
  location.reload();
}

/** The sample store (kept in this browser) with a bar above it that says so and resets it. */
function onSample(args: Args, key: string, route?: SegmentWorkspaceRoute): TemplateResult {
  const ready = persistentSampleProvider().then(
    (p) => workspace(p, args, { key, now: p.dataset.now, ...(route ? { route } : {}) }),
    (e: unknown) => html`<p class="story-error" role="alert">The sample data could not be prepared: ${String(e)}</p>`,
  );
  return html`<div class="story-bar">
      <span
        >Sample data: ${SAMPLE_CUSTOMERS.toLocaleString('en')} customers in memory. Saved segments are kept in this browser
        (localStorage).</span
      >
      <button type="button" @click=${reset}>Reset sample data</button>
    </div>
    ${until(ready, html`<p class="story-status" role="status">Preparing the sample data (${SAMPLE_CUSTOMERS.toLocaleString('en')} customers)…</p>`)}`;
}

/**
 * `<segment-workspace>` is the whole product in one element: the Segments page, a
 * segment's details (trend, members with "Why?", overlap), the builder with live counts
 * and quick segments, with the navigation between them. Try: open a segment, edit it,
 * leave with unsaved changes (it asks), reload the page in the builder (your draft comes
 * back), save an invalid segment (a draft), delete "Do not contact" (others use it).
 *
 * With `history="hash"` the view is in the URL hash and the browser's back button works.
 */
const meta: Meta<Args> = {
  title: 'Workspace',
  component: 'segment-workspace',
  args: { history: 'hash', draftStorage: 'session' },
  argTypes: {
    history: { control: 'inline-radio', options: ['none', 'hash'], description: 'Keep the view in the URL hash (back button)' },
    draftStorage: { control: 'inline-radio', options: ['session', 'local', 'none'], description: 'Where the draft in progress is kept' },
  },
  parameters: { layout: 'padded' },
};
export default meta;
type Story = StoryObj<Args>;

export const SampleData: Story = {
  name: 'Sample data (memory provider)',
  render: (args) => onSample(args, WORKSPACE_KEY),
};

/** A segment's details: facts, trend, the first members (with "Why?"), overlap. */
export const Details: Story = {
  name: 'Details of a segment',
  args: { history: 'none' },
  render: (args) => onSample(args, `${WORKSPACE_KEY}-details`, { view: 'details', id: 'high-value-escalated' }),
};

/** The builder on a saved segment that another uses ("Do not contact"): the banner names it. */
export const Builder: Story = {
  name: 'Builder (segment used by others)',
  args: { history: 'none', draftStorage: 'none' },
  render: (args) => onSample(args, `${WORKSPACE_KEY}-builder`, { view: 'edit', id: 'do-not-contact' }),
};

/**
 * The same workspace on the reference backend: `npm run serve:storybook` (PGlite with the
 * sample data; or `npm run serve -- --cors <this page's origin>`). When it is not running,
 * the story says how to start it, and Retry checks again.
 */
export const HttpBackend: Story = {
  name: 'HTTP backend (npm run serve)',
  args: { history: 'none' },
  render: (args) => {
    const provider = httpProvider();
    const check = (): Promise<TemplateResult> =>
      probeHttp(provider).then((problem) =>
        problem === undefined
          ? workspace(provider, args, { key: `${WORKSPACE_KEY}-http` })
          : html`<div class="story-error" role="alert">
              <p><strong>The HTTP backend is not running</strong> (or does not allow this page's origin).</p>
              <p>Start it in a terminal, then press Retry:</p>
              <pre><code>npm run serve:storybook</code></pre>
              <p>
                It serves the sample data on PostgreSQL (PGlite) at <code>${HTTP_BASE_URL}</code> to Storybook on port 6006 (<code
                  >npm start</code
                >). This page is at <code>${location.origin}</code>: from another address, start it with
                <code>npm run serve -- --cors ${location.origin}</code>.
              </p>
              <p>What the browser said: ${problem}</p>
              <button type="button" @click=${(e: Event) => void retry(e)}>Retry</button>
            </div>`,
      );
    const retry = async (e: Event) => {
      const host = (e.currentTarget as HTMLElement).closest('.story-http')!;
      host.replaceChildren(document.createTextNode('Checking…'));
      const { render } = await import('lit');
      render(await check(), host as HTMLElement);
    };
    return html`<div class="story-http">
      ${until(check(), html`<p class="story-status" role="status">Connecting to ${HTTP_BASE_URL}…</p>`)}
    </div>`;
  },
};
