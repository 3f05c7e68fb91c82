import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/segment-list/define.js';
import type { SegmentListElement } from '../../src/elements/segment-list/segment-list.js';
import type { SegmentProvider } from '../../src/core/index.js';
import { until } from './fixtures.js';
import { $, $$, defaultSegments, seg, shadow, store } from './list-fixtures.js';

const ids = (el: Element) => $$(el, 'tbody tr[part~="row"]').map((tr) => tr.dataset.id);
const cellText = (el: Element, id: string, column: string) =>
  $(el, `tr[data-id="${id}"] td[data-column="${column}"]`)!.textContent.replace(/\s+/g, ' ').trim();

async function list(provider: SegmentProvider = store(), extra = '') {
  const el = await fixture<SegmentListElement>(html`<segment-list .provider=${provider} page-size="50"></segment-list>`);
  void extra;
  await until(() => $$(el, 'tbody tr[part~="row"]').length > 0 || !!$(el, '[part~="state"]:not(:empty)'), 3000, 'rows');
  await until(() => !el.shadowRoot!.querySelector('table[aria-busy="true"]'), 3000, 'not busy');
  await el.updateComplete;
  return el;
}

describe('<segment-list>', () => {
  it('shows the saved segments with their columns', async () => {
    const el = await list();
    expect(ids(el)).to.have.length(4);
    expect(cellText(el, 'bravo', 'name'))
      .to.contain('Bravo lapsed')
      .and.contain('bravo');
    expect(cellText(el, 'charlie', 'state')).to.equal('Active');
    expect(cellText(el, 'charlie', 'status')).to.contain('Succeeded');
    expect(cellText(el, 'alpha', 'status')).to.contain('Not started');
    expect(cellText(el, 'do-not-contact', 'usedBy'))
      .to.contain('1 segment')
      .and.contain('Charlie users');
    expect(cellText(el, 'alpha', 'tags'))
      .to.contain('loyalty')
      .and.contain('spring');
    expect(cellText(el, 'alpha', 'type')).to.equal('Dynamic');
  });

  it('sorts by a column through the provider, both ways, and shows it with aria-sort', async () => {
    const el = await list();
    const th = () => $(el, 'th[data-column="name"]')!;
    expect(th().getAttribute('aria-sort')).to.equal('none');
    $(el, 'th[data-column="name"] button')!.click();
    await until(() => th().getAttribute('aria-sort') === 'ascending');
    await until(() => ids(el)[0] === 'alpha');
    expect(ids(el)).to.deep.equal(['alpha', 'bravo', 'charlie', 'do-not-contact']);
    $(el, 'th[data-column="name"] button')!.click();
    await until(() => ids(el)[0] === 'do-not-contact');
    expect(th().getAttribute('aria-sort')).to.equal('descending');
    expect(el.view.sort).to.deep.equal({ key: 'name', direction: 'desc' });
  });

  it('searches name and display name, debounced, and reports the view', async () => {
    const el = await list();
    const input = $<HTMLInputElement>(el, 'input[part~="search"]')!;
    input.focus();
    const changes: string[] = [];
    el.addEventListener('segment-list-view-change', (e) => changes.push(e.detail.view.search));
    await sendKeys({ type: 'CHAR' });
    expect(changes).to.deep.equal(['C', 'CH', 'CHA', 'CHAR']);
    expect(el.view.search).to.equal('CHAR');
    await until(() => ids(el).length === 1);
    expect(ids(el)).to.deep.equal(['charlie']);
  });

  it('filters on tags picked from those in use', async () => {
    const el = await list();
    $(el, '[part~="tag-filter"]')!.click();
    await until(() => $$(el, '#tag-panel input[type="checkbox"]').length === 3);
    const loyalty = $$<HTMLInputElement>(el, '#tag-panel label')
      .find((l) => l.textContent.includes('loyalty'))!
      .querySelector('input')!;
    loyalty.click();
    await until(() => ids(el).length === 2);
    expect(ids(el).sort()).to.deep.equal(['alpha', 'bravo']);
    expect($(el, '[part~="tag-filter"]')!.textContent).to.contain('Tags (1)');
  });

  it('shows "no match" with a way back, keeping the search', async () => {
    const el = await list();
    el.view = { ...el.view, search: 'zzz' };
    await until(() => !!$(el, '[part~="state"]') && ids(el).length === 0);
    expect($(el, '[part~="state"]')!.textContent).to.contain('No segment matches');
    $(el, '[part~="state"] button')!.click();
    await until(() => ids(el).length === 4);
  });

  it('shows the empty store with a call to create the first segment', async () => {
    const el = await list(store([]));
    expect($(el, '[part~="state"]')!.textContent).to.contain('No segments yet');
    const created = oneEvent(el, 'segment-create');
    $(el, '[part~="state"] button')!.click();
    expect((await created).detail).to.deep.equal({ kind: 'blank' });
  });

  it('selects with a checkbox, a Shift+click range and select all', async () => {
    const el = await list();
    const boxes = () => $$<HTMLInputElement>(el, 'input[part~="row-select"]');
    boxes()[0]!.click();
    await el.updateComplete;
    boxes()[2]!.dispatchEvent(new MouseEvent('click', { shiftKey: true, bubbles: true, composed: true }));
    await el.updateComplete;
    expect(el.selectedIds).to.have.length(3);
    expect($(el, '[part~="bulk-bar"]')!.textContent).to.contain('3 selected');
    const all = $<HTMLInputElement>(el, 'input[part~="select-all"]')!;
    all.click();
    await el.updateComplete;
    expect(el.selectedIds).to.have.length(4);
    expect(all.checked).to.equal(true);
    all.click();
    await el.updateComplete;
    expect(el.selectedIds).to.have.length(0);
    expect($(el, '[part~="bulk-bar"]')).to.equal(null);
  });

  it('deactivates the selection in bulk, after a cancelable request, then reports the change', async () => {
    const provider = store();
    const el = await list(provider);
    $(el, 'tr[data-id="charlie"] input[part~="row-select"]')!.click();
    await el.updateComplete;
    const request = oneEvent(el, 'segment-update-request');
    const changed = oneEvent(el, 'segments-changed');
    $(el, '[part~="bulk-bar"] button[data-action="deactivate"]')!.click();
    expect((await request).detail).to.deep.equal({ ids: ['charlie'], patch: { state: 'inactive' } });
    const done = (await changed).detail;
    expect(done.action).to.equal('update');
    expect(done.items[0]!.state).to.equal('inactive');
    await until(() => cellText(el, 'charlie', 'state') === 'Inactive');
    expect(el.selectedIds).to.deep.equal(['charlie']);
  });

  it('does nothing itself when the host cancels the request', async () => {
    const provider = store();
    const el = await list(provider);
    el.addEventListener('segment-update-request', (e) => e.preventDefault());
    $(el, 'tr[data-id="charlie"] input[part~="row-select"]')!.click();
    await el.updateComplete;
    $(el, '[part~="bulk-bar"] button[data-action="deactivate"]')!.click();
    await new Promise((r) => setTimeout(r, 50));
    const { items } = await provider.listSegments({ search: 'charlie' });
    expect(items[0]!.state).to.equal('active');
  });

  it('says a draft cannot be activated, in the row menu', async () => {
    const draft = seg('delta', 'Delta draft', {
      rules: [{ id: 'r1', where: { kind: 'condition', id: 'c1', entity: 'Customer', attribute: 'Nope', operator: 'isTrue' } }],
    });
    const el = await list(store([...defaultSegments(), draft]));
    expect(cellText(el, 'delta', 'status'))
      .to.contain('Draft')
      .and.contain('Fix it in the builder to activate it');
    $(el, 'tr[data-id="delta"] [part~="row-menu-button"]')!.click();
    await until(() => !!$(el, '#row-menu'));
    const activate = $(el, '#row-menu [data-action="activate"]')!;
    expect(activate.getAttribute('aria-disabled')).to.equal('true');
    expect(activate.textContent).to.contain('cannot be activated');
    activate.click();
    await el.updateComplete;
    expect($(el, '#row-menu')).to.not.equal(null);
  });

  it('opens the row menu from the keyboard, moves with arrows and returns focus on Escape', async () => {
    const el = await list();
    const button = $(el, 'tr[data-id="alpha"] [part~="row-menu-button"]')!;
    button.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => !!$(el, '#row-menu'));
    await el.updateComplete;
    const items = $$(el, '#row-menu [role="menuitem"]');
    const active = () => shadow(el).activeElement;
    expect(active() === items[0], 'first item focused').to.equal(true);
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    await sendKeys({ press: 'ArrowDown' });
    expect(active() === items[1], 'second item focused').to.equal(true);
    await sendKeys({ press: 'End' });
    expect(active() === items[items.length - 1], 'last item focused').to.equal(true);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect($(el, '#row-menu')).to.equal(null);
    expect(active() === button, 'focus back on the menu button').to.equal(true);
  });

  it('asks before deleting, names the segments that use it, and can still go ahead', async () => {
    const provider = store();
    const el = await list(provider);
    $(el, 'tr[data-id="do-not-contact"] [part~="row-menu-button"]')!.click();
    await until(() => !!$(el, '#row-menu'));
    $(el, '#row-menu [data-action="delete"]')!.click();
    await until(() => !!$<HTMLDialogElement>(el, 'dialog')?.open);
    const dialog = $<HTMLDialogElement>(el, 'dialog')!;
    expect(dialog.textContent).to.contain('Delete 1 segment?');
    expect($(el, '[part~="used-by-warning"]')!.textContent).to.contain('“Do not contact” is used by “Charlie users”');
    const request = oneEvent(el, 'segment-delete-request');
    $(el, 'dialog button[data-action="confirm"]')!.click();
    expect((await request).detail).to.deep.equal({ ids: ['do-not-contact'], usedBy: { 'do-not-contact': ['charlie'] } });
    await until(() => !ids(el).includes('do-not-contact'));
    await until(() => cellText(el, 'charlie', 'status').includes('Draft'));
    expect($(el, 'dialog')).to.equal(null);
  });

  it('renames through a dialog', async () => {
    const el = await list();
    $(el, 'tr[data-id="alpha"] [part~="row-menu-button"]')!.click();
    await until(() => !!$(el, '#row-menu'));
    $(el, '#row-menu [data-action="rename"]')!.click();
    await until(() => !!$<HTMLDialogElement>(el, 'dialog')?.open);
    const input = $<HTMLInputElement>(el, 'dialog input[name="displayName"]')!;
    input.value = '';
    $(el, 'dialog button[data-action="confirm"]')!.click();
    await until(() => $(el, '#dialog-error')!.textContent.includes('Enter a display name'));
    input.value = 'Alpha <b>best</b> buyers';
    $(el, 'dialog button[data-action="confirm"]')!.click();
    await until(() => cellText(el, 'alpha', 'name').includes('Alpha <b>best</b> buyers'));
    expect($(el, 'tr[data-id="alpha"] b')).to.equal(null);
  });

  it('pages through the provider', async () => {
    const many = Array.from({ length: 7 }, (_, i) => seg(`s${i}`, `Segment ${i}`));
    const el = await fixture<SegmentListElement>(html`<segment-list .provider=${store(many)} page-size="3"></segment-list>`);
    await until(() => ids(el).length === 3);
    expect($(el, '[part~="pager"]')!.textContent).to.contain('1–3 of 7');
    $(el, '[part~="pager"] button[aria-label="Next page"]')!.click();
    await until(() => $(el, '[part~="pager"]')!.textContent.includes('4–6 of 7'));
    expect(el.view.page).to.equal(1);
  });

  it('a re-sort that keeps the segments in view moves their rows with them', async () => {
    const el = await list();
    $(el, 'th[data-column="name"] button')!.click();
    await until(() => ids(el).join() === 'alpha,bravo,charlie,do-not-contact' && !$(el, 'table[aria-busy="true"]'));
    const byId = new Map($$(el, 'tbody tr[part~="row"]').map((tr) => [tr.dataset.id, tr]));
    $(el, 'th[data-column="name"] button')!.click();
    await until(() => ids(el).join() === 'do-not-contact,charlie,bravo,alpha' && !$(el, 'table[aria-busy="true"]'));
    await el.updateComplete;
    for (const tr of $$(el, 'tbody tr[part~="row"]')) expect(tr, tr.dataset.id).to.equal(byId.get(tr.dataset.id));
    expect(cellText(el, 'alpha', 'name')).to.contain('Alpha buyers');
  });

  it('updates rows in place for the segments of a new page; a segment still shown keeps its row; a focused row is not given to another', async () => {
    const many = Array.from({ length: 7 }, (_, i) => seg(`s${i}`, `Segment ${i}`));
    const el = await fixture<SegmentListElement>(html`<segment-list .provider=${store(many)} page-size="3"></segment-list>`);
    await until(() => ids(el).length === 3);
    const rows = () => $$(el, 'tbody tr[part~="row"]');
    const first = rows();
    const firstIds = ids(el);
    $(el, '[part~="pager"] button[aria-label="Next page"]')!.click();
    await until(() => ids(el).length === 3 && !ids(el).some((id) => firstIds.includes(id)));
    await el.updateComplete;
    expect(rows(), 'the same row elements, showing the new segments').to.deep.equal(first);
    for (const id of ids(el)) {
      expect(cellText(el, id!, 'name')).to.contain(`Segment ${id!.slice(1)}`);
      expect($(el, `tr[data-id="${id}"] [part~="row-select"]`)!.getAttribute('aria-label')).to.contain(`Segment ${id!.slice(1)}`);
    }
    // Focus in a row whose segment leaves the page: that row goes (as any row that leaves would), it is not reused.
    const box = $<HTMLInputElement>(el, 'tbody [part~="row-select"]')!;
    box.focus();
    const focusedId = box.closest('tr')!.dataset.id;
    $(el, '[part~="pager"] button[aria-label="Next page"]')!.click();
    await until(() => !ids(el).includes(focusedId) && !$(el, 'table[aria-busy="true"]'));
    await el.updateComplete;
    expect(box.isConnected, 'the focused row left with its segment').to.equal(false);
  });

  it('shows an error with retry and keeps the search', async () => {
    const base = store();
    let fail = true;
    const flaky = Object.assign(Object.create(base) as SegmentProvider, {
      listSegments: (opts: Parameters<SegmentProvider['listSegments']>[0]) =>
        fail ? Promise.reject(new Error('The segment service is down.')) : base.listSegments(opts),
    });
    const el = await fixture<SegmentListElement>(html`<segment-list .provider=${flaky} .view=${{ search: 'a' }}></segment-list>`);
    await until(() => !!$(el, '[role="alert"]'));
    expect($(el, '[role="alert"]')!.textContent).to.contain('The segment service is down.');
    fail = false;
    $(el, '[role="alert"] button')!.click();
    await until(() => ids(el).length > 0);
    expect($<HTMLInputElement>(el, 'input[part~="search"]')!.value).to.equal('a');
  });

  it('puts the tag and column panels next in the Tab order, and closes them when focus leaves', async () => {
    const el = await list();
    const button = $(el, '#columns-button')!;
    button.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => !!$(el, '#columns-panel'));
    await sendKeys({ press: 'Tab' });
    expect($(el, '#columns-panel')!.contains(shadow(el).activeElement), 'focus in the panel').to.equal(true);
    await sendKeys({ press: 'Shift+Tab' });
    await sendKeys({ press: 'Shift+Tab' });
    await el.updateComplete;
    expect($(el, '#columns-panel'), 'closed once focus left').to.equal(null);
  });

  it('keeps focus on a bulk button while its action runs', async () => {
    const base = store();
    let release: () => void = () => undefined;
    const slow = Object.assign(Object.create(base) as SegmentProvider, {
      refreshSegments: async (ids: string[]) => {
        await new Promise<void>((r) => (release = r));
        return base.refreshSegments(ids);
      },
    });
    const el = await list(slow);
    $(el, 'tr[data-id="charlie"] input[part~="row-select"]')!.click();
    await el.updateComplete;
    const refresh = $(el, '[part~="bulk-bar"] button[data-action="refresh"]')!;
    refresh.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => refresh.getAttribute('aria-disabled') === 'true');
    expect(shadow(el).activeElement === refresh, 'focus stays on Refresh').to.equal(true);
    release();
    await until(() => refresh.getAttribute('aria-disabled') === 'false');
    expect(shadow(el).activeElement === refresh, 'still on Refresh').to.equal(true);
  });

  it('after deleting from a row menu, focus goes to the row now in its place', async () => {
    const el = await list();
    const order = ids(el);
    const second = order[1]!;
    $(el, `tr[data-id="${second}"] [part~="row-menu-button"]`)!.click();
    await until(() => !!$(el, '#row-menu'));
    $(el, '#row-menu [data-action="delete"]')!.click();
    await until(() => !!$<HTMLDialogElement>(el, 'dialog')?.open);
    $(el, 'dialog button[data-action="confirm"]')!.click();
    await until(() => !ids(el).includes(second));
    const next = order[2]!;
    await until(() => shadow(el).activeElement === $(el, `tr[data-id="${next}"] [part~="row-menu-button"]`), 3000, 'focus on the next row');
  });

  it('moves ArrowDown from a description toggle to the next row’s description toggle', async () => {
    const withDescriptions = [seg('a1', 'A one', { description: 'first' }), seg('a2', 'A two', { description: 'second' })];
    const el = await list(store(withDescriptions));
    const toggles = $$(el, '[part~="description-toggle"]');
    toggles[0]!.focus();
    await sendKeys({ press: 'ArrowDown' });
    expect(shadow(el).activeElement === toggles[1], 'same control, next row').to.equal(true);
  });

  it('shows what the provider answered to an action at once, before the list it asks for next', async () => {
    const base = store();
    let hold = false;
    let release: () => void = () => undefined;
    const slowList = Object.assign(Object.create(base) as SegmentProvider, {
      listSegments: async (opts: Parameters<SegmentProvider['listSegments']>[0]) => {
        if (hold) await new Promise<void>((r) => (release = r));
        return base.listSegments(opts);
      },
    });
    const el = await list(slowList);
    $(el, 'tr[data-id="charlie"] input[part~="row-select"]')!.click();
    await el.updateComplete;
    hold = true;
    $(el, '[part~="bulk-bar"] button[data-action="deactivate"]')!.click();
    await until(() => cellText(el, 'charlie', 'state') === 'Inactive', 3000, 'the answer shown');
    // The next list is asked for (after its short debounce) and held: the answer stays shown meanwhile.
    await until(() => el.shadowRoot!.querySelector('table')!.getAttribute('aria-busy') === 'true', 3000, 'the next list asked for');
    expect(cellText(el, 'charlie', 'state'), 'the answer is shown while the next list is on its way').to.equal('Inactive');
    hold = false;
    release();
    await until(() => el.shadowRoot!.querySelector('table')!.getAttribute('aria-busy') === 'false');
    expect(cellText(el, 'charlie', 'state')).to.equal('Inactive');
  });
});
