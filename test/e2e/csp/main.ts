/**
 * The workspace page of the strict-CSP end-to-end run (test/e2e/workspace.e2e.ts builds it with
 * Vite and serves it with `script-src 'self'; style-src 'self'; require-trusted-types-for
 * 'script'; trusted-types lit-html`): the sample data (2,000 customers) on the memory provider.
 */
import '../../../src/elements/segment-workspace/define.js';
import '../../../src/themes/segment-kit.css';
import { createSampleProvider } from '../../../src/sample/index.js';

const provider = createSampleProvider({ customers: 2000, historyDays: 60, historyEvery: 7 });
const workspace = document.createElement('segment-workspace');
workspace.provider = provider;
workspace.now = provider.dataset.now;
workspace.setAttribute('storage-key', 'csp');
workspace.setAttribute('draft-storage', 'none');
document.getElementById('status')!.replaceWith(workspace);
