/**
 * `<member-preview first-rows>` renders a page of members in two frames when its table was
 * empty: the first screen of rows at once, the others right after that frame is painted —
 * in the provider's order, and reachable from the keyboard; a new sort of a table already
 * shown renders every row at once; without `first-rows`, every row comes in one frame.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/member-preview/define.js';
import { FIRST_FRAME_ROWS, type MemberPreviewElement } from '../../src/elements/member-preview/member-preview.js';
import type { SegmentDocument } from '../../src/core/index.js';
import { createSampleProvider } from '../../src/sample/index.js';
import { until } from './fixtures.js';

const everyone: SegmentDocument = {
  schemaVersion: 1,
  id: 'everyone',
  name: 'Everyone',
  audience: 'Customer',
  rules: [{ where: { kind: 'condition', entity: 'Customer', attribute: 'CustomerId', operator: 'isNotEmpty' } }],
};
const provider = createSampleProvider({ customers: 300, historyDays: 0 });
const rowKeys = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('tbody tr[part~="row"]')].map((tr) => tr.dataset.key);

describe('<member-preview> rows in two frames', () => {
  it("shows the first screen of members, then all of them, in the provider's order", async () => {
    const counts: number[] = [];
    const wrap = await fixture<HTMLDivElement>(html`<div></div>`);
    const el: MemberPreviewElement = document.createElement('member-preview');
    el.provider = provider;
    el.segment = everyone;
    el.limit = 100;
    el.firstRows = FIRST_FRAME_ROWS;
    // Record the row count each time the table's rows change, as the frames show them.
    const watch = new MutationObserver(() => {
      const n = rowKeys(el).length;
      if (n && counts[counts.length - 1] !== n) counts.push(n);
    });
    wrap.append(el);
    await el.updateComplete;
    watch.observe(el.shadowRoot!, { childList: true, subtree: true });
    await until(() => rowKeys(el).length === 100, 5000, 'all 100 rows');
    watch.disconnect();
    expect(counts, `row counts as rendered: ${counts.join(' → ')}`).to.deep.equal([FIRST_FRAME_ROWS, 100]);
    const expected = (await provider.members(everyone, { limit: 100 })).rows.map((r) => String(r.CustomerId));
    expect(rowKeys(el)).to.deep.equal(expected);
    expect(el.shadowRoot!.querySelector('[part~="total"]')!.textContent).to.contain('100 of 300');
    await expect(el).to.be.accessible();

    // Ctrl+End from the first cell reaches the last member.
    el.shadowRoot!.querySelector<HTMLElement>('th.why')!.focus();
    await sendKeys({ press: 'Control+End' });
    const focused = el.shadowRoot!.activeElement as HTMLElement;
    expect(focused.closest('tr')?.dataset.key).to.equal(expected[99]);
  });

  it('without first-rows, every row comes in the first frame with rows', async () => {
    const counts: number[] = [];
    const wrap = await fixture<HTMLDivElement>(html`<div></div>`);
    const el: MemberPreviewElement = document.createElement('member-preview');
    el.provider = provider;
    el.segment = everyone;
    wrap.append(el);
    await el.updateComplete;
    const watch = new MutationObserver(() => {
      const n = rowKeys(el).length;
      if (n && counts[counts.length - 1] !== n) counts.push(n);
    });
    watch.observe(el.shadowRoot!, { childList: true, subtree: true });
    await until(() => rowKeys(el).length === 100, 5000, 'all 100 rows');
    watch.disconnect();
    expect(counts, `row counts as rendered: ${counts.join(' → ')}`).to.deep.equal([100]);
  });

  it('a new sort of a table already shown renders every row in one go', async () => {
    const el = await fixture<MemberPreviewElement>(
      html`<member-preview .provider=${provider} .segment=${everyone} limit="100" first-rows="30"></member-preview>`,
    );
    await until(() => rowKeys(el).length === 100, 5000, 'all 100 rows');
    const before = rowKeys(el);
    const counts: number[] = [];
    const watch = new MutationObserver(() => counts.push(rowKeys(el).length));
    watch.observe(el.shadowRoot!, { childList: true, subtree: true });
    el.shadowRoot!.querySelector<HTMLButtonElement>('th[data-column="CustomerId"] button')!.click();
    el.shadowRoot!.querySelector<HTMLButtonElement>('th[data-column="CustomerId"] button')!.click();
    await until(
      () => rowKeys(el).join() !== before.join() && el.shadowRoot!.querySelector('table[aria-busy="false"]') !== null,
      5000,
      'sorted',
    );
    watch.disconnect();
    expect(Math.min(...counts), `row counts while sorting: ${counts.join(', ')}`).to.equal(100);
  });
});
