/**
 * `<segment-list>` as a person uses it: accessibility in every state, the keyboard, the
 * events a host relies on, the memory provider behind every action, a provider that
 * fails, is slow or answers out of order, polling while a segment runs, hostile strings
 * and right-to-left. (segment-list.test.ts has the first, smaller tour.)
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/elements/segment-list/define.js';
import type { SegmentListElement } from '../../src/elements/segment-list/segment-list.js';
import { SEGMENT_LIST_COLUMNS } from '../../src/elements/segment-list/segment-list.js';
import type { ListOptions, SegmentProvider, SegmentSummary } from '../../src/core/index.js';
import type { SegmentsChangedDetail } from '../../src/elements/shared/events.js';
import { doNotContact, until } from './fixtures.js';
import { $, $$, defaultSegments, seg, shadow, store } from './list-fixtures.js';

const ids = (el: Element) => $$(el, 'tbody tr[part~="row"]').map((tr) => tr.dataset.id!);
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const cellText = (el: Element, id: string, column: string) => text($(el, `tr[data-id="${id}"] td[data-column="${column}"]`));
const active = (el: Element) => shadow(el).activeElement;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const row = (el: Element, id: string) => $(el, `tr[data-id="${id}"]`)!;
const rowCheck = (el: Element, id: string) => $<HTMLInputElement>(el, `tr[data-id="${id}"] input[part~="row-select"]`)!;
const menuButton = (el: Element, id: string) => $(el, `tr[data-id="${id}"] [part~="row-menu-button"]`)!;
const bulk = (el: Element, action: string) => $(el, `[part~="bulk-bar"] button[data-action="${action}"]`)!;
const dialog = (el: Element) => $<HTMLDialogElement>(el, 'dialog');
const confirmButton = (el: Element) => $(el, 'dialog button[data-action="confirm"]')!;
const notice = (el: Element) => text($(el, '[part~="notice"]:not(.working)'));

const HOSTILE = '<img src=x onerror=alert(1)>';

/** A segment whose rule names an attribute that does not exist: saved as a draft. */
const draftOf = (id: string, displayName: string) =>
  seg(id, displayName, {
    rules: [{ id: 'r1', where: { kind: 'condition', id: 'c1', entity: 'Customer', attribute: 'Nope', operator: 'isTrue' } }],
  });

/** `count` plain segments s0…s(n-1), inactive. */
const many = (count: number) => Array.from({ length: count }, (_, i) => seg(`s${i}`, `Segment ${i}`));

async function settled(el: SegmentListElement, ms = 5000) {
  await until(() => $$(el, 'tbody tr[part~="row"]').length > 0 || !!$(el, '[part~="state"]'), ms, 'rows or a state');
  await until(() => !$(el, 'table[aria-busy="true"]'), ms, 'not busy');
  await el.updateComplete;
}

async function list(provider: SegmentProvider = store(), options: { pageSize?: number; readonly?: boolean } = {}) {
  const el = await fixture<SegmentListElement>(
    html`<segment-list .provider=${provider} page-size=${options.pageSize ?? 50} ?readonly=${!!options.readonly}></segment-list>`,
  );
  await settled(el);
  return el;
}

/** Every summary in the store, as the provider lists them. */
async function summaries(provider: SegmentProvider): Promise<SegmentSummary[]> {
  return (await provider.listSegments({ limit: 1000 })).items;
}
async function summary(provider: SegmentProvider, id: string): Promise<SegmentSummary | undefined> {
  return (await summaries(provider)).find((s) => s.id === id);
}

async function openMenu(el: SegmentListElement, id: string) {
  menuButton(el, id).click();
  await until(() => !!$(el, '#row-menu'), 3000, 'the row menu');
  await el.updateComplete;
}
async function choose(el: SegmentListElement, id: string, action: string) {
  await openMenu(el, id);
  $(el, `#row-menu [data-action="${action}"]`)!.click();
}
async function dialogOpened(el: SegmentListElement) {
  await until(() => !!dialog(el)?.open, 3000, 'an open dialog');
  await el.updateComplete;
}
async function select(el: SegmentListElement, ...which: string[]) {
  for (const id of which) {
    rowCheck(el, id).click();
    await el.updateComplete;
  }
}

/** A provider that holds each listSegments call until released (then answers with the memory provider, ignoring the signal). */
function held(base: SegmentProvider) {
  const calls: { opts: ListOptions; release: () => void }[] = [];
  const provider = Object.assign(Object.create(base) as SegmentProvider, {
    listSegments: (opts: ListOptions = {}) =>
      new Promise<{ total: number; items: SegmentSummary[] }>((resolve, reject) => {
        const { signal: _signal, ...rest } = opts;
        calls.push({ opts, release: () => void base.listSegments(rest).then(resolve, reject) });
      }),
  });
  return { provider, calls };
}

/** A provider whose listSegments (and optionally updateSegments) can be made to reject, and counts its calls. */
function flaky(base: SegmentProvider) {
  const state = { failList: false, failUpdate: false, listCalls: 0 };
  const provider = Object.assign(Object.create(base) as SegmentProvider, {
    listSegments: (opts?: ListOptions) => {
      state.listCalls++;
      return state.failList ? Promise.reject(new Error('The segment service is down.')) : base.listSegments(opts);
    },
    updateSegments: (...args: Parameters<SegmentProvider['updateSegments']>) =>
      state.failUpdate ? Promise.reject(new Error('The update was refused.')) : base.updateSegments(...args),
  });
  return { provider, state };
}

/** A provider that reports `alpha` as running for its first `running` listSegments answers. */
function runningFor(base: SegmentProvider, running: number) {
  const state = { calls: 0, running };
  const provider = Object.assign(Object.create(base) as SegmentProvider, {
    listSegments: async (opts?: ListOptions) => {
      state.calls++;
      const runs = state.calls <= state.running;
      const result = await base.listSegments(opts);
      return { ...result, items: result.items.map((s) => (runs && s.id === 'alpha' ? { ...s, status: 'running' as const } : s)) };
    },
  });
  return { provider, state };
}

/** The Blob download path, spied on (the anchor's click is not followed). */
function spyDownloads() {
  const blobs: Blob[] = [];
  const names: string[] = [];
  const create = URL.createObjectURL;
  const click = HTMLAnchorElement.prototype.click;
  URL.createObjectURL = (obj: Blob | MediaSource) => {
    blobs.push(obj as Blob);
    return create.call(URL, obj);
  };
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    names.push(this.download);
  };
  return {
    blobs,
    names,
    restore() {
      URL.createObjectURL = create;
      HTMLAnchorElement.prototype.click = click;
    },
  };
}

/** Empty values last both ways; numbers by value; text and lists (by their text) case-insensitively. */
function byColumn(key: string, direction: 'asc' | 'desc') {
  const empty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
  const textOf = (v: unknown) => (Array.isArray(v) ? v.join(', ') : String(v)).toLowerCase();
  // What each column sorts by: the Name column by the name people see (display name, else
  // name); Used by by how many segments use it (none is 0, not empty); the rest by the field.
  const value = (s: SegmentSummary): unknown =>
    key === 'name' ? s.displayName || s.name : key === 'usedBy' ? s.usedBy.length : (s as unknown as Record<string, unknown>)[key];
  return (a: SegmentSummary, b: SegmentSummary) => {
    const x = value(a);
    const y = value(b);
    if (empty(x) || empty(y)) return empty(x) === empty(y) ? 0 : empty(x) ? 1 : -1;
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : textOf(x) < textOf(y) ? -1 : textOf(x) > textOf(y) ? 1 : 0;
    return direction === 'desc' ? -c : c;
  };
}

afterEach(() => {
  document.querySelectorAll('dialog[open]').forEach((d) => (d as HTMLDialogElement).close());
});

describe('<segment-list> behaviour', () => {
  // ------------------------------------------------------------------ accessibility

  describe('is accessible (axe)', () => {
    it('with rows, with rows selected (bulk bar and banner), and with the row menu open', async () => {
      const el = await list(store(many(5)), { pageSize: 3 });
      await expect(el).to.be.accessible();
      $<HTMLInputElement>(el, 'input[part~="select-all"]')!.click();
      await until(() => !!$(el, '[part~="selection-banner"]'));
      await expect(el).to.be.accessible();
      $(el, '[data-action="select-matching"]')!.click();
      await until(() => text($(el, '[part~="selection-banner"]')).includes('All 5 segments that match are selected.'));
      await expect(el).to.be.accessible();
      $(el, '[part~="bulk-bar"] [data-action="clear"]')!.click();
      await openMenu(el, ids(el)[0]!);
      await expect(el).to.be.accessible();
    });

    it('while loading, with an empty store, with no match, after an error and read-only', async () => {
      const slow = held(store());
      const loading = await fixture<SegmentListElement>(html`<segment-list .provider=${slow.provider}></segment-list>`);
      await until(() => slow.calls.length === 1);
      await loading.updateComplete;
      expect(text($(loading, '[part~="state"]'))).to.equal('Loading segments…');
      await expect(loading).to.be.accessible();

      const empty = await list(store([]));
      expect(text($(empty, '[part~="state"]'))).to.contain('No segments yet');
      await expect(empty).to.be.accessible();

      const noMatch = await list();
      noMatch.view = { ...noMatch.view, search: 'zzz' };
      await until(() => text($(noMatch, '[part~="state"]')).includes('No segment matches'));
      await expect(noMatch).to.be.accessible();

      const { provider, state } = flaky(store());
      state.failList = true;
      const failed = await list(provider);
      await until(() => !!$(failed, '[part~="state"][role="alert"]'));
      await expect(failed).to.be.accessible();

      const readonly = await list(store(), { readonly: true });
      expect($(readonly, '[part~="row-select"]')).to.equal(null);
      expect($(readonly, '[part~="row-menu-button"]')).to.equal(null);
      expect($(readonly, '#new-button')).to.equal(null);
      await expect(readonly).to.be.accessible();
    });

    it('with the tag filter and the column chooser open, and with a notice', async () => {
      const el = await list();
      $(el, '[part~="tag-filter"]')!.click();
      await until(() => $$(el, '#tag-panel input[type="checkbox"]').length === 3);
      await expect(el).to.be.accessible();
      $(el, '[part~="tag-filter"]')!.click();
      $(el, '[part~="columns-button"]')!.click();
      await until(() => !!$(el, '#columns-panel'));
      await expect(el).to.be.accessible();
      $(el, '[part~="columns-button"]')!.click();
      await choose(el, 'alpha', 'static');
      await until(() => notice(el).includes('1 segment updated.'));
      await expect(el).to.be.accessible();
    });

    const dialogs: [string, string, string][] = [
      ['delete, warning of the segments that use it', 'do-not-contact', 'delete'],
      ['rename', 'alpha', 'rename'],
      ['tags', 'alpha', 'tags'],
      ['refresh schedule', 'alpha', 'schedule'],
      ['activate later', 'alpha', 'activateLater'],
    ];
    for (const [what, id, action] of dialogs) {
      it(`with the ${what} dialog open`, async () => {
        const el = await list();
        await choose(el, id, action);
        await dialogOpened(el);
        if (action === 'delete') expect($(el, '[part~="used-by-warning"]')).to.not.equal(null);
        await expect(el).to.be.accessible();
      });
    }
  });

  // ------------------------------------------------------------------ keyboard

  describe('keyboard', () => {
    it('ArrowDown / ArrowUp move to the same control in the next / previous row', async () => {
      const el = await list();
      const [first, second, third] = ids(el);
      rowCheck(el, first!).focus();
      await sendKeys({ press: 'ArrowDown' });
      expect(active(el) === rowCheck(el, second!), 'the second row’s checkbox').to.equal(true);
      await sendKeys({ press: 'ArrowDown' });
      expect(active(el) === rowCheck(el, third!), 'the third row’s checkbox').to.equal(true);
      await sendKeys({ press: 'ArrowUp' });
      expect(active(el) === rowCheck(el, second!), 'back on the second row’s checkbox').to.equal(true);
      const name = (id: string) => $(el, `tr[data-id="${id}"] [part~="name-button"]`)!;
      name(second!).focus();
      await sendKeys({ press: 'ArrowUp' });
      expect(active(el) === name(first!), 'the first row’s name').to.equal(true);
      await sendKeys({ press: 'ArrowUp' });
      expect(active(el) === name(first!), 'no row above: focus stays').to.equal(true);
      expect(el.selectedIds).to.deep.equal([]);
    });

    it('Space selects the focused row; Shift+Space and Shift+click select a range', async () => {
      const el = await list(store(many(6)));
      const order = ids(el);
      rowCheck(el, order[0]!).focus();
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(el.selectedIds).to.deep.equal([order[0]]);
      expect(row(el, order[0]!).classList.contains('selected')).to.equal(true);
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Shift+Space' });
      await el.updateComplete;
      expect([...el.selectedIds].sort()).to.deep.equal(order.slice(0, 3).sort());
      expect(text($(el, '[part~="bulk-bar"] .count'))).to.equal('3 selected');
      rowCheck(el, order[5]!).dispatchEvent(new MouseEvent('click', { shiftKey: true, bubbles: true, composed: true }));
      await el.updateComplete;
      expect([...el.selectedIds].sort()).to.deep.equal([...order].sort());
      expect(rowCheck(el, order[4]!).checked).to.equal(true);
    });

    it('a plain click after Shift+Tab left the list selects one row, not a range', async () => {
      const el = await list(store(many(6)));
      const order = ids(el);
      rowCheck(el, order[0]!).click();
      await el.updateComplete;
      // Shift+Tab from the first control: focus leaves the list, and Shift is released outside it.
      $(el, 'input[part~="search"]')!.focus();
      await sendKeys({ press: 'Shift+Tab' });
      expect(document.activeElement === el, 'focus left the list').to.equal(false);
      const box = rowCheck(el, order[3]!);
      box.scrollIntoView({ block: 'center' });
      const r = box.getBoundingClientRect();
      try {
        await sendMouse({ type: 'click', position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
      } finally {
        await resetMouse();
      }
      await until(() => box.checked);
      await el.updateComplete;
      expect([...el.selectedIds].sort()).to.deep.equal([order[0], order[3]].sort());
    });

    it('"New segment": ArrowDown opens on the first item, ArrowUp on the last, Enter chooses', async () => {
      const el = await list();
      const button = $(el, '#new-button')!;
      const items = () => $$(el, '#new-menu [role="menuitem"]');
      button.focus();
      await sendKeys({ press: 'ArrowDown' });
      await until(() => items().length === 2);
      await el.updateComplete;
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      expect(active(el) === items()[0], 'first item').to.equal(true);
      await sendKeys({ press: 'Escape' });
      await until(() => !$(el, '#new-menu'));
      expect(active(el) === button, 'back on the button').to.equal(true);
      await sendKeys({ press: 'ArrowUp' });
      await until(() => items().length === 2);
      await el.updateComplete;
      expect(active(el) === items()[1], 'last item').to.equal(true);
      const created = oneEvent(el, 'segment-create');
      await sendKeys({ press: 'Enter' });
      expect((await created).detail).to.deep.equal({ kind: 'quick' });
      await until(() => !$(el, '#new-menu'));
      expect(active(el) === button, 'focus back on the button').to.equal(true);
      await sendKeys({ press: 'Enter' });
      await until(() => items().length === 2);
      await el.updateComplete;
      const blank = oneEvent(el, 'segment-create');
      await sendKeys({ press: 'Enter' });
      expect((await blank).detail).to.deep.equal({ kind: 'blank' });
    });

    it('type-ahead moves in the row menu; Tab closes it and focus moves on', async () => {
      const el = await list();
      const button = menuButton(el, 'alpha');
      button.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => !!$(el, '#row-menu'));
      await el.updateComplete;
      const item = (key: string) => $(el, `#row-menu [data-action="${key}"]`);
      expect(active(el) === item('view'), 'View').to.equal(true);
      await sendKeys({ press: 'r' });
      expect(active(el) === item('rename'), 'r → Rename…').to.equal(true);
      await sendKeys({ press: 'r' });
      expect(active(el) === item('refresh'), 'r again → Refresh').to.equal(true);
      await wait(600); // past the type-ahead timeout: a new word
      await sendKeys({ press: 't' });
      expect(active(el) === item('tags'), 't → Tags…').to.equal(true);
      await wait(600);
      await sendKeys({ type: 'ma' });
      expect(active(el) === item('static'), 'ma → Make static').to.equal(true);
      await sendKeys({ press: 'Tab' });
      await until(() => !$(el, '#row-menu'));
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      const now = active(el);
      expect(!!now && now !== button && !now.closest('#row-menu'), 'focus moved on from the menu button').to.equal(true);
    });

    it('a dialog takes focus; Escape closes it and focus returns to the row’s menu button', async () => {
      const el = await list();
      const button = menuButton(el, 'alpha');
      button.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => !!$(el, '#row-menu'));
      await el.updateComplete;
      await sendKeys({ press: 'r' }); // Rename…
      await sendKeys({ press: 'Enter' });
      await dialogOpened(el);
      await until(() => !!active(el) && dialog(el)!.contains(active(el)));
      expect(active(el) === $(el, 'dialog input[name="displayName"]'), 'the name field').to.equal(true);
      await sendKeys({ press: 'Escape' });
      await until(() => !dialog(el));
      await until(() => active(el) === button, 3000, 'focus on the row’s menu button');
    });

    it('Escape returns focus to the bulk button that opened the dialog', async () => {
      const el = await list();
      await select(el, 'alpha', 'bravo');
      const tags = bulk(el, 'tags');
      tags.focus();
      await sendKeys({ press: 'Enter' });
      await dialogOpened(el);
      await until(() => !!active(el) && dialog(el)!.contains(active(el)));
      await sendKeys({ press: 'Escape' });
      await until(() => !dialog(el));
      await until(() => active(el) === bulk(el, 'tags'), 3000, 'focus on the bulk Tags button');
      expect(el.selectedIds.sort()).to.deep.equal(['alpha', 'bravo']);
    });
  });

  // ------------------------------------------------------------------ events

  describe('events', () => {
    it('segment-open from the name and from View, segment-edit from Edit', async () => {
      const el = await list();
      const opened = oneEvent(el, 'segment-open');
      $(el, 'tr[data-id="bravo"] [part~="name-button"]')!.click();
      expect((await opened).detail).to.deep.equal({ id: 'bravo' });
      const viewed = oneEvent(el, 'segment-open');
      await choose(el, 'alpha', 'view');
      expect((await viewed).detail).to.deep.equal({ id: 'alpha' });
      const edited = oneEvent(el, 'segment-edit');
      await choose(el, 'charlie', 'edit');
      expect((await edited).detail).to.deep.equal({ id: 'charlie' });
    });

    it('segment-create blank and quick from the New menu', async () => {
      const el = await list();
      for (const [i, kind] of (['blank', 'quick'] as const).entries()) {
        $(el, '#new-button')!.click();
        await until(() => $$(el, '#new-menu [role="menuitem"]').length === 2);
        const created = oneEvent(el, 'segment-create');
        $$(el, '#new-menu [role="menuitem"]')[i]!.click();
        expect((await created).detail).to.deep.equal({ kind });
        await until(() => !$(el, '#new-menu'));
      }
    });

    it('segments-changed after a refresh, an update, a duplicate and a delete, with ids and items', async () => {
      const provider = store();
      const el = await list(provider);
      const seen: SegmentsChangedDetail[] = [];
      el.addEventListener('segments-changed', (e) => seen.push(e.detail));

      await choose(el, 'charlie', 'refresh');
      await until(() => seen.length === 1);
      expect(seen[0]!.action).to.equal('refresh');
      expect(seen[0]!.ids).to.deep.equal(['charlie']);
      expect(seen[0]!.items.map((s) => s.id)).to.deep.equal(['charlie']);
      expect(seen[0]!.items[0]!.status).to.equal('succeeded');

      await choose(el, 'alpha', 'static');
      await until(() => seen.length === 2);
      expect(seen[1]).to.deep.include({ action: 'update', ids: ['alpha'], patch: { type: 'static' } });
      expect(seen[1]!.items[0]!.type).to.equal('static');

      await settled(el);
      await choose(el, 'bravo', 'duplicate');
      await until(() => seen.length === 3);
      expect(seen[2]!.action).to.equal('duplicate');
      const copyId = seen[2]!.items[0]!.id;
      expect(seen[2]!.ids).to.deep.equal([copyId]);
      expect(copyId).to.not.equal('bravo');

      await settled(el);
      await choose(el, 'bravo', 'delete');
      await dialogOpened(el);
      confirmButton(el).click();
      await until(() => seen.length === 4);
      expect(seen[3]).to.deep.include({ action: 'delete', ids: ['bravo'] });
      expect(await summary(provider, 'bravo')).to.equal(undefined);
    });

    it('every *-request is cancelable, and cancelling it leaves the provider alone', async () => {
      const provider = store();
      const el = await list(provider);
      const requests: Event[] = [];
      for (const type of [
        'segment-refresh-request',
        'segment-update-request',
        'segment-delete-request',
        'segment-duplicate-request',
        'segment-download-request',
      ] as const) {
        el.addEventListener(type, (e) => {
          requests.push(e);
          e.preventDefault();
        });
      }
      const changed: unknown[] = [];
      el.addEventListener('segments-changed', (e) => changed.push(e.detail));
      const before = await summaries(provider);
      const spy = spyDownloads();
      try {
        await choose(el, 'alpha', 'refresh');
        await until(() => requests.length === 1);
        await choose(el, 'alpha', 'static');
        await until(() => requests.length === 2);
        await choose(el, 'alpha', 'duplicate');
        await until(() => requests.length === 3);
        await choose(el, 'alpha', 'download');
        await until(() => requests.length === 4);
        await choose(el, 'alpha', 'delete');
        await dialogOpened(el);
        confirmButton(el).click();
        await until(() => requests.length === 5);
        await wait(100);
        expect(requests.map((e) => e.type)).to.deep.equal([
          'segment-refresh-request',
          'segment-update-request',
          'segment-duplicate-request',
          'segment-download-request',
          'segment-delete-request',
        ]);
        expect(requests.every((e) => e.cancelable && e.defaultPrevented)).to.equal(true);
        expect(spy.blobs).to.have.length(0);
      } finally {
        spy.restore();
      }
      expect(changed).to.deep.equal([]);
      expect(await summaries(provider)).to.deep.equal(before);
      expect(ids(el)).to.include('alpha');
    });

    it('segment-list-view-change on sort, search, tags and page; setting view restores it without the event', async () => {
      const provider = store([...defaultSegments(), ...many(4)]);
      const el = await list(provider, { pageSize: 3 });
      const views: unknown[] = [];
      el.addEventListener('segment-list-view-change', (e) => views.push(e.detail.view));

      $(el, 'th[data-column="name"] button')!.click();
      await until(() => views.length === 1);
      expect(views[0]).to.deep.include({ sort: { key: 'name', direction: 'asc' }, page: 0 });
      await settled(el);

      $(el, '[part~="pager"] button[aria-label="Next page"]')!.click();
      await until(() => views.length === 2);
      expect(views[1]).to.deep.include({ page: 1 });
      await settled(el);

      $(el, '[part~="tag-filter"]')!.click();
      await until(() => $$(el, '#tag-panel input[type="checkbox"]').length > 0);
      $$(el, '#tag-panel label')
        .find((l) => l.textContent.includes('loyalty'))!
        .querySelector('input')!
        .click();
      await until(() => views.length === 3);
      expect(views[2]).to.deep.include({ tags: ['loyalty'], page: 0 });
      await settled(el);

      const search = $<HTMLInputElement>(el, 'input[part~="search"]')!;
      search.focus();
      await sendKeys({ type: 'v' });
      await until(() => views.length === 4);
      expect(views[3]).to.deep.equal({ search: 'v', tags: ['loyalty'], sort: { key: 'name', direction: 'asc' }, page: 0 });
      await until(() => ids(el).length === 1 && ids(el)[0] === 'bravo');

      el.view = { search: '', tags: [], sort: { key: 'name', direction: 'desc' }, page: 1 };
      await until(() => text($(el, '[part~="pager"] .range')) === '4–6 of 8');
      await settled(el);
      expect(search.value).to.equal('');
      expect($(el, 'th[data-column="name"]')!.getAttribute('aria-sort')).to.equal('descending');
      expect(text($(el, '[part~="tag-filter"]'))).to.equal('Tags');
      const expected = (await summaries(provider)).sort(byColumn('name', 'desc')).slice(3, 6);
      expect(ids(el)).to.deep.equal(expected.map((s) => s.id));
      expect(views).to.have.length(4);
    });
  });

  // ------------------------------------------------------------------ the memory provider behind it

  describe('with the memory provider', () => {
    it('sorts by every column, both ways, as the provider’s own items sorted', async () => {
      const provider = store([
        { ...doNotContact, tags: ['compliance'], schedule: 'daily' },
        seg('alpha', 'Alpha buyers', { tags: ['loyalty', 'spring'], type: 'static' }),
        seg('bravo', 'Bravo lapsed', { tags: ['loyalty'], schedule: 'weekly' }),
        seg('charlie', 'Charlie users', { state: 'active', rules: [{ id: 'r1', segment: 'do-not-contact' }] }),
        seg('delta', 'Delta everyone', {
          state: 'active',
          rules: [
            { id: 'r1', where: { kind: 'condition', id: 'c1', entity: 'Customer', attribute: 'CustomerId', operator: 'isNotEmpty' } },
          ],
        }),
        draftOf('echo', 'Echo draft'),
      ]);
      const el = await fixture<SegmentListElement>(
        html`<segment-list .provider=${provider} .columns=${[...SEGMENT_LIST_COLUMNS]}></segment-list>`,
      );
      await settled(el);
      const all = await summaries(provider);
      for (const key of SEGMENT_LIST_COLUMNS) {
        for (const direction of ['asc', 'desc'] as const) {
          el.view = { ...el.view, sort: { key, direction } };
          await el.updateComplete;
          await settled(el);
          expect($(el, `th[data-column="${key}"]`)?.getAttribute('aria-sort')).to.equal(direction === 'asc' ? 'ascending' : 'descending');
          const expected = [...all].sort(byColumn(key, direction));
          const valueOf = (id: string) => {
            const s = all.find((x) => x.id === id)!;
            return JSON.stringify(
              key === 'name'
                ? s.displayName || s.name
                : key === 'usedBy'
                  ? s.usedBy.length
                  : (s as unknown as Record<string, unknown>)[key],
            );
          };
          const shown = ids(el);
          expect(shown, `${key} ${direction}`).to.have.length(all.length);
          expect(valueOf(shown[0]!), `${key} ${direction}: first`).to.equal(valueOf(expected[0]!.id));
          expect(valueOf(shown.at(-1)!), `${key} ${direction}: last`).to.equal(valueOf(expected.at(-1)!.id));
          expect(shown.map(valueOf), `${key} ${direction}: order`).to.deep.equal(expected.map((s) => valueOf(s.id)));
        }
      }
      // The person's way: the column's sort button, twice.
      el.view = { ...el.view, sort: { key: 'updatedAt', direction: 'desc' } };
      await settled(el);
      $(el, 'th[data-column="memberCount"] button')!.click();
      await until(() => $(el, 'th[data-column="memberCount"]')!.getAttribute('aria-sort') === 'descending');
      await settled(el);
      expect(ids(el)[0]).to.equal([...all].sort(byColumn('memberCount', 'desc'))[0]!.id);
    });

    // The Name column shows the display name, so it sorts by it (the provider's `displayName`
    // key, which falls back to the name): "Aardvark" (name zulu) comes first.
    it('sorts the Name column by the name people see (the display name)', async () => {
      const el = await list(store([...defaultSegments(), seg('zulu', 'Aardvark')]));
      el.view = { ...el.view, sort: { key: 'name', direction: 'asc' } };
      await el.updateComplete;
      await settled(el);
      expect(ids(el)[0]).to.equal('zulu');
    });

    it('searches display name and name, case-insensitively', async () => {
      const el = await list();
      const search = async (s: string) => {
        el.view = { ...el.view, search: s };
        await el.updateComplete;
        await settled(el);
        return ids(el).sort();
      };
      expect(await search('ALPHA BUY')).to.deep.equal(['alpha']);
      expect(await search('doNOTcon')).to.deep.equal(['do-not-contact']); // the name, DoNotContact
      expect(await search('NOT CONTACT')).to.deep.equal(['do-not-contact']); // the display name
      expect(await search('lApSeD')).to.deep.equal(['bravo']);
      expect(await search('zzz')).to.deep.equal([]);
    });

    it('filters on every tag chosen (AND)', async () => {
      const el = await list();
      el.view = { ...el.view, tags: ['loyalty'] };
      await until(() => ids(el).length === 2);
      expect(ids(el).sort()).to.deep.equal(['alpha', 'bravo']);
      $(el, '[part~="tag-filter"]')!.click();
      await until(() => $$(el, '#tag-panel input[type="checkbox"]').length === 3);
      $$(el, '#tag-panel label')
        .find((l) => l.textContent.includes('spring'))!
        .querySelector('input')!
        .click();
      await until(() => ids(el).length === 1);
      expect(ids(el)).to.deep.equal(['alpha']);
      expect(el.view.tags).to.deep.equal(['loyalty', 'spring']);
      expect(text($(el, '[part~="tag-filter"]'))).to.equal('Tags (2)');
    });

    it('hides and shows columns, and keeps the choice under storage-key for a new list', async () => {
      const key = `segment-list-test-${Math.random().toString(36).slice(2)}`;
      try {
        const provider = store();
        const el = await fixture<SegmentListElement>(html`<segment-list .provider=${provider} storage-key=${key}></segment-list>`);
        await settled(el);
        expect($(el, 'th[data-column="tags"]')).to.not.equal(null);
        expect($(el, 'th[data-column="createdAt"]')).to.equal(null);
        $(el, '[part~="columns-button"]')!.click();
        await until(() => !!$(el, '#columns-panel'));
        const box = (c: string) => $<HTMLInputElement>(el, `#columns-panel input[data-column="${c}"]`)!;
        expect(box('name').disabled).to.equal(true);
        box('tags').click();
        box('createdAt').click();
        await el.updateComplete;
        expect($(el, 'th[data-column="tags"]')).to.equal(null);
        expect($(el, 'td[data-column="tags"]')).to.equal(null);
        expect($(el, 'th[data-column="createdAt"]')).to.not.equal(null);
        el.remove();

        const again = await fixture<SegmentListElement>(html`<segment-list .provider=${provider} storage-key=${key}></segment-list>`);
        await settled(again);
        expect($(again, 'th[data-column="tags"]')).to.equal(null);
        expect($(again, 'th[data-column="createdAt"]')).to.not.equal(null);
        expect($(again, 'th[data-column="name"]')).to.not.equal(null);

        const other = await list(provider);
        expect($(other, 'th[data-column="tags"]'), 'no storage-key: the default columns').to.not.equal(null);
      } finally {
        localStorage.removeItem(key);
      }
    });

    it('selects a page, then every match, and a bulk action applies to every match across pages', async () => {
      const provider = store([...many(7), seg('other', 'Unrelated', { tags: ['x'] })]);
      const el = await list(provider, { pageSize: 3 });
      el.view = { ...el.view, search: 'segment' };
      await until(() => text($(el, '[part~="pager"] .range')) === '1–3 of 7');
      await settled(el);
      $<HTMLInputElement>(el, 'input[part~="select-all"]')!.click();
      await until(() => text($(el, '[part~="selection-banner"]')).includes('All 3 segments on this page are selected.'));
      const selectMatching = $(el, '[data-action="select-matching"]')!;
      expect(text(selectMatching)).to.equal('Select all 7 segments that match');
      selectMatching.click();
      await until(() => text($(el, '[part~="bulk-bar"] .count')) === '7 selected');
      expect(text($(el, '[part~="selection-banner"]'))).to.contain('All 7 segments that match are selected.');
      const request = oneEvent(el, 'segment-update-request');
      bulk(el, 'static').click();
      expect([...(await request).detail.ids].sort()).to.deep.equal(
        many(7)
          .map((s) => s.id!)
          .sort(),
      );
      await until(() => notice(el).includes('7 segments updated.'));
      const after = await summaries(provider);
      expect(after.filter((s) => s.id.startsWith('s')).every((s) => s.type === 'static')).to.equal(true);
      expect(after.find((s) => s.id === 'other')!.type, 'not a match: untouched').to.equal('dynamic');
    });

    it('"every match" ends when the host sets a view that matches other segments', async () => {
      const provider = store([...many(7), ...defaultSegments()]);
      const el = await list(provider, { pageSize: 3 });
      el.view = { ...el.view, search: 'segment' };
      await el.updateComplete;
      await settled(el);
      $<HTMLInputElement>(el, 'input[part~="select-all"]')!.click();
      await until(() => !!$(el, '[data-action="select-matching"]'));
      $(el, '[data-action="select-matching"]')!.click();
      await until(() => text($(el, '[part~="bulk-bar"] .count')) === '7 selected');
      el.view = { ...el.view, search: '' };
      await el.updateComplete;
      await settled(el);
      expect(text($(el, '[part~="pager"] .range'))).to.equal('1–3 of 11');
      expect(text($(el, '[part~="bulk-bar"] .count')), 'the rows picked, not every segment').to.equal('3 selected');
      expect(text($(el, '[part~="selection-banner"]'))).to.not.contain('that match are selected');
    });

    it('duplicates the same segment twice', async () => {
      const provider = store();
      const el = await list(provider);
      await choose(el, 'alpha', 'duplicate');
      await until(() => ids(el).length === 5);
      await settled(el);
      await choose(el, 'alpha', 'duplicate');
      await until(() => ids(el).length === 6);
      expect(notice(el)).to.contain('Duplicated as');
      expect((await summaries(provider)).filter((s) => s.displayName === 'Copy of Alpha buyers')).to.have.length(2);
    });

    it('adds and removes tags in bulk, keeping the other tags', async () => {
      const provider = store();
      const el = await list(provider);
      await select(el, 'alpha', 'bravo');
      bulk(el, 'tags').click();
      await dialogOpened(el);
      const keep = (t: string) => $<HTMLInputElement>(el, `dialog input[name="keep"][value="${t}"]`)!;
      expect(keep('loyalty').checked && keep('spring').checked).to.equal(true);
      $<HTMLInputElement>(el, 'dialog input[name="add"]')!.value = 'vip, q4 ';
      keep('spring').click();
      confirmButton(el).click();
      await until(() => !dialog(el));
      await until(() => notice(el).includes('updated'));
      expect((await summary(provider, 'alpha'))!.tags.sort()).to.deep.equal(['loyalty', 'q4', 'vip']);
      expect((await summary(provider, 'bravo'))!.tags.sort()).to.deep.equal(['loyalty', 'q4', 'vip']);
      expect((await summary(provider, 'do-not-contact'))!.tags).to.deep.equal(['compliance']);
      await until(() => cellText(el, 'alpha', 'tags').includes('vip'));
      expect(cellText(el, 'alpha', 'tags')).to.not.contain('spring');
    });

    it('makes segments static, then dynamic, in bulk', async () => {
      const provider = store();
      const el = await list(provider);
      await select(el, 'alpha', 'bravo');
      bulk(el, 'static').click();
      await until(() => cellText(el, 'alpha', 'type') === 'Static' && cellText(el, 'bravo', 'type') === 'Static');
      expect((await summary(provider, 'bravo'))!.type).to.equal('static');
      await settled(el);
      bulk(el, 'dynamic').click();
      await until(() => cellText(el, 'alpha', 'type') === 'Dynamic' && cellText(el, 'bravo', 'type') === 'Dynamic');
      expect((await summary(provider, 'alpha'))!.type).to.equal('dynamic');
    });

    it('changes the refresh schedule through the dialog', async () => {
      const provider = store();
      const el = await list(provider);
      await choose(el, 'alpha', 'schedule');
      await dialogOpened(el);
      $<HTMLSelectElement>(el, 'dialog select[name="schedule"]')!.value = 'weekly';
      confirmButton(el).click();
      await until(() => !dialog(el));
      await until(() => cellText(el, 'alpha', 'schedule') === 'Weekly');
      expect((await summary(provider, 'alpha'))!.schedule).to.equal('weekly');
    });

    it('activates later through the dialog; a past date is refused inline', async () => {
      const provider = store();
      const el = await list(provider);
      await choose(el, 'alpha', 'activateLater');
      await dialogOpened(el);
      const at = $<HTMLInputElement>(el, 'dialog input[name="at"]')!;
      at.value = '2020-01-01T10:00';
      confirmButton(el).click();
      await until(() => text($(el, '#dialog-error')) === 'Choose a date and time in the future.');
      expect($(el, '#dialog-error')!.getAttribute('role')).to.equal('alert');
      expect(at.getAttribute('aria-invalid')).to.equal('true');
      expect((await summary(provider, 'alpha'))!.activateAt).to.equal(null);
      const later = new Date(Date.now() + 3 * 24 * 3600_000);
      later.setSeconds(0, 0);
      const p = (n: number) => String(n).padStart(2, '0');
      $<HTMLInputElement>(el, 'dialog input[name="at"]')!.value =
        `${later.getFullYear()}-${p(later.getMonth() + 1)}-${p(later.getDate())}T${p(later.getHours())}:${p(later.getMinutes())}`;
      confirmButton(el).click();
      await until(() => !dialog(el));
      await until(() => cellText(el, 'alpha', 'state').includes('Activates'));
      expect((await summary(provider, 'alpha'))!.activateAt).to.equal(later.toISOString());
      expect((await summary(provider, 'alpha'))!.state).to.equal('inactive');
    });

    it('names, in the delete dialog, a segment that uses it from another page', async () => {
      const provider = store([...defaultSegments(), ...many(4)]);
      // The list starts on the second page by name: it has never seen Charlie users.
      const el = await fixture<SegmentListElement>(
        html`<segment-list
          .provider=${provider}
          page-size="3"
          .view=${{ sort: { key: 'name', direction: 'asc' }, page: 1 }}
        ></segment-list>`,
      );
      await settled(el);
      expect(ids(el)).to.include('do-not-contact');
      expect(ids(el)).to.not.include('charlie');
      await choose(el, 'do-not-contact', 'delete');
      await dialogOpened(el);
      expect(text($(el, '[part~="used-by-warning"]'))).to.contain('“Do not contact” is used by “Charlie users”');
      expect(text(confirmButton(el))).to.equal('Delete anyway');
    });

    it('duplicates: an inactive "Copy of …" appears', async () => {
      const provider = store();
      const el = await list(provider);
      await choose(el, 'charlie', 'duplicate');
      await until(() => ids(el).length === 5);
      const copy = (await summaries(provider)).find((s) => !['do-not-contact', 'alpha', 'bravo', 'charlie'].includes(s.id))!;
      expect(copy.displayName).to.equal('Copy of Charlie users');
      expect(copy.state).to.equal('inactive');
      expect(cellText(el, copy.id, 'name')).to.contain('Copy of Charlie users');
      expect(cellText(el, copy.id, 'state')).to.equal('Inactive');
      expect(notice(el)).to.contain('Duplicated as Copy of Charlie users.');
      expect((await summary(provider, 'charlie'))!.state, 'the original is untouched').to.equal('active');
    });

    it('refreshes all segments', async () => {
      const provider = store([...defaultSegments(), ...many(3)]);
      const el = await list(provider, { pageSize: 3 });
      const request = oneEvent(el, 'segment-refresh-request');
      const changed = oneEvent(el, 'segments-changed');
      $(el, 'button[data-action="refresh-all"]')!.click();
      const detail = (await request).detail;
      expect(detail.all).to.equal(true);
      expect([...detail.ids].sort()).to.deep.equal((await summaries(provider)).map((s) => s.id).sort());
      const done = (await changed).detail;
      expect(done.action).to.equal('refresh');
      expect(done.ids).to.have.length(7);
      await until(() => notice(el).includes('refreshed'));
      const after = await summaries(provider);
      expect(after.find((s) => s.id === 'charlie')!.status).to.equal('succeeded');
      expect(after.find((s) => s.id === 'alpha')!.status, 'inactive: passed over').to.equal('skipped');
    });

    it('downloads one CSV file per selected segment, each with its header row', async () => {
      const el = await list();
      await select(el, 'do-not-contact', 'charlie');
      const spy = spyDownloads();
      const win = window as unknown as { showSaveFilePicker?: unknown };
      const picker = Object.getOwnPropertyDescriptor(window, 'showSaveFilePicker');
      // Keys sent by earlier tests give the page user activation, so Chromium would really show the save picker: take the Blob path.
      Object.defineProperty(window, 'showSaveFilePicker', { value: undefined, configurable: true, writable: true });
      try {
        const request = oneEvent(el, 'segment-download-request');
        bulk(el, 'download').click();
        expect([...(await request).detail.ids].sort()).to.deep.equal(['charlie', 'do-not-contact']);
        await until(() => notice(el).includes('2 files downloaded.'), 8000);
        expect(spy.blobs).to.have.length(2);
        expect(spy.names).to.have.length(2);
        expect(new Set(spy.names).size, 'two different files').to.equal(2);
        for (const blob of spy.blobs) {
          const lines = (await blob.text()).replace(/^\uFEFF/, '').split('\r\n');
          expect(lines[0]).to.match(/^Customer id,City,Country,/);
          expect(lines.filter(Boolean).length, 'a header and the two do-not-contact customers').to.equal(3);
        }
      } finally {
        spy.restore();
        if (picker) Object.defineProperty(window, 'showSaveFilePicker', picker);
        else delete win.showSaveFilePicker;
      }
    });

    it('leaves a draft out of a bulk activation and names it in the notice', async () => {
      const provider = store([...defaultSegments(), draftOf('delta', 'Delta draft')]);
      const el = await list(provider);
      await select(el, 'alpha', 'delta');
      const request = oneEvent(el, 'segment-update-request');
      bulk(el, 'activate').click();
      expect((await request).detail).to.deep.equal({ ids: ['alpha'], patch: { state: 'active' } });
      await until(() => notice(el).includes('Delta draft'));
      expect(notice(el)).to.contain('1 segment updated.').and.contain('Delta draft is a draft and was not activated');
      expect((await summary(provider, 'alpha'))!.state).to.equal('active');
      expect((await summary(provider, 'delta'))!.state).to.equal('inactive');
    });
  });

  // ------------------------------------------------------------------ robustness

  describe('robustness', () => {
    it('a failing list shows the error and Retry, keeping the rows, selection, sort and search', async () => {
      const { provider, state } = flaky(store());
      const el = await list(provider);
      el.view = { ...el.view, sort: { key: 'name', direction: 'asc' } };
      await until(() => ids(el)[0] === 'alpha');
      await settled(el);
      await select(el, 'bravo');
      state.failList = true;
      el.view = { ...el.view, search: 'a' };
      await until(() => !!$(el, '[part~="state"][role="alert"]'));
      expect(text($(el, '[part~="state"]'))).to.contain('The segments could not be loaded: The segment service is down.');
      expect(ids(el), 'the previous rows').to.deep.equal(['alpha', 'bravo', 'charlie', 'do-not-contact']);
      expect($(el, 'tbody')!.classList.contains('stale')).to.equal(true);
      expect(el.selectedIds).to.deep.equal(['bravo']);
      expect($<HTMLInputElement>(el, 'input[part~="search"]')!.value).to.equal('a');
      expect($(el, 'th[data-column="name"]')!.getAttribute('aria-sort')).to.equal('ascending');
      state.failList = false;
      $(el, '[part~="state"][role="alert"] button')!.click();
      await until(() => !$(el, '[part~="state"][role="alert"]'));
      await settled(el);
      expect(ids(el)).to.deep.equal(['alpha', 'bravo', 'charlie', 'do-not-contact']);
      expect(el.selectedIds).to.deep.equal(['bravo']);
    });

    it('a slow provider shows the loading state, then aria-busy while the next answer is pending', async () => {
      const { provider, calls } = held(store());
      const el = await fixture<SegmentListElement>(html`<segment-list .provider=${provider}></segment-list>`);
      await until(() => calls.length === 1);
      await el.updateComplete;
      expect(text($(el, '[part~="state"]'))).to.equal('Loading segments…');
      expect($(el, 'table')!.getAttribute('aria-busy')).to.equal('true');
      calls[0]!.release();
      await until(() => ids(el).length === 4);
      expect($(el, 'table')!.getAttribute('aria-busy')).to.equal('false');
      el.view = { ...el.view, sort: { key: 'name', direction: 'asc' } };
      await until(() => calls.length === 2);
      await el.updateComplete;
      expect($(el, 'table')!.getAttribute('aria-busy')).to.equal('true');
      expect(ids(el), 'the last rows stay').to.have.length(4);
      calls[1]!.release();
      await until(() => $(el, 'table')!.getAttribute('aria-busy') === 'false');
      expect(ids(el)[0]).to.equal('alpha');
    });

    it('never shows a superseded search’s late answer, aborts its signal, and keeps the selection', async () => {
      const { provider, calls } = held(store());
      const el = await fixture<SegmentListElement>(html`<segment-list .provider=${provider}></segment-list>`);
      await until(() => calls.length === 1);
      calls[0]!.release();
      await until(() => ids(el).length === 4);
      await select(el, 'charlie');
      el.view = { ...el.view, search: 'alpha' };
      await until(() => calls.length === 2, 3000, 'the first search');
      el.view = { ...el.view, search: 'bravo' };
      await until(() => calls.length === 3, 3000, 'the second search');
      expect(calls[1]!.opts.search).to.equal('alpha');
      expect(calls[1]!.opts.signal?.aborted, 'the superseded call is aborted').to.equal(true);
      expect(calls[2]!.opts.signal?.aborted).to.equal(false);
      // Answers in reverse order: the newer first, then the superseded one.
      calls[2]!.release();
      await until(() => ids(el).length === 1 && ids(el)[0] === 'bravo');
      calls[1]!.release();
      await wait(100);
      await el.updateComplete;
      expect(ids(el)).to.deep.equal(['bravo']);
      expect(el.selectedIds, 'selected before the search').to.deep.equal(['charlie']);
      expect(text($(el, '[part~="bulk-bar"] .count'))).to.equal('1 selected');
    });

    it('a failing action shows the error and keeps the selection', async () => {
      const { provider, state } = flaky(store());
      const el = await list(provider);
      await select(el, 'alpha', 'bravo');
      state.failUpdate = true;
      bulk(el, 'static').click();
      await until(() => !!$(el, '[part~="notice"][role="alert"]'));
      expect(notice(el)).to.contain('That did not work: The update was refused.');
      await settled(el);
      expect(el.selectedIds.sort()).to.deep.equal(['alpha', 'bravo']);
      expect(rowCheck(el, 'alpha').checked && rowCheck(el, 'bravo').checked).to.equal(true);
      expect(cellText(el, 'alpha', 'type')).to.equal('Dynamic');
    });
  });

  // ------------------------------------------------------------------ polling

  describe('polling while a segment runs', () => {
    it('asks again every poll-interval until none runs, then stops', async () => {
      const { provider, state } = runningFor(store(), 3);
      const el = await fixture<SegmentListElement>(html`<segment-list .provider=${provider} poll-interval="50"></segment-list>`);
      await until(() => ids(el).length === 4);
      await until(() => cellText(el, 'alpha', 'status').includes('Running'));
      await until(() => state.calls === 4, 3000, 'three polls');
      await until(() => cellText(el, 'alpha', 'status').includes('Not started'));
      await wait(400); // eight intervals: no more calls
      expect(state.calls).to.equal(4);
    });

    it('stops when the element is removed and resumes when it is put back', async () => {
      const { provider, state } = runningFor(store(), Infinity);
      const el = await fixture<SegmentListElement>(html`<segment-list .provider=${provider} poll-interval="50"></segment-list>`);
      const parent = el.parentElement!;
      await until(() => state.calls >= 3, 3000, 'polling');
      el.remove();
      const calls = state.calls;
      await wait(400); // eight intervals
      expect(state.calls, 'no call after removal').to.equal(calls);
      parent.append(el);
      await until(() => state.calls >= calls + 2, 3000, 'polling again');
    });
  });

  // ------------------------------------------------------------------ hostile strings

  it('shows hostile names, display names, tags and descriptions as text everywhere', async () => {
    const provider = store([
      { ...seg('victim', `${HOSTILE} shown`, { tags: [HOSTILE], description: HOSTILE }), name: HOSTILE },
      seg('user', `${HOSTILE} user`, { state: 'active', rules: [{ id: 'r1', segment: 'victim' }] }),
    ]);
    const el = await list(provider);
    expect(text($(el, 'tr[data-id="victim"] [part~="name-button"]'))).to.equal(`${HOSTILE} shown`);
    expect(text($(el, 'tr[data-id="victim"] [part~="name-secondary"]')), 'the name').to.equal(HOSTILE);
    expect(cellText(el, 'victim', 'tags')).to.contain(HOSTILE);
    expect(cellText(el, 'victim', 'usedBy')).to.contain(`${HOSTILE} user`);
    expect($(el, 'tr[data-id="victim"] [part~="row-menu-button"]')!.getAttribute('aria-label')).to.equal(`Actions for ${HOSTILE} shown`);
    $(el, 'tr[data-id="victim"] [part~="description-toggle"]')!.click();
    await until(() => !!$(el, '[part~="description"]'));
    expect(text($(el, '[part~="description"]'))).to.equal(HOSTILE);
    $(el, '[part~="tag-filter"]')!.click();
    await until(() => $$(el, '#tag-panel label').length === 1);
    expect(text($(el, '#tag-panel label'))).to.equal(HOSTILE);
    $(el, '[part~="tag-filter"]')!.click();
    await choose(el, 'victim', 'delete');
    await dialogOpened(el);
    expect(text(dialog(el))).to.contain(HOSTILE);
    expect(text($(el, '[part~="used-by-warning"]'))).to.contain(`“${HOSTILE} shown” is used by “${HOSTILE} user”`);
    expect($$(el, 'img')).to.have.length(0);
    expect(el.querySelector('img')).to.equal(null);
  });

  it('renders and opens its menu right to left', async () => {
    const parent = await fixture<HTMLDivElement>(html`<div dir="rtl"><segment-list .provider=${store()}></segment-list></div>`);
    const el = parent.querySelector<SegmentListElement>('segment-list')!;
    await settled(el);
    expect(ids(el)).to.have.length(4);
    await openMenu(el, 'alpha');
    expect($$(el, '#row-menu [role="menuitem"]').length).to.be.greaterThan(5);
    expect(getComputedStyle($(el, 'table')!).direction).to.equal('rtl');
  });
});
