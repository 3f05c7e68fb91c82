import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { SegmentDocument } from '../../src/core/index.js';
import '../../src/elements/segment-workspace/define.js';
import type { QuickSegmentElement } from '../../src/elements/quick-segment/quick-segment.js';
import {
  draftKey,
  parseRouteHash,
  routeHash,
  type SegmentWorkspaceElement,
} from '../../src/elements/segment-workspace/segment-workspace.js';
import { until } from './fixtures.js';
import { $, $$, store } from './list-fixtures.js';
import {
  builderEl,
  button,
  cleanUp,
  heading,
  listEl,
  mount,
  newKey,
  openDetails,
  openEditor,
  typeDisplayName,
  view,
} from './workspace-fixtures.js';

afterEach(cleanUp);

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

    it('clears the last result when another view is shown, or the list acts', async () => {
      const el = await mount();
      await openDetails(el, 'charlie');
      $(el, '[data-action="refresh"]')!.click();
      await until(() => $(el, '[part~="notice"]')?.textContent.includes('Refreshed') ?? false, 3000, 'refreshed');
      button($(el, '[part~="breadcrumb"]')!, 'Segments')!.click();
      await until(() => view(el) === 'list', 3000, 'list');
      expect($(el, '[part~="notice"]') === null, 'no "Refreshed" notice over the list').to.equal(true);
      // A duplicate's notice (Edit it), then the list renames another: the list says so, the old notice goes.
      const list = listEl(el);
      $(list, 'tr[data-id="alpha"] [part~="row-menu-button"]')!.click();
      await list.updateComplete;
      $(list, '#row-menu [data-action="duplicate"]')!.click();
      await until(() => !!$(el, '[part~="notice"] [data-action="notice-action"]'), 3000, 'duplicate notice');
      $(list, 'tr[data-id="bravo"] [part~="row-menu-button"]')!.click();
      await list.updateComplete;
      $(list, '#row-menu [data-action="rename"]')!.click();
      await until(() => !!$(list, 'dialog input[name="displayName"]'), 3000, 'rename dialog');
      $<HTMLInputElement>(list, 'dialog input[name="displayName"]')!.value = 'Bravo, renamed';
      $(list, 'dialog [data-action="confirm"]')!.click();
      await until(() => $(list, 'tr[data-id="bravo"]')?.textContent.includes('Bravo, renamed') ?? false, 3000, 'renamed');
      expect($(el, '[part~="notice"]') === null, 'the duplicate notice is gone').to.equal(true);
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
});

after(() => fixtureCleanup());
