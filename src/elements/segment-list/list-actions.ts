/**
 * `<segment-list>`, part 2 of 3: the actions done through the provider (each after its
 * cancelable request event), the dialogs' entry points and the template's event handlers.
 */
import type { SegmentDocument } from '../../core/model/types.js';
import { isAbortError, type SegmentPatch, type SegmentProvider, type SegmentSummary } from '../../core/provider/types.js';
import { PopoverController } from '../shared/controllers/popover.js';
import { emit, type SegmentListAction } from '../shared/events.js';
import { currentTranslator, term } from '../shared/messages.js';
import { shownName } from './columns.js';
import { type ListDialog } from './dialogs.js';
import { messageOf, SegmentListState } from './list-state.js';

/** The actions of `<segment-list>` (see `SegmentListElement`). */
export class SegmentListActions extends SegmentListState {
  // ------------------------------------------------------------------ actions

  /** The segments an action on the selection applies to. */
  protected async targets(): Promise<SegmentSummary[]> {
    const provider = this.effectiveProvider;
    if (this.allMatching && provider) return this.everySummary(provider, { filtered: true });
    return this.selectedIds.map((id) => this.known.get(id)).filter((s): s is SegmentSummary => !!s);
  }

  /**
   * Do one action through the provider: the cancelable request event first, then the
   * call (with a progress notice), then `segments-changed`, an announcement and a reload.
   * A failure is shown and keeps the selection.
   */
  protected async perform(
    action: Exclude<SegmentListAction, 'download'>,
    ids: string[],
    working: string,
    call: (provider: SegmentProvider) => Promise<SegmentSummary[] | void>,
    done: (items: SegmentSummary[]) => string,
    patch?: SegmentPatch,
  ): Promise<boolean> {
    const provider = this.effectiveProvider;
    if (!provider || !ids.length) return false;
    this.notice = null;
    this.working = { text: working };
    this.announcer.announce(working);
    let settled = false;
    try {
      const items = (await call(provider)) ?? [];
      this.remember(items);
      if (action === 'delete') {
        for (const id of ids) this.known.delete(id);
        this.knownVersion++;
        const gone = new Set(ids);
        this.selection.retain((id) => !gone.has(id));
        for (const id of ids) this.gone.add(id);
      } else if (action !== 'duplicate') for (const s of items) this.fresh.set(s.id, s);
      this.overlayVersion++;
      settled = true;
      emit(this, 'segments-changed', {
        action,
        ids: action === 'duplicate' ? items.map((s) => s.id) : ids,
        items,
        ...(patch ? { patch } : {}),
      });
      const text = done(items);
      this.notice = { kind: 'info', text };
      this.announcer.announce(text);
      return true;
    } catch (e) {
      if (!isAbortError(e)) this.notice = { kind: 'error', text: this.msg('list.failed', { message: messageOf(e) }) };
      return false;
    } finally {
      this.working = null;
      // After a change, its answer is painted first (the rows on the page, as the provider
      // returned them); the list is asked for again right after that frame.
      if (settled && typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(() => this.reload(), 0));
      else this.reload();
    }
  }

  /** @internal */
  async doRefresh(ids: string[], all = false): Promise<void> {
    if (!ids.length || !emit(this, 'segment-refresh-request', { ids, all })) return;
    for (const id of ids) this.refreshing.add(id);
    this.requestUpdate();
    this.schedulePoll();
    try {
      await this.perform(
        'refresh',
        ids,
        this.msg('list.working.refresh', { count: ids.length }),
        (p) => p.refreshSegments(ids),
        (items) => this.msg('list.done.refresh', { count: items.length || ids.length }),
      );
    } finally {
      for (const id of ids) this.refreshing.delete(id);
    }
  }

  protected async refreshAll(): Promise<void> {
    const provider = this.effectiveProvider;
    if (!provider) return;
    try {
      const all = await this.everySummary(provider, {});
      await this.doRefresh(
        all.map((s) => s.id),
        true,
      );
    } catch (e) {
      if (!isAbortError(e)) this.notice = { kind: 'error', text: this.msg('list.failed', { message: messageOf(e) }) };
    }
  }

  /** Update segments with one patch (a draft is left out of an activation, and the notice says so). */
  /** @internal */
  async doUpdate(items: SegmentSummary[], patch: SegmentPatch): Promise<boolean> {
    let list = items;
    let skipped: string[] = [];
    if (patch.state === 'active' || (patch.activateAt !== undefined && patch.activateAt !== null)) {
      skipped = list.filter((s) => s.status === 'draft').map(shownName);
      list = list.filter((s) => s.status !== 'draft');
    }
    const ids = list.map((s) => s.id);
    const draftText = skipped.length ? ' ' + this.msg('list.drafts.skipped', { names: skipped }) : '';
    if (!ids.length) {
      if (skipped.length) this.notice = { kind: 'error', text: draftText.trim() };
      return false;
    }
    if (!emit(this, 'segment-update-request', { ids, patch })) return false;
    return this.perform(
      'update',
      ids,
      this.msg('list.working.update', { count: ids.length }),
      (p) => p.updateSegments(ids, patch),
      (changed) => this.msg('list.done.update', { count: changed.length || ids.length }) + draftText,
      patch,
    );
  }

  /** Tags: add some to every segment and remove others (each segment keeps its other tags). */
  /** @internal */
  async doRetag(items: SegmentSummary[], add: string[], remove: string[]): Promise<boolean> {
    const groups = new Map<string, { tags: string[]; ids: string[] }>();
    for (const s of items) {
      const tags = [...new Set([...s.tags.filter((t) => !remove.includes(t)), ...add])];
      if (tags.length === s.tags.length && tags.every((t, i) => t === s.tags[i])) continue;
      const key = JSON.stringify(tags);
      const g = groups.get(key) ?? { tags, ids: [] };
      g.ids.push(s.id);
      groups.set(key, g);
    }
    const ids = [...groups.values()].flatMap((g) => g.ids);
    if (!ids.length) return true;
    const patch: SegmentPatch = { tags: [...new Set([...add])] };
    if (!emit(this, 'segment-update-request', { ids, patch: groups.size === 1 ? { tags: [...groups.values()][0]!.tags } : patch }))
      return false;
    return this.perform(
      'update',
      ids,
      this.msg('list.working.update', { count: ids.length }),
      async (p) => (await Promise.all([...groups.values()].map((g) => p.updateSegments(g.ids, { tags: g.tags })))).flat(),
      (changed) => this.msg('list.done.update', { count: changed.length }),
    );
  }

  /** @internal */
  async doDelete(ids: string[], force: boolean): Promise<boolean> {
    const usedBy = this.usedByOf(ids);
    if (!emit(this, 'segment-delete-request', { ids, usedBy })) return true;
    // Focus was on a row that goes away: after the reload it goes to the row now in its place.
    const row = this.returnFocus?.closest('tr[part~="row"]');
    if (row) {
      this.refocusRow = [...this.renderRoot.querySelectorAll('tbody tr[part~="row"]')].indexOf(row);
      this.returnFocus = null;
    }
    return this.perform(
      'delete',
      ids,
      this.msg('list.working.delete', { count: ids.length }),
      (p) => p.deleteSegments(ids, { force }),
      () => this.msg('list.done.delete', { count: ids.length }),
    );
  }

  /** @internal */
  async doDuplicate(id: string): Promise<void> {
    if (!emit(this, 'segment-duplicate-request', { id })) return;
    let name = '';
    await this.perform(
      'duplicate',
      [id],
      this.msg('list.working.duplicate'),
      async (p) => {
        const doc = await p.getSegment(id);
        const { id: _id, snapshot: _snapshot, ...rest } = doc;
        const copy: SegmentDocument = {
          ...rest,
          name: `${doc.name ?? 'segment'}_copy`,
          displayName: this.msg('list.copyName', { name: shownName(doc) }),
          state: 'inactive',
        };
        const saved = await p.saveSegment(copy);
        name = shownName(saved);
        return [saved];
      },
      () => this.msg('list.done.duplicate', { name }),
    );
  }

  /** @internal */
  async doDownload(items: SegmentSummary[]): Promise<void> {
    const provider = this.effectiveProvider;
    // A draft has no members to download (the provider refuses to evaluate it).
    const drafts = items.filter((s) => s.status === 'draft').map(shownName);
    const ids = items.filter((s) => s.status !== 'draft').map((s) => s.id);
    const draftText = drafts.length ? ' ' + this.msg('list.download.draftsSkipped', { names: drafts }) : '';
    if (!ids.length) {
      if (drafts.length) this.notice = { kind: 'error', text: draftText.trim() };
      return;
    }
    if (!provider || !emit(this, 'segment-download-request', { ids })) return;
    const abort = new AbortController();
    this.notice = null;
    let saved = 0;
    try {
      const { downloadMembersCsv } = await import('../shared/download.js');
      for (const [i, id] of ids.entries()) {
        const show = (done: number, total: number) => {
          this.working = { text: this.msg('list.working.download', { index: i + 1, count: ids.length, done, total }), abort };
        };
        show(0, this.known.get(id)?.memberCount ?? 0);
        const outcome = await downloadMembersCsv(provider, id, { signal: abort.signal, onProgress: show });
        if (outcome === 'saved') saved++;
        else break;
      }
      const text = this.msg('list.done.download', { count: saved }) + draftText;
      this.notice = { kind: 'info', text };
      this.announcer.announce(text);
    } catch (e) {
      if (!isAbortError(e)) this.notice = { kind: 'error', text: this.msg('list.failed', { message: messageOf(e) }) };
    } finally {
      this.working = null;
    }
  }

  /** Deleted id → the ids of the segments (not deleted with it) that use it. */
  protected usedByOf(ids: string[]): Record<string, string[]> {
    const gone = new Set(ids);
    const out: Record<string, string[]> = {};
    for (const id of ids) {
      const users = (this.known.get(id)?.usedBy ?? []).filter((u) => !gone.has(u));
      if (users.length) out[id] = users;
    }
    return out;
  }

  /** A row's labels, worked out once per summary and language (a selection renders every row). */
  protected readonly labels = new WeakMap<SegmentSummary, { translator: object; select: string; menu: string }>();
  protected rowLabels(s: SegmentSummary): { select: string; menu: string } {
    const translator = currentTranslator();
    let out = this.labels.get(s);
    if (out?.translator !== translator) {
      const name = shownName(s);
      out = { translator, select: term('list.select', { name }), menu: term('list.action.menu', { name }) };
      this.labels.set(s, out);
    }
    return out;
  }

  /** A key for each row (see `rowKeys`). */
  protected keysFor(items: readonly SegmentSummary[]): Map<string, number> {
    const shown = new Set(items.map((s) => s.id));
    const focused = (this.renderRoot as ShadowRoot).activeElement?.closest('tr[data-id]')?.getAttribute('data-id');
    const keys = new Map<string, number>();
    // The keys given up, by the row's place (the map is in the order of the rows last shown).
    const free = new Map<number, number>();
    let place = 0;
    for (const [id, key] of this.rowKeys) {
      if (shown.has(id)) keys.set(id, key);
      else if (id !== focused && id !== this.menuFor) free.set(place, key);
      place++;
    }
    // A segment coming into view takes the key of the row that was in its place, if that one left, so rows are
    // updated where they are rather than moved; then any other key given up; then a new one.
    const rest: SegmentSummary[] = [];
    items.forEach((s, i) => {
      if (keys.has(s.id)) return;
      const key = free.get(i);
      if (key === undefined) rest.push(s);
      else {
        free.delete(i);
        keys.set(s.id, key);
      }
    });
    const left = free.values();
    for (const s of rest) keys.set(s.id, left.next().value ?? this.nextRowKey++);
    // In the order shown, for the next time.
    this.rowKeys = new Map(items.map((s) => [s.id, keys.get(s.id)!]));
    return this.rowKeys;
  }

  protected nameOf = (id: string): string => {
    const s = this.known.get(id);
    return s ? shownName(s) : id;
  };

  /** Open a dialog; focus comes back to what had it when the dialog closes. */
  /** @internal */
  openDialog(dialog: ListDialog): void {
    let active = document.activeElement as HTMLElement | null;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement as HTMLElement;
    this.returnFocus = active;
    this.dialog = dialog;
  }

  protected async bulkDialog(kind: 'delete' | 'tags'): Promise<void> {
    const items = await this.targets();
    if (!items.length) return;
    if (kind === 'tags') this.openDialog({ kind: 'tags', items });
    else await this.confirmDeleteOf(items);
  }

  /** @internal Ask before deleting, naming the segments that use them. */
  async confirmDeleteOf(items: SegmentSummary[]): Promise<void> {
    const ids = items.map((s) => s.id);
    const usedBy = this.usedByOf(ids);
    // Name the segments that use them, asking the provider for those not seen yet.
    const provider = this.effectiveProvider;
    const unknown = [...new Set(Object.values(usedBy).flat())].filter((id) => !this.known.has(id)).slice(0, 20);
    if (provider && unknown.length) {
      await Promise.all(
        unknown.map(async (id) => {
          try {
            const doc = await provider.getSegment(id);
            this.knownVersion++;
            this.known.set(id, {
              ...(this.known.get(id) ?? ({} as SegmentSummary)),
              id,
              name: doc.name ?? id,
              ...(doc.displayName ? { displayName: doc.displayName } : {}),
            });
          } catch {
            // named by its id
          }
        }),
      );
    }
    this.openDialog({ kind: 'delete', items, usedBy });
  }

  /** @internal A summary seen by the list (for names). */
  summaryOf(id: string): SegmentSummary | undefined {
    return this.known.get(id);
  }

  /** @internal Show a problem in the open dialog (it stays open). Returns false. */
  showDialogError(error: string): false {
    if (this.dialog) this.dialog = { ...this.dialog, error };
    return false;
  }

  /** @internal */
  closeDialog(): void {
    const d = this.renderRoot.querySelector('dialog');
    if (d?.open) d.close();
    this.dialog = null;
    const back = this.returnFocus;
    this.returnFocus = null;
    void this.updateComplete.then(() => {
      if (back?.isConnected) back.focus();
      else if (this.refocusRow === null) this.renderRoot.querySelector<HTMLElement>('[part~="search"]')?.focus();
    });
  }

  // ------------------------------------------------------------------ events from the template

  protected onRowCheck(e: MouseEvent, id: string): void {
    // Shift as last seen on a key only counts for a click from the keyboard (Space: detail 0); a
    // pointer click says itself, as Shift may have been released outside the list.
    this.selection.toggle(id, { range: e.shiftKey || (e.detail === 0 && this.shiftHeld) });
    if (!this.selection.has(id)) this.allMatching = false;
  }

  protected onSelectAll(): void {
    this.allMatching = false;
    this.selection.toggleAll();
  }

  protected openRowMenu(id: string, focus: 'first' | 'last' = 'first'): void {
    if (this.menuFor !== id) {
      this.rowMenu.hide({ focus: false });
      this.menuFor = id;
    }
    this.rowMenu.show(focus);
  }

  protected onRowMenuButtonKeydown(e: KeyboardEvent, id: string): void {
    if (e.key === 'ArrowDown' || e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      e.stopPropagation();
      this.openRowMenu(id, 'first');
    } else if (e.key === 'ArrowUp' && e.altKey) {
      e.preventDefault();
      this.openRowMenu(id, 'last');
    }
  }

  /** ArrowUp / ArrowDown in the table: the same control in the row above or below. */
  protected onTableKeydown(e: KeyboardEvent): void {
    if ((e.key !== 'ArrowDown' && e.key !== 'ArrowUp') || e.altKey || e.ctrlKey || e.metaKey) return;
    const target = e.composedPath()[0] as HTMLElement;
    if (target instanceof HTMLInputElement && target.type !== 'checkbox') return;
    const td = target.closest('td');
    const tr = td?.parentElement as HTMLTableRowElement | null;
    if (!td || !tr) return;
    const rows = [...this.renderRoot.querySelectorAll<HTMLTableRowElement>('tbody tr[part~="row"]')];
    const next = rows[rows.indexOf(tr) + (e.key === 'ArrowDown' ? 1 : -1)];
    if (!next) return;
    const controls = (cell: Element | undefined) => (cell ? [...cell.querySelectorAll<HTMLElement>('button, input, a[href]')] : []);
    const here = controls(td).findIndex((c) => c === target || c.contains(target));
    const there = controls(next.cells[td.cellIndex]);
    const to = there[Math.max(0, here)] ?? there[0];
    if (!to) return;
    e.preventDefault();
    to.focus();
  }

  protected onSearchInput(e: Event): void {
    this.allMatching = false;
    this.changeView({ search: (e.target as HTMLInputElement).value, page: 0 });
  }

  protected clearFilters(): void {
    this.changeView({ search: '', tags: [], page: 0 });
  }

  /** A panel closes when focus moves somewhere outside it and its button (Tab, Shift+Tab). */
  protected closeOnFocusOut(popover: PopoverController) {
    return (e: FocusEvent) => {
      const to = e.relatedTarget as Node | null;
      if (to && popover.open && !popover.contains(to)) popover.hide({ focus: false, reason: 'focusout' });
    };
  }

  protected openTagFilter(): void {
    this.tagPopover.toggle();
    const provider = this.effectiveProvider;
    if (this.tagPopover.open && provider && this.tagsInUse === null && !this.tagTask.pending) void this.tagTask.run([provider]);
  }
}
