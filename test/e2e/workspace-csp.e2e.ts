/**
 * The workspace under a strict Content-Security-Policy with Trusted Types: a page of its own
 * (test/e2e/csp/, built with Vite into a temporary directory), served with the header; list,
 * details (trend, members, an explanation), the builder with the attribute picker's popup, the
 * unsaved-changes dialog, and not one `securitypolicyviolation`.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build } from 'vite';
import { openHarness, serveStatic, SHOTS, watchedPage, type Harness } from './harness.js';

let h: Harness;
before(async () => {
  h = await openHarness();
});
after(() => h?.close());

describe('<segment-workspace> under a strict Content-Security-Policy (a page of its own, built with Vite)', { concurrency: false }, () => {
  const CSP = "script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html";
  const out = mkdtempSync(join(tmpdir(), 'sk-e2e-csp-'));
  let csp: { url: string; close(): Promise<void> } | undefined;
  after(async () => {
    await csp?.close();
    rmSync(out, { recursive: true, force: true });
  });

  it('lists, shows details with a trend and an explanation, builds with a popup picker and asks on leaving, with no violation', async () => {
    await build({
      configFile: false,
      root: 'test/e2e/csp',
      logLevel: 'silent',
      build: { outDir: out, emptyOutDir: true, modulePreload: { polyfill: false } },
    });
    csp = await serveStatic(out, { headers: { 'Content-Security-Policy': CSP } });
    const { page: p, errors: problems } = await watchedPage(h.context);
    await p.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { e2eViolations: string[] }).e2eViolations = seen;
      document.addEventListener('securitypolicyviolation', (e) =>
        seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber} (${e.sample})`),
      );
    });
    const response = await p.goto(`${csp.url}/`);
    assert.equal(response?.headers()['content-security-policy'], CSP, 'the page is served with the policy');
    const w = p.locator('segment-workspace');
    await w.locator('segment-list tbody tr[part~="row"]').first().waitFor({ timeout: 20_000 });
    // Details: the trend (chart.js on a canvas), the members, an explanation.
    await w.locator('segment-list').getByRole('button', { name: 'High value, escalated', exact: true }).click();
    await w.locator('trend-chart [part="plot"] canvas').waitFor({ timeout: 10_000 });
    const preview = w.locator('member-preview');
    await preview
      .getByRole('button', { name: /^Why is .* in this segment\?$/ })
      .first()
      .click();
    await preview.locator('[part="explain"][data-member="true"]').waitFor({ timeout: 10_000 });
    // The builder: a new rule by keyboard through the attribute picker's popup (floating-ui positions it).
    await w.locator('[data-action="edit"]').click();
    const b = w.locator('segment-builder');
    await b.getByRole('button', { name: '+ Add rule' }).first().click();
    await p.keyboard.press('Enter');
    await p.keyboard.type('Loyalty tier', { delay: 10 });
    await b.locator('[role="option"]').first().waitFor();
    await p.screenshot({ path: join(SHOTS, 'csp-picker.png') });
    await p.keyboard.press('Enter');
    await w.locator('[part~="breadcrumb"]').getByRole('button', { name: 'Segments' }).click();
    await w.locator('dialog[part="dialog"]').waitFor();
    await p.screenshot({ path: join(SHOTS, 'csp-leave-dialog.png') });
    await w.locator('dialog[part="dialog"]').getByRole('button', { name: 'Discard changes' }).click();
    await w.locator('[part~="view"][data-view="list"]').waitFor();
    const violations = await p.evaluate(() => (window as unknown as { e2eViolations: string[] }).e2eViolations);
    assert.deepEqual(violations, [], 'no Content-Security-Policy or Trusted Types violation');
    assert.deepEqual(problems, [], 'no errors');
    await p.close();
  });
});
