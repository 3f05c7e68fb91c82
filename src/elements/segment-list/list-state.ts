/**
 * `<segment-list>`, part 1 of 3: its properties, state and controllers, loading (with the
 * poll while segments run) and the view (sort, search, tags, page). `list-actions.ts` adds the
 * actions, `segment-list.ts` the rendering.
 */
import { type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { list as listWords } from '../../core/messages/en/list.js';
import { addEnglish } from '../../core/messages/translator.js';
import { type SegmentProvider, type SegmentSummary, type SortSpec } from '../../core/provider/types.js';
import { SegmentKitElement } from '../shared/base.js';
import { AnnouncerController } from '../shared/controllers/announcer.js';
import { MenuController } from '../shared/controllers/menu.js';
import { PopoverController } from '../shared/controllers/popover.js';
import { ProviderTask } from '../shared/controllers/provider-task.js';
import { SelectionController } from '../shared/controllers/selection.js';
import { emit, type SegmentListView } from '../shared/events.js';
import { DEFAULT_COLUMNS, FIRST_DIRECTION, isColumn, normalizeColumns, type SegmentListColumn } from './columns.js';
import { type ListDialog } from './dialogs.js';

addEnglish(listWords);

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
export const ALL_PAGE = 1000;

export type ListResult = { total: number; items: SegmentSummary[] };
export type ListArgs = [
  provider: SegmentProvider,
  search: string,
  tags: string[],
  sortKey: string,
  direction: string,
  page: number,
  size: number,
];

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

export const sameView = (a: SegmentListView, b: SegmentListView) =>
  a.search === b.search &&
  a.page === b.page &&
  a.sort.key === b.sort.key &&
  a.sort.direction === b.sort.direction &&
  a.tags.length === b.tags.length &&
  a.tags.every((t, i) => t === b.tags[i]);

/** The provider's sort key for a column: the Name column shows (and sorts by) the display name, falling back to the name. */
export { messageOf } from '../shared/errors.js';

export const providerSortKey = (column: string) => (column === 'name' ? 'displayName' : column);

/** The state and loading of `<segment-list>` (see `SegmentListElement`). */
export class SegmentListState extends SegmentKitElement {
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

  @state() protected shownColumns: SegmentListColumn[] = normalizeColumns(DEFAULT_COLUMNS);
  @state() protected dialog: ListDialog | null = null;
  @state() protected notice: { kind: 'info' | 'error'; text: string } | null = null;
  @state() protected working: { text: string; abort?: AbortController } | null = null;
  /** "Every row that matches" is selected, not only the rows picked. */
  @state() protected allMatching = false;
  @state() protected expanded: ReadonlySet<string> = new Set();
  /** The row whose menu is open. */
  @state() protected menuFor: string | null = null;
  @state() protected tagsInUse: string[] | null = null;

  protected current: SegmentListView = DEFAULT_VIEW;
  /** After a delete from a row: focus the row menu button at this index once the rows are back. */
  protected refocusRow: number | null = null;
  /** The first list was asked for. */
  protected started = false;
  /** Summaries seen, by id (names for "Used by", the selection's segments). Changed through `remember`. */
  protected readonly known = new Map<string, SegmentSummary>();
  /** Bumped whenever `known` changes: the rows' cells show names from it. */
  protected knownVersion = 0;
  /**
   * Row keys for `repeat`: a segment keeps its key (and its row's DOM) while it is shown; a
   * segment that comes into view takes the key of one that left, so its row is updated in place
   * rather than built anew (a new sort or page changes every row). The row that holds focus is
   * not given away: it goes, as before.
   */
  protected rowKeys = new Map<string, number>();
  protected nextRowKey = 0;
  /**
   * What an action's answer said, shown at once in the rows on the page until the list asked
   * for after it arrives (which may also reorder them): the summaries the provider returned,
   * and the ids it deleted.
   */
  protected readonly fresh = new Map<string, SegmentSummary>();
  protected readonly gone = new Set<string>();
  protected overlayVersion = 0;
  protected overlaid: { from: SegmentSummary[]; version: number; shown: SegmentSummary[] } | undefined;
  /** Segments the list asked to refresh that have not answered yet (shown as running). */
  protected readonly refreshing = new Set<string>();
  protected pollTimer: ReturnType<typeof setTimeout> | undefined;
  protected shiftHeld = false;
  protected returnFocus: HTMLElement | null = null;

  protected readonly announcer = new AnnouncerController(this);
  protected readonly selection = new SelectionController<string>(this, {
    keys: () => this.items.map((s) => s.id),
    onChange: (selected) => {
      if (selected.size === 0) this.allMatching = false;
    },
  });
  protected readonly rows = new ProviderTask<ListArgs, ListResult>(this, {
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
  protected readonly tagTask = new ProviderTask<[SegmentProvider], string[]>(this, {
    task: async ([provider], { signal }) => {
      const tags = new Set<string>();
      for (const s of await this.everySummary(provider, { signal })) for (const t of s.tags) tags.add(t);
      return [...tags].sort((a, b) => a.localeCompare(b));
    },
    onComplete: (tags) => (this.tagsInUse = tags),
  });

  protected readonly rowMenu = new MenuController(this, {
    button: () => (this.menuFor ? this.rowButton(this.menuFor) : null),
    menu: () => this.renderRoot.querySelector<HTMLElement>('#row-menu'),
    onOpenChange: (open) => {
      if (!open) this.menuFor = null;
    },
  });
  protected readonly newMenu = new MenuController(this, {
    button: () => this.renderRoot.querySelector<HTMLElement>('#new-button'),
    menu: () => this.renderRoot.querySelector<HTMLElement>('#new-menu'),
  });
  protected readonly tagPopover = new PopoverController(this, {
    anchor: () => this.renderRoot.querySelector('#tag-button'),
    panel: () => this.renderRoot.querySelector<HTMLElement>('#tag-panel'),
  });
  protected readonly columnPopover = new PopoverController(this, {
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
      changed.has('contextProvider' as keyof SegmentListState) ||
      changed.has('pageSize') ||
      viewChanged ||
      !this.started
    ) {
      this.started = true;
      if (changed.has('provider') || changed.has('contextProvider' as keyof SegmentListState)) {
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

  protected get size(): number {
    return Number.isFinite(this.pageSize) && this.pageSize > 0 ? Math.min(1000, Math.floor(this.pageSize)) : 50;
  }

  protected load(delay: number): void {
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

  protected loaded(result: ListResult): void {
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

  protected schedulePoll(): void {
    this.stopPoll();
    const running = this.refreshing.size > 0 || this.items.some((s) => s.status === 'running');
    if (!running || !this.isConnected) return;
    const interval = Number.isFinite(this.pollInterval) && this.pollInterval > 0 ? this.pollInterval : 2000;
    this.pollTimer = setTimeout(() => {
      this.pollTimer = undefined;
      this.load(0);
    }, interval);
  }

  protected stopPoll(): void {
    if (this.pollTimer !== undefined) clearTimeout(this.pollTimer);
    this.pollTimer = undefined;
  }

  /** Every summary that matches (`filtered`) or every one in the store, page by page. */
  protected async everySummary(
    provider: SegmentProvider,
    options: { signal?: AbortSignal; filtered?: boolean },
  ): Promise<SegmentSummary[]> {
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

  protected initialColumns(): SegmentListColumn[] {
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

  protected changeView(patch: Partial<SegmentListView>): void {
    const next = normalizeView({ ...this.current, ...patch });
    if (sameView(next, this.current)) return;
    this.view = next;
    emit(this, 'segment-list-view-change', { view: next });
  }

  protected sortBy(key: SegmentListColumn): void {
    const s = this.current.sort;
    const direction = s.key === key ? (s.direction === 'desc' ? 'asc' : 'desc') : (FIRST_DIRECTION[key] ?? 'asc');
    this.changeView({ sort: { key, direction }, page: 0 });
  }

  protected toggleTag(tag: string, on: boolean): void {
    const tags = on ? [...this.current.tags, tag] : this.current.tags.filter((t) => t !== tag);
    this.allMatching = false;
    this.changeView({ tags, page: 0 });
  }

  protected setColumn(key: SegmentListColumn, on: boolean): void {
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

  /** Shift held while a row checkbox is clicked from the keyboard (Space): a range. */
  protected readonly trackShift = (e: KeyboardEvent): void => {
    this.shiftHeld = e.shiftKey;
  };

  /** A row's menu button. */
  protected rowButton(id: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`tr[data-id="${CSS.escape(id)}"] [part~="row-menu-button"]`);
  }

  /** Keep summaries seen (names for "Used by", the selection's segments). */
  protected remember(items: readonly SegmentSummary[]): void {
    for (const s of items) this.known.set(s.id, s);
    if (items.length) this.knownVersion++;
  }
}
