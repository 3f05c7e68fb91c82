import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { list as listWords } from '../../core/messages/en/list.js';
import { addEnglish } from '../../core/messages/translator.js';
import type { SegmentDocument } from '../../core/model/types.js';
import { isAbortError, type SegmentPatch, type SegmentProvider, type SegmentSummary, type SortSpec } from '../../core/provider/types.js';
import { SegmentKitElement } from '../shared/base.js';
import { AnnouncerController } from '../shared/controllers/announcer.js';
import { MenuController } from '../shared/controllers/menu.js';
import { PopoverController } from '../shared/controllers/popover.js';
import { ProviderTask } from '../shared/controllers/provider-task.js';
import { SelectionController } from '../shared/controllers/selection.js';
import { emit, type SegmentListAction, type SegmentListView } from '../shared/events.js';
import { currentTranslator, term } from '../shared/messages.js';
import { baseStyles } from '../shared/styles.js';
import {
  cell,
  columnLabel,
  DEFAULT_COLUMNS,
  FIRST_DIRECTION,
  isColumn,
  normalizeColumns,
  SEGMENT_LIST_COLUMNS,
  shownName,
  type CellContext,
  type SegmentListColumn,
} from './columns.js';
import { dialogTemplate, type ListDialog } from './dialogs.js';
import { rowMenu } from './menus.js';
import { listStyles } from './segment-list.styles.js';

addEnglish(listWords);

export { SEGMENT_LIST_COLUMNS, DEFAULT_COLUMNS, type SegmentListColumn } from './columns.js';
export type { SegmentListView } from '../shared/events.js';

/** The view a list starts with: most recently updated first. */
export const DEFAULT_VIEW: SegmentListView = Object.freeze({
  search: '',
  tags: [],
  sort: Object.freeze<SortSpec>({ key: 'updatedAt', direction: 'desc' }),
  page: 0,
});

/** How long the search waits after a keystroke before it asks the provider (ms). */
export const SEARCH_DEBOUNCE = 250;
/** The most segments one `listSegments` call is asked for when the list needs every match. */
const ALL_PAGE = 1000;

type ListResult = { total: number; items: SegmentSummary[] };
type ListArgs = [provider: SegmentProvider, search: string, tags: string[], sortKey: string, direction: string, page: number, size: number];

/** A view with every field usable (what a host gives may be partial or wrong). */
export function normalizeView(view: Partial<SegmentListView> | null | undefined): SegmentListView {
  const v = view ?? {};
  const sort =
    v.sort && isColumn(v.sort.key) ? { key: v.sort.key, direction: v.sort.direction === 'desc' ? 'desc' : 'asc' } : DEFAULT_VIEW.sort;
  return {
    search: typeof v.search === 'string' ? v.search : '',
    tags: Array.isArray(v.tags) ? [...new Set(v.tags.filter((t): t is string => typeof t === 'string' && t !== ''))] : [],
    sort: sort as SortSpec,
    page: typeof v.page === 'number' && Number.isFinite(v.page) && v.page > 0 ? Math.floor(v.page) : 0,
  };
}

const sameView = (a: SegmentListView, b: SegmentListView) =>
  a.search === b.search &&
  a.page === b.page &&
  a.sort.key === b.sort.key &&
  a.sort.direction === b.sort.direction &&
  a.tags.length === b.tags.length &&
  a.tags.every((t, i) => t === b.tags[i]);

/** The provider's sort key for a column: the Name column shows (and sorts by) the display name, falling back to the name. */
const providerSortKey = (column: string) => (column === 'name' ? 'displayName' : column);

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * The Segments page: the saved segments in a table, sorted by any column, searched by name,
 * filtered by tags, with the columns a person chooses; rows selected one by one, by range
 * (Shift+click) or all; bulk actions on the selection and a menu of actions per row, each
 * done through the provider. Pages of `pageSize` rows (paging, not virtual scrolling).
 *
 * Every action fires a cancelable `*-request` event first; a host that does the action
 * itself prevents it. When the provider has done it, `segments-changed` follows.
 *
 * Keyboard: Tab reaches the toolbar, the table's controls, the pager; in the table,
 * ArrowUp/ArrowDown move to the same control in the row above or below; Space selects the
 * focused row's checkbox (Shift+Space extends the range); the row's menu button opens an
 * APG menu (arrows, Home/End, type-ahead, Escape). Dialogs are native modal `<dialog>`s.
 *
 * @tagname segment-list
 * @summary The Segments page: list, search, sort, filter and act on saved segments.
 * @event {CustomEvent<SegmentOpenDetail>} segment-open - View was chosen (or the name clicked).
 * @event {CustomEvent<SegmentEditDetail>} segment-edit - Edit was chosen.
 * @event {CustomEvent<SegmentCreateDetail>} segment-create - New → blank or quick segment.
 * @event {CustomEvent<SegmentsChangedDetail>} segments-changed - The provider has refreshed, updated, deleted or duplicated segments.
 * @event {CustomEvent<SegmentRefreshRequestDetail>} segment-refresh-request - Before a refresh. Cancelable.
 * @event {CustomEvent<SegmentUpdateRequestDetail>} segment-update-request - Before a state, type, tags, schedule or name change. Cancelable.
 * @event {CustomEvent<SegmentDeleteRequestDetail>} segment-delete-request - Before a delete (after the confirmation). Cancelable.
 * @event {CustomEvent<SegmentDuplicateRequestDetail>} segment-duplicate-request - Before a duplicate. Cancelable.
 * @event {CustomEvent<SegmentDownloadRequestDetail>} segment-download-request - Before a members CSV download. Cancelable.
 * @event {CustomEvent<SegmentListViewChangeDetail>} segment-list-view-change - The person changed the sort, search, tag filter or page.
 * @csspart toolbar - Search, tag filter, columns, refresh all and new.
 * @csspart search - The search field.
 * @csspart tag-filter - The tag filter button.
 * @csspart columns-button - The column chooser button.
 * @csspart new-button - The "New segment" menu button.
 * @csspart popover - The tag filter, column chooser and menus' floating panels.
 * @csspart menu - A menu (row actions, new segment).
 * @csspart bulk-bar - The actions on the selection.
 * @csspart table - The table of segments.
 * @csspart row - A segment's row.
 * @csspart row-select - A row's checkbox.
 * @csspart select-all - The header checkbox.
 * @csspart row-menu-button - A row's action menu button.
 * @csspart sort-button - A column header's sort button.
 * @csspart status - A status badge (also `status-<status>`).
 * @csspart tag - A tag.
 * @csspart pager - The page navigation.
 * @csspart state - The loading, empty, no-match and error messages.
 * @csspart notice - The result or error of the last action.
 * @csspart dialog - A dialog (confirm delete, rename, tags, schedule).
 * @cssprop --sk-list-row-height - Minimum height of a row (default 2.75rem).
 * @cssprop --sk-list-max-height - Maximum height of the table before it scrolls (default none).
 */
export class SegmentListElement extends SegmentKitElement {
  static override styles = [baseStyles, listStyles];

  /** The columns shown (keys of `SEGMENT_LIST_COLUMNS`); the name is always shown. Default: all but `createdAt`. */
  @property({ attribute: false }) columns: SegmentListColumn[] | undefined;

  /** Rows per page. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 50;

  /** Keep the person's column choice in `localStorage` under this key. */
  @property({ attribute: 'storage-key' }) storageKey: string | undefined;

  /** Show the segments without any action (no selection, no menus, no New). */
  @property({ type: Boolean, reflect: true }) readonly = false;

  /** Sort, search, tag filter and page. Set it to restore a view; `segment-list-view-change` reports the person's changes. */
  @property({ attribute: false }) view: SegmentListView = DEFAULT_VIEW;

  /** While a segment is refreshing, ask for the list again this often (ms). */
  @property({ type: Number, attribute: 'poll-interval' }) pollInterval = 2000;

  @state() private shownColumns: SegmentListColumn[] = normalizeColumns(DEFAULT_COLUMNS);
  @state() private dialog: ListDialog | null = null;
  @state() private notice: { kind: 'info' | 'error'; text: string } | null = null;
  @state() private working: { text: string; abort?: AbortController } | null = null;
  /** "Every row that matches" is selected, not only the rows picked. */
  @state() private allMatching = false;
  @state() private expanded: ReadonlySet<string> = new Set();
  /** The row whose menu is open. */
  @state() private menuFor: string | null = null;
  @state() private tagsInUse: string[] | null = null;

  private current: SegmentListView = DEFAULT_VIEW;
  /** After a delete from a row: focus the row menu button at this index once the rows are back. */
  private refocusRow: number | null = null;
  /** The first list was asked for. */
  private started = false;
  /** Summaries seen, by id (names for "Used by", the selection's segments). Changed through `remember`. */
  private readonly known = new Map<string, SegmentSummary>();
  /** Bumped whenever `known` changes: the rows' cells show names from it. */
  private knownVersion = 0;
  /**
   * Row keys for `repeat`: a segment keeps its key (and its row's DOM) while it is shown; a
   * segment that comes into view takes the key of one that left, so its row is updated in place
   * rather than built anew (a new sort or page changes every row). The row that holds focus is
   * not given away: it goes, as before.
   */
  private rowKeys = new Map<string, number>();
  private nextRowKey = 0;
  /**
   * What an action's answer said, shown at once in the rows on the page until the list asked
   * for after it arrives (which may also reorder them): the summaries the provider returned,
   * and the ids it deleted.
   */
  private readonly fresh = new Map<string, SegmentSummary>();
  private readonly gone = new Set<string>();
  private overlayVersion = 0;
  private overlaid: { from: SegmentSummary[]; version: number; shown: SegmentSummary[] } | undefined;
  /** Segments the list asked to refresh that have not answered yet (shown as running). */
  private readonly refreshing = new Set<string>();
  private pollTimer: ReturnType<typeof setTimeout> | undefined;
  private shiftHeld = false;
  private returnFocus: HTMLElement | null = null;

  private readonly announcer = new AnnouncerController(this);
  private readonly selection = new SelectionController<string>(this, {
    keys: () => this.items.map((s) => s.id),
    onChange: (selected) => {
      if (selected.size === 0) this.allMatching = false;
    },
  });
  private readonly rows = new ProviderTask<ListArgs, ListResult>(this, {
    task: ([provider, search, tags, key, direction, page, size], { signal }) =>
      provider.listSegments({
        search,
        tags,
        sort: { key: providerSortKey(key), direction: direction as 'asc' | 'desc' },
        offset: page * size,
        limit: size,
        signal,
      }),
    onComplete: (result) => this.loaded(result),
  });
  private readonly tagTask = new ProviderTask<[SegmentProvider], string[]>(this, {
    task: async ([provider], { signal }) => {
      const tags = new Set<string>();
      for (const s of await this.everySummary(provider, { signal })) for (const t of s.tags) tags.add(t);
      return [...tags].sort((a, b) => a.localeCompare(b));
    },
    onComplete: (tags) => (this.tagsInUse = tags),
  });

  private readonly rowMenu = new MenuController(this, {
    button: () => (this.menuFor ? this.rowButton(this.menuFor) : null),
    menu: () => this.renderRoot.querySelector<HTMLElement>('#row-menu'),
    onOpenChange: (open) => {
      if (!open) this.menuFor = null;
    },
  });
  private readonly newMenu = new MenuController(this, {
    button: () => this.renderRoot.querySelector<HTMLElement>('#new-button'),
    menu: () => this.renderRoot.querySelector<HTMLElement>('#new-menu'),
  });
  private readonly tagPopover = new PopoverController(this, {
    anchor: () => this.renderRoot.querySelector('#tag-button'),
    panel: () => this.renderRoot.querySelector<HTMLElement>('#tag-panel'),
  });
  private readonly columnPopover = new PopoverController(this, {
    anchor: () => this.renderRoot.querySelector('#columns-button'),
    panel: () => this.renderRoot.querySelector<HTMLElement>('#columns-panel'),
  });

  /** The rows shown (the last answer, kept while a newer one is pending or failed). */
  get items(): SegmentSummary[] {
    const items = this.rows.value?.items ?? [];
    if (!this.fresh.size && !this.gone.size) return items;
    if (this.overlaid?.from !== items || this.overlaid.version !== this.overlayVersion) {
      const shown = items.filter((s) => !this.gone.has(s.id)).map((s) => this.fresh.get(s.id) ?? s);
      this.overlaid = { from: items, version: this.overlayVersion, shown };
    }
    return this.overlaid.shown;
  }

  /** How many segments match the search and filter (the last answer). */
  get total(): number {
    return this.rows.value?.total ?? 0;
  }

  /** The ids selected (when `allMatching`, the rows picked; the action takes every match). */
  get selectedIds(): string[] {
    return [...this.selection.selected];
  }

  /** Ask the provider for the list again (after a host did an action itself). */
  reload(): void {
    this.tagsInUse = null;
    this.load(0);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('keydown', this.trackShift, true);
    this.addEventListener('keyup', this.trackShift, true);
    if (this.rows.hasValue) this.schedulePoll();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('keydown', this.trackShift, true);
    this.removeEventListener('keyup', this.trackShift, true);
    this.stopPoll();
    this.working?.abort?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('columns') || changed.has('storageKey')) this.shownColumns = this.initialColumns();
    const previous = this.current;
    if (changed.has('view')) this.current = normalizeView(this.view);
    const viewChanged = !sameView(previous, this.current);
    // "Every match" was of the old search and filter (a view set by the host changes them too).
    if (viewChanged && !sameView({ ...previous, sort: this.current.sort, page: this.current.page }, this.current)) this.allMatching = false;
    if (
      changed.has('provider') ||
      changed.has('contextProvider' as keyof SegmentListElement) ||
      changed.has('pageSize') ||
      viewChanged ||
      !this.started
    ) {
      this.started = true;
      if (changed.has('provider') || changed.has('contextProvider' as keyof SegmentListElement)) {
        this.tagsInUse = null;
        this.tagTask.reset();
      }
      const onlySearch =
        viewChanged && previous.search !== this.current.search && sameView({ ...previous, search: this.current.search }, this.current);
      this.load(onlySearch ? SEARCH_DEBOUNCE : 0);
    }
  }

  protected override updated(): void {
    const dialog = this.renderRoot.querySelector<HTMLDialogElement>('dialog');
    if (dialog && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLInputElement>('input[name="displayName"]')?.select();
    }
  }

  // ------------------------------------------------------------------ loading

  private get size(): number {
    return Number.isFinite(this.pageSize) && this.pageSize > 0 ? Math.min(1000, Math.floor(this.pageSize)) : 50;
  }

  private load(delay: number): void {
    const provider = this.effectiveProvider;
    this.stopPoll();
    if (!provider) {
      this.rows.reset();
      return;
    }
    const v = this.current;
    const args: ListArgs = [provider, v.search.trim(), v.tags, v.sort.key, v.sort.direction ?? 'asc', v.page, this.size];
    // Once rows are shown, without a debounce the provider is asked at once, not a task later: a quick answer (the
    // memory provider's) is then rendered in the same frame as the click, with no frame of pending rows between.
    // The first list waits a task, so "Loading" is painted first.
    void (delay > 0 || !this.rows.hasValue ? this.rows.run(args, { delay }) : this.rows.runNow(args));
  }

  private loaded(result: ListResult): void {
    this.fresh.clear();
    this.gone.clear();
    this.overlayVersion++;
    this.remember(result.items);
    if (this.refocusRow !== null) {
      const index = this.refocusRow;
      this.refocusRow = null;
      void this.updateComplete.then(() => {
        const rows = [...this.renderRoot.querySelectorAll('tbody tr[part~="row"]')];
        const target = rows[Math.min(index, rows.length - 1)]?.querySelector<HTMLElement>('[part~="row-menu-button"]');
        (target ?? this.renderRoot.querySelector<HTMLElement>('[part~="search"]'))?.focus();
      });
    }
    // A page past the end (a delete, a narrower search): go to the last page.
    const pages = Math.max(1, Math.ceil(result.total / this.size));
    if (this.current.page >= pages && result.total > 0) {
      this.changeView({ page: pages - 1 });
      return;
    }
    this.schedulePoll();
  }

  private schedulePoll(): void {
    this.stopPoll();
    const running = this.refreshing.size > 0 || this.items.some((s) => s.status === 'running');
    if (!running || !this.isConnected) return;
    const interval = Number.isFinite(this.pollInterval) && this.pollInterval > 0 ? this.pollInterval : 2000;
    this.pollTimer = setTimeout(() => {
      this.pollTimer = undefined;
      this.load(0);
    }, interval);
  }

  private stopPoll(): void {
    if (this.pollTimer !== undefined) clearTimeout(this.pollTimer);
    this.pollTimer = undefined;
  }

  /** Every summary that matches (`filtered`) or every one in the store, page by page. */
  private async everySummary(provider: SegmentProvider, options: { signal?: AbortSignal; filtered?: boolean }): Promise<SegmentSummary[]> {
    const out: SegmentSummary[] = [];
    const v = this.current;
    for (let offset = 0; ; offset += ALL_PAGE) {
      const page = await provider.listSegments({
        ...(options.filtered ? { search: v.search.trim(), tags: v.tags } : {}),
        sort: { ...v.sort, key: providerSortKey(v.sort.key) },
        offset,
        limit: ALL_PAGE,
        ...(options.signal ? { signal: options.signal } : {}),
      });
      out.push(...page.items);
      if (page.items.length < ALL_PAGE || out.length >= page.total) break;
    }
    this.remember(out);
    return out;
  }

  private initialColumns(): SegmentListColumn[] {
    if (this.storageKey) {
      try {
        const saved: unknown = JSON.parse(localStorage.getItem(this.storageKey) ?? 'null');
        const cols = (saved as { columns?: unknown } | null)?.columns;
        if (Array.isArray(cols)) return normalizeColumns(cols);
      } catch {
        // unreadable: the host's or the default choice
      }
    }
    return normalizeColumns(this.columns ?? DEFAULT_COLUMNS);
  }

  // ------------------------------------------------------------------ view changes

  private changeView(patch: Partial<SegmentListView>): void {
    const next = normalizeView({ ...this.current, ...patch });
    if (sameView(next, this.current)) return;
    this.view = next;
    emit(this, 'segment-list-view-change', { view: next });
  }

  private sortBy(key: SegmentListColumn): void {
    const s = this.current.sort;
    const direction = s.key === key ? (s.direction === 'desc' ? 'asc' : 'desc') : (FIRST_DIRECTION[key] ?? 'asc');
    this.changeView({ sort: { key, direction }, page: 0 });
  }

  private toggleTag(tag: string, on: boolean): void {
    const tags = on ? [...this.current.tags, tag] : this.current.tags.filter((t) => t !== tag);
    this.allMatching = false;
    this.changeView({ tags, page: 0 });
  }

  private setColumn(key: SegmentListColumn, on: boolean): void {
    const next = normalizeColumns(on ? [...this.shownColumns, key] : this.shownColumns.filter((c) => c !== key));
    this.shownColumns = next;
    if (this.storageKey) {
      try {
        localStorage.setItem(this.storageKey, JSON.stringify({ columns: next }));
      } catch {
        // storage full or blocked: the choice lasts for this page only
      }
    }
  }

  // ------------------------------------------------------------------ actions

  /** The segments an action on the selection applies to. */
  private async targets(): Promise<SegmentSummary[]> {
    const provider = this.effectiveProvider;
    if (this.allMatching && provider) return this.everySummary(provider, { filtered: true });
    return this.selectedIds.map((id) => this.known.get(id)).filter((s): s is SegmentSummary => !!s);
  }

  /**
   * Do one action through the provider: the cancelable request event first, then the
   * call (with a progress notice), then `segments-changed`, an announcement and a reload.
   * A failure is shown and keeps the selection.
   */
  private async perform(
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
      if (!isAbortError(e)) this.notice = { kind: 'error', text: term('list.failed', { message: messageOf(e) }) };
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
        term('list.working.refresh', { count: ids.length }),
        (p) => p.refreshSegments(ids),
        (items) => term('list.done.refresh', { count: items.length || ids.length }),
      );
    } finally {
      for (const id of ids) this.refreshing.delete(id);
    }
  }

  private async refreshAll(): Promise<void> {
    const provider = this.effectiveProvider;
    if (!provider) return;
    try {
      const all = await this.everySummary(provider, {});
      await this.doRefresh(
        all.map((s) => s.id),
        true,
      );
    } catch (e) {
      if (!isAbortError(e)) this.notice = { kind: 'error', text: term('list.failed', { message: messageOf(e) }) };
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
    const draftText = skipped.length ? ' ' + term('list.drafts.skipped', { names: skipped }) : '';
    if (!ids.length) {
      if (skipped.length) this.notice = { kind: 'error', text: draftText.trim() };
      return false;
    }
    if (!emit(this, 'segment-update-request', { ids, patch })) return false;
    return this.perform(
      'update',
      ids,
      term('list.working.update', { count: ids.length }),
      (p) => p.updateSegments(ids, patch),
      (changed) => term('list.done.update', { count: changed.length || ids.length }) + draftText,
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
      term('list.working.update', { count: ids.length }),
      async (p) => (await Promise.all([...groups.values()].map((g) => p.updateSegments(g.ids, { tags: g.tags })))).flat(),
      (changed) => term('list.done.update', { count: changed.length }),
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
      term('list.working.delete', { count: ids.length }),
      (p) => p.deleteSegments(ids, { force }),
      () => term('list.done.delete', { count: ids.length }),
    );
  }

  /** @internal */
  async doDuplicate(id: string): Promise<void> {
    if (!emit(this, 'segment-duplicate-request', { id })) return;
    let name = '';
    await this.perform(
      'duplicate',
      [id],
      term('list.working.duplicate'),
      async (p) => {
        const doc = await p.getSegment(id);
        const { id: _id, snapshot: _snapshot, ...rest } = doc;
        const copy: SegmentDocument = {
          ...rest,
          name: `${doc.name ?? 'segment'}_copy`,
          displayName: term('list.copyName', { name: shownName(doc) }),
          state: 'inactive',
        };
        const saved = await p.saveSegment(copy);
        name = shownName(saved);
        return [saved];
      },
      () => term('list.done.duplicate', { name }),
    );
  }

  /** @internal */
  async doDownload(items: SegmentSummary[]): Promise<void> {
    const provider = this.effectiveProvider;
    // A draft has no members to download (the provider refuses to evaluate it).
    const drafts = items.filter((s) => s.status === 'draft').map(shownName);
    const ids = items.filter((s) => s.status !== 'draft').map((s) => s.id);
    const draftText = drafts.length ? ' ' + term('list.download.draftsSkipped', { names: drafts }) : '';
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
          this.working = { text: term('list.working.download', { index: i + 1, count: ids.length, done, total }), abort };
        };
        show(0, this.known.get(id)?.memberCount ?? 0);
        const outcome = await downloadMembersCsv(provider, id, { signal: abort.signal, onProgress: show });
        if (outcome === 'saved') saved++;
        else break;
      }
      const text = term('list.done.download', { count: saved }) + draftText;
      this.notice = { kind: 'info', text };
      this.announcer.announce(text);
    } catch (e) {
      if (!isAbortError(e)) this.notice = { kind: 'error', text: term('list.failed', { message: messageOf(e) }) };
    } finally {
      this.working = null;
    }
  }

  /** Deleted id → the ids of the segments (not deleted with it) that use it. */
  private usedByOf(ids: string[]): Record<string, string[]> {
    const gone = new Set(ids);
    const out: Record<string, string[]> = {};
    for (const id of ids) {
      const users = (this.known.get(id)?.usedBy ?? []).filter((u) => !gone.has(u));
      if (users.length) out[id] = users;
    }
    return out;
  }

  /** A row's labels, worked out once per summary and language (a selection renders every row). */
  private readonly labels = new WeakMap<SegmentSummary, { translator: object; select: string; menu: string }>();
  private rowLabels(s: SegmentSummary): { select: string; menu: string } {
    const translator = currentTranslator();
    let out = this.labels.get(s);
    if (out?.translator !== translator) {
      const name = shownName(s);
      out = { translator, select: term('list.select', { name }), menu: term('list.action.menu', { name }) };
      this.labels.set(s, out);
    }
    return out;
  }

  private remember(items: readonly SegmentSummary[]): void {
    for (const s of items) this.known.set(s.id, s);
    if (items.length) this.knownVersion++;
  }

  /** A key for each row (see `rowKeys`). */
  private keysFor(items: readonly SegmentSummary[]): Map<string, number> {
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

  private nameOf = (id: string): string => {
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

  private async bulkDialog(kind: 'delete' | 'tags'): Promise<void> {
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

  private readonly trackShift = (e: KeyboardEvent): void => {
    this.shiftHeld = e.shiftKey;
  };

  private onRowCheck(e: MouseEvent, id: string): void {
    // Shift as last seen on a key only counts for a click from the keyboard (Space: detail 0); a
    // pointer click says itself, as Shift may have been released outside the list.
    this.selection.toggle(id, { range: e.shiftKey || (e.detail === 0 && this.shiftHeld) });
    if (!this.selection.has(id)) this.allMatching = false;
  }

  private onSelectAll(): void {
    this.allMatching = false;
    this.selection.toggleAll();
  }

  private rowButton(id: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`tr[data-id="${CSS.escape(id)}"] [part~="row-menu-button"]`);
  }

  private openRowMenu(id: string, focus: 'first' | 'last' = 'first'): void {
    if (this.menuFor !== id) {
      this.rowMenu.hide({ focus: false });
      this.menuFor = id;
    }
    this.rowMenu.show(focus);
  }

  private onRowMenuButtonKeydown(e: KeyboardEvent, id: string): void {
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
  private onTableKeydown(e: KeyboardEvent): void {
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

  private onSearchInput(e: Event): void {
    this.allMatching = false;
    this.changeView({ search: (e.target as HTMLInputElement).value, page: 0 });
  }

  private clearFilters(): void {
    this.changeView({ search: '', tags: [], page: 0 });
  }

  /** A panel closes when focus moves somewhere outside it and its button (Tab, Shift+Tab). */
  private closeOnFocusOut(popover: PopoverController) {
    return (e: FocusEvent) => {
      const to = e.relatedTarget as Node | null;
      if (to && popover.open && !popover.contains(to)) popover.hide({ focus: false, reason: 'focusout' });
    };
  }

  private openTagFilter(): void {
    this.tagPopover.toggle();
    const provider = this.effectiveProvider;
    if (this.tagPopover.open && provider && this.tagsInUse === null && !this.tagTask.pending) void this.tagTask.run([provider]);
  }

  // ------------------------------------------------------------------ rendering

  private readonly cells: CellContext = {
    name: (id) => this.nameOf(id),
    expanded: (key) => this.expanded.has(key),
    toggle: (key) => {
      const next = new Set(this.expanded);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      this.expanded = next;
    },
    open: (id) => emit(this, 'segment-open', { id }),
  };

  override render(): TemplateResult {
    const provider = this.effectiveProvider;
    return html`
      ${this.renderToolbar()}
      ${
        this.notice
          ? html`<div class="notice ${this.notice.kind}" part="notice" role=${this.notice.kind === 'error' ? 'alert' : 'status'}>
              <span>${this.notice.text}</span>
              <button type="button" class="quiet small" @click=${() => (this.notice = null)}>${term('list.dismiss')}</button>
            </div>`
          : nothing
      }
      ${
        this.working
          ? html`<div class="notice working" part="notice">
              <span class="spinner" aria-hidden="true"></span><span>${this.working.text}</span>
              ${
                this.working.abort
                  ? html`<button type="button" class="small" @click=${() => this.working?.abort?.abort()}>${term('list.cancel')}</button>`
                  : nothing
              }
            </div>`
          : nothing
      }
      ${this.readonly ? nothing : this.renderBulkBar()}
      ${provider ? this.renderTable() : html`<p class="state" part="state">${term('list.noProvider')}</p>`} ${this.renderPager()}
      ${this.menuFor ? this.renderRowMenu() : nothing} ${this.dialog ? dialogTemplate(this, this.dialog) : nothing}
      ${this.announcer.render()}
    `;
  }

  private renderToolbar(): TemplateResult {
    const v = this.current;
    return html`<div class="toolbar" part="toolbar">
        <input
          id="search"
          part="search"
          type="search"
          autocomplete="off"
          aria-label=${term('list.search')}
          placeholder=${term('list.search.placeholder')}
          .value=${live(v.search)}
          @input=${this.onSearchInput}
        />
        <button
          id="tag-button"
          type="button"
          part="tag-filter"
          aria-haspopup="dialog"
          aria-expanded=${this.tagPopover.open ? 'true' : 'false'}
          @click=${this.openTagFilter}
          @focusout=${this.closeOnFocusOut(this.tagPopover)}
        >
          ${v.tags.length ? term('list.tags.count', { count: v.tags.length }) : term('list.tags')}
        </button>
        ${this.tagPopover.open ? this.renderTagPanel() : nothing}
        <button
          id="columns-button"
          type="button"
          part="columns-button"
          aria-haspopup="dialog"
          aria-expanded=${this.columnPopover.open ? 'true' : 'false'}
          @click=${() => this.columnPopover.toggle()}
          @focusout=${this.closeOnFocusOut(this.columnPopover)}
        >
          ${term('list.columns')}
        </button>
        ${this.columnPopover.open ? this.renderColumnPanel() : nothing}
        <span class="spacer"></span>
        ${
          this.readonly
            ? nothing
            : html`<button
                  type="button"
                  data-action="refresh-all"
                  aria-disabled=${this.working ? 'true' : 'false'}
                  @click=${() => {
                    if (!this.working) void this.refreshAll();
                  }}
                >
                  ${term('list.refreshAll')}
                </button>
                <button
                  id="new-button"
                  type="button"
                  class="primary"
                  part="new-button"
                  aria-haspopup="menu"
                  aria-expanded=${this.newMenu.open ? 'true' : 'false'}
                  aria-controls="new-menu"
                  @click=${this.newMenu.buttonClick}
                  @keydown=${this.newMenu.buttonKeydown}
                >
                  ${term('list.new')}
                </button>`
        }
      </div>
      ${
        v.tags.length
          ? html`<ul class="chips" aria-label=${term('list.tags.filter')}>
              ${v.tags.map(
                (t) =>
                  html`<li class="tag">
                    ${t}<button
                      type="button"
                      class="quiet icon small"
                      aria-label=${term('list.tags.remove', { tag: t })}
                      @click=${() => this.toggleTag(t, false)}
                    >
                      <span aria-hidden="true">×</span>
                    </button>
                  </li>`,
              )}
            </ul>`
          : nothing
      }
      ${
        this.newMenu.open
          ? html`<div
              id="new-menu"
              class="popover menu"
              part="popover menu"
              role="menu"
              aria-label=${term('list.new')}
              @keydown=${this.newMenu.menuKeydown}
            >
              ${(['blank', 'quick'] as const).map(
                (kind) =>
                  html`<button
                    type="button"
                    role="menuitem"
                    tabindex="-1"
                    @click=${(e: Event) => {
                      if (this.newMenu.choose(e.currentTarget as Element)) emit(this, 'segment-create', { kind });
                    }}
                  >
                    ${term(kind === 'blank' ? 'list.new.blank' : 'list.new.quick')}
                  </button>`,
              )}
            </div>`
          : nothing
      }`;
  }

  private renderTagPanel(): TemplateResult {
    const chosen = new Set(this.current.tags);
    const tags = [...new Set([...(this.tagsInUse ?? []), ...chosen])];
    return html`<div
      id="tag-panel"
      class="popover"
      part="popover"
      role="dialog"
      aria-label=${term('list.tags.filter')}
      @focusout=${this.closeOnFocusOut(this.tagPopover)}
    >
      ${
        this.tagTask.status === 'error'
          ? html`<p class="error-text" role="alert">${messageOf(this.tagTask.error)}</p>
              <button type="button" @click=${() => this.tagTask.retry()}>${term('list.retry')}</button>`
          : this.tagsInUse === null
            ? html`<p class="muted">${term('list.tags.loading')}</p>`
            : tags.length
              ? html`<fieldset>
                  <legend class="visually-hidden">${term('list.tags.filter')}</legend>
                  ${tags.map(
                    (t) =>
                      html`<label class="check"
                        ><input
                          type="checkbox"
                          .checked=${live(chosen.has(t))}
                          @change=${(e: Event) => this.toggleTag(t, (e.target as HTMLInputElement).checked)}
                        />
                        <span>${t}</span></label
                      >`,
                  )}
                </fieldset>`
              : html`<p class="muted">${term('list.tags.none')}</p>`
      }
    </div>`;
  }

  private renderColumnPanel(): TemplateResult {
    const shown = new Set(this.shownColumns);
    return html`<div
      id="columns-panel"
      class="popover"
      part="popover"
      role="dialog"
      aria-label=${term('list.columns.choose')}
      @focusout=${this.closeOnFocusOut(this.columnPopover)}
    >
      <fieldset>
        <legend class="visually-hidden">${term('list.columns.choose')}</legend>
        ${SEGMENT_LIST_COLUMNS.map(
          (c) =>
            html`<label class="check"
              ><input
                type="checkbox"
                data-column=${c}
                ?disabled=${c === 'name'}
                .checked=${live(shown.has(c))}
                @change=${(e: Event) => this.setColumn(c, (e.target as HTMLInputElement).checked)}
              />
              <span>${columnLabel(c)}</span></label
            >`,
        )}
      </fieldset>
    </div>`;
  }

  private renderBulkBar(): TemplateResult | typeof nothing {
    const n = this.allMatching ? this.total : this.selection.size;
    const pageAll = this.selection.allSelected && this.total > this.items.length;
    if (!n) return nothing;
    // Busy buttons stay focusable (aria-disabled), so focus is not lost while an action runs.
    const busy = !!this.working;
    const act = (action: string, label: string, run: () => unknown, danger = false) =>
      html`<button
        type="button"
        data-action=${action}
        class=${danger ? 'danger' : ''}
        aria-disabled=${busy ? 'true' : 'false'}
        @click=${() => {
          if (!this.working) void run();
        }}
      >
        ${label}
      </button>`;
    const patch = (p: SegmentPatch) => async () => {
      const ok = await this.doUpdate(await this.targets(), p);
      if (ok) this.allMatching = false;
    };
    return html`<div class="bulk" part="bulk-bar" role="group" aria-label=${term('list.bulk.label')}>
        <strong class="count">${term('list.selected', { count: n })}</strong>
        ${act('refresh', term('list.action.refresh'), async () => this.doRefresh((await this.targets()).map((s) => s.id)))}
        ${act('activate', term('list.action.activate'), patch({ state: 'active' }))}
        ${act('deactivate', term('list.action.deactivate'), patch({ state: 'inactive' }))}
        ${act('static', term('list.action.static'), patch({ type: 'static' }))}
        ${act('dynamic', term('list.action.dynamic'), patch({ type: 'dynamic' }))}
        ${act('tags', term('list.action.tags'), () => void this.bulkDialog('tags'))}
        ${act('download', term('list.action.download'), async () => this.doDownload(await this.targets()))}
        ${act('delete', term('list.action.delete'), () => void this.bulkDialog('delete'), true)}
        <button type="button" class="quiet" data-action="clear" @click=${() => this.selection.clear()}>
          ${term('list.selection.clear')}
        </button>
      </div>
      ${
        this.allMatching
          ? html`<p class="banner" part="selection-banner">
              ${term('list.selection.matching', { count: this.total })}
              <button type="button" class="link" @click=${() => this.selection.clear()}>${term('list.selection.clear')}</button>
            </p>`
          : pageAll
            ? html`<p class="banner" part="selection-banner">
                ${term('list.selection.page', { count: this.items.length })}
                <button type="button" class="link" data-action="select-matching" @click=${() => (this.allMatching = true)}>
                  ${term('list.selection.selectMatching', { count: this.total })}
                </button>
              </p>`
            : nothing
      }`;
  }

  private renderTable(): TemplateResult {
    const status = this.rows.status;
    const items = this.items;
    const cols = this.shownColumns;
    const v = this.current;
    const filtered = v.search.trim() !== '' || v.tags.length > 0;
    let message: TemplateResult | typeof nothing = nothing;
    if (status === 'error') {
      message = html`<div class="state error" part="state" role="alert">
        <p>${term('list.error', { message: messageOf(this.rows.error) })}</p>
        <button type="button" @click=${() => this.rows.retry()}>${term('list.retry')}</button>
      </div>`;
    } else if (!this.rows.hasValue) {
      message = html`<p class="state" part="state">${term('list.loading')}</p>`;
    } else if (!items.length && !this.rows.pending) {
      message = filtered
        ? html`<div class="state" part="state">
            <p>${term('list.noMatch')}</p>
            <button type="button" @click=${this.clearFilters}>${term('list.noMatch.clear')}</button>
          </div>`
        : html`<div class="state empty" part="state">
            <p class="title">${term('list.empty.title')}</p>
            <p class="muted">${term('list.empty.body')}</p>
            ${
              this.readonly
                ? nothing
                : html`<button type="button" class="primary" @click=${() => emit(this, 'segment-create', { kind: 'blank' })}>
                    ${term('list.empty.create')}
                  </button>`
            }
          </div>`;
    }
    return html`<div class="scroller" part="table-container">
      <table
        part="table"
        aria-label=${term('list.label')}
        aria-busy=${this.rows.pending ? 'true' : 'false'}
        aria-rowcount=${this.total + 1}
      >
        <thead>
          <tr>
            ${
              this.readonly
                ? nothing
                : html`<th class="select" scope="col">
                    <input
                      type="checkbox"
                      part="select-all"
                      aria-label=${term('list.selectAll')}
                      ?disabled=${!items.length}
                      .checked=${live(this.selection.allSelected)}
                      .indeterminate=${this.selection.someSelected}
                      @click=${this.onSelectAll}
                    />
                  </th>`
            }
            ${cols.map((c) => {
              const sorted = v.sort.key === c ? (v.sort.direction === 'desc' ? 'descending' : 'ascending') : 'none';
              return html`<th scope="col" data-column=${c} aria-sort=${sorted}>
                <button type="button" class="sort" part="sort-button" @click=${() => this.sortBy(c)}>
                  ${columnLabel(c)}<span class="arrow" aria-hidden="true"
                    >${sorted === 'ascending' ? '▲' : sorted === 'descending' ? '▼' : ''}</span
                  >
                </button>
              </th>`;
            })}
            ${this.readonly ? nothing : html`<th scope="col" class="actions"><span class="visually-hidden">${term('list.column.actions')}</span></th>`}
          </tr>
        </thead>
        <tbody class=${this.rows.stale ? 'stale' : ''} @keydown=${this.onTableKeydown}>
          ${repeat(
            items,
            (
              (keys) => (s: SegmentSummary) =>
                keys.get(s.id)
            )(this.keysFor(items)),
            (s, i) => this.renderRow(s, i),
          )}
        </tbody>
      </table>
      ${message}
    </div>`;
  }

  private renderRow(raw: SegmentSummary, index: number): TemplateResult {
    const s =
      this.refreshing.has(raw.id) && raw.status !== 'draft' && raw.state === 'active' ? { ...raw, status: 'running' as const } : raw;
    const selected = this.allMatching || this.selection.has(s.id);
    const labels = this.rowLabels(raw);
    return html`<tr
      part="row"
      data-id=${s.id}
      class=${selected ? 'selected' : ''}
      aria-rowindex=${this.current.page * this.size + index + 2}
    >
      ${
        this.readonly
          ? nothing
          : html`<td class="select">
              <input
                type="checkbox"
                part="row-select"
                aria-label=${labels.select}
                .checked=${live(selected)}
                ?disabled=${this.allMatching}
                @click=${(e: MouseEvent) => this.onRowCheck(e, s.id)}
              />
            </td>`
      }
      ${
        // The cells change only with the segment (a new summary), the columns, a disclosure, the names known or the
        // language: a selection or a pending answer renders the row's checkbox and class only.
        guard(
          [
            raw,
            s.status,
            this.shownColumns,
            this.expanded.has(`desc:${s.id}`),
            this.expanded.has(`error:${s.id}`),
            this.knownVersion,
            currentTranslator(),
          ],
          () => this.shownColumns.map((c) => html`<td data-column=${c}>${cell(c, s, this.cells)}</td>`),
        )
      }
      ${
        this.readonly
          ? nothing
          : html`<td class="actions">
              <button
                type="button"
                class="quiet icon"
                part="row-menu-button"
                aria-haspopup="menu"
                aria-expanded=${this.menuFor === s.id && this.rowMenu.open ? 'true' : 'false'}
                aria-controls=${this.menuFor === s.id ? 'row-menu' : nothing}
                aria-label=${labels.menu}
                @click=${() => (this.menuFor === s.id && this.rowMenu.open ? this.rowMenu.hide({ focus: true }) : this.openRowMenu(s.id))}
                @keydown=${(e: KeyboardEvent) => this.onRowMenuButtonKeydown(e, s.id)}
              >
                <span aria-hidden="true">⋯</span>
              </button>
            </td>`
      }
    </tr>`;
  }

  private renderRowMenu(): TemplateResult | typeof nothing {
    const s = this.items.find((x) => x.id === this.menuFor);
    if (!s) return nothing;
    return rowMenu(this, s, this.rowMenu);
  }

  private renderPager(): TemplateResult | typeof nothing {
    const total = this.total;
    const size = this.size;
    if (!this.rows.hasValue || total <= size) return nothing;
    const page = this.current.page;
    const last = Math.ceil(total / size) - 1;
    const go = (p: number) => () => this.changeView({ page: Math.max(0, Math.min(last, p)) });
    return html`<nav class="pager" part="pager" aria-label=${term('list.pager.label')}>
      <button type="button" class="icon" aria-label=${term('list.pager.first')} ?disabled=${page === 0} @click=${go(0)}>
        <span aria-hidden="true">«</span>
      </button>
      <button type="button" class="icon" aria-label=${term('list.pager.previous')} ?disabled=${page === 0} @click=${go(page - 1)}>
        <span aria-hidden="true">‹</span>
      </button>
      <span class="range">${term('list.pager.range', { from: page * size + 1, to: Math.min(total, (page + 1) * size), total })}</span>
      <button type="button" class="icon" aria-label=${term('list.pager.next')} ?disabled=${page >= last} @click=${go(page + 1)}>
        <span aria-hidden="true">›</span>
      </button>
      <button type="button" class="icon" aria-label=${term('list.pager.last')} ?disabled=${page >= last} @click=${go(last)}>
        <span aria-hidden="true">»</span>
      </button>
    </nav>`;
  }
}
