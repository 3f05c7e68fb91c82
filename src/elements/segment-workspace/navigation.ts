/**
 * `<segment-workspace>`, part 1 of 2: where it is and how it gets elsewhere — the route,
 * the URL hash (when the host allows it), the unsaved-changes guard with its dialog,
 * `beforeunload`, the draft kept for a reload, focus and announcements on every view
 * change. `segment-workspace.ts` renders the views and wires their elements' events.
 */
import { type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { workspace as workspaceWords } from '../../core/messages/en/workspace.js';
import { addEnglish } from '../../core/messages/translator.js';
import type { SegmentDocument } from '../../core/model/types.js';
import { SegmentKitElement } from '../shared/base.js';
import { AnnouncerController } from '../shared/controllers/announcer.js';
import { emit, type SegmentWorkspaceRoute } from '../shared/events.js';
import { term } from '../shared/messages.js';
import { clearDraft, readDraft, writeDraft, type DraftStorageKind } from './drafts.js';
import { isEditorRoute, LIST_ROUTE, parseRouteHash, routeHash, sameRoute } from './routes.js';

addEnglish(workspaceWords);

/** How long after the last edit the draft is written to storage (ms); leaving the page writes it at once. */
export const DRAFT_DELAY = 250;

export type WorkspaceNotice = {
  kind: 'info' | 'error';
  text: string;
  /** A button in the notice (Discard a restored draft, Edit a copy). */
  action?: { label: string; run: () => void };
};

/** What the leave dialog asks about. */
type Leaving = { to: SegmentWorkspaceRoute; fromHistory: boolean; resolve: (left: boolean) => void; returnFocus: HTMLElement | null };

type HistoryMode = 'push' | 'replace' | 'none';

export class WorkspaceNavigation extends SegmentKitElement {
  /**
   * `hash`: keep the view in the URL hash (`#/segments`, `#/segments/<id>`,
   * `#/segments/<id>/edit`, `#/new`, `#/new/quick`), so the browser's back button and
   * reloads work. `none` (default): the workspace leaves the URL alone (a host router
   * drives it with `go()` and hears `segment-workspace-navigate`).
   */
  @property({ reflect: true }) history: 'none' | 'hash' = 'none';

  /** Names this workspace's stored draft and column choice (two workspaces on one page need two keys). */
  @property({ attribute: 'storage-key' }) storageKey = 'default';

  /** Where the draft in progress is kept for a reload: `session` (default), `local`, or `none`. */
  @property({ attribute: 'draft-storage' }) draftStorage: DraftStorageKind = 'session';

  /**
   * The view shown. Setting it shows that view at once, without asking about unsaved changes
   * and without `segment-workspace-navigate`; `go()` asks first and fires it.
   */
  @property({ attribute: false }) route: SegmentWorkspaceRoute = LIST_ROUTE;

  /** The builder has changes not saved yet. */
  @state() dirty = false;

  @state() protected notice: WorkspaceNotice | null = null;
  @state() protected leaving: Leaving | null = null;

  /** Where the builder was opened from (Save and Cancel go back there). */
  protected editOrigin: SegmentWorkspaceRoute = LIST_ROUTE;
  /** A document to open in the builder that does not come from the provider (a restored draft, a compound), by route. */
  protected pending: { route: SegmentWorkspaceRoute; doc: SegmentDocument } | undefined;
  /** The builder's document as last changed (what the draft keeps). */
  protected latest: SegmentDocument | undefined;
  protected readonly announcer = new AnnouncerController(this);

  /** The route last shown by the workspace itself (a different `route` was set by the host). */
  private shown: SegmentWorkspaceRoute = LIST_ROUTE;
  private focusPending = false;
  private draftTimer: ReturnType<typeof setTimeout> | undefined;
  private draftProblem = false;
  private connection: AbortController | undefined;
  private unloadGuard: AbortController | undefined;

  // ------------------------------------------------------------------ lifecycle

  override connectedCallback(): void {
    super.connectedCallback();
    this.connection = new AbortController();
    if (this.history === 'hash') this.listenToHash();
    if (this.dirty) this.guardUnload(true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.writeDraftNow();
    this.connection?.abort();
    this.connection = undefined;
    this.guardUnload(false);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.hasUpdated) this.start();
    else if (changed.has('route') && this.route !== this.shown) {
      // The host set `route`: shown as it is (no question asked), with the same bookkeeping as a navigation.
      const to = this.route;
      this.route = changed.get('route') ?? LIST_ROUTE;
      this.show(to, 'push', false);
    }
    if (changed.has('history') && this.hasUpdated && this.isConnected) {
      // Turned on or off while shown: listen again (or not), with a fresh signal.
      this.connection?.abort();
      this.connection = new AbortController();
      if (this.history === 'hash') this.listenToHash();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('dirty')) this.guardUnload(this.dirty);
    const dialog = this.renderRoot.querySelector<HTMLDialogElement>('dialog.leave');
    if (dialog && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLElement>('[data-action="stay"]')?.focus();
    }
    if (this.focusPending) {
      this.focusPending = false;
      const heading = this.renderRoot.querySelector<HTMLElement>('#view-title');
      heading?.focus();
      // Announced after this update (announcing re-renders the live region).
      const text = heading?.textContent.replace(/\s+/g, ' ').trim();
      if (text) void this.updateComplete.then(() => this.announcer.announce(text));
    }
  }

  /** The first render: a draft kept from before a reload wins; else the hash (in `hash` mode); else the route given. */
  private start(): void {
    const draft = readDraft(this.draftStorage, this.storageKey);
    if (draft) {
      this.route = draft.route;
      this.shown = draft.route;
      this.editOrigin = draft.origin;
      this.pending = { route: draft.route, doc: draft.segment };
      this.latest = draft.segment;
      this.dirty = true;
      this.notice = {
        kind: 'info',
        text: term('workspace.restored'),
        action: { label: term('workspace.restored.discard'), run: () => this.discardRestored() },
      };
      if (this.history === 'hash') this.writeHash(draft.route, 'replace');
      return;
    }
    if (this.history === 'hash') {
      const fromHash = parseRouteHash(location.hash);
      if (fromHash) this.route = fromHash;
    }
    this.shown = this.route;
  }

  // ------------------------------------------------------------------ navigation

  /**
   * Show another view. With unsaved changes in the builder, the person is asked first
   * (Stay / Discard changes): resolves false when they stayed.
   */
  go(route: SegmentWorkspaceRoute): Promise<boolean> {
    return this.request(route, false);
  }

  protected request(route: SegmentWorkspaceRoute, fromHistory: boolean): Promise<boolean> {
    if (sameRoute(route, this.route) && !fromHistory) return Promise.resolve(true);
    if (!this.hasUnsaved()) {
      this.show(route, fromHistory ? 'none' : 'push');
      return Promise.resolve(true);
    }
    // The URL already moved (back button): put the builder's back while the person chooses.
    if (fromHistory) this.writeHash(this.route, 'push');
    if (this.leaving) {
      this.leaving.to = route;
      this.leaving.fromHistory = fromHistory;
      this.requestUpdate();
      return Promise.resolve(false);
    }
    return new Promise<boolean>((resolve) => {
      let active = document.activeElement as HTMLElement | null;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement as HTMLElement;
      this.leaving = { to: route, fromHistory, resolve, returnFocus: active };
    });
  }

  /** Are there changes that leaving this view would lose? */
  protected hasUnsaved(): boolean {
    return isEditorRoute(this.route) && this.dirty;
  }

  /**
   * Show the route now (no question asked): the hash follows, focus goes to the new heading,
   * the change is announced; `segment-workspace-navigate` is fired unless the host set `route` itself.
   */
  protected show(route: SegmentWorkspaceRoute, mode: HistoryMode, notify = true): void {
    const from = this.route;
    this.shown = route;
    if (isEditorRoute(from) && !sameRoute(from, route)) this.dropDraft();
    if (isEditorRoute(route) && !isEditorRoute(from)) this.editOrigin = from.view === 'details' ? from : LIST_ROUTE;
    this.route = route;
    if (this.history === 'hash' && mode !== 'none') this.writeHash(route, mode);
    this.focusPending = true;
    this.onShow(from, route);
    if (notify) emit(this, 'segment-workspace-navigate', { route, hash: routeHash(route) });
  }

  /** A hook for the view that comes in (the list reloads, the preview starts over). */
  protected onShow(_from: SegmentWorkspaceRoute, _to: SegmentWorkspaceRoute): void {}

  /** Stay: the dialog closes and focus goes back where it was. */
  protected stay(): void {
    const l = this.leaving;
    if (!l) return;
    this.closeLeaveDialog();
    l.resolve(false);
    l.returnFocus?.focus();
  }

  /** Discard changes: the draft is dropped and the view the person asked for is shown. */
  protected discardAndLeave(): void {
    const l = this.leaving;
    if (!l) return;
    this.closeLeaveDialog();
    this.dropDraft();
    this.show(l.to, l.fromHistory ? 'replace' : 'push');
    l.resolve(true);
  }

  private closeLeaveDialog(): void {
    const d = this.renderRoot.querySelector<HTMLDialogElement>('dialog.leave');
    if (d?.open) d.close();
    this.leaving = null;
  }

  private writeHash(route: SegmentWorkspaceRoute, mode: 'push' | 'replace'): void {
    const hash = routeHash(route);
    if (location.hash === hash) return;
    if (mode === 'push') history.pushState(history.state, '', hash);
    else history.replaceState(history.state, '', hash);
  }

  private listenToHash(): void {
    window.addEventListener('hashchange', this.onHashChange, { signal: this.connection!.signal });
  }

  private readonly onHashChange = (): void => {
    const hash = location.hash;
    // An empty hash is the first page (the list); another anchor of the host's is not the workspace's.
    const route = hash === '' || hash === '#' ? LIST_ROUTE : parseRouteHash(hash);
    if (!route || sameRoute(route, this.route)) return;
    void this.request(route, true);
  };

  // ------------------------------------------------------------------ unsaved changes and the draft

  /** The builder changed: the draft is written a moment later. */
  protected changed(doc: SegmentDocument): void {
    this.latest = doc;
    this.dirty = true;
    if (this.draftTimer !== undefined) clearTimeout(this.draftTimer);
    this.draftTimer = setTimeout(() => this.writeDraftNow(), DRAFT_DELAY);
  }

  /** Saved (or discarded): nothing left to keep. */
  protected dropDraft(): void {
    if (this.draftTimer !== undefined) clearTimeout(this.draftTimer);
    this.draftTimer = undefined;
    this.dirty = false;
    this.latest = undefined;
    this.pending = undefined;
    clearDraft(this.draftStorage, this.storageKey);
  }

  protected writeDraftNow(): void {
    if (this.draftTimer !== undefined) clearTimeout(this.draftTimer);
    this.draftTimer = undefined;
    if (!this.dirty || !this.latest || !isEditorRoute(this.route)) return;
    const problem = writeDraft(this.draftStorage, this.storageKey, {
      route: this.route,
      segment: this.latest,
      origin: this.editOrigin,
      at: new Date().toISOString(),
    });
    if (problem && !this.draftProblem) {
      this.draftProblem = true; // said once
      this.notice = { kind: 'error', text: this.msg('workspace.draft.unkept', { message: problem }) };
    }
  }

  /** Discard on the "Restored your unsaved changes" notice: the saved version (or a blank one) opens again. */
  protected discardRestored(): void {
    this.notice = null;
    this.dropDraft();
    this.reopen();
  }

  /** Load the current view's document again from the provider. */
  protected reopen(): void {}

  /** While there are unsaved changes, the browser asks before the page is left, and the draft is written as it goes. */
  private guardUnload(on: boolean): void {
    if (on && this.isConnected && !this.unloadGuard) {
      this.unloadGuard = new AbortController();
      const { signal } = this.unloadGuard;
      window.addEventListener(
        'beforeunload',
        (e: BeforeUnloadEvent) => {
          this.writeDraftNow();
          if (!this.hasUnsaved()) return;
          e.preventDefault();
          e.returnValue = ''; // older browsers ask only when it is set
        },
        { signal },
      );
      window.addEventListener('pagehide', () => this.writeDraftNow(), { signal });
    } else if (!on && this.unloadGuard) {
      this.unloadGuard.abort();
      this.unloadGuard = undefined;
    }
  }
}
