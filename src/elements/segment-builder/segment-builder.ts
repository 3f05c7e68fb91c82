import { ContextProvider } from '@lit/context';
import { Task } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { SegmentEditor, type EditorChangeReason } from '../../core/editor/index.js';
import { entityLabel } from '../../core/model/catalog.js';
import { describeSegment } from '../../core/model/describe.js';
import type { Catalog, SegmentDocument, SegmentError, SetOperator } from '../../core/model/types.js';
import type { SegmentProvider, SegmentSummary } from '../../core/provider/types.js';
import { SegmentKitElement } from '../shared/base.js';
import { ProviderTask } from '../shared/controllers/provider-task.js';
import { catalogContext, providerContext } from '../shared/context.js';
import { emit, type ConditionChangeEvent } from '../shared/events.js';
import { builder as builderWords } from '../../core/messages/en/builder.js';
import { combinators } from '../../core/messages/en/combinators.js';
import { matches } from '../../core/messages/en/matches.js';
import { currentTranslator, term } from '../shared/messages.js';
import { addEnglish } from '../../core/messages/translator.js';
import { baseStyles } from '../shared/styles.js';
import { addAfter, addCondition, addRule as addRuleAction, applyConditionChange } from './actions.js';
import { DragController } from './drag.js';
import { LiveCounts } from './live-counts.js';
import { footer, loadError, loadVirtualizer, rowList, VIRTUALIZE_AT } from './frame.js';
import { SavedSegments } from './saved-segments.js';
import { focusRow } from './focus.js';
import { handleBuilderKey, KeyboardHelpController, keyboardStyles, moveOps } from './keyboard.js';
import { builderStyles } from './segment-builder.styles.js';
import { problemList, propertiesForm, toolbar } from './toolbar.js';
import type { BuilderView, EditRequest, FocusTarget } from './view.js';

// The builder's words, and the set hints and related-block words its rows show.
addEnglish(builderWords);
addEnglish(combinators);
addEnglish(matches);

export { VIRTUALIZE_AT } from './frame.js';
export type { SegmentCancelDetail, SegmentChangeDetail, SegmentSaveDetail, SegmentSavedDetail } from '../shared/events.js';

const SUMMARY_MAX = 600;

/**
 * Edit one segment: its properties, its rules (condition trees joined by union,
 * intersect or except), with live estimated size and per-rule counts from the provider,
 * validation next to each row, draft saving, undo/redo and a plain-language summary.
 * The editing state is a headless `SegmentEditor` (`segment-kit/core`); this element
 * renders it. The object given as `segment` is never mutated.
 *
 * Keyboard: Ctrl/Cmd+Z and Shift+Ctrl/Cmd+Z undo and redo; Alt+arrows move and indent the
 * focused row; Alt+Shift+C / G add a condition / group after it; Alt+Shift+R adds a
 * rule; Alt+Shift+E goes to the end of the rules; "?" shows the keyboard help.
 *
 * @tagname segment-builder
 * @summary Builds and edits a customer segment.
 * @event {CustomEvent<SegmentChangeDetail>} segment-change - Every user edit. Not fired when `segment` is set.
 * @event {CustomEvent<SegmentSaveDetail>} segment-save - Save or "Save and activate" was chosen. Cancelable: when not prevented and a provider is present, the builder saves through it.
 * @event {CustomEvent<SegmentSavedDetail>} segment-saved - The provider saved the segment.
 * @event {CustomEvent<SegmentCancelDetail>} segment-cancel - Cancel was chosen.
 * @csspart toolbar - The top bar with size, undo/redo and save.
 * @csspart size - The estimated size.
 * @csspart properties - The name, display name, description and type fields.
 * @csspart summary - The plain-language summary.
 * @csspart problems - The list of problems.
 * @csspart load-error - The message about a document that could not be opened.
 * @csspart rule - A rule's header.
 * @csspart row - A row of the condition tree.
 * @csspart keyboard-help - The keyboard shortcuts dialog.
 * @cssproperty --sk-segment-builder-gap - Space between sections.
 * @cssproperty --sk-segment-builder-indent - Indent per nesting level.
 * @cssproperty --sk-segment-builder-background - Background of the builder.
 */
export class SegmentBuilderElement extends SegmentKitElement implements BuilderView {
  static override styles = [baseStyles, builderStyles, keyboardStyles];

  /** Show the segment without editing controls. */
  @property({ type: Boolean, reflect: true }) readonly = false;

  /** Debounce of live counts in milliseconds. */
  @property({ type: Number, attribute: 'count-delay' }) countDelay = 300;

  @state() private status = '';
  @state() private saveError: string | undefined;
  /** The row under the pointer or holding focus: only it renders its action buttons. @internal */
  @state() activeKey: string | undefined;

  /** The editing state: document, history, validation, outline (for the row templates). @internal */
  readonly editor = new SegmentEditor();
  /** @internal */
  readonly drag = new DragController(this);
  private readonly help = new KeyboardHelpController(this);
  /** Live counts (debounced, aborted when superseded, kept while new ones come, announced). @internal */
  readonly liveCounts = new LiveCounts(this);
  /** Saving, with a signal; a save under way is not cancelled when the builder leaves the page. */
  private readonly saveTask = new ProviderTask<[SegmentProvider, SegmentDocument], SegmentSummary>(this, {
    task: ([provider, doc], { signal }) => provider.saveSegment(doc, { signal }),
    abortOnDisconnect: false,
  });
  private rejected: unknown;
  private pendingFocus: FocusTarget | undefined;
  private readonly providerOut = new ContextProvider(this, { context: providerContext });
  private readonly catalogOut = new ContextProvider(this, { context: catalogContext });

  constructor() {
    super();
    this.editor.subscribe(this.onEditorChange);
  }

  /**
   * The segment document being edited. Setting it loads a new document (and clears undo).
   * Setting the very document it holds changes nothing: a host that keeps the segment in its
   * own state and passes back what `segment-change` gave it (React, Vue) keeps undo working.
   */
  @property({ attribute: false })
  get segment(): SegmentDocument | undefined {
    return this.editor.segment;
  }
  set segment(value: unknown) {
    const old = this.editor.segment;
    if (value !== undefined && value === old) return;
    this.saveError = undefined;
    this.status = '';
    const { ok } = this.editor.load(value);
    this.rejected = ok ? undefined : value;
    if (ok && this.editor.segment) {
      if (this.editor.rows.length > VIRTUALIZE_AT) void loadVirtualizer().catch(() => undefined);
      this.liveCounts.reset(); // counted once the first frame with it is on screen
    }
    this.requestUpdate('segment', old);
  }

  /** The last document given as `segment` that could not be opened (kept for the host), if any. */
  get rejectedSegment(): unknown {
    return this.rejected;
  }

  /** The catalog from the property, the context, or loaded from the provider. */
  private readonly catalogTask = new Task(this, {
    task: async ([provider, given], { signal }) => given ?? (provider ? provider.getCatalog({ signal }) : undefined),
    args: () => [this.effectiveProvider, this.effectiveCatalog] as const,
  });

  private readonly saved = new SavedSegments(this, this.editor, () => this.effectiveProvider);

  private get doc(): SegmentDocument | undefined {
    return this.editor.segment;
  }

  /** The catalog in use: the property or context's, else the provider's. @internal */
  get activeCatalog(): Catalog | undefined {
    return this.effectiveCatalog ?? this.catalogTask.value;
  }

  /** The validation of the current document (errors with paths and node ids). */
  get validity() {
    return this.editor.validation;
  }

  /** The saved segments a rule can reference (for the row templates). @internal */
  get savedSegments(): BuilderView['savedSegments'] {
    return this.saved.view;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('keydown', this.onKeydown);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('keydown', this.onKeydown);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('countDelay')) this.liveCounts.task.delay = this.countDelay;
    const provider = this.effectiveProvider;
    if (changed.has('provider') || changed.has('contextProvider')) this.editor.clearReferences();
    this.editor.catalog = this.activeCatalog; // re-validates and re-counts when it changed
    if (this.providerOut.value !== provider) this.providerOut.setValue(provider);
    if (this.catalogOut.value !== this.editor.catalog) this.catalogOut.setValue(this.editor.catalog);
    if (this.doc && (changed.has('provider') || changed.has('contextProvider'))) this.liveCounts.request(true);
  }

  protected override updated(): void {
    if (this.pendingFocus) {
      const { key, part } = this.pendingFocus;
      this.pendingFocus = undefined;
      void this.updateComplete.then(() => focusRow(this.renderRoot as ShadowRoot, this.editor.rows, key, part));
    }
  }

  // ------------------------------------------------------------------ editing

  private onEditorChange = (reason: EditorChangeReason): void => {
    if (reason === 'edit' || reason === 'undo' || reason === 'redo' || reason === 'new') {
      this.status = '';
      this.saveError = undefined;
      const { valid, errors } = this.editor.validation;
      emit(this, 'segment-change', { segment: this.editor.segment!, valid, errors });
    }
    if (reason !== 'load' && reason !== 'load-refused' && reason !== 'clear' && reason !== 'adopt')
      this.liveCounts.request(reason === 'catalog');
    this.requestUpdate();
  };

  /** Apply an edit operation as a user change: history, validation, event, counts. */
  edit(op: (doc: SegmentDocument) => SegmentDocument, options: EditRequest = {}): void {
    if (this.readonly) return;
    const result = this.editor.apply(op, options.coalesce !== undefined ? { coalesce: options.coalesce } : {});
    if (!result.ok) {
      this.status = result.message;
      return;
    }
    if (result.changed && options.focus) {
      this.pendingFocus = options.focus;
      // The row about to get focus shows its actions in this same update, not in a second one.
      this.activate(options.focus.key);
    }
  }

  /** Undo the last change (also Ctrl/Cmd+Z). */
  undo(): void {
    if (!this.readonly) this.editor.undo();
  }

  /** Redo the last undone change (also Shift+Ctrl/Cmd+Z). */
  redo(): void {
    if (!this.readonly) this.editor.redo();
  }

  /** Make a row the active one (it shows its action buttons). @internal */
  activate(key: string): void {
    if (this.activeKey !== key) this.activeKey = key;
  }

  /** Add a condition (or group) under `parentId`, focused (for the row templates). @internal */
  addCondition(parentId: string, scope: string, asGroup = false, index?: number): void {
    addCondition(this, parentId, scope, asGroup, index);
  }

  /** Add a rule joined by `setOperator` (a first condition, or a saved-segment reference), focused where the user goes next. */
  addRule(setOperator: SetOperator = 'union', fromSegment = false): void {
    addRuleAction(this, setOperator, fromSegment);
  }

  private onKeydown = (e: KeyboardEvent): void => {
    const handled = handleBuilderKey(e, {
      rows: () => this.editor.rows,
      undo: () => this.undo(),
      redo: () => this.redo(),
      move: (id, how) => this.edit(moveOps[how](id), { focus: { key: id, part: 'row' } }),
      addAfter: (key, asGroup) => addAfter(this, key, asGroup),
      addRule: () => this.addRule(),
      toEnd: () => this.renderRoot.querySelector<HTMLElement>('.footer button')?.focus(),
      showHelp: () => this.help.show(),
      isRtl: () => getComputedStyle(this).direction === 'rtl',
    });
    if (handled) e.preventDefault();
  };

  /** `updateComplete` also waits for the help dialog to load and render when "?" asked for it first. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    while (this.help.loading) {
      await this.help.loading;
      done = await super.getUpdateComplete();
    }
    return done;
  }

  // ------------------------------------------------------------------ saving

  private async save(activate: boolean): Promise<void> {
    const doc = this.doc;
    if (!doc) return;
    const { valid } = this.editor.validation;
    if (activate && !valid) return;
    const segment: SegmentDocument = activate ? { ...doc, state: 'active' } : doc;
    const proceed = emit(this, 'segment-save', { segment, valid, activate });
    const provider = this.effectiveProvider;
    if (!proceed || !provider) return;
    // The answer applies only to the document saved: one loaded meanwhile is left alone.
    const generation = this.editor.generation;
    this.saveError = undefined;
    this.status = this.msg(valid ? 'builder.saving' : 'builder.savingDraft');
    const outcome = await this.saveTask.runNow([provider, segment]);
    if (outcome.status === 'dropped') return; // superseded by a newer save
    if (outcome.status === 'complete') {
      const summary = outcome.value;
      if (generation === this.editor.generation) {
        if (summary.id) this.editor.adoptId(summary.id, generation);
        this.status = this.msg(summary.status === 'draft' ? 'builder.savedDraft' : activate ? 'builder.savedActive' : 'builder.saved');
      }
      emit(this, 'segment-saved', { summary });
    } else if (generation === this.editor.generation) {
      const e = outcome.error;
      this.status = '';
      this.saveError = this.msg('builder.saveFailed', { message: e instanceof Error ? e.message : String(e) });
    }
  }

  // ------------------------------------------------------------------ focus and announcements

  /** Move focus to the row (or field) an error belongs to. */
  private goToError(error: SegmentError): void {
    if (error.path === '/name' || error.path === '/displayName' || error.path === '/description') {
      this.renderRoot.querySelector<HTMLElement>(`#prop-${error.path.slice(1)}`)?.focus();
      return;
    }
    const rows = this.editor.rows;
    let key = error.nodeId ? this.editor.rowOf(error.nodeId)?.key : undefined;
    if (!key) {
      const m = /^\/rules\/(\d+)/.exec(error.path);
      if (m) key = rows.find((r) => r.kind === 'rule' && r.ruleIndex === Number(m[1]))?.key;
    }
    if (key) void focusRow(this.renderRoot as ShadowRoot, rows, key, 'row');
  }

  /** The counts, as the row templates read them. @internal */
  get counts(): BuilderView['counts'] {
    return this.liveCounts.view;
  }

  /** "customer" / "customers": the audience's noun for a count (for the row templates). @internal */
  audienceNoun(n: number): string {
    const catalog = this.activeCatalog;
    const entity = catalog && this.doc ? entityLabel(catalog, this.doc.audience) : '';
    return term('builder.audience', { entity, count: n });
  }

  // ------------------------------------------------------------------ rendering

  private startNew = (): void => {
    this.rejected = undefined;
    this.editor.startNew(this.activeCatalog?.audience ?? '');
  };

  override render(): TemplateResult {
    const doc = this.doc;
    const loadErrors = this.editor.loadErrors;
    const load = loadError(loadErrors, doc !== undefined, this.readonly, this.startNew);
    if (!doc) {
      return html`${load}${
        loadErrors.length || this.readonly
          ? nothing
          : html`<p class="muted">${term('builder.empty')}</p>
              <button type="button" class="primary" @click=${this.startNew}>${term('builder.new')}</button>`
      }`;
    }
    const catalog = this.activeCatalog;
    const { valid } = this.editor.validation;
    const errors = catalog ? this.editor.shownErrors : [];
    const rows = this.editor.rows;
    return html`
      ${this.readonly ? nothing : html`<button type="button" class="skip-link" @click=${this.skipToAdd}>${term('builder.skipToAdd')}</button>`}
      ${load}
      ${toolbar(this, {
        hasProvider: this.effectiveProvider !== undefined,
        countStatus: this.liveCounts.task.status,
        countError: this.liveCounts.task.error,
        valid,
        problemsShown: errors.length > 0,
        saving: this.saveTask.pending,
        status: this.status,
        saveError: this.saveError,
        retryCount: () => void this.liveCounts.task.retry(),
        undo: () => this.undo(),
        redo: () => this.redo(),
        cancel: () => emit(this, 'segment-cancel', {}),
        save: (activate) => void this.save(activate),
        showKeys: () => this.help.show(),
        preloadKeys: this.help.preload,
      })}
      ${this.catalogTask.render({
        error: (e) =>
          html`<div class="alert" role="alert">
            ${term('builder.catalog.error', { message: e instanceof Error ? e.message : String(e) })}
            <button type="button" @click=${() => void this.catalogTask.run()}>${term('builder.retry')}</button>
          </div>`,
        pending: () => (catalog ? nothing : html`<p class="muted" role="status">${term('builder.catalog.loading')}</p>`),
      })}
      ${propertiesForm(this)}
      <p class="summary" part="summary"><span class="visually-hidden">${term('builder.summary')}</span>${this.summaryText(doc, catalog)}</p>
      ${catalog ? problemList(errors, (e) => this.goToError(e)) : nothing}
      <div
        class="rows"
        role="list"
        aria-label=${term('builder.rows.label')}
        @condition-change=${(e: ConditionChangeEvent) => applyConditionChange(this, e)}
      >
        ${rowList(this, rows, () => (this.status = term('builder.rows.loadFailed')))}
      </div>
      ${this.readonly ? nothing : footer(doc, (op, fromSegment) => this.addRule(op, fromSegment))} ${this.liveCounts.renderAnnouncer()}
      ${this.help.render()}
    `;
  }

  private skipToAdd = (e: Event): void => {
    e.preventDefault();
    this.renderRoot.querySelector<HTMLElement>('.footer button')?.focus();
  };

  private summaryText(doc: SegmentDocument, catalog: Catalog | undefined): string {
    if (!catalog) return '';
    return describeSegment(doc, catalog, {
      segments: (id) => this.savedSummary(id),
      maxLength: SUMMARY_MAX,
      translator: currentTranslator(),
    });
  }

  private savedSummary(id: string): SegmentDocument | undefined {
    const ref = this.editor.reference(id);
    if (ref) return ref;
    const s = this.saved.listed(id);
    return s ? { schemaVersion: 1, id: s.id, name: s.name, displayName: s.displayName ?? s.name, audience: '', rules: [] } : undefined;
  }
}
