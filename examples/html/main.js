// One import, no build step: the bundle registers every element and exports the providers.
import { createSampleProvider } from '../../dist/segment-kit.bundle.js';

const provider = createSampleProvider({ customers: 2000 });
const segment = {
  schemaVersion: 1,
  name: 'BigSpenders',
  displayName: 'Customers who spent over 500',
  audience: 'Customer',
  rules: [
    {
      where: {
        kind: 'related',
        entity: 'Order',
        match: { aggregate: 'sum', attribute: 'TotalAmount', operator: 'greaterThan', value: 500 },
      },
    },
  ],
};

const builder = document.getElementById('builder');
const preview = document.getElementById('preview');
const last = document.getElementById('last-change');
builder.provider = provider;
builder.segment = segment;
preview.provider = provider;
preview.segment = segment;

builder.addEventListener('segment-change', (event) => {
  // The document the builder holds now; the preview follows it.
  preview.segment = event.detail.segment;
  last.textContent = event.detail.segment.displayName ?? event.detail.segment.name;
});
