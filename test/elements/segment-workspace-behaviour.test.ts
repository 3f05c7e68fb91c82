/** `<segment-workspace>`: provider and import faults, accessibility, keyboard, events, and listeners after many mounts. */
import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { SegmentProviderError, type SegmentProvider } from '../../src/core/index.js';
import '../../src/elements/segment-workspace/define.js';
import type { ViewModuleName } from '../../src/elements/segment-workspace/modules.js';
import { SegmentWorkspaceElement } from '../../src/elements/segment-workspace/segment-workspace.js';
import { until } from './fixtures.js';
import { $, $$, store } from './list-fixtures.js';
import {
  builderEl,
  cleanUp,
  heading,
  listEl,
  listReady,
  mount,
  newKey,
  openDetails,
  openEditor,
  typeDisplayName,
  view,
} from './workspace-fixtures.js';

afterEach(cleanUp);

describe('<segment-workspace> behaviour', () => {
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

    it('titles a segment opened from the list with its name at once, while the provider is still answering', async () => {
      const base = store();
      const gates: (() => void)[] = [];
      let slow = false;
      const later = <T>(p: () => Promise<T>): Promise<T> => (slow ? new Promise<void>((r) => gates.push(r)).then(p) : p());
      const provider = Object.assign(Object.create(base) as SegmentProvider, {
        getSegment: (...a: Parameters<SegmentProvider['getSegment']>) => later(() => base.getSegment(...a)),
        listSegments: (...a: Parameters<SegmentProvider['listSegments']>) => later(() => base.listSegments(...a)),
      });
      const el = await mount(provider);
      const name = $(listEl(el), 'tr[data-id="alpha"] [part~="name-button"]')!.textContent.trim();
      slow = true;
      $(listEl(el), 'tr[data-id="alpha"] [part~="name-button"]')!.click();
      await until(() => view(el) === 'details', 3000, 'details view');
      expect(heading(el)).to.equal(name);
      expect(name).to.not.equal('alpha');
      slow = false;
      gates.splice(0).forEach((g) => g());
      await until(() => !!$(el, 'member-preview'), 5000, 'details');
      expect(heading(el)).to.equal(name);
    });

    it('shows an error with Retry when a view module cannot be loaded', async () => {
      let failing = true;
      class Flaky extends SegmentWorkspaceElement {
        protected override importView(name: ViewModuleName): Promise<unknown> {
          if (name === 'details' && failing) return Promise.reject(new Error('Failed to fetch dynamically imported module'));
          return super.importView(name);
        }
      }
      customElements.define('flaky-workspace', Flaky);
      const el = await fixture<Flaky>(html`<flaky-workspace .provider=${store()} storage-key=${newKey()}></flaky-workspace>`);
      await listReady(el);
      await el.go({ view: 'details', id: 'alpha' });
      await until(() => $(el, '[part~="state"]')?.textContent.includes('could not be loaded') ?? false, 3000, 'import error');
      failing = false;
      $(el, '[part~="retry"]')!.click();
      await until(() => !!$(el, 'member-preview'), 5000, 'details');
    });
  });

  describe('views loaded ahead', () => {
    it('loads the details and the builder while the list is idle, so their first visit shows no loading state', async () => {
      const imported: ViewModuleName[] = [];
      class Slow extends SegmentWorkspaceElement {
        protected override importView(name: ViewModuleName): Promise<unknown> {
          imported.push(name);
          // A slow network for the views after the list.
          return name === 'list' ? super.importView(name) : new Promise((r) => setTimeout(r, 400)).then(() => super.importView(name));
        }
      }
      customElements.define('slow-workspace', Slow);
      const el = await fixture<Slow>(html`<slow-workspace .provider=${store()} storage-key=${newKey()}></slow-workspace>`);
      await listReady(el);
      await until(() => imported.includes('details') && imported.includes('editor'), 4000, 'the prefetch');
      await new Promise((r) => setTimeout(r, 600));
      await el.go({ view: 'details', id: 'alpha' });
      await el.updateComplete;
      // "Loading…" is the view's module; "Loading the segment…" (the provider's answer) may show.
      expect($(el, '[part~="state"]')?.textContent.trim() ?? '', 'no view loading state on the first visit').to.not.equal('Loading…');
      await until(() => !!$(el, 'member-preview'), 300, 'the details sooner than the slow import');
      expect(
        imported.filter((n) => n === 'details'),
        'imported once',
      ).to.have.length(1);
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

  it('shows the route a host sets, without firing segment-workspace-navigate', async () => {
    const el = await mount();
    let fired = 0;
    el.addEventListener('segment-workspace-navigate', () => fired++);
    el.route = { view: 'details', id: 'bravo' };
    await until(() => view(el) === 'details' && heading(el) === 'Bravo lapsed' && !!$(el, 'member-preview'), 5000, 'details');
    expect(el.shadowRoot!.activeElement?.id).to.equal('view-title');
    el.route = { view: 'list' };
    await until(() => !listEl(el).hidden, 3000, 'list');
    expect(fired).to.equal(0);
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
