/**
 * The end-to-end flow of the issue, as a person does it in the workspace story: create a
 * segment by mouse and keyboard (a related condition and a second rule) while the live count
 * follows, save it, find it in the list with its member count, open its details (trend,
 * members, why one member is in), download its CSV and check it against `provider.members`,
 * edit it and leave with unsaved changes (asked), and delete it after the warning about a
 * segment (made in the builder) that uses it. Screenshots of each step in test-results/e2e/.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Papa from 'papaparse';
import type { Locator, Page } from 'playwright-core';
import { SHOTS, watchedPage, type Harness, type WorkspaceInPage } from './harness.js';

export interface FlowOptions {
  harness: () => Promise<Harness>;
  /** The page of the workspace story. */
  url: (h: Harness) => Promise<string> | string;
  /** Screenshot names start with this. */
  shots: string;
}

const NAME = 'E2E big orders, escalated';
const USER = 'E2E uses big orders';

let page: Page;
let prefix = '';

/** The workspace (Playwright's CSS locators look through open shadow roots). */
const ws = () => page.locator('segment-workspace');
const builder = () => ws().locator('segment-builder');
const list = () => ws().locator('segment-list');
/** A screenshot of the whole page; of the viewport with a modal dialog open (its backdrop covers only the viewport). */
const shot = (name: string, fullPage = true) => page.screenshot({ path: join(SHOTS, `${prefix}${name}.png`), fullPage });
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
export function workspaceFlow(title: string, opts: FlowOptions): void {
  describe(title, { concurrency: false }, () => {
    let errors: string[] = [];
    before(async () => {
      const h = await opts.harness();
      ({ page, errors } = await watchedPage(h.context));
      prefix = opts.shots;
      await page.goto(await opts.url(h));
      await list().locator('tbody tr[part~="row"]').first().waitFor({ timeout: 30_000 });
    });
    after(() => page?.close());

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
        const ws = document.querySelector('segment-workspace') as unknown as WorkspaceInPage;
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
      const csv = readFileSync(await download.path(), 'utf8');
      assert.ok(csv.startsWith('\uFEFF'), 'the CSV starts with a BOM');
      const parsed = Papa.parse<string[]>(csv.slice(1).trimEnd(), { skipEmptyLines: false });
      assert.deepEqual(parsed.errors, [], 'the CSV parses');
      const [header, ...rows] = parsed.data;
      const expected = await page.evaluate(async (segmentId) => {
        const ws = document.querySelector('segment-workspace') as unknown as WorkspaceInPage;
        const doc = await ws.provider.getSegment(segmentId);
        const page = await ws.provider.members(doc, { limit: 1_000_000 });
        return { total: page.total, columns: page.columns.map((c) => ({ key: c.key, label: c.label })), rows: page.rows };
      }, id);
      assert.equal(expected.total, members);
      assert.equal(rows.length, expected.total, 'one CSV row per member');
      const keys = header!.map((label) => expected.columns.find((c) => c.label === label)?.key);
      assert.ok(keys.every(Boolean), `every CSV column is a provider column: ${header!.join(', ')}`);
      // Strings as they are; numbers and booleans as JSON writes them (as String does); objects as JSON.
      const cell = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));
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
        const ws = document.querySelector('segment-workspace') as unknown as WorkspaceInPage;
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
      const seen = errors.length;
      const gone = await page.evaluate(
        (segmentId) =>
          (document.querySelector('segment-workspace') as unknown as WorkspaceInPage).provider.getSegment(segmentId).then(
            () => '',
            (e: unknown) => (e as { code?: string }).code ?? String(e),
          ),
        id,
      );
      assert.equal(gone, 'not-found', 'deleted from the store');
      // That question's own answer (over HTTP, a 404) is not a page error.
      errors.splice(seen, errors.length - seen, ...errors.slice(seen).filter((e) => !/^HTTP 404: .*\/getSegment$/.test(e)));
      await shot('8-deleted');
    });

    it('reports no page errors along the way', () => {
      assert.deepEqual(errors, []);
    });
  });
}

async function assertText(locator: Locator, text: string) {
  await locator.filter({ hasText: text }).waitFor({ timeout: 10_000 });
}

async function optionLabel(select: Locator, name: string): Promise<string> {
  const labels = await select.locator('option').allTextContents();
  const found = labels.find((l) => l.includes(name));
  assert.ok(found, `an option for ${name} in ${labels.join(' | ')}`);
  return found.trim();
}
