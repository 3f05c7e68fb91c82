import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/segment-overlap/define.js';
import type { SegmentOverlapElement } from '../../src/elements/segment-overlap/segment-overlap.js';
import type { SegmentCreateDetail } from '../../src/elements/shared/events.js';
import {
  computeOverlap,
  SegmentProviderError,
  type CountResult,
  type SegmentDocument,
  type SegmentProvider,
} from '../../src/core/index.js';
import { createMemoryProvider } from '../../src/providers/memory/index.js';
import { createSampleProvider } from '../../src/sample/index.js';
import { catalog, data, NOW, until } from './fixtures.js';
import { $, $$, seg } from './list-fixtures.js';

const sample = createSampleProvider({ customers: 1000, seed: 1, historyDays: 0 });
const TWO = ['at-risk-customers', 'big-spenders'];
const THREE = ['at-risk-customers', 'big-spenders', 'web-active-30-days'];
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Region key → [count, share] as the table shows them. */
const tableCounts = (el: Element) =>
  Object.fromEntries(
    $$(el, 'tbody tr[part~="region-row"]').map((tr) => [
      tr.dataset.region,
      text(tr.querySelector('[data-column="count"]')).replace(/,/g, ''),
    ]),
  );
/** Region key → count as the diagram shows it (in the order of the regions). */
const diagramCounts = (el: Element) => $$(el, 'svg text.count').map((t) => text(t));
const loaded = (el: Element) => !!$(el, 'table[part~="table"]') && !$(el, '[aria-busy="true"]');

async function overlapEl(provider: SegmentProvider | undefined, ids: string[]) {
  const el = await fixture<SegmentOverlapElement>(html`<segment-overlap .provider=${provider} .segmentIds=${ids}></segment-overlap>`);
  return el;
}

async function loadedEl(provider: SegmentProvider, ids: string[]) {
  const el = await overlapEl(provider, ids);
  await until(() => loaded(el), 5000, 'the overlap');
  return el;
}

/** A provider that wraps another and counts through `count` (for faults and latency). */
function wrap(base: SegmentProvider, count: SegmentProvider['count']): SegmentProvider {
  return Object.assign(Object.create(base) as SegmentProvider, { count });
}

describe('<segment-overlap>', () => {
  it('shows the three regions of two segments with the counts computeOverlap gives, in the table and the diagram', async () => {
    const el = await loadedEl(sample, TWO);
    const expected = await computeOverlap(sample, TWO);
    expect(tableCounts(el)).to.deep.equal(Object.fromEntries(expected.regions.map((r) => [r.key, String(r.count)])));
    expect(diagramCounts(el)).to.deep.equal(expected.regions.map((r) => String(r.count)));
    expect(expected.regions[0]!.count, 'the sample pair overlaps').to.be.greaterThan(0);
    const rows = $$(el, 'tbody tr[part~="region-row"]');
    expect(rows.map((r) => r.dataset.region)).to.deep.equal(['AB', 'A', 'B']);
    expect(text(rows[0]!.querySelector('th'))).to.contain('“At risk” and “Big spenders (12 months)”');
    // Shares are of the union and add up to 100%.
    const shares = rows.map((r) => Number(text(r.querySelector('[data-column="share"]')).replace('%', '')));
    expect(Math.abs(shares.reduce((a, b) => a + b, 0) - 100)).to.be.lessThan(2);
    expect(text($(el, 'caption'))).to.contain(`${expected.union} customers`);
    expect(text($(el, '[part~="legend"]'))).to.contain(`At risk ${expected.sets[0]!.total} customers`);
    // The pickers show the chosen segments; the diagram is hidden from screen readers.
    expect($$<HTMLInputElement>(el, 'input[role="combobox"]').map((i) => i.value)).to.deep.equal(['At risk', 'Big spenders (12 months)']);
    expect($(el, 'svg')!.getAttribute('aria-hidden')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('shows the seven regions of three segments', async () => {
    const el = await loadedEl(sample, THREE);
    const expected = await computeOverlap(sample, THREE);
    expect(tableCounts(el)).to.deep.equal(Object.fromEntries(expected.regions.map((r) => [r.key, String(r.count)])));
    expect(diagramCounts(el)).to.deep.equal(expected.regions.map((r) => String(r.count)));
    expect($$(el, 'svg .region').length).to.equal(7);
    expect($$(el, 'svg circle.outline').length).to.equal(3);
    await expect(el).to.be.accessible();
  });

  it('highlights the region of the row hovered or focused (a class, no inline style)', async () => {
    const el = await loadedEl(sample, THREE);
    const row = $(el, 'tr[data-region="AC"]')!;
    row.dispatchEvent(new MouseEvent('mouseenter'));
    await el.updateComplete;
    expect($$(el, 'svg .region.active').map((g) => g.getAttribute('data-region'))).to.deep.equal(['AC']);
    expect(row.classList.contains('active')).to.equal(true);
    row.dispatchEvent(new MouseEvent('mouseleave'));
    await el.updateComplete;
    expect($$(el, 'svg .region.active').length).to.equal(0);
    $<HTMLButtonElement>(el, 'tr[data-region="B"] [part~="create"]')!.focus();
    await el.updateComplete;
    expect($$(el, 'svg .region.active').map((g) => g.getAttribute('data-region'))).to.deep.equal(['B']);
    expect($$(el, '[style]').length, 'no inline styles').to.equal(0);
  });

  it('Create segment emits segment-create with the compound document, which counts to the region through provider.count', async () => {
    const el = await loadedEl(sample, THREE);
    const expected = await computeOverlap(sample, THREE);
    for (const key of ['AB', 'C', 'ABC']) {
      const created = oneEvent(el, 'segment-create');
      $<HTMLButtonElement>(el, `tr[data-region="${key}"] [part~="create"]`)!.click();
      const ev = await created;
      const detail = ev.detail as SegmentCreateDetail;
      expect(detail.kind).to.equal('compound');
      if (detail.kind !== 'compound') return;
      const region = expected.regions.find((r) => r.key === key)!;
      expect(detail.segment.rules).to.deep.equal(region.segment.rules);
      expect(detail.segment.displayName).to.equal(region.label);
      expect(detail.segment.id, 'a new segment').to.equal(undefined);
      expect((await sample.count(detail.segment)).total).to.equal(region.count);
      expect(ev.bubbles && ev.composed).to.equal(true);
    }
  });

  it('keyboard: choose both segments in the pickers, move through the regions, create one', async () => {
    const el = await overlapEl(sample, []);
    await until(() => !!$(el, '[part~="fewer"]'), 3000, 'the choose state');
    await expect(el).to.be.accessible();
    const changes: string[][] = [];
    el.addEventListener('segment-overlap-change', (e) => changes.push(e.detail.segmentIds));
    const a = $<HTMLInputElement>(el, '#picker-0')!;
    a.focus();
    await sendKeys({ type: 'risk' });
    await el.updateComplete;
    expect(a.getAttribute('aria-expanded')).to.equal('true');
    expect($$(el, '#listbox-0 [role="option"]').map((o) => text(o))[0]).to.contain('At risk');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(a.value).to.equal('At risk');
    expect(a.getAttribute('aria-expanded')).to.equal('false');
    // B: open with ArrowDown, walk with the arrows to "Big spenders", choose with Enter.
    const b = $<HTMLInputElement>(el, '#picker-1')!;
    b.focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    const names = $$(el, '#listbox-1 [role="option"]').map((o) => o.dataset.id);
    expect(names).not.to.include('at-risk-customers'); // chosen in A
    const target = names.indexOf('big-spenders');
    for (let i = 0; i < target; i++) await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(b.getAttribute('aria-activedescendant')).to.equal(`option-${target}`);
    await sendKeys({ press: 'Enter' });
    expect(changes).to.deep.equal([['at-risk-customers'], TWO]);
    expect(el.segmentIds).to.deep.equal(TWO);
    await until(() => loaded(el), 5000, 'the overlap');
    // Tab into the table (past "Add a third segment"), then the arrows move through the regions.
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('add-third');
    await sendKeys({ press: 'Tab' });
    const focusedRegion = () => el.shadowRoot!.activeElement?.closest('tr')?.dataset.region;
    expect(focusedRegion()).to.equal('AB');
    await sendKeys({ press: 'ArrowDown' });
    expect(focusedRegion()).to.equal('A');
    await el.updateComplete;
    expect($$(el, 'svg .region.active').map((g) => g.getAttribute('data-region'))).to.deep.equal(['A']);
    await sendKeys({ press: 'End' });
    expect(focusedRegion()).to.equal('B');
    await sendKeys({ press: 'ArrowUp' });
    expect(focusedRegion()).to.equal('A');
    const created = oneEvent(el, 'segment-create');
    await sendKeys({ press: 'Enter' });
    const ev = await created;
    expect(ev.detail.kind).to.equal('compound');
    if (ev.detail.kind === 'compound') {
      expect(ev.detail.segment.rules).to.deep.equal([{ segment: 'at-risk-customers' }, { setOperator: 'except', segment: 'big-spenders' }]);
    }
  });

  it('keyboard: Escape closes a picker without choosing; a third segment is added and removed', async () => {
    const el = await loadedEl(sample, TWO);
    const changes: string[][] = [];
    el.addEventListener('segment-overlap-change', (e) => changes.push(e.detail.segmentIds));
    const a = $<HTMLInputElement>(el, '#picker-0')!;
    a.focus();
    await sendKeys({ type: 'lapsed' });
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(a.getAttribute('aria-expanded')).to.equal('false');
    expect(a.value).to.equal('At risk');
    expect(changes).to.deep.equal([]);
    $<HTMLButtonElement>(el, '[part~="add-third"]')!.click();
    await el.updateComplete;
    await el.updateComplete;
    const c = $<HTMLInputElement>(el, '#picker-2')!;
    expect(el.shadowRoot!.activeElement === c, 'focus moves to the new picker').to.equal(true);
    await sendKeys({ type: 'web' });
    await sendKeys({ press: 'Enter' });
    await until(() => $$(el, 'tbody tr').length === 7 && loaded(el), 5000, 'seven regions');
    expect(el.segmentIds).to.deep.equal(THREE);
    $<HTMLButtonElement>(el, '[part~="remove"]')!.click();
    await until(() => $$(el, 'tbody tr').length === 3 && loaded(el), 5000, 'back to three regions');
    expect(changes).to.deep.equal([TWO, THREE, TWO]);
  });

  it('setting segmentIds (or the segment-ids attribute) counts without firing segment-overlap-change', async () => {
    let fired = 0;
    const el = await fixture<SegmentOverlapElement>(
      html`<segment-overlap
        .provider=${sample}
        segment-ids="big-spenders lapsed-customers"
        @segment-overlap-change=${() => fired++}
      ></segment-overlap>`,
    );
    expect(el.segmentIds).to.deep.equal(['big-spenders', 'lapsed-customers']);
    await until(() => loaded(el), 5000, 'the overlap');
    el.segmentIds = TWO;
    await until(() => loaded(el) && text($(el, 'tbody th')).includes('At risk'), 5000, 'the new pair');
    expect(fired).to.equal(0);
  });

  it('segments with nothing in common: the note, and the regions', async () => {
    const el = await loadedEl(sample, ['big-spenders', 'lapsed-customers']);
    expect(text($(el, '[part~="disjoint"]'))).to.equal('These segments have no customers in common.');
    expect(tableCounts(el).AB).to.equal('0');
    await expect(el).to.be.accessible();
  });

  it('segments with no members: the empty state', async () => {
    const nobody = {
      rules: [
        {
          id: 'r1',
          where: {
            kind: 'condition' as const,
            id: 'c1',
            entity: 'Customer',
            attribute: 'City',
            operator: 'equals' as const,
            value: 'Nowhere',
          },
        },
      ],
    };
    const provider = createMemoryProvider({
      catalog,
      data,
      now: NOW,
      segments: [seg('none-1', 'Nobody one', nobody), seg('none-2', 'Nobody two', nobody)],
    });
    const el = await overlapEl(provider, ['none-1', 'none-2']);
    await until(() => !!$(el, '[part~="empty"]'), 5000, 'the empty state');
    expect(text($(el, '[part~="empty"]'))).to.equal('None of these segments has members.');
    await expect(el).to.be.accessible();
  });

  it('no provider, and loading', async () => {
    const none = await overlapEl(undefined, TWO);
    expect(text($(none, '[part~="state"]'))).to.equal('No data provider is connected.');
    await expect(none).to.be.accessible();
    const hanging = await overlapEl(
      wrap(sample, () => new Promise<never>(() => undefined)),
      TWO,
    );
    await until(() => !!$(hanging, '[part~="loading"]'), 3000, 'loading');
    expect($(hanging, '[part~="loading"]')!.getAttribute('role')).to.equal('status');
    await expect(hanging).to.be.accessible();
  });

  it('a provider that fails: the error with Retry, which counts again', async () => {
    let fail = true;
    const provider = wrap(sample, (doc, opts) =>
      fail ? Promise.reject(new SegmentProviderError('unavailable', 'The analytics service is down.')) : sample.count(doc, opts),
    );
    const el = await overlapEl(provider, TWO);
    await until(() => !!$(el, '[part~="error"]'), 3000, 'the error');
    expect(text($(el, '[part~="error"] p'))).to.contain('The analytics service is down.');
    expect($(el, '[part~="error"]')!.getAttribute('role')).to.equal('alert');
    await expect(el).to.be.accessible();
    fail = false;
    $<HTMLButtonElement>(el, '[part~="error"] [part~="retry"]')!.click();
    await until(() => loaded(el), 5000, 'counted after Retry');
    expect(tableCounts(el)).to.deep.equal(
      Object.fromEntries((await computeOverlap(sample, TWO)).regions.map((r) => [r.key, String(r.count)])),
    );
  });

  it('a segment id the provider does not have: an error naming it', async () => {
    const el = await overlapEl(sample, ['big-spenders', 'no-such-segment']);
    await until(() => !!$(el, '[part~="error"]'), 3000, 'the error');
    expect(text($(el, '[part~="error"] p'))).to.contain('There is no saved segment "no-such-segment"');
  });

  it('a list that fails: the pickers say so and Retry lists again', async () => {
    let fail = true;
    const provider = Object.assign(Object.create(sample) as SegmentProvider, {
      listSegments: (opts?: Parameters<SegmentProvider['listSegments']>[0]) =>
        fail ? Promise.reject(new SegmentProviderError('unavailable', 'The store is offline.')) : sample.listSegments(opts),
    });
    const el = await overlapEl(provider, []);
    await until(() => !!$(el, '[part~="error"]'), 3000, 'the list error');
    expect(text($(el, '[part~="error"] p'))).to.contain('The store is offline.');
    await expect(el).to.be.accessible();
    fail = false;
    $<HTMLButtonElement>(el, '[part~="retry"]')!.click();
    await until(() => !$(el, '[part~="error"]'), 3000, 'listed');
    $<HTMLInputElement>(el, '#picker-0')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect($$(el, '#listbox-0 [role="option"]').length).to.equal(sample.dataset.segments.length);
  });

  it('a store with more segments than the first page: what is typed is searched by the provider', async () => {
    const searches: string[] = [];
    const provider = Object.assign(Object.create(sample) as SegmentProvider, {
      listSegments: async (opts: Parameters<SegmentProvider['listSegments']>[0] = {}) => {
        if (opts.search) {
          searches.push(opts.search);
          return sample.listSegments(opts);
        }
        const all = await sample.listSegments({ ...opts, limit: 100 });
        return { total: all.total, items: all.items.slice(0, 2) }; // a first page of two
      },
    });
    const el = await overlapEl(provider, []);
    const a = $<HTMLInputElement>(el, '#picker-0')!;
    a.focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect($$(el, '#listbox-0 [role="option"]').length, 'the first page').to.equal(2);
    await sendKeys({ type: 'lapsed' });
    await until(() => $$(el, '#listbox-0 [role="option"]').some((o) => o.dataset.id === 'lapsed-customers'), 3000, 'the search');
    expect(searches.at(-1)).to.equal('lapsed');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(a.value).to.equal('Lapsed customers');
    expect(el.segmentIds).to.deep.equal(['lapsed-customers']);
  });

  it('out-of-order answers: a slow answer for the old segments never replaces the new one', async () => {
    const delays = new Map<string, number>([['lapsed-customers', 300]]);
    const aborted: string[] = [];
    const provider = wrap(sample, (doc: SegmentDocument, opts = {}) => {
      const slow = doc.rules.some((r) => r.segment && delays.has(r.segment));
      return new Promise<CountResult>((resolve, reject) => {
        const timer = setTimeout(() => void sample.count(doc).then(resolve, reject), slow ? 300 : 5);
        // This provider ignores its signal for the answer (it still answers late) but notes the abort.
        opts.signal?.addEventListener('abort', () => aborted.push(doc.name ?? ''));
        void timer;
      });
    });
    const el = await overlapEl(provider, ['big-spenders', 'lapsed-customers']);
    await new Promise((r) => setTimeout(r, 40));
    el.segmentIds = TWO;
    await until(() => loaded(el), 5000, 'the new pair');
    const expected = Object.fromEntries((await computeOverlap(sample, TWO)).regions.map((r) => [r.key, String(r.count)]));
    expect(tableCounts(el)).to.deep.equal(expected);
    await new Promise((r) => setTimeout(r, 400)); // the old, slow answers arrive now
    expect(tableCounts(el)).to.deep.equal(expected);
    expect(text($(el, 'tbody th'))).to.contain('At risk');
    expect(aborted.length, 'the superseded calls were aborted').to.be.greaterThan(0);
  });

  it('hostile segment names stay text, in the pickers, the legend and the table', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const provider = Object.assign(Object.create(sample) as SegmentProvider, {
      listSegments: async (opts?: Parameters<SegmentProvider['listSegments']>[0]) => {
        const list = await sample.listSegments(opts);
        return { ...list, items: list.items.map((s) => (s.id === 'big-spenders' ? { ...s, displayName: hostile } : s)) };
      },
    });
    const el = await loadedEl(provider, TWO);
    expect($$(el, 'img').length).to.equal(0);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    expect($<HTMLInputElement>(el, '#picker-1')!.value).to.equal(hostile);
    expect(text($(el, '[part~="legend"]'))).to.contain(hostile);
    expect(text($(el, 'tr[data-region="AB"] th'))).to.contain(`“At risk” and “${hostile}”`);
    const created = oneEvent(el, 'segment-create');
    $<HTMLButtonElement>(el, 'tr[data-region="B"] [part~="create"]')!.click();
    const ev = await created;
    if (ev.detail.kind === 'compound') expect(ev.detail.segment.name).to.match(/^[A-Za-z_][A-Za-z0-9_]*$/);
  });

  it('right-to-left: the diagram is mirrored, A on the right as its picker is', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div dir="rtl"><segment-overlap .provider=${sample} .segmentIds=${TWO}></segment-overlap></div>`,
    );
    const el = wrapper.querySelector('segment-overlap')!;
    await until(() => loaded(el), 5000, 'the overlap');
    const [a, b] = $$(el, 'svg circle.outline').map((c) => Number(c.getAttribute('cx')));
    expect(a!).to.be.greaterThan(b!);
    await expect(el).to.be.accessible();
  });
});
