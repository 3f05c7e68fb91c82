import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { describeSegment, parseSegment, validateSegment, type Catalog, type SegmentDocument } from '../src/core/index.js';
import { sampleProvider, sampleSegment } from './fixtures/sample.js';

const exampleCatalog = sampleProvider().dataset.catalog;
const exampleSegments = sampleProvider().dataset.segments;
const exampleSegment = sampleSegment('high-value-escalated');

/**
 * The segment document at the heart of the kit, read by the core: its plain-language
 * summary and every validation problem with its JSON path. The editing elements build on
 * exactly this.
 */
interface Args {
  document: string;
}

function render({ document }: Args) {
  const parsed = parseSegment(document);
  const segment: SegmentDocument | undefined = parsed.segment;
  const catalog: Catalog = exampleCatalog;
  const result = segment ? validateSegment(segment, catalog, { segments: exampleSegments }) : { valid: false, errors: parsed.errors };
  return html`<article class="doc-demo" aria-labelledby="doc-demo-title">
    <h2 id="doc-demo-title">${segment?.displayName ?? segment?.name ?? 'Segment document'}</h2>
    ${segment ? html`<p><strong>Summary:</strong> ${describeSegment(segment, catalog, { segments: exampleSegments })}</p>` : null}
    <p><strong>Status:</strong> ${result.valid ? 'valid — can be activated' : `${result.errors.length} problem(s) — saved as a draft`}</p>
    ${
      result.errors.length > 0
        ? html`<ul aria-label="Problems">
            ${result.errors.map((e) => html`<li><code>${e.path || '/'}</code> ${e.code}: ${e.message}</li>`)}
          </ul>`
        : null
    }
  </article>`;
}

const meta: Meta<Args> = {
  title: 'Core/Segment document',
  render,
  argTypes: { document: { control: 'text', description: 'The segment document as JSON' } },
};
export default meta;

type Story = StoryObj<Args>;

export const Valid: Story = { args: { document: JSON.stringify(exampleSegment, null, 2) } };

export const Invalid: Story = {
  args: {
    document: JSON.stringify({
      ...exampleSegment,
      name: 'High value escalated',
      rules: [
        {
          id: 'r1',
          where: {
            kind: 'group',
            combinator: 'and',
            children: [
              { kind: 'condition', entity: 'Customer', attribute: 'CreditBalance', operator: 'between', value: [1000] },
              { kind: 'condition', entity: 'Order', attribute: 'TotalAmount', operator: 'greaterThan', value: 500 },
            ],
          },
        },
      ],
    }),
  },
};

export const Malformed: Story = { args: { document: '{"schemaVersion": 2, "rules": []}' } };
