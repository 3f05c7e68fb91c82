import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { SegmentDocument, SegmentProvider } from '../../src/core/index.js';
import { SegmentProviderError } from '../../src/core/index.js';
import '../../src/elements/segment-workspace/define.js';
import { draftKey, parseRouteHash, routeHash, SegmentWorkspaceElement } from '../../src/elements/segment-workspace/segment-workspace.js';
import type { SegmentBuilderElement } from '../../src/elements/segment-builder/segment-builder.js';
import type { SegmentListElement } from '../../src/elements/segment-list/segment-list.js';
import type { QuickSegmentElement } from '../../src/elements/quick-segment/quick-segment.js';
import type { ViewModuleName } from '../../src/elements/segment-workspace/modules.js';
import { until } from './fixtures.js';
import { $, $$, store } from './list-fixtures.js';

let keys = 0;
const newKey = () => `test-${Date.now()}-${keys++}`;

async function mount(provider: SegmentProvider = store(), opts: { key?: string; hash?: boolean } = {}) {
  const el = await fixture<SegmentWorkspaceElement>(
    html`<segment-workspace
      .provider=${provider}
      storage-key=${opts.key ?? newKey()}
      history=${opts.hash ? 'hash' : 'none'}
    ></segment-workspace>`,
  );
  await listReady(el);
  return el;
}

const view = (el: SegmentWorkspaceElement) => $(el, '[part~="view"]')!.dataset.view;
const heading = (el: SegmentWorkspaceElement) => $(el, '#view-title')!.textContent.trim();
const listEl = (el: SegmentWorkspaceElement) => $<SegmentListElement>(el, 'segment-list')!;
const builderEl = (el: SegmentWorkspaceElement) => $<SegmentBuilderElement>(el, 'segment-builder');
const button = (root: Element, text: string) =>
  [...(root.shadowRoot ?? root).querySelectorAll<HTMLButtonElement>('button')].find(
    (b) => b.textContent.replace(/\s+/g, ' ').trim() === text,
  );

async function listReady(el: SegmentWorkspaceElement) {
  await until(() => !!$(el, 'segment-list')?.shadowRoot?.querySelector('tbody tr[part~="row"]'), 5000, 'list rows');
}

async function openDetails(el: SegmentWorkspaceElement, id: string) {
  $(listEl(el), `tr[data-id="${id}"] [part~="name-button"]`)!.click();
  await until(() => view(el) === 'details' && !!$(el, 'member-preview'), 5000, 'details');
}

async function openEditor(el: SegmentWorkspaceElement) {
  $(el, '[data-action="edit"]')!.click();
  await until(() => !!builderEl(el)?.segment, 5000, 'builder');
  await builderEl(el)!.updateComplete;
}

/** Type into the builder's display name, as a person does. */
async function typeDisplayName(el: SegmentWorkspaceElement, text: string) {
  const input = $<HTMLInputElement>(builderEl(el)!, '#prop-displayName')!;
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await builderEl(el)!.updateComplete;
}

afterEach(() => {
  sessionStorage.clear();
  if (location.hash) history.replaceState(null, '', location.pathname + location.search);
});

describe('<segment-workspace>', () => {
  describe('routes', () => {
    it('encodes hostile ids and reads them back as the same text, never as a path', () => {
      for (const id of ['a/b', '../edit', '<img src=x onerror=alert(1)>', '%zz', '#/new', 'ünï cödé', ' ']) {
        const hash = routeHash({ view: 'edit', id });
        expect(hash.split('/')).to.have.length(4);
        expect(parseRouteHash(hash)).to.deep.equal({ view: 'edit', id });
      }
      expect(parseRouteHash('#/segments/%E0%A4%A')).to.equal(undefined); // malformed escape
      expect(parseRouteHash('#top')).to.equal(undefined); // a host's own anchor
      expect(parseRouteHash('#/segments/x/delete')).to.equal(undefined);
      expect(parseRouteHash('#/new/quick')).to.deep.equal({ view: 'new', kind: 'quick' });
      expect(parseRouteHash('#/segments')).to.deep.equal({ view: 'list' });
    });
  });

  describe('navigation', () => {
    it('list → details → edit → cancel → details → back to the list, focusing each view heading', async () => {
      const el = await mount();
      expect(view(el)).to.equal('list');
      expect(heading(el)).to.equal('Segments');
      await openDetails(el, 'alpha');
      expect(heading(el)).to.equal('Alpha buyers');
      expect(el.shadowRoot!.activeElement?.id, 'focus on the heading').to.equal('view-title');
      expect($(el, 'trend-chart')!.getAttribute('segment-id')).to.equal('alpha');
      await until(
        () =>
          $(el, '[part~="member-count"]')!.textContent.includes('Not counted') || /\d/.test($(el, '[part~="member-count"]')!.textContent),
        3000,
        'facts',
      );
      await openEditor(el);
      expect(view(el)).to.equal('edit');
      expect(heading(el)).to.equal('Edit “Alpha buyers”');
      expect(el.shadowRoot!.activeElement?.id).to.equal('view-title');
      // The breadcrumb goes back to the details it came from.
      expect($$(el, '[part~="breadcrumb"] button').map((b) => b.textContent.trim())).to.deep.equal(['Segments', 'Alpha buyers']);
      button(builderEl(el)!, 'Cancel')!.click();
      await until(() => view(el) === 'details', 3000, 'back to details');
      button($(el, '[part~="breadcrumb"]')!, 'Segments')!.click();
      await until(() => view(el) === 'list' && !listEl(el).hidden, 3000, 'list');
      expect(el.shadowRoot!.activeElement?.id).to.equal('view-title');
    });

    it('keeps the view in the URL hash, and the back button goes back', async () => {
      const el = await mount(store(), { hash: true });
      await openDetails(el, 'bravo');
      expect(location.hash).to.equal('#/segments/bravo');
      await openEditor(el);
      expect(location.hash).to.equal('#/segments/bravo/edit');
      history.back();
      await until(() => view(el) === 'details', 3000, 'details after back');
      expect(location.hash).to.equal('#/segments/bravo');
      history.back();
      await until(() => view(el) === 'list', 3000, 'list after back');
      // A route typed into the address bar is followed; a host's own anchor is not the workspace's.
      location.hash = '#/new/quick';
      await until(() => view(el) === 'new' && !!$(el, 'quick-segment'), 5000, 'quick');
      location.hash = '#top';
      await new Promise((r) => setTimeout(r, 50));
      expect(view(el)).to.equal('new');
    });

    it('leaves the URL alone without history="hash"', async () => {
      const before = location.href;
      const el = await mount();
      await openDetails(el, 'alpha');
      expect(location.href).to.equal(before);
    });

    it('opens on the route in the hash', async () => {
      history.replaceState(null, '', `#/segments/${encodeURIComponent('charlie')}`);
      const el = await fixture<SegmentWorkspaceElement>(
        html`<segment-workspace .provider=${store()} storage-key=${newKey()} history="hash"></segment-workspace>`,
      );
      await until(() => view(el) === 'details' && heading(el) === 'Charlie users', 5000, 'charlie');
    });
  });

  describe('unsaved changes', () => {
    it('asks before leaving the builder: Stay keeps the edit, Discard leaves', async () => {
      const el = await mount();
      await openDetails(el, 'alpha');
      await openEditor(el);
      await typeDisplayName(el, 'Alpha buyers, renamed');
      expect(el.dirty).to.equal(true);
      button($(el, '[part~="breadcrumb"]')!, 'Segments')!.click();
      await el.updateComplete;
      const dialog = $<HTMLDialogElement>(el, 'dialog')!;
      expect(dialog.open).to.equal(true);
      expect(dialog.textContent).to.contain('“Alpha buyers, renamed”');
      expect(el.shadowRoot!.activeElement?.getAttribute('data-action'), 'Stay is focused').to.equal('stay');
      await expect(el).to.be.accessible();
      $(el, '[data-action="stay"]')!.click();
      await el.updateComplete;
      expect($(el, 'dialog')).to.equal(null);
      expect(view(el)).to.equal('edit');
      expect(builderEl(el)!.segment!.displayName).to.equal('Alpha buyers, renamed');
      // Escape is Stay too.
      button($(el, '[part~="breadcrumb"]')!, 'Segments')!.click();
      await el.updateComplete;
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(view(el)).to.equal('edit');
      // Discard.
      button($(el, '[part~="breadcrumb"]')!, 'Segments')!.click();
      await el.updateComplete;
      $(el, '[data-action="discard"]')!.click();
      await until(() => view(el) === 'list', 3000, 'list');
      expect(el.dirty).to.equal(false);
      expect(sessionStorage.getItem(draftKey(el.storageKey))).to.equal(null);
      const provider = el.provider!;
      expect((await provider.getSegment('alpha')).displayName, 'nothing saved').to.equal('Alpha buyers');
    });

    it('asks when the back button leaves the builder, and puts the builder back in the URL on Stay', async () => {
      const el = await mount(store(), { hash: true });
      await openDetails(el, 'alpha');
      await openEditor(el);
      await typeDisplayName(el, 'Changed');
      history.back();
      await until(() => !!$(el, 'dialog'), 3000, 'dialog');
      expect(location.hash).to.equal('#/segments/alpha/edit');
      $(el, '[data-action="stay"]')!.click();
      await el.updateComplete;
      expect(view(el)).to.equal('edit');
      history.back();
      await until(() => !!$(el, 'dialog'), 3000, 'dialog again');
      $(el, '[data-action="discard"]')!.click();
      await until(() => view(el) === 'details', 3000, 'details');
      expect(location.hash).to.equal('#/segments/alpha');
    });

    it('sets beforeunload only while there are unsaved changes', async () => {
      const el = await mount();
      const ask = () => {
        const e = new Event('beforeunload', { cancelable: true });
        window.dispatchEvent(e);
        return e.defaultPrevented;
      };
      expect(ask()).to.equal(false);
      await openDetails(el, 'alpha');
      await openEditor(el);
      expect(ask()).to.equal(false);
      await typeDisplayName(el, 'Changed');
      await el.updateComplete;
      expect(ask()).to.equal(true);
      button($(el, '[part~="breadcrumb"]')!, 'Segments')!.click();
      await el.updateComplete;
      $(el, '[data-action="discard"]')!.click();
      await el.updateComplete;
      expect(ask()).to.equal(false);
    });

    it('restores the draft after a reload (a new element with the same storage key), and Discard goes back to the saved one', async () => {
      const provider = store();
      const key = newKey();
      const first = await mount(provider, { key });
      await openDetails(first, 'bravo');
      await openEditor(first);
      await typeDisplayName(first, 'Bravo, half edited');
      first.remove(); // the page goes away (the draft is written on the way out)
      const stored = JSON.parse(sessionStorage.getItem(draftKey(key))!) as { segment: SegmentDocument };
      expect(stored.segment.displayName).to.equal('Bravo, half edited');

      const again = await fixture<SegmentWorkspaceElement>(
        html`<segment-workspace .provider=${provider} storage-key=${key}></segment-workspace>`,
      );
      await until(() => builderEl(again)?.segment?.displayName === 'Bravo, half edited', 5000, 'restored draft');
      expect(view(again)).to.equal('edit');
      const notice = $(again, '[part~="notice"]')!;
      expect(notice.textContent).to.contain('Restored your unsaved changes');
      expect(again.dirty).to.equal(true);
      await expect(again).to.be.accessible();
      // A different storage key does not see it.
      const other = await fixture<SegmentWorkspaceElement>(
        html`<segment-workspace .provider=${provider} storage-key=${newKey()}></segment-workspace>`,
      );
      expect(view(other)).to.equal('list');
      button(notice, 'Discard')!.click();
      await until(() => builderEl(again)?.segment?.displayName === 'Bravo lapsed', 5000, 'saved version');
      expect(again.dirty).to.equal(false);
      expect(sessionStorage.getItem(draftKey(key))).to.equal(null);
    });

    it('drops a damaged draft instead of failing', async () => {
      const key = newKey();
      sessionStorage.setItem(draftKey(key), '{"version":1,"route":{"view":"edit"},"segment":5}');
      const el = await mount(store(), { key });
      expect(view(el)).to.equal('list');
      expect(sessionStorage.getItem(draftKey(key))).to.equal(null);
    });
  });

  describe('flows', () => {
    it('creates a blank segment, saves it, runs it, and shows it in the list with its member count', async () => {
      const el = await mount();
      const list = listEl(el);
      $(list, '#new-button')!.click();
      await list.updateComplete;
      await until(() => !!button(list, 'Blank segment'), 3000, 'new menu');
      button(list, 'Blank segment')!.click();
      await until(() => !!builderEl(el)?.segment, 5000, 'blank builder');
      expect(heading(el)).to.equal('New segment');
      const b = builderEl(el)!;
      b.edit((doc) => ({
        ...doc,
        name: 'ContactNot',
        displayName: 'Contact not',
        rules: [{ id: 'r1', where: { kind: 'condition', id: 'c1', entity: 'Customer', attribute: 'DoNotContact', operator: 'isTrue' } }],
      }));
      await b.updateComplete;
      expect(el.dirty).to.equal(true);
      button(b, 'Save and activate')!.click();
      await until(() => view(el) === 'list', 5000, 'back in the list');
      await until(() => $(el, '[part~="notice"]')?.textContent.includes('2 members') ?? false, 5000, 'ran');
      const row = () => $$(listEl(el), 'tbody tr[part~="row"]').find((tr) => tr.textContent.includes('Contact not'));
      await until(() => row()?.querySelector('td[data-column="memberCount"]')?.textContent.trim() === '2', 5000, 'count in the list');
      expect(el.dirty).to.equal(false);
    });

    it('saves an invalid segment as a draft', async () => {
      const el = await mount();
      await el.go({ view: 'new', kind: 'blank' });
      await until(() => !!builderEl(el)?.segment, 5000, 'builder');
      await typeDisplayName(el, 'Unfinished');
      button(builderEl(el)!, 'Save as draft')!.click();
      await until(() => view(el) === 'list', 5000, 'list');
      expect($(el, '[part~="notice"]')!.textContent).to.contain('as a draft');
    });

    it('shows a banner in the builder when other segments use the one edited', async () => {
      const el = await mount();
      await openDetails(el, 'do-not-contact');
      await openEditor(el);
      await until(() => !!$(el, '[part~="usage-banner"]'), 3000, 'banner');
      expect($(el, '[part~="usage-banner"]')!.textContent).to.contain('used by 1 other segment').and.contain('“Charlie users”');
      await expect(el).to.be.accessible();
    });

    it('deletes a segment after the warning about the segments that use it', async () => {
      const el = await mount();
      const list = listEl(el);
      $(list, 'tr[data-id="do-not-contact"] [part~="row-menu-button"]')!.click();
      await list.updateComplete;
      $(list, '#row-menu [data-action="delete"]')!.click();
      await until(() => !!$(list, 'dialog [part~="used-by-warning"]'), 3000, 'warning');
      expect($(list, 'dialog')!.textContent).to.contain('Charlie users');
      $(list, 'dialog [data-action="confirm"]')!.click();
      await until(() => !$(list, 'tr[data-id="do-not-contact"]'), 5000, 'deleted');
      const gone = await el.provider!.getSegment('do-not-contact').then(
        () => false,
        () => true,
      );
      expect(gone, 'deleted from the store').to.equal(true);
    });

    it('offers to edit a duplicate right away', async () => {
      const el = await mount();
      const list = listEl(el);
      $(list, 'tr[data-id="alpha"] [part~="row-menu-button"]')!.click();
      await list.updateComplete;
      $(list, '#row-menu [data-action="duplicate"]')!.click();
      await until(() => !!$(el, '[part~="notice"] [data-action="notice-action"]'), 3000, 'notice');
      $(el, '[part~="notice"] [data-action="notice-action"]')!.click();
      await until(() => builderEl(el)?.segment?.displayName === 'Copy of Alpha buyers', 5000, 'copy in the builder');
    });

    it('refreshes from the details and shows the new count', async () => {
      const el = await mount();
      await openDetails(el, 'charlie');
      $(el, '[data-action="refresh"]')!.click();
      await until(
        () => $(el, '[part~="notice"]')?.textContent.includes('Refreshed “Charlie users”: 2 members') ?? false,
        3000,
        'refreshed',
      );
      await until(() => $(el, '[part~="member-count"]')!.textContent.includes('2 members'), 3000, 'count');
      // An inactive segment is not refreshed, and the notice says why.
      await el.go({ view: 'details', id: 'alpha' });
      await until(() => heading(el) === 'Alpha buyers' && !!$(el, '[data-action="refresh"]'), 3000, 'alpha');
      $(el, '[data-action="refresh"]')!.click();
      await until(() => $(el, '[part~="notice"]')?.textContent.includes('inactive') ?? false, 3000, 'skipped');
    });

    it('opens the quick segment view and asks before leaving it with a choice made', async () => {
      const el = await mount();
      await el.go({ view: 'new', kind: 'quick' });
      await until(() => !!$(el, 'quick-segment'), 5000, 'quick');
      expect(heading(el)).to.equal('Quick segment');
      const quick = $<QuickSegmentElement>(el, 'quick-segment')!;
      await until(() => !!quick.segment, 3000, 'quick ready');
      quick.attribute = 'City'; // the field chosen (as the attribute picker does)
      await until(() => quick.condition?.attribute === 'City', 3000, 'attribute chosen');
      const leaving = el.go({ view: 'list' });
      await el.updateComplete;
      expect($<HTMLDialogElement>(el, 'dialog')?.open, 'asked').to.equal(true);
      $(el, '[data-action="stay"]')!.click();
      expect(await leaving).to.equal(false);
      expect(view(el)).to.equal('new');
      const again = el.go({ view: 'list' });
      await el.updateComplete;
      $(el, '[data-action="discard"]')!.click();
      expect(await again).to.equal(true);
      expect(view(el)).to.equal('list');
    });

    it('shows a rename done in the list in the details (the list acts, the workspace follows)', async () => {
      const el = await mount();
      const list = listEl(el);
      $(list, 'tr[data-id="bravo"] [part~="row-menu-button"]')!.click();
      await list.updateComplete;
      $(list, '#row-menu [data-action="rename"]')!.click();
      await until(() => !!$(list, 'dialog input[name="displayName"]'), 3000, 'rename dialog');
      $<HTMLInputElement>(list, 'dialog input[name="displayName"]')!.value = 'Bravo, renamed';
      $(list, 'dialog [data-action="confirm"]')!.click();
      await until(() => $(list, 'tr[data-id="bravo"]')?.textContent.includes('Bravo, renamed') ?? false, 3000, 'renamed');
      await openDetails(el, 'bravo');
      await until(() => heading(el) === 'Bravo, renamed', 3000, 'new name in the details');
    });
  });

  describe('faults', () => {
    it('shows the provider error when a segment cannot be opened, and Retry opens it', async () => {
      const base = store();
      let fail = true;
      const provider = Object.assign(Object.create(base) as SegmentProvider, {
        getSegment: (id: string, o?: { signal?: AbortSignal }) =>
          fail ? Promise.reject(new SegmentProviderError('unavailable', 'The store is down.')) : base.getSegment(id, o),
      });
      const el = await mount(provider);
      await el.go({ view: 'details', id: 'alpha' });
      await until(() => $(el, '[part~="state"][role="alert"]')?.textContent.includes('The store is down.') ?? false, 3000, 'error');
      await expect(el).to.be.accessible();
      fail = false;
      $(el, '[part~="retry"]')!.click();
      await until(() => !!$(el, 'member-preview'), 5000, 'details after retry');
    });

    it('shows an error with Retry when a view module cannot be loaded', async () => {
      let failures = 1;
      class Flaky extends SegmentWorkspaceElement {
        protected override importView(name: ViewModuleName): Promise<unknown> {
          if (name === 'details' && failures-- > 0) return Promise.reject(new Error('Failed to fetch dynamically imported module'));
          return super.importView(name);
        }
      }
      customElements.define('flaky-workspace', Flaky);
      const el = await fixture<Flaky>(html`<flaky-workspace .provider=${store()} storage-key=${newKey()}></flaky-workspace>`);
      await listReady(el);
      await el.go({ view: 'details', id: 'alpha' });
      await until(() => $(el, '[part~="state"]')?.textContent.includes('could not be loaded') ?? false, 3000, 'import error');
      $(el, '[part~="retry"]')!.click();
      await until(() => !!$(el, 'member-preview'), 5000, 'details');
    });
  });

  describe('accessibility', () => {
    it('is accessible in the list, details, builder and quick views', async () => {
      const el = await mount();
      await expect(el).to.be.accessible();
      await openDetails(el, 'alpha');
      await until(() => !!$(el, 'member-preview')?.shadowRoot?.querySelector('table'), 5000, 'members');
      await expect(el).to.be.accessible();
      await openEditor(el);
      await expect(el).to.be.accessible();
      await el.go({ view: 'new', kind: 'quick' });
      await until(() => !!$(el, 'quick-segment'), 5000, 'quick');
      await expect(el).to.be.accessible();
    });

    it('works from the keyboard alone: open a segment, edit it, leave and discard', async () => {
      const el = await mount();
      $(listEl(el), 'tr[data-id="bravo"] [part~="name-button"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => view(el) === 'details' && !!$(el, '[data-action="edit"]'), 5000, 'details');
      expect(el.shadowRoot!.activeElement?.id).to.equal('view-title');
      // Tab from the heading reaches Refresh, then Edit.
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement?.getAttribute('data-action')).to.equal('edit');
      await sendKeys({ press: 'Enter' });
      await until(() => !!builderEl(el)?.segment, 5000, 'builder');
      await builderEl(el)!.updateComplete;
      $<HTMLInputElement>(builderEl(el)!, '#prop-displayName')!.focus();
      await sendKeys({ type: ' again' });
      await until(() => el.dirty, 2000, 'dirty');
      // Shift+Tab back up to the breadcrumb's "Segments" and press it.
      $$<HTMLButtonElement>(el, '[part~="breadcrumb"] button')[0]!.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement?.getAttribute('data-action')).to.equal('stay');
      await sendKeys({ press: 'Shift+Tab' });
      expect(el.shadowRoot!.activeElement?.getAttribute('data-action')).to.equal('discard');
      await sendKeys({ press: 'Enter' });
      await until(() => view(el) === 'list', 3000, 'list');
      expect(el.shadowRoot!.activeElement?.id).to.equal('view-title');
    });
  });

  it('fires segment-workspace-navigate with the route and its hash', async () => {
    const el = await mount();
    setTimeout(() => void el.go({ view: 'details', id: 'a b' }));
    const e = await oneEvent(el, 'segment-workspace-navigate');
    expect(e.detail).to.deep.equal({ route: { view: 'details', id: 'a b' }, hash: '#/segments/a%20b' });
  });

  it('leaves no window or document listeners behind after 20 mounts and removals', async () => {
    const counts = new Map<EventTarget, number>();
    const targets: EventTarget[] = [window, document];
    const originals = targets.map((t) => ({ t, add: t.addEventListener, remove: t.removeEventListener }));
    for (const { t, add, remove } of originals) {
      t.addEventListener = function (
        this: EventTarget,
        type: string,
        fn: EventListenerOrEventListenerObject | null,
        o?: AddEventListenerOptions | boolean,
      ) {
        const signal = typeof o === 'object' ? o.signal : undefined;
        counts.set(t, (counts.get(t) ?? 0) + 1);
        signal?.addEventListener('abort', () => counts.set(t, (counts.get(t) ?? 0) - 1), { once: true });
        return add.call(this, type, fn, o);
      };
      t.removeEventListener = function (
        this: EventTarget,
        type: string,
        fn: EventListenerOrEventListenerObject | null,
        o?: EventListenerOptions | boolean,
      ) {
        counts.set(t, (counts.get(t) ?? 0) - 1);
        return remove.call(this, type, fn, o);
      };
    }
    try {
      const provider = store();
      const host = document.createElement('div');
      document.body.append(host);
      for (let i = 0; i < 20; i++) {
        const el = document.createElement('segment-workspace');
        el.provider = provider;
        el.history = 'hash';
        el.storageKey = `leak-${i}`;
        host.append(el);
        await listReady(el);
        if (i % 5 === 0) {
          await el.go({ view: 'details', id: 'alpha' });
          await until(() => !!$(el, 'member-preview'), 5000, 'details');
          await openEditor(el);
          await typeDisplayName(el, `x${i}`); // dirty: beforeunload is set
          await el.updateComplete;
        }
        el.remove();
        sessionStorage.clear();
      }
      host.remove();
      expect(counts.get(window) ?? 0, 'window listeners').to.equal(0);
      expect(counts.get(document) ?? 0, 'document listeners').to.equal(0);
    } finally {
      for (const { t, add, remove } of originals) {
        t.addEventListener = add;
        t.removeEventListener = remove;
      }
    }
  });
});

after(() => fixtureCleanup());
