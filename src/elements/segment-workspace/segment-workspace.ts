import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import type { SegmentDocument } from '../../core/model/types.js';
import type { SegmentProvider, SegmentSummary } from '../../core/provider/types.js';
import { ProviderTask } from '../shared/controllers/provider-task.js';
import { messageOf } from '../shared/errors.js';
import type {
  MemberPreviewSeeMoreEvent,
  SegmentChangeEvent,
  SegmentCreateEvent,
  SegmentEditEvent,
  SegmentOpenEvent,
  SegmentSavedEvent,
  SegmentSaveEvent,
  SegmentsChangedEvent,
  SegmentWorkspaceRoute,
} from '../shared/events.js';
import { term } from '../shared/messages.js';
import { baseStyles } from '../shared/styles.js';
import type { QuickSegmentElement } from '../quick-segment/quick-segment.js';
import type { SegmentListElement } from '../segment-list/segment-list.js';
import { ViewModules, type ViewModuleName } from './modules.js';
import { WorkspaceNavigation } from './navigation.js';
import { LIST_ROUTE, sameRoute } from './routes.js';
import { allSummaries, shownName } from './summaries.js';
import { workspaceStyles } from './segment-workspace.styles.js';

export { DRAFT_DELAY } from './navigation.js';
export { parseRouteHash, routeHash } from './routes.js';
export { draftKey } from './drafts.js';
export type { SegmentWorkspaceNavigateDetail, SegmentWorkspaceRoute } from '../shared/events.js';

type DetailsModule = typeof import('./details-view.js');
type EditorModule = typeof import('./editor-view.js');
type Reloadable = HTMLElement & { reload(): void };

/** How many more members each "See more" shows in the details. */
const SEE_MORE_STEP = 500;
const PREVIEW_LIMIT = 100;

/** The document a route shows (details and the builder), as the key of the call that loads it. */
function docKey(route: SegmentWorkspaceRoute): string | undefined {
  if (route.view === 'details' || route.view === 'edit') return `${route.view}:${route.id}`;
  if (route.view === 'new' && route.kind !== 'quick') return `new:${route.kind}`;
  return undefined;
}

/**
 * The whole product in one element: the Segments page (`<segment-list>`), a segment's
 * details (`<trend-chart>`, `<member-preview>`, `<segment-overlap>`), the builder
 * (`<segment-builder>`) and quick segments (`<quick-segment>`), with the navigation
 * between them: list → details → edit → save → back. Each view's elements load on first
 * use (dynamic import), with a loading state and, if the import fails, Retry.
 *
 * Unsaved changes are never lost silently: leaving the builder with changes asks first
 * (Stay / Discard changes), the browser asks before the page is left, and the draft is
 * kept in `sessionStorage` so a reload restores it. Saving a valid segment runs it (a
 * refresh), so the list shows its member count. When the segment being edited is used by
 * other segments, a banner above the builder names them. Every action of the list (refresh,
 * activate or deactivate now or later, static or dynamic, tags, rename, duplicate, download,
 * delete with the warning about the segments that use it) is the list's own.
 *
 * Each view change moves focus to the new view's heading and announces it. With
 * `history="hash"` the view is kept in the URL hash and the back button works.
 *
 * @tagname segment-workspace
 * @summary The whole segments product in one element: list, details, builder, quick segments.
 * @event {CustomEvent<SegmentWorkspaceNavigateDetail>} segment-workspace-navigate - Another view is shown: `{ route, hash }`.
 * The events of the elements inside (`segment-open`, `segment-saved`, `segments-changed` …) bubble out of it too.
 * @csspart base - The whole workspace.
 * @csspart breadcrumb - The breadcrumb navigation above a view.
 * @csspart view - The current view (a region named by its heading).
 * @csspart header - The view's heading and actions.
 * @csspart title - The view's heading.
 * @csspart actions - The view's actions (Edit and Refresh in the details).
 * @csspart notice - The result of the last action, or the restored-draft notice.
 * @csspart state - A loading or error message (with Retry).
 * @csspart retry - A Retry button.
 * @csspart facts - The details' facts (members, status, state, type, last refreshed, tags).
 * @csspart fact - One fact (the member count is also `member-count`, the status `status`).
 * @csspart description - The segment's description in the details.
 * @csspart trend - The trend section of the details.
 * @csspart members - The members section of the details.
 * @csspart overlap - The overlap section of the details.
 * @csspart usage-banner - The banner above the builder naming the segments that use the one edited.
 * @csspart dialog - The "Leave without saving?" dialog.
 * @cssprop --sk-workspace-gap - Space between the workspace's sections (default 1rem).
 * @cssprop --sk-workspace-max-width - The workspace's maximum width (default none).
 * @cssprop --sk-popover-shadow - Shadow of its dialog (default `0 6px 24px rgb(0 0 0 / 0.18)`).
 */
export class SegmentWorkspaceElement extends WorkspaceNavigation {
  static override styles = [baseStyles, workspaceStyles];

  /** The reference instant for the trend's time frames (default: now). Pass the provider's clock when it has one. */
  @property() now: Date | string | number | undefined;

  @state() private previewLimit = PREVIEW_LIMIT;
  @state() private refreshing = false;
  @state() private docVersion = 0;
  @state() private summariesVersion = 0;

  private changes = 0;
  private savingAt = -1;
  /** The quick segment's document when it was last saved (later edits are unsaved changes). */
  private quickSaved: SegmentDocument | undefined;
  /** Whether the details' and the builder's modules were asked for ahead of their first visit. */
  private prefetchScheduled = false;

  protected readonly modules = new ViewModules(this, (name) => this.importView(name));

  /** Loads a view's module (a dynamic import each, so the first load stays small). */
  protected importView(name: ViewModuleName): Promise<unknown> {
    switch (name) {
      case 'list':
        return import('../segment-list/define.js');
      case 'details':
        return import('./details-view.js');
      case 'editor':
        return import('./editor-view.js');
      case 'quick':
        return import('../quick-segment/define.js');
    }
  }

  /** The document of the details or the builder: from the provider, or the one kept (a restored draft, a compound). */
  private readonly docTask = new ProviderTask<[SegmentProvider, string, number], SegmentDocument>(this, {
    args: () => {
      const provider = this.effectiveProvider;
      const key = docKey(this.route);
      return provider && key ? [provider, key, this.docVersion] : undefined;
    },
    task: async ([provider, key], { signal }) => {
      const route = this.route;
      if (this.pending && docKey(this.pending.route) === key) return this.pending.doc;
      if (route.view === 'details' || route.view === 'edit') return provider.getSegment(route.id, { signal });
      const [editor, catalog] = await Promise.all([this.modules.load<EditorModule>('editor'), provider.getCatalog({ signal })]);
      return editor.blankSegment(catalog);
    },
  });

  /** Every summary (the details' facts, the builder's "used by" banner). */
  private readonly summaries = new ProviderTask<[SegmentProvider, number], Map<string, SegmentSummary>>(this, {
    args: () => {
      const provider = this.effectiveProvider;
      const v = this.route.view;
      return provider && (v === 'details' || v === 'edit') ? [provider, this.summariesVersion] : undefined;
    },
    task: ([provider], { signal }) => allSummaries(provider, signal),
  });

  /** The current view's document, once loaded. */
  private get doc(): SegmentDocument | undefined {
    const t = this.docTask;
    return t.status === 'complete' && t.args?.[1] === docKey(this.route) && t.args?.[2] === this.docVersion ? t.value : undefined;
  }

  private get summary(): SegmentSummary | undefined {
    const r = this.route;
    if (r.view !== 'details' && r.view !== 'edit') return undefined;
    // Until every summary is in, the list's own (it stays in the page, hidden): the title has the name at once.
    return this.summaries.value?.get(r.id) ?? this.listElement()?.summaryOf(r.id);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // The list loads with the workspace (it is the first view); the others when first shown,
    // or before: when the browser is idle after the list has shown (`prefetchViews`).
    this.modules.status('list');
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.prefetchScheduled || this.route.view !== 'list' || !this.modules.get('list')) return;
    this.prefetchScheduled = true;
    const idle = (fn: () => void) =>
      typeof requestIdleCallback === 'function' ? requestIdleCallback(fn, { timeout: 2000 }) : setTimeout(fn, 200);
    idle(() => {
      if (!this.isConnected) return;
      this.modules.prefetch('details');
      this.modules.prefetch('editor');
    });
  }

  // ------------------------------------------------------------------ navigation hooks

  protected override onShow(from: SegmentWorkspaceRoute, to: SegmentWorkspaceRoute): void {
    // The last action's result belongs to the view it was done in (a save's comes after the view it returns to).
    if (!sameRoute(from, to)) this.notice = null;
    if (docKey(to)) this.docVersion++;
    if (to.view === 'details' || to.view === 'edit') this.summariesVersion++;
    if (to.view === 'details') this.previewLimit = PREVIEW_LIMIT;
    if (to.view === 'new' && to.kind === 'quick') this.quickSaved = undefined;
    if (to.view === 'list' && from.view !== 'list') this.listElement()?.reload();
  }

  protected override hasUnsaved(): boolean {
    if (super.hasUnsaved()) return true;
    if (this.route.view !== 'new' || this.route.kind !== 'quick') return false;
    const quick = this.renderRoot.querySelector<QuickSegmentElement>('quick-segment');
    return !!quick?.condition?.attribute && quick.segment !== this.quickSaved;
  }

  protected override reopen(): void {
    this.docVersion++;
  }

  private listElement(): SegmentListElement | null {
    return this.renderRoot.querySelector<SegmentListElement>('segment-list');
  }

  // ------------------------------------------------------------------ events of the elements inside

  private onOpen = (e: SegmentOpenEvent): void => void this.go({ view: 'details', id: e.detail.id });
  private onEdit = (e: SegmentEditEvent): void => void this.go({ view: 'edit', id: e.detail.id });

  private onCreate = (e: SegmentCreateEvent): void => {
    const d = e.detail;
    if (d.kind !== 'compound') {
      void this.go({ view: 'new', kind: d.kind });
      return;
    }
    const route: SegmentWorkspaceRoute = { view: 'new', kind: 'compound' };
    this.pending = { route, doc: d.segment };
    void this.go(route).then((shown) => {
      // Not saved anywhere yet: leaving it asks, and a reload keeps it.
      if (shown) this.changed(d.segment);
    });
  };

  private onListChanged = (e: SegmentsChangedEvent): void => {
    this.summariesVersion++;
    this.notice = null; // the list says what it did; an earlier result of the workspace's is stale now
    const copy = e.detail.action === 'duplicate' ? e.detail.items[0] : undefined;
    if (copy) {
      this.notice = {
        kind: 'info',
        text: this.msg('workspace.duplicated', { name: shownName(copy) }),
        action: { label: this.msg('workspace.duplicated.edit'), run: () => void this.go({ view: 'edit', id: copy.id }) },
      };
    }
  };

  private onBuilderChange = (e: SegmentChangeEvent): void => {
    this.changes++;
    this.changed(e.detail.segment);
  };

  private onBuilderSave = (_e: SegmentSaveEvent): void => {
    this.savingAt = this.changes;
  };

  private onBuilderSaved = (e: SegmentSavedEvent): void => {
    const summary = e.detail.summary;
    this.summariesVersion++;
    if (this.savingAt !== this.changes) return; // edited again while it saved: still unsaved, stay
    this.dropDraft();
    this.show(this.editOrigin, 'push');
    void this.runSaved(summary);
  };

  private onBuilderCancel = (): void => void this.go(this.editOrigin);

  private onQuickSaved = (e: SegmentSavedEvent): void => {
    this.quickSaved = (e.target as QuickSegmentElement).segment;
    this.summariesVersion++;
    void this.runSaved(e.detail.summary);
  };

  private onSeeMore = (e: MemberPreviewSeeMoreEvent): void => {
    this.previewLimit = Math.min(Math.max(e.detail.total, PREVIEW_LIMIT), this.previewLimit + SEE_MORE_STEP);
  };

  /**
   * After a save: an active segment the save did not count is run (refreshed), so the list
   * shows its member count. (An inactive one is not refreshed: activate it to count it.)
   */
  private async runSaved(summary: SegmentSummary): Promise<void> {
    const name = shownName(summary);
    const provider = this.effectiveProvider;
    if (summary.status === 'draft') this.notice = { kind: 'info', text: this.msg('workspace.savedDraft', { name }) };
    else if (summary.state !== 'active' || !provider) this.notice = { kind: 'info', text: this.msg('workspace.saved', { name }) };
    else if (summary.status === 'succeeded')
      this.notice = { kind: 'info', text: this.msg('workspace.ran', { name, count: summary.memberCount }) };
    else {
      this.notice = { kind: 'info', text: this.msg('workspace.running', { name }) };
      try {
        const [after] = await provider.refreshSegments([summary.id]);
        this.notice = { kind: 'info', text: this.msg('workspace.ran', { name, count: after?.memberCount ?? null }) };
      } catch (err) {
        this.notice = { kind: 'error', text: this.msg('workspace.runFailed', { name, message: messageOf(err) }) };
      }
      this.summariesVersion++;
      this.listElement()?.reload();
    }
  }

  private async refreshDetails(id: string): Promise<void> {
    const provider = this.effectiveProvider;
    if (!provider || this.refreshing) return;
    this.refreshing = true;
    try {
      const [after] = await provider.refreshSegments([id]);
      const name = shownName(after ?? { id });
      const text =
        after?.status === 'skipped'
          ? this.msg('workspace.skipped', { name })
          : this.msg('workspace.refreshed', { name, count: after?.memberCount ?? null });
      this.notice = { kind: after?.status === 'failed' ? 'error' : 'info', text };
      this.summariesVersion++;
      for (const el of this.renderRoot.querySelectorAll<Reloadable>('trend-chart, member-preview')) el.reload();
    } catch (err) {
      this.notice = { kind: 'error', text: this.msg('workspace.refreshFailed', { message: messageOf(err) }) };
    } finally {
      this.refreshing = false;
    }
  }

  // ------------------------------------------------------------------ rendering

  private viewTitle(): string {
    const r = this.route;
    const doc = this.doc;
    const name = doc ? shownName(doc) : r.view === 'details' || r.view === 'edit' ? shownName(this.summary ?? { id: r.id }) : '';
    switch (r.view) {
      case 'list':
        return term('workspace.list.title');
      case 'details':
        return name;
      case 'edit':
        return term('workspace.edit.title', { name: term('workspace.quoted', { text: name }) });
      case 'new':
        return term(r.kind === 'quick' ? 'workspace.quick.title' : 'workspace.new.title');
    }
  }

  override render(): TemplateResult {
    const r = this.route;
    const listShown = r.view === 'list';
    return html`<div class="workspace" part="base">
      ${listShown ? nothing : this.renderBreadcrumb()} ${this.renderNotice()}
      <section class="view" part="view" aria-labelledby="view-title" data-view=${r.view}>
        <header class="header" part="header">
          <h2 id="view-title" part="title" tabindex="-1">${this.viewTitle()}</h2>
          ${r.view === 'details' ? this.renderDetailsActions(r.id) : nothing}
        </header>
        ${this.renderBody()} ${this.renderList(listShown)}
      </section>
      ${this.leaving ? this.renderLeaveDialog() : nothing} ${this.announcer.render()}
    </div>`;
  }

  private renderBreadcrumb(): TemplateResult {
    const r = this.route;
    const crumbs: { label: string; to: SegmentWorkspaceRoute }[] = [{ label: term('workspace.list.title'), to: LIST_ROUTE }];
    if (r.view === 'edit' && this.editOrigin.view === 'details') {
      crumbs.push({ label: shownName(this.doc ?? this.summary ?? { id: r.id }), to: this.editOrigin });
    }
    return html`<nav class="breadcrumb" part="breadcrumb" aria-label=${term('workspace.breadcrumb')}>
      <ol>
        ${crumbs.map((c) => html`<li><button type="button" class="link" @click=${() => void this.go(c.to)}>${c.label}</button></li>`)}
        <li><span aria-current="page">${this.viewTitle()}</span></li>
      </ol>
    </nav>`;
  }

  private renderNotice(): TemplateResult | typeof nothing {
    const n = this.notice;
    if (!n) return nothing;
    return html`<div class="notice ${n.kind}" part="notice" role=${n.kind === 'error' ? 'alert' : 'status'}>
      <span>${n.text}</span>
      ${n.action ? html`<button type="button" data-action="notice-action" @click=${n.action.run}>${n.action.label}</button>` : nothing}
      <button type="button" class="quiet" data-action="dismiss" @click=${() => (this.notice = null)}>${term('workspace.dismiss')}</button>
    </div>`;
  }

  private renderDetailsActions(id: string): TemplateResult {
    return html`<div class="actions" part="actions">
      <button
        type="button"
        data-action="refresh"
        aria-disabled=${this.refreshing ? 'true' : 'false'}
        @click=${() => void this.refreshDetails(id)}
      >
        ${term(this.refreshing ? 'workspace.details.refreshing' : 'workspace.details.refresh')}
      </button>
      <button type="button" class="primary" data-action="edit" @click=${() => void this.go({ view: 'edit', id })}>
        ${term('workspace.details.edit')}
      </button>
    </div>`;
  }

  /** A view's module loading, or failed with Retry. */
  private moduleState(name: ViewModuleName): TemplateResult | undefined {
    const status = this.modules.status(name);
    if (status === 'ready') return undefined;
    if (status === 'loading') return html`<p class="state" part="state" role="status">${term('workspace.view.loading')}</p>`;
    return html`<div class="state error" part="state" role="alert">
      <p>${term('workspace.view.error', { message: messageOf(this.modules.error(name)) })}</p>
      <button type="button" part="retry" @click=${() => this.modules.retry(name)}>${term('workspace.retry')}</button>
    </div>`;
  }

  /** The document loading, or failed with Retry. */
  private docState(): TemplateResult | undefined {
    if (!this.effectiveProvider) return html`<p class="state" part="state">${term('workspace.noProvider')}</p>`;
    if (this.doc) return undefined;
    if (this.docTask.status === 'error') {
      return html`<div class="state error" part="state" role="alert">
        <p>${term('workspace.segment.error', { message: messageOf(this.docTask.error) })}</p>
        <button type="button" part="retry" @click=${() => void this.docTask.retry()}>${term('workspace.retry')}</button>
      </div>`;
    }
    return html`<p class="state" part="state" role="status">${term('workspace.segment.loading')}</p>`;
  }

  private renderBody(): TemplateResult | typeof nothing {
    const r = this.route;
    const provider = this.effectiveProvider;
    if (r.view === 'list') return nothing;
    if (r.view === 'new' && r.kind === 'quick') {
      return (
        this.moduleState('quick') ??
        html`<quick-segment .provider=${provider} @segment-saved=${this.onQuickSaved} @segment-edit=${this.onEdit}></quick-segment>`
      );
    }
    if (r.view === 'details') {
      const waiting = this.moduleState('details') ?? this.docState();
      const details = this.modules.get<DetailsModule>('details');
      if (waiting || !details || !provider) return waiting ?? nothing;
      return html`<div class="details" @segment-create=${this.onCreate} @member-preview-see-more=${this.onSeeMore}>
        ${details.detailsBody({ provider, doc: this.doc!, summary: this.summary, previewLimit: this.previewLimit, now: this.now })}
      </div>`;
    }
    const waiting = this.moduleState('editor') ?? this.docState();
    const editor = this.modules.get<EditorModule>('editor');
    if (waiting || !editor) return waiting ?? nothing;
    return html`${r.view === 'edit' ? editor.usageBanner(r.id, this.summaries.value) : nothing}
      <segment-builder
        .provider=${provider}
        .segment=${
          // Lit sets an object property at every render; the builder opens whatever it is given (and clears its
          // history), so the same document is set once.
          guard([this.doc], () => this.doc)
        }
        @segment-change=${this.onBuilderChange}
        @segment-save=${this.onBuilderSave}
        @segment-saved=${this.onBuilderSaved}
        @segment-cancel=${this.onBuilderCancel}
      ></segment-builder>`;
  }

  /** The list stays in the page while another view is shown (its search, sort and page are kept), hidden. */
  private renderList(shown: boolean): TemplateResult | typeof nothing {
    const state = this.modules.status('list');
    if (state !== 'ready') return shown ? (this.moduleState('list') ?? nothing) : nothing;
    return html`<segment-list
      ?hidden=${!shown}
      .provider=${this.effectiveProvider}
      storage-key=${`segment-kit:workspace:${this.storageKey || 'default'}:list`}
      @segment-open=${this.onOpen}
      @segment-edit=${this.onEdit}
      @segment-create=${this.onCreate}
      @segments-changed=${this.onListChanged}
    ></segment-list>`;
  }

  private renderLeaveDialog(): TemplateResult {
    const doc = this.latest ?? this.doc;
    const name = doc && shownName(doc) ? term('workspace.quoted', { text: shownName(doc) }) : term('workspace.leave.unnamed');
    return html`<dialog
      class="leave"
      part="dialog"
      aria-labelledby="leave-title"
      aria-describedby="leave-body"
      @cancel=${(e: Event) => {
        e.preventDefault();
        this.stay();
      }}
    >
      <h2 id="leave-title">${term('workspace.leave.title')}</h2>
      <p id="leave-body">${term('workspace.leave.body', { name })}</p>
      <div class="dialog-actions">
        <button type="button" class="danger" data-action="discard" @click=${() => this.discardAndLeave()}>
          ${term('workspace.leave.discard')}
        </button>
        <button type="button" class="primary" data-action="stay" @click=${() => this.stay()}>${term('workspace.leave.stay')}</button>
      </div>
    </dialog>`;
  }
}
