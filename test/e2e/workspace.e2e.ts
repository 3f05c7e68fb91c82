/**
 * End to end, as a person would: the built Storybook's workspace story (the 20,000-customer
 * sample on the memory provider) in Debian Chromium, driven with playwright-core by mouse and
 * keyboard (the steps are in flow.ts). Build first: `npm run build-storybook`; run:
 * `npm run test:e2e`. Screenshots of each step go to test-results/e2e/.
 */
import { after } from 'node:test';
import { workspaceFlow } from './flow.js';
import { openHarness, type Harness } from './harness.js';

let h: Promise<Harness> | undefined;
const harness = () => (h ??= openHarness());
after(async () => (await h)?.close());

workspaceFlow('<segment-workspace> end to end (built Storybook, memory provider)', {
  harness,
  url: (x) => `${x.storybook.url}/iframe.html?id=workspace--sample-data&viewMode=story`,
  shots: '',
});
