/**
 * End to end, as a person would: the built Storybook's workspace story (the 20,000-customer
 * sample on the memory provider) in Debian Chromium, driven with playwright-core by mouse
 * and keyboard. Build first: `npm run build-storybook`; run: `npm run test:e2e`.
 * Screenshots of each step go to test-results/e2e/.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Papa from 'papaparse';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { build } from 'vite';
// @ts-expect-error: plain JavaScript scripts without types
import { CHROME_ARGS, ensureChrome } from '../../scripts/chrome.mjs';
// @ts-expect-error: plain JavaScript scripts without types
import { serveStatic } from '../../scripts/static-server.mjs';

const ROOT = 'storybook-static';
const SHOTS = 'test-results/e2e';
const STORY = 'workspace--sample-data';
const NAME = 'E2E big orders, escalated';
const USER = 'E2E uses big orders';

let server: { url: string; close(): Promise<void> };
let browser: Browser;
let context: BrowserContext;
let page: Page;
const errors: string[] = [];

/** The workspace (Playwright's CSS locators look through open shadow roots). */
const ws = () => page.locator('segment-workspace');
const builder = () => ws().locator('segment-builder');
const list = () => ws().locator('segment-list');
/** A screenshot of the whole page; of the viewport with a modal dialog open (its backdrop covers only the viewport). */
const shot = (name: string, fullPage = true) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });
/** The builder's live count ("Estimated size: 1,234 customers"), once it is not pending. */
async function size(): Promise<string> {
  const el = builder().locator('[part="size"]');
  await page.waitForFunction(
    () => {
      const b = document.querySelector('segment-workspace')?.shadowRoot?.querySelector('segment-builder');
      return b?.shadowRoot?.querySelector('[part="size"]')?.getAttribute('aria-busy') === 'false';
    },
    undefined,
    { timeout: 10_000 },
  );
  return (await el.textContent())!.replace(/\s+/g, ' ').trim();
}
const numberIn = (text: string) => Number(/([\d,]+) customer/.exec(text)?.[1]?.replace(/,/g, '') ?? NaN);
/** Waits for `size()` to differ from `before`. */
async function sizeChangedFrom(previous: string): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const now = await size();
    if (now !== previous) return now;
    if (Date.now() > deadline) throw new Error(`the live count stayed at "${previous}"`);
    await page.waitForTimeout(50);
  }
}
/** The list's row of a segment by its display name. */
const row = (name: string) => list().locator('tbody tr[part~="row"]', { has: page.getByRole('button', { name, exact: true }) });
async function viewIs(view: string) {
  await ws().locator(`[part~="view"][data-view="${view}"]`).waitFor({ timeout: 10_000 });
}
/** On the focused attribute button: open the picker, type, choose the first match (as a person with a keyboard). */
async function chooseAttribute(text: string) {
  await page.keyboard.press('Enter');
  await page.keyboard.type(text, { delay: 10 });
  await builder().locator('[role="option"]').first().waitFor();
  await page.keyboard.press('Enter');
}
async function focusedPart(): Promise<string> {
  return page.evaluate(() => {
    let a: Element | null = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    return a?.getAttribute('part') ?? a?.tagName ?? '';
  });
}
/** Evaluated in the page: the workspace's own provider (the story's sample store). */
type Page$ = { provider: import('../../src/core/index.js').SegmentProvider };

before(async () => {
  if (!existsSync(join(ROOT, 'index.json'))) throw new Error('No Storybook build: run `npm run build-storybook` first.');
  mkdirSync(SHOTS, { recursive: true });
  server = await serveStatic(ROOT);
  browser = await chromium.launch({
    executablePath: ensureChrome(),
    args: (CHROME_ARGS as string[]).filter((a) => !a.startsWith('--headless')),
  });
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptsDownloads: true });
  // The Blob download path (browsers without the File System Access picker), which Playwright sees as a download.
  await context.addInitScript(() => delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker);
  // tsx compiles this file with esbuild's keepNames: functions evaluated in the page call its `__name` helper.
  await context.addInitScript('globalThis.__name ??= (fn) => fn;');
  page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  page.on('console', (m) => {
    if (m.type() === 'error' && !/ResizeObserver loop|Failed to load resource/.test(m.text())) errors.push(`console error: ${m.text()}`);
  });
  await page.goto(`${server.url}/iframe.html?id=${STORY}&viewMode=story`);
  await list().locator('tbody tr[part~="row"]').first().waitFor({ timeout: 30_000 });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

describe('<segment-workspace> end to end (built Storybook, memory provider)', { concurrency: false }, () => {
  let id = '';
  let members = 0;

  it('1–2. creates a segment with mouse and keyboard, a related condition and a second rule, and the live count follows', async () => {
    await shot('0-list');
    await list().getByRole('button', { name: 'New segment' }).click();
    await list().getByRole('menuitem', { name: 'Blank segment' }).click();
    await builder().locator('#prop-displayName').waitFor();
    await viewIs('new');
    await builder().locator('#prop-displayName').click();
    await page.keyboard.type(NAME);
    await builder().locator('#prop-name').click();
    await page.keyboard.type('E2EBigOrdersEscalated');
    const everyone = await size();

    // Rule 1: Order total amount greater than 500 (a related condition), by keyboard from the new rule.
    await builder().getByRole('button', { name: '+ Add rule' }).first().click();
    assert.match(await focusedPart(), /attribute/, 'the new rule focuses its attribute');
    await chooseAttribute('Total amount');
    await page.waitForFunction(() => true);
    for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowDown'); // equals → notEquals → greaterThan
    await page.keyboard.press('Tab');
    await page.keyboard.type('500');
    const bigOrders = await sizeChangedFrom(everyone);
    assert.ok(numberIn(bigOrders) > 0 && numberIn(bigOrders) < 20_000, `a count of some customers: ${everyone} → ${bigOrders}`);
    // A higher amount: fewer customers.
    await page.keyboard.press('Control+a');
    await page.keyboard.type('1000');
    const biggerOrders = await sizeChangedFrom(bigOrders);
    assert.ok(numberIn(biggerOrders) < numberIn(bigOrders), `the count goes down: ${bigOrders} → ${biggerOrders}`);
    await shot('1-rule-1');

    // Rule 2: intersect customers with an escalated case.
    await builder().getByRole('button', { name: '+ Add rule' }).first().click();
    await chooseAttribute('Escalated');
    const union = await sizeChangedFrom(biggerOrders);
    assert.ok(numberIn(union) > numberIn(biggerOrders), `the union is larger: ${biggerOrders} → ${union}`);
    // The set operator between the rules: a click on the chosen one (Union), then the arrow key to Intersect.
    await builder().locator('group-operator[kind="set"]').first().getByRole('radio', { name: 'Union' }).click();
    await page.keyboard.press('ArrowRight'); // union → intersect
    const both = await sizeChangedFrom(union);
    members = numberIn(both);
    assert.ok(members > 0 && members < numberIn(biggerOrders), `the intersection is smaller: ${biggerOrders} → ${both}`);
    const expected = await page.evaluate(async () => {
      const b = document.querySelector('segment-workspace')!.shadowRoot!.querySelector('segment-builder') as unknown as {
        segment: import('../../src/core/index.js').SegmentDocument;
      };
      const ws = document.querySelector('segment-workspace') as unknown as Page$;
      return (await ws.provider.count(b.segment)).total;
    });
    assert.equal(members, expected, 'the live count is what the provider counts');
    await shot('2-rule-2-counts');
  });

  it('3–4. saves it, and the list shows it with its member count', async () => {
    await builder().getByRole('button', { name: 'Save and activate' }).click();
    await viewIs('list');
    await ws()
      .locator('[part~="notice"]', { hasText: `${members.toLocaleString('en')} member` })
      .waitFor({ timeout: 10_000 });
    const r = row(NAME);
    await r.waitFor();
    await assertText(r.locator('td[data-column="memberCount"]'), members.toLocaleString('en'));
    id = (await r.getAttribute('data-id'))!;
    assert.ok(id, 'the row has the saved id');
    await shot('3-4-saved-in-list');
  });

  it('5. opens its details: the trend, the members, and why one member is in', async () => {
    await row(NAME).getByRole('button', { name: NAME, exact: true }).click();
    await viewIs('details');
    assert.equal((await ws().locator('#view-title').textContent())?.trim(), NAME);
    await ws().locator('trend-chart [part="plot"], trend-chart [part~="empty"]').first().waitFor({ timeout: 10_000 });
    const preview = ws().locator('member-preview');
    await preview.locator('tr[part="row"]').first().waitFor({ timeout: 10_000 });
    await assertText(ws().locator('[part~="member-count"]'), `${members.toLocaleString('en')} member`);
    const why = preview.getByRole('button', { name: /^Why is .* in this segment\?$/ }).first();
    await why.click();
    const explain = preview.locator('[part="explain"][data-member="true"]');
    await explain.waitFor({ timeout: 10_000 });
    assert.match((await explain.textContent())!, /is in the segment/);
    assert.match((await explain.textContent())!, /Rule 1/);
    await shot('5-details-why');
  });

  it('6. downloads the CSV, and its rows are the provider’s members', async () => {
    const preview = ws().locator('member-preview');
    const [download] = await Promise.all([page.waitForEvent('download'), preview.locator('[part="download"]').click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    assert.ok(csv.startsWith('\uFEFF'), 'the CSV starts with a BOM');
    const parsed = Papa.parse<string[]>(csv.slice(1).trimEnd(), { skipEmptyLines: false });
    assert.deepEqual(parsed.errors, [], 'the CSV parses');
    const [header, ...rows] = parsed.data;
    const expected = await page.evaluate(async (segmentId) => {
      const ws = document.querySelector('segment-workspace') as unknown as Page$;
      const doc = await ws.provider.getSegment(segmentId);
      const page = await ws.provider.members(doc, { limit: 1_000_000 });
      return { total: page.total, columns: page.columns.map((c) => ({ key: c.key, label: c.label })), rows: page.rows };
    }, id);
    assert.equal(expected.total, members);
    assert.equal(rows.length, expected.total, 'one CSV row per member');
    const keys = header!.map((label) => expected.columns.find((c) => c.label === label)?.key);
    assert.ok(keys.every(Boolean), `every CSV column is a provider column: ${header!.join(', ')}`);
    const cell = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
    for (let i = 0; i < rows.length; i++) {
      assert.deepEqual(
        rows[i],
        keys.map((k) => cell(expected.rows[i]![k!])),
        `CSV row ${i + 1}`,
      );
    }
    await shot('6-downloaded');
  });

  it('7. edits it again, leaves with unsaved changes, and is asked (Stay keeps the edit; Discard leaves)', async () => {
    await ws().locator('[data-action="edit"]').click();
    await viewIs('edit');
    const input = builder().locator('#prop-displayName');
    await input.waitFor();
    await input.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' (renamed)');
    await ws().locator('[part~="breadcrumb"]').getByRole('button', { name: 'Segments' }).click();
    const dialog = ws().locator('dialog[part="dialog"]');
    await dialog.waitFor();
    assert.match((await dialog.textContent())!, new RegExp(`“${NAME} \\(renamed\\)”`));
    await shot('7-leave-dialog', false);
    await page.keyboard.press('Escape'); // Escape is Stay
    await dialog.waitFor({ state: 'detached' });
    await viewIs('edit');
    assert.equal(await input.inputValue(), `${NAME} (renamed)`, 'Stay keeps the edit');
    await ws().locator('[part~="breadcrumb"]').getByRole('button', { name: 'Segments' }).click();
    await dialog.getByRole('button', { name: 'Discard changes' }).click();
    await viewIs('list');
    await row(NAME).waitFor();
    const stored = await page.evaluate(async (segmentId) => {
      const ws = document.querySelector('segment-workspace') as unknown as Page$;
      return (await ws.provider.getSegment(segmentId)).displayName;
    }, id);
    assert.equal(stored, NAME, 'nothing was saved');
  });

  it('8. deletes it, after the warning about a segment that uses it (made in the builder)', async () => {
    // A second segment, through the UI: the first one as its rule.
    await list().getByRole('button', { name: 'New segment' }).click();
    await list().getByRole('menuitem', { name: 'Blank segment' }).click();
    await builder().locator('#prop-displayName').waitFor();
    await builder().locator('#prop-displayName').fill(USER);
    await builder().locator('#prop-name').fill('E2EUsesBigOrders');
    await builder().getByRole('button', { name: '+ Add rule' }).first().click();
    await builder().getByRole('button', { name: 'Use a saved segment' }).last().click();
    const picker = builder().locator('select').last();
    await page.waitForFunction(
      (name) => {
        const b = document.querySelector('segment-workspace')?.shadowRoot?.querySelector('segment-builder');
        return [...(b?.shadowRoot?.querySelectorAll('select option') ?? [])].some((o) => o.textContent?.includes(name));
      },
      NAME,
      { timeout: 10_000 },
    );
    await picker.selectOption({ label: await optionLabel(picker, NAME) });
    assert.equal(numberIn(await size()), members, 'a segment of the first has its members');
    await builder().getByRole('button', { name: 'Save and activate' }).click();
    await viewIs('list');
    await row(USER).waitFor();

    await row(NAME).locator('[part~="row-menu-button"]').click();
    await list().locator('#row-menu [data-action="delete"]').click();
    const warning = list().locator('dialog [part~="used-by-warning"]');
    await warning.waitFor();
    assert.match((await warning.textContent())!, new RegExp(USER));
    await shot('8-delete-warning', false);
    await list().locator('dialog [data-action="confirm"]').click();
    await row(NAME).waitFor({ state: 'detached', timeout: 10_000 });
    const gone = await page.evaluate(
      (segmentId) =>
        (document.querySelector('segment-workspace') as unknown as Page$).provider.getSegment(segmentId).then(
          () => false,
          () => true,
        ),
      id,
    );
    assert.equal(gone, true, 'deleted from the store');
    await shot('8-deleted');
  });

  it('reports no page errors along the way', () => {
    assert.deepEqual(errors, []);
  });
});

async function assertText(locator: Locator, text: string) {
  await locator.filter({ hasText: text }).waitFor({ timeout: 10_000 });
}

async function optionLabel(select: Locator, name: string): Promise<string> {
  const labels = await select.locator('option').allTextContents();
  const found = labels.find((l) => l.includes(name));
  assert.ok(found, `an option for ${name} in ${labels.join(' | ')}`);
  return found.trim();
}

describe('<segment-workspace> mounted and removed 50 times', { concurrency: false }, () => {
  it('leaves the window’s and the document’s listeners as they were, and the heap stops growing', async () => {
    const kib = (bytes: number) => `${bytes >= 0 ? '+' : ''}${(bytes / 1024).toFixed(0)} KiB`;
    const p = await context.newPage();
    p.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
    await p.goto(`${server.url}/iframe.html?id=${STORY}&viewMode=story&args=history:none`);
    await p.locator('segment-workspace segment-list tbody tr[part~="row"]').first().waitFor({ timeout: 30_000 });
    const cdp = await context.newCDPSession(p);
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    await p.evaluate(() => {
      // Every listener on window and document, net of removals (the same listener twice is one, as the DOM has it).
      const live = new Map<EventTarget, Set<string>>();
      const ids = new WeakMap<object, number>();
      let next = 0;
      const key = (type: string, fn: unknown, options: unknown) => {
        const capture = typeof options === 'boolean' ? options : !!(options as { capture?: boolean } | undefined)?.capture;
        if (fn && !ids.has(fn as object)) ids.set(fn as object, next++);
        return `${type}:${capture}:${fn ? ids.get(fn as object) : 'null'}`;
      };
      for (const target of [window, document] as EventTarget[]) {
        live.set(target, new Set());
        const add = target.addEventListener.bind(target);
        const remove = target.removeEventListener.bind(target);
        target.addEventListener = (
          type: string,
          fn: EventListenerOrEventListenerObject | null,
          options?: boolean | AddEventListenerOptions,
        ) => {
          const signal = typeof options === 'object' ? options.signal : undefined;
          if (!signal?.aborted) {
            const k = key(type, fn, options);
            live.get(target)!.add(k);
            signal?.addEventListener('abort', () => live.get(target)!.delete(k), { once: true });
          }
          add(type, fn, options);
        };
        target.removeEventListener = (
          type: string,
          fn: EventListenerOrEventListenerObject | null,
          options?: boolean | EventListenerOptions,
        ) => {
          live.get(target)!.delete(key(type, fn, options));
          remove(type, fn, options);
        };
      }
      const story = document.querySelector('segment-workspace') as unknown as Page$;
      // Each mount opens on the route in the hash (history="hash" listens to hashchange; the dirty builder sets beforeunload).
      const routes = [
        { view: 'list', hash: '#/segments' },
        { view: 'details', hash: '#/segments/high-value-escalated' },
        { view: 'edit', hash: '#/segments/do-not-contact/edit' },
      ] as const;
      let peak = 0;
      const until = async (test: () => boolean, what: string) => {
        const end = performance.now() + 10_000;
        while (!test()) {
          if (performance.now() > end) throw new Error(`timed out: ${what}`);
          await new Promise((r) => setTimeout(r, 10));
        }
      };
      const shown = (el: Element, view: string) => {
        const root = el.shadowRoot;
        if (!root) return false;
        if (view === 'list') return !!root.querySelector('segment-list')?.shadowRoot?.querySelector('tbody tr[part~="row"]');
        if (view === 'details') return !!root.querySelector('member-preview')?.shadowRoot?.querySelector('tr[part="row"]');
        return !!root.querySelector('segment-builder')?.shadowRoot?.querySelector('[part="size"][aria-busy="false"]');
      };
      Object.assign(window, {
        e2eListeners: () => [...live.values()].reduce((n, s) => n + s.size, 0),
        e2ePeak: () => peak,
        /** Mount a workspace on the story's provider at each route in turn, wait for it to be shown, remove it. */
        e2eMount: async (times: number) => {
          for (let i = 0; i < times; i++) {
            const route = routes[i % routes.length]!;
            const el = document.createElement('segment-workspace') as HTMLElement & Record<string, unknown>;
            history.replaceState(null, '', route.hash);
            el.provider = story.provider;
            el.setAttribute('history', 'hash');
            el.setAttribute('draft-storage', 'none');
            el.setAttribute('storage-key', 'e2e-mount');
            document.body.append(el);
            await until(() => shown(el, route.view), `${route.view} shown (mount ${i + 1})`);
            if (route.view === 'edit') {
              // An unsaved change, as typing makes it: the workspace now guards the page with beforeunload.
              const input = el
                .shadowRoot!.querySelector('segment-builder')!
                .shadowRoot!.querySelector<HTMLInputElement>('#prop-displayName')!;
              input.value = `Changed ${i}`;
              input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
              await until(() => (el as unknown as { dirty: boolean }).dirty, 'unsaved changes');
            }
            peak = Math.max(
              peak,
              [...live.values()].reduce((n, s) => n + s.size, 0),
            );
            el.remove();
          }
          await new Promise((r) => setTimeout(r, 500)); // debounced and deferred work settles
        },
      });
    });
    await p.evaluate(() => (window as unknown as { e2eMount(n: number): Promise<void> }).e2eMount(6)); // every view's modules loaded, caches warm
    const listeners = () => p.evaluate(() => (window as unknown as { e2eListeners(): number }).e2eListeners());
    const before = { listeners: await listeners(), heap: await heap() };
    const started = performance.now();
    await p.evaluate(() => (window as unknown as { e2eMount(n: number): Promise<void> }).e2eMount(50));
    const took = performance.now() - started;
    const afterwards = { listeners: await listeners(), heap: await heap() };
    const grew = afterwards.heap - before.heap;
    await p.evaluate(() => (window as unknown as { e2eMount(n: number): Promise<void> }).e2eMount(50));
    const more = await heap();
    const again = more - afterwards.heap;
    const peak = await p.evaluate(() => (window as unknown as { e2ePeak(): number }).e2ePeak());
    console.log(
      `50 mounts (list, details, builder in turn) in ${Math.round(took)} ms; listeners ${before.listeners} → ${afterwards.listeners} (${peak} while mounted); heap ${(before.heap / 2 ** 20).toFixed(1)} → ${(afterwards.heap / 2 ** 20).toFixed(1)} MiB (${kib(grew)}), another 50: ${kib(again)}`,
    );
    assert.ok(peak > before.listeners, `a mounted workspace listens on window or document (${peak} at most)`);
    assert.equal(afterwards.listeners, before.listeners, 'the listeners on window and document are back to where they were');
    assert.ok(grew < 2 * 2 ** 20, `the heap grew by ${kib(grew)} over 50 mounts, under 2 MiB`);
    // Caches fill in the first 50; a leak keeps growing: 10 KiB a mount would be 500 KiB here.
    assert.ok(again < 512 * 1024, `the heap grew by ${kib(again)} over another 50 mounts, under 512 KiB`);
    await p.close();
  });
});

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
    const p = await context.newPage();
    const problems: string[] = [];
    p.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    p.on('response', (r) => {
      if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) problems.push(`HTTP ${r.status()}: ${r.url()}`);
    });
    p.on('console', (m) => {
      if (m.type() === 'error' && !/ResizeObserver loop|Failed to load resource/.test(m.text()))
        problems.push(`console error: ${m.text()}`);
    });
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
