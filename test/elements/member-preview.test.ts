import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/member-preview/define.js';
import type { MemberPreviewElement } from '../../src/elements/member-preview/member-preview.js';
import { SegmentProviderError, type MembersResult, type SegmentDocument, type SegmentProvider } from '../../src/core/index.js';
import { createMemoryProvider } from '../../src/providers/memory/index.js';
import { catalog, data, doNotContact, example, memoryProvider, NOW, until } from './fixtures.js';

const shadow = (el: Element) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => shadow(el).querySelector<T>(sel);
const $$ = <T extends Element = HTMLElement>(el: Element, sel: string) => [...shadow(el).querySelectorAll<T>(sel)];
const keys = (el: Element) => $$(el, 'tbody tr[part~="row"]').map((tr) => tr.dataset.key);
const cell = (el: Element, key: string, column: string) =>
  $(el, `tr[data-key="${key}"] td[data-column="${column}"]`)!.textContent.replace(/\s+/g, ' ').trim();
const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Every customer who has a city. */
const everyone: SegmentDocument = {
  schemaVersion: 1,
  id: 'everyone',
  name: 'Everyone',
  displayName: 'Everyone',
  audience: 'Customer',
  rules: [{ id: 'r1', where: { kind: 'condition', id: 'c1', entity: 'Customer', attribute: 'CustomerId', operator: 'isNotEmpty' } }],
};
const nobody: SegmentDocument = {
  ...everyone,
  id: 'nobody',
  rules: [
    { id: 'r1', where: { kind: 'condition', id: 'c1', entity: 'Customer', attribute: 'City', operator: 'equals', value: 'Nowhere' } },
  ],
};

async function preview(
  provider: SegmentProvider | undefined,
  segment: SegmentDocument | undefined,
  extra: { limit?: number; columns?: string[] } = {},
) {
  const el = await fixture<MemberPreviewElement>(
    html`<member-preview .provider=${provider} .segment=${segment} .columns=${extra.columns} limit=${extra.limit ?? 100}></member-preview>`,
  );
  await until(() => !$(el, '[part~="loading"]') && !$(el, 'table[aria-busy="true"]'), 3000, 'loaded');
  return el;
}

function spyDownloads() {
  const blobs: Blob[] = [];
  const create = URL.createObjectURL;
  const click = HTMLAnchorElement.prototype.click;
  URL.createObjectURL = (obj: Blob | MediaSource) => {
    blobs.push(obj as Blob);
    return create.call(URL, obj);
  };
  HTMLAnchorElement.prototype.click = function () {};
  return {
    blobs,
    restore: () => {
      URL.createObjectURL = create;
      HTMLAnchorElement.prototype.click = click;
    },
  };
}

describe('<member-preview>', () => {
  it('renders the members with their columns and the total', async () => {
    const el = await preview(memoryProvider(), everyone);
    expect(keys(el)).to.deep.equal(['C1', 'C2', 'C3', 'C4']);
    expect($$(el, 'thead th[scope="col"][data-column]').length).to.be.greaterThan(3);
    expect(text($(el, '[part~="total"]'))).to.equal('4 of 4');
    expect($(el, '[part~="see-more"]')).to.equal(null);
    expect($(el, 'table')!.getAttribute('aria-label')).to.equal('Everyone');
    await expect(el).to.be.accessible();
  });

  it('formats numbers, dates, booleans and empty values', async () => {
    const el = await preview(memoryProvider(), everyone);
    expect(cell(el, 'C1', 'CreditBalance')).to.equal('2,500');
    expect(cell(el, 'C1', 'BirthDate')).to.equal('Nov 20, 1980');
    expect(cell(el, 'C2', 'BirthDate')).to.equal('—');
    expect(cell(el, 'C1', 'DoNotContact')).to.equal('No');
    expect(cell(el, 'C2', 'DoNotContact')).to.equal('Yes');
  });

  it('formats a date with a time as date and time, in UTC', async () => {
    const rows = [{ CustomerId: 'T1', Seen: '2026-03-04T15:30:00Z' }];
    const fake: SegmentProvider = {
      ...memoryProvider(),
      members: () =>
        Promise.resolve({
          total: 1,
          columns: [
            { key: 'CustomerId', label: 'Customer id', entity: 'Customer', attribute: 'CustomerId', type: 'string' },
            { key: 'Seen', label: 'Seen', entity: 'Customer', attribute: 'Seen', type: 'date' },
          ],
          rows,
        }),
    };
    const el = await preview(fake, everyone);
    expect(cell(el, 'T1', 'Seen')).to.equal('Mar 4, 2026, 3:30 PM');
  });

  it('shows the chosen columns in the chosen order', async () => {
    const el = await preview(memoryProvider(), everyone, { columns: ['City', 'CustomerId'] });
    expect($$(el, 'thead th[data-column]').map((th) => th.dataset.column)).to.deep.equal(['City', 'CustomerId']);
  });

  it('sorts through the provider when a header is clicked, with aria-sort', async () => {
    const el = await preview(memoryProvider(), everyone);
    const th = () => $(el, 'th[data-column="CreditBalance"]')!;
    th().querySelector('button')!.click();
    await until(() => keys(el).join() === 'C2,C4,C3,C1', 3000, 'ascending');
    expect(th().getAttribute('aria-sort')).to.equal('ascending');
    th().querySelector('button')!.click();
    await until(() => keys(el).join() === 'C1,C3,C4,C2', 3000, 'descending');
    expect(th().getAttribute('aria-sort')).to.equal('descending');
    expect($(el, 'th[data-column="City"]')!.getAttribute('aria-sort')).to.equal('none');
  });

  it('fires member-preview-see-more with the segment and total', async () => {
    const el = await preview(memoryProvider(), everyone, { limit: 2 });
    expect(keys(el).length).to.equal(2);
    expect(text($(el, '[part~="total"]'))).to.equal('2 of 4');
    setTimeout(() => $(el, '[part~="see-more"]')!.click());
    const ev = await oneEvent(el, 'member-preview-see-more');
    expect(ev.detail.total).to.equal(4);
    expect(ev.detail.segment === everyone).to.equal(true);
    expect(ev.bubbles && ev.composed).to.equal(true);
  });

  describe('download', () => {
    let spy: ReturnType<typeof spyDownloads>;
    const win = window as unknown as { showSaveFilePicker?: unknown };
    let had: unknown;
    beforeEach(() => {
      had = win.showSaveFilePicker;
      win.showSaveFilePicker = undefined;
      spy = spyDownloads();
    });
    afterEach(() => {
      spy.restore();
      win.showSaveFilePicker = had;
    });

    it('streams every member to a CSV Blob: BOM, header, one row each, and announces it', async () => {
      const el = await preview(memoryProvider(), everyone, { limit: 1 });
      $(el, '[part~="download"]')!.click();
      await until(() => spy.blobs.length === 1 && !$(el, '[part~="progress"]'), 3000, 'blob');
      const bytes = new Uint8Array(await spy.blobs[0]!.arrayBuffer());
      expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
      const csv = (await spy.blobs[0]!.text()).replace(/^\uFEFF/, '');
      const records = csv.split('\r\n').slice(0, -1);
      expect(records[0]).to.contain('Customer');
      expect(records.length).to.equal(5);
      await until(() => text($(el, '[role="status"]')).includes('Download complete'), 3000, 'announced');
    });

    it('shows progress and cancels: nothing is downloaded', async () => {
      const el = await preview(memoryProvider({ latency: 200 }), everyone);
      $(el, '[part~="download"]')!.click();
      await until(() => !!$(el, '[part~="progress"]'), 3000, 'progress');
      expect($(el, 'progress')!.getAttribute('max')).to.equal('4');
      $(el, '[part~="cancel"]')!.click();
      await until(() => !$(el, '[part~="progress"]'), 3000, 'stopped');
      await new Promise((r) => setTimeout(r, 300));
      expect(spy.blobs.length).to.equal(0);
      expect(text($(el, '[role="status"]'))).to.contain('cancelled');
      expect($(el, '[part~="download"]')).to.not.equal(null);
    });
  });

  describe('explain', () => {
    it('expands a row (keyboard too) to show why the member is in: every rule ✓', async () => {
      const el = await preview(memoryProvider(), doNotContact);
      expect(keys(el)).to.deep.equal(['C2', 'C4']);
      const button = $<HTMLButtonElement>(el, 'tr[data-key="C2"] [part~="explain-button"]')!;
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      button.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => !!$(el, '.explain'), 3000, 'explanation');
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      const x = $(el, '.explain')!;
      expect(x.dataset.member).to.equal('true');
      const rules = [...x.querySelectorAll<HTMLElement>('li.rule')];
      expect(rules.length).to.equal(1);
      expect(rules.every((r) => r.dataset.result === 'true')).to.equal(true);
      expect(text(x)).to.contain('✓');
      expect(text(x.querySelector('li[data-path]'))).to.contain('Do not contact');
      expect(text(x.querySelector('li[data-path]'))).to.contain('Yes');
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Space' });
      await until(() => !$(el, '.explain'), 3000, 'collapsed');
      expect(button.getAttribute('aria-expanded')).to.equal('false');
    });

    it('explains a nested segment: conditions with their operator and value', async () => {
      const el = await preview(memoryProvider(), example());
      const first = keys(el)[0]!;
      $(el, `tr[data-key="${first}"] [part~="explain-button"]`)!.click();
      await until(() => !!$(el, '.explain'), 3000, 'explanation');
      const t = text($(el, '.explain'));
      expect(t).to.contain('Total amount');
      expect(t).to.contain('Total amount is greater than 500');
      expect(t).to.contain('Order date is in the last 90 days');
      expect(t).to.contain('(at least 1)');
      expect($$(el, '.explain li.rule').length).to.equal(3);
    });

    it("says what decided: the values, the condition, the verdict, and each rule's set operator", async () => {
      const el = await preview(memoryProvider(), example());
      $(el, 'tr[data-key="C1"] [part~="explain-button"]')!.click();
      await until(() => !!$(el, '.explain li.rule'), 3000, 'explanation');
      // A line as seen: its own text, without the nested lines or the words for screen readers ("true:").
      const line = (path: string) => {
        const li = $(el, `.explain li[data-path="${path}"]`)!.cloneNode(true) as HTMLElement;
        li.querySelectorAll('ul, .visually-hidden').forEach((n) => n.remove());
        return text(li);
      };
      expect(line('/rules/0/where')).to.equal(
        '✓ Orders where Total amount is greater than 500 and Order date is in the last 90 days: 1 of 1 (at least 1)',
      );
      expect(line('/rules/0/where/where/children/0')).to.equal('✓ Total amount: 600 (is greater than 500) — 1 of 1 Order');
      expect(line('/rules/0/where/where/children/1')).to.equal('✓ Order date: Oct 1, 2026 (is in the last 90 days) — 1 of 1 Order');
      const rules = $$(el, '.explain li.rule').map((r) => text(r.querySelector('strong')));
      expect(rules).to.deep.equal(['Rule 1', 'and also in Rule 2', 'but not in Rule 3: members of do-not-contact']);
      expect(text($(el, '.explain li.rule[data-rule="2"]'))).to.contain('does not match; in the segment so far');
    });

    it('a provider that gives no values: the conditions alone', async () => {
      const p = memoryProvider();
      const fake: SegmentProvider = {
        ...p,
        explain: async (segment, key, opts) => {
          const x = await p.explain(segment, key, opts);
          return { ...x, rules: x.rules.map((r) => ({ ...r, nodes: r.nodes.map(({ values: _values, ...n }) => n) })) };
        },
      };
      const el = await preview(fake, example());
      $(el, 'tr[data-key="C1"] [part~="explain-button"]')!.click();
      await until(() => !!$(el, '.explain li.rule'), 3000, 'explanation');
      const amount = text($(el, '.explain li[data-path="/rules/0/where/where/children/0"]'));
      expect(amount).to.contain('Total amount is greater than 500 — 1 of 1 Order');
      expect(amount).to.not.contain('no value');
    });

    it('a non-member: the value that failed, with ✗', async () => {
      const el = await preview(memoryProvider(), example());
      const input = $<HTMLInputElement>(el, '[part~="explain-form"] input')!;
      input.value = 'C3';
      $<HTMLButtonElement>(el, '[part~="explain-form"] button[type="submit"]')!.click();
      await until(() => !!$(el, '.another .explain li.rule'), 3000, 'explanation');
      const date = $(el, '.another li[data-path="/rules/0/where/where/children/1"]')!;
      expect(date.dataset.result).to.equal('false');
      expect(text(date)).to.contain('✗');
      expect(text(date)).to.contain('Order date: Jan 1, 2025 (is in the last 90 days) — 0 of 1 Order');
      expect(text($(el, '.another li[data-path="/rules/0/where"]'))).to.contain(': 0 of 1 (at least 1)');
      expect(text($(el, '.another li.rule[data-rule="0"]'))).to.contain('not in the segment so far');
    });

    it('explains a customer who is not in the segment: ✗', async () => {
      const el = await preview(memoryProvider(), doNotContact);
      const input = $<HTMLInputElement>(el, '[part~="explain-form"] input')!;
      input.value = 'C1';
      $<HTMLButtonElement>(el, '[part~="explain-form"] button[type="submit"]')!.click();
      await until(() => !!$(el, '.another .explain'), 3000, 'explanation');
      const x = $(el, '.another .explain')!;
      expect(x.dataset.member).to.equal('false');
      expect(text(x)).to.contain('✗');
      expect(text(x)).to.contain('C1 is not in the segment');
      expect(x.querySelector<HTMLElement>('li.rule')!.dataset.result).to.equal('false');
      input.value = 'nobody-has-this';
      $<HTMLButtonElement>(el, '[part~="explain-form"] button[type="submit"]')!.click();
      await until(() => text($(el, '.another .explain')).includes('No customer has the key'), 3000, 'not found');
    });

    it('hides explaining when the provider has no explain', async () => {
      const { explain: _explain, ...rest } = memoryProvider();
      void _explain;
      const el = await preview(rest, everyone);
      expect($(el, '[part~="explain-button"]')).to.equal(null);
      expect($(el, '[part~="explain-form"]')).to.equal(null);
    });
  });

  describe('states', () => {
    it('an empty segment: "No customers match"', async () => {
      const el = await preview(memoryProvider(), nobody);
      expect(text($(el, '[part~="empty"]'))).to.equal('No customers match');
      await expect(el).to.be.accessible();
    });

    it('an invalid segment: "Fix the segment to see members"', async () => {
      const bad: SegmentDocument = {
        ...everyone,
        rules: [{ where: { kind: 'condition', entity: 'Customer', attribute: 'Nope', operator: 'equals', value: 1 } }],
      };
      const el = await preview(memoryProvider(), bad);
      expect(text($(el, '[part~="invalid"]'))).to.equal('Fix the segment to see members');
    });

    it('a provider invalid-segment error is the invalid state too', async () => {
      const p = memoryProvider();
      const fake: SegmentProvider = {
        ...p,
        getCatalog: () => Promise.reject(new Error('no')),
        members: () => Promise.reject(new SegmentProviderError('invalid-segment', 'bad')),
      };
      const el = await preview(fake, everyone);
      expect($(el, '[part~="invalid"]')).to.not.equal(null);
    });

    it('no provider', async () => {
      const el = await fixture<MemberPreviewElement>(html`<member-preview .segment=${everyone}></member-preview>`);
      expect(text($(el, '[part~="state"]'))).to.contain('No data provider');
    });

    it('a provider failure shows an alert with Retry, which loads again', async () => {
      const p = memoryProvider();
      let fail = true;
      const fake: SegmentProvider = {
        ...p,
        members: (s, o) => (fail ? Promise.reject(new SegmentProviderError('unavailable', 'The server is down.')) : p.members(s, o)),
      };
      const el = await preview(fake, everyone);
      const alert = $(el, '[role="alert"]')!;
      expect(text(alert)).to.contain('The server is down.');
      await expect(el).to.be.accessible();
      fail = false;
      $(el, '[part~="retry"]')!.click();
      await until(() => keys(el).length === 4, 3000, 'rows after retry');
      expect($(el, '[role="alert"]')).to.equal(null);
    });

    it('out-of-order answers: a late stale answer never shows', async () => {
      const p = memoryProvider();
      const pending: { segment: SegmentDocument; resolve: (r: MembersResult) => void }[] = [];
      const fake: SegmentProvider = {
        ...p,
        members: (segment) => new Promise<MembersResult>((resolve) => pending.push({ segment, resolve })),
      };
      const el = await fixture<MemberPreviewElement>(html`<member-preview .provider=${fake} .segment=${everyone}></member-preview>`);
      await until(() => pending.length === 1, 3000, 'first call');
      el.segment = doNotContact;
      await until(() => pending.length === 2, 3000, 'second call');
      // the newer answer first, then the stale one
      pending[1]!.resolve(await p.members(doNotContact));
      await until(() => keys(el).join() === 'C2,C4', 3000, 'newer rows');
      pending[0]!.resolve(await p.members(everyone));
      await new Promise((r) => setTimeout(r, 50));
      expect(keys(el)).to.deep.equal(['C2', 'C4']);
      expect(text($(el, '[part~="total"]'))).to.equal('2 of 2');
    });

    it('shows a hostile value as text, never markup', async () => {
      const hostile = '<img src=x onerror=alert(1)>';
      const provider = createMemoryProvider({
        catalog,
        data: { ...data, Customer: [{ ...data.Customer[0]!, City: hostile }] },
        now: NOW,
      });
      const el = await preview(provider, everyone);
      expect(cell(el, 'C1', 'City')).to.equal(hostile);
      expect(shadow(el).querySelector('img')).to.equal(null);
      const input = $<HTMLInputElement>(el, '[part~="explain-form"] input')!;
      input.value = hostile;
      $<HTMLButtonElement>(el, '[part~="explain-form"] button[type="submit"]')!.click();
      await until(() => !!$(el, '.another .explain'), 3000, 'explanation');
      expect(text($(el, '.another .explain'))).to.contain(hostile);
      expect(shadow(el).querySelector('img')).to.equal(null);
    });
  });
});
