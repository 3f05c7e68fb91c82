import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { entityLabel, indexCatalog, plural } from '../../core/model/catalog.js';
import { describeSegment } from '../../core/model/describe.js';
import {
  SegmentEditError,
  addNode,
  addRule,
  createEmptyCondition,
  createSegment,
  duplicateNode,
  duplicateRule,
  findNode,
  indentNode,
  moveNode,
  moveNodeBy,
  moveRule,
  outdentNode,
  removeNode,
  removeRule,
  setCombinator,
  setConditionAttribute,
  setProperties,
  setRelatedMatch,
  setRuleName,
  setRuleSegment,
  setSetOperator,
  toggleNot,
  updateCondition,
  type SegmentProperties,
} from '../../core/model/edit.js';
import { SegmentHistory } from '../../core/model/history.js';
import { AGGREGATE_OPERATORS, AGGREGATES, QUANTIFIERS, aggregateResultType } from '../../core/model/operators.js';
import type {
  AggregateMatch,
  Catalog,
  Combinator,
  ConditionNode,
  ConditionValue,
  GroupNode,
  QuantifierMatch,
  RelatedMatch,
  RelatedNode,
  SegmentDocument,
  SegmentError,
  SegmentNode,
  SetOperator,
} from '../../core/model/types.js';
import { isAbortError } from '../../core/provider/types.js';
import { parseSegment } from '../../core/validate/parse.js';
import { validateSegment, type ValidationResult } from '../../core/validate/validate.js';
import { SegmentKitElement } from '../shared/base.js';
import { emit, type ConditionChangeDetail } from '../shared/events.js';
import { icons } from '../shared/icons.js';
import { term, operatorLabel } from '../shared/messages.js';
import { baseStyles } from '../shared/styles.js';
import { CountController } from './count-controller.js';
import { buildRows, type BuilderRow, type NodeRow } from './rows.js';
import { builderStyles } from './segment-builder.styles.js';

export type { SegmentCancelDetail, SegmentChangeDetail, SegmentSaveDetail, SegmentSavedDetail } from '../shared/events.js';

/** Above this many rows the builder renders only what is on screen. */
export const VIRTUALIZE_AT = 400;
/** Rows shown while the virtualizer loads: a screenful (a row is at least ~32 px tall), at most 60. */
const firstRows = (): number => Math.min(60, Math.ceil((globalThis.innerHeight || 1000) / 32) + 2);

let virtualizerLoad: Promise<unknown> | undefined;
/** @lit-labs/virtualizer is loaded the first time a segment is large enough to need it. */
function loadVirtualizer(): Promise<unknown> {
  return (virtualizerLoad ??= import('@lit-labs/virtualizer').catch((e: unknown) => {
    virtualizerLoad = undefined;
    throw e;
  }));
}
const SUMMARY_MAX = 600;
const nf = new Intl.NumberFormat();

/**
 * Edit one segment: its properties, its rules (condition trees joined by union,
 * intersect or except), with live estimated size and per-rule counts from the provider,
 * validation next to each row, draft saving, undo/redo and a plain-language summary.
 * Every change goes through the core's pure edit operations; the object given as
 * `segment` is never mutated.
 *
 * @tagname segment-builder
 * @summary Builds and edits a customer segment.
 * @event segment-change - Every user edit. `detail: { segment, valid, errors }`. Not fired when `segment` is set.
 * @event segment-save - Save or "Save and activate" was chosen. Cancelable: when not prevented and a provider is present, the builder saves through it. `detail: { segment, valid, activate }`.
 * @event segment-saved - The provider saved the segment. `detail: { summary }`.
 * @event segment-cancel - Cancel was chosen.
 * @csspart toolbar - The top bar with size, undo/redo and save.
 * @csspart size - The estimated size.
 * @csspart properties - The name, display name, description and type fields.
 * @csspart summary - The plain-language summary.
 * @csspart problems - The list of problems.
 * @csspart rule - A rule's header.
 * @csspart row - A row of the condition tree.
 * @cssproperty --sk-segment-builder-gap - Space between sections.
 * @cssproperty --sk-segment-builder-indent - Indent per nesting level.
 * @cssproperty --sk-segment-builder-background - Background of the builder.
 */
export class SegmentBuilderElement extends SegmentKitElement {
  static override styles = [baseStyles, builderStyles];

  /** Show the segment without editing controls. */
  @property({ type: Boolean, reflect: true }) readonly = false;

  /** Debounce of live counts in milliseconds. */
  @property({ type: Number, attribute: 'count-delay' }) countDelay = 300;

  @state() private doc: SegmentDocument | undefined;
  @state() private loadErrors: SegmentError[] = [];
  @state() private status = '';
  @state() private saving = false;
  @state() private saveError: string | undefined;
  @state() private announcement = '';
  @state() private dropKey: string | undefined;
  /** The row under the pointer or holding focus: only it renders its action buttons. */
  @state() private activeKey: string | undefined;

  /** Conditions added here whose attribute the user has not chosen yet (see shownErrors). */
  private untouched = new Set<string>();
  private shownFor: [SegmentError[], SegmentError[]] | undefined;
  /** The document as parsed from `segment` (validated in full; edited versions take the fast path). */
  private loadedDoc: SegmentDocument | undefined;
  /** What parseSegment found wrong with the loaded document (a draft can be opened). */
  private parseErrors: SegmentError[] = [];
  private history = new SegmentHistory<SegmentDocument>(createSegment(''));
  private validation: ValidationResult = { valid: false, errors: [] };
  private validatedDoc: SegmentDocument | undefined;
  private validatedCatalog: Catalog | undefined;
  private counts: CountController;
  private pendingFocus: { key: string; part?: string } | undefined;
  private dragId: string | undefined;
  private lastAnnounced: number | undefined;
  private countedCatalog: Catalog | undefined;

  constructor() {
    super();
    this.counts = new CountController(this, this.countDelay);
  }

  /** The segment document being edited. Setting it loads a new document (and clears undo). */
  @property({ attribute: false })
  get segment(): SegmentDocument | undefined {
    return this.doc;
  }
  set segment(value: unknown) {
    const old = this.doc;
    this.load(value);
    this.requestUpdate('segment', old);
  }

  /** The catalog from the property, the context, or loaded from the provider. */
  private readonly catalogTask = new Task(this, {
    task: async ([provider, given], { signal }) => {
      if (given) return given;
      if (!provider) return undefined;
      return provider.getCatalog({ signal });
    },
    args: () => [this.effectiveProvider, this.effectiveCatalog] as const,
  });

  private readonly segmentsTask = new Task(this, {
    task: async ([provider, needed], { signal }) => {
      if (!provider || !needed) return undefined;
      const list = await provider.listSegments({ limit: 500, sort: { key: 'name' }, signal });
      return list.items;
    },
    args: () => [this.effectiveProvider, this.doc?.rules.some((r) => r.segment !== undefined) ?? false] as const,
  });

  get activeCatalog(): Catalog | undefined {
    return this.effectiveCatalog ?? this.catalogTask.value;
  }

  /** The validation of the current document (errors with paths and node ids). */
  get validity(): ValidationResult {
    const catalog = this.activeCatalog;
    if (!this.doc) return { valid: false, errors: this.loadErrors };
    if (this.validatedDoc !== this.doc || this.validatedCatalog !== catalog) {
      const saved = this.segmentsTask.value;
      // The document was read by parseSegment on load and only changes through the core's
      // edit operations, so its structure needs no re-reading: the fast path still checks
      // operators and values. What parseSegment found on load is added while it is shown.
      const segments = saved ? saved.map((s): SegmentDocument => ({ schemaVersion: 1, id: s.id, audience: '', rules: [] })) : undefined;
      const result = catalog
        ? validateSegment(this.doc, catalog, { ...(segments ? { segments } : {}), assumeParsed: true })
        : { valid: false, errors: [] };
      if (this.doc === this.loadedDoc && this.parseErrors.length > 0) {
        const seen = new Set(result.errors.map((e) => `${e.code}@${e.path}`));
        const extra = this.parseErrors.filter((e) => !seen.has(`${e.code}@${e.path}`));
        this.validation = { valid: false, errors: [...extra, ...result.errors] };
      } else this.validation = result;
      this.validatedDoc = this.doc;
      this.validatedCatalog = catalog;
    }
    return this.validation;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('keydown', this.onKeydown);
    if (this.doc) this.requestCounts(true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('keydown', this.onKeydown);
  }

  private load(value: unknown): void {
    this.counts.reset();
    this.saveError = undefined;
    this.status = '';
    if (value === undefined || value === null) {
      this.doc = undefined;
      this.loadErrors = [];
      return;
    }
    const parsed = parseSegment(value);
    if (!parsed.segment) {
      // Keep what the user had; say what is wrong with the new document.
      this.loadErrors = parsed.errors;
      return;
    }
    this.loadErrors = [];
    this.doc = parsed.segment;
    this.loadedDoc = parsed.segment;
    this.untouched.clear();
    this.shownFor = undefined;
    this.parseErrors = parsed.errors;
    this.history.reset(parsed.segment);
    this.requestCounts(true);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('countDelay')) this.counts.delay = this.countDelay;
    const catalog = this.activeCatalog;
    if (this.doc && (changed.has('provider') || changed.has('contextProvider') || catalog !== this.countedCatalog)) {
      this.countedCatalog = catalog;
      this.requestCounts(true);
    }
    this.announceCount();
  }

  protected override updated(): void {
    if (this.pendingFocus) {
      const { key, part } = this.pendingFocus;
      this.pendingFocus = undefined;
      void this.focusRow(key, part);
    }
  }

  // ------------------------------------------------------------------ editing

  private requestCounts(immediately = false): void {
    if (!this.doc) return;
    const valid = this.activeCatalog ? this.validity.valid : false;
    this.counts.request(this.effectiveProvider, this.doc, valid, immediately);
  }

  /** Apply an edit operation as a user change: history, validation, event, counts. */
  private edit(
    op: (doc: SegmentDocument) => SegmentDocument,
    options: { coalesce?: string; focus?: { key: string; part?: string } } = {},
  ): void {
    if (this.readonly || !this.doc) return;
    let next: SegmentDocument;
    try {
      next = op(this.doc);
    } catch (e) {
      this.status =
        e instanceof SegmentEditError ? e.message : `That change could not be made: ${e instanceof Error ? e.message : String(e)}`;
      return;
    }
    if (next === this.doc) return;
    this.history.push(next, options.coalesce !== undefined ? { coalesce: options.coalesce } : {});
    this.commit(next);
    if (options.focus) {
      this.pendingFocus = options.focus;
      // The row about to get focus shows its actions in this same update, not in a second one.
      if (options.focus.key !== this.activeKey) this.activeKey = options.focus.key;
    }
  }

  private commit(next: SegmentDocument): void {
    this.doc = next;
    this.status = '';
    this.saveError = undefined;
    const { valid, errors } = this.validity;
    emit(this, 'segment-change', { segment: next, valid, errors });
    this.requestCounts();
  }

  /** Undo the last change (also Ctrl/Cmd+Z). */
  undo(): void {
    if (this.readonly) return;
    const doc = this.history.undo();
    if (doc) this.commit(doc);
  }

  /** Redo the last undone change (also Shift+Ctrl/Cmd+Z). */
  redo(): void {
    if (this.readonly) return;
    const doc = this.history.redo();
    if (doc) this.commit(doc);
  }

  private onKeydown = (e: KeyboardEvent): void => {
    const mod = e.ctrlKey || e.metaKey;
    const key = e.key.toLowerCase();
    if (mod && key === 'z' && !e.altKey) {
      e.preventDefault();
      if (e.shiftKey) this.redo();
      else this.undo();
      return;
    }
    if (mod && key === 'y') {
      e.preventDefault();
      this.redo();
      return;
    }
    if (e.altKey && !mod && ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'].includes(e.key)) {
      const rowEl = e.composedPath().find((t): t is HTMLElement => t instanceof HTMLElement && t.dataset.nodeId !== undefined);
      const id = rowEl?.dataset.nodeId;
      if (!id) return;
      e.preventDefault();
      const rtl = getComputedStyle(this).direction === 'rtl';
      const inward = e.key === (rtl ? 'ArrowLeft' : 'ArrowRight');
      const focus = { key: id, part: 'row' };
      if (e.key === 'ArrowUp') this.edit((d) => moveNodeBy(d, id, -1), { focus });
      else if (e.key === 'ArrowDown') this.edit((d) => moveNodeBy(d, id, 1), { focus });
      else if (inward) this.edit((d) => indentNode(d, id), { focus });
      else this.edit((d) => outdentNode(d, id), { focus });
    }
  };

  /**
   * A new empty condition with its id already, so focus can go to it once it is added.
   * The id is random rather than counted, so no walk over a large document is needed;
   * `addNode` would rename it in the unlikely case it were taken.
   */
  private emptyCondition(scope: string): ConditionNode {
    const id = `c${Math.random().toString(36).slice(2, 10)}`;
    this.untouched.add(id);
    return { ...createEmptyCondition(scope), id };
  }

  /**
   * The problems shown on screen: all of them, except "choose an attribute" on a row the
   * user has just added and not touched yet (its picker already says so; shouting it in
   * the problem list before the user had a chance is noise). `segment-change` and the
   * Activate button still count it.
   */
  private shownErrors(errors: SegmentError[]): SegmentError[] {
    if (this.untouched.size === 0) return errors;
    if (this.shownFor?.[0] === errors) return this.shownFor[1];
    const shown = errors.filter((e) => !(e.code === 'missing-attribute' && e.nodeId !== undefined && this.untouched.has(e.nodeId)));
    this.shownFor = [errors, shown];
    return shown;
  }

  private addCondition(parentId: string, scope: string, asGroup = false): void {
    if (!this.doc) return;
    const condition = this.emptyCondition(scope);
    const node: SegmentNode = asGroup ? { kind: 'group', combinator: 'and', children: [condition] } : condition;
    this.edit((d) => addNode(d, parentId, node), { focus: { key: condition.id!, part: 'attribute' } });
  }

  private addRuleWithCondition(): void {
    if (!this.doc) return;
    const condition = this.emptyCondition(this.doc.audience);
    this.edit((d) => addRule(d, { where: condition }), { focus: { key: condition.id!, part: 'attribute' } });
  }

  private onConditionChange(e: CustomEvent<ConditionChangeDetail>): void {
    e.stopPropagation();
    const { id, change, condition } = e.detail;
    const catalog = this.activeCatalog;
    if (!id) return;
    this.untouched.delete(id);
    this.shownFor = undefined;
    if (change.kind === 'attribute' && catalog) {
      this.edit((d) => setConditionAttribute(d, id, catalog, change.entity, change.attribute), { focus: { key: id, part: 'operator' } });
    } else if (change.kind === 'operator') {
      this.edit((d) => updateCondition(d, id, { operator: condition.operator, value: condition.value }));
    } else if (change.kind === 'value') {
      this.edit((d) => updateCondition(d, id, { value: change.value }), { coalesce: `value:${id}` });
    }
  }

  private setMatch(node: RelatedNode, match: RelatedMatch): void {
    this.edit((d) => setRelatedMatch(d, node.id!, match), { coalesce: `match:${node.id}` });
  }

  private setProperty(patch: SegmentProperties, coalesce: string): void {
    this.edit((d) => setProperties(d, patch), { coalesce });
  }

  // ------------------------------------------------------------------ saving

  private async save(activate: boolean): Promise<void> {
    if (!this.doc) return;
    const { valid } = this.validity;
    if (activate && !valid) return;
    const segment: SegmentDocument = activate ? { ...this.doc, state: 'active' } : this.doc;
    const proceed = emit(this, 'segment-save', { segment, valid, activate });
    const provider = this.effectiveProvider;
    if (!proceed || !provider) return;
    this.saving = true;
    this.saveError = undefined;
    this.status = valid ? 'Saving…' : 'Saving as a draft…';
    try {
      const summary = await provider.saveSegment(segment);
      if (this.doc && !this.doc.id && summary.id) {
        // Adopt the id the store gave, without making it an undo step.
        this.doc = { ...this.doc, id: summary.id };
        this.history.reset(this.doc);
      }
      this.status =
        summary.status === 'draft' ? 'Saved as a draft: fix the problems to activate it.' : activate ? 'Saved and activated.' : 'Saved.';
      emit(this, 'segment-saved', { summary });
    } catch (e) {
      if (isAbortError(e)) return;
      this.status = '';
      this.saveError = `Could not save: ${e instanceof Error ? e.message : String(e)}`;
    } finally {
      this.saving = false;
    }
  }

  // ------------------------------------------------------------------ focus

  private async focusRow(key: string, part?: string): Promise<void> {
    await this.updateComplete;
    const rows = this.currentRows;
    const index = rows.findIndex((r) => r.key === key);
    const virtualizer = this.renderRoot.querySelector('lit-virtualizer') as
      (HTMLElement & { element(i: number): { scrollIntoView(o?: object): void } | undefined; layoutComplete?: Promise<unknown> }) | null;
    // The virtualizer renders its rows after its own layout: wait for it before looking.
    if (virtualizer?.layoutComplete) await virtualizer.layoutComplete.catch(() => undefined);
    const rendered = this.renderRoot.querySelector(`[data-key="${CSS.escape(key)}"]`);
    if (virtualizer && index >= 0 && !rendered) {
      // Off screen in a virtualized list: bring it into view first (on screen rows need no scroll).
      virtualizer.element(index)?.scrollIntoView({ block: 'center' });
      await new Promise((r) => requestAnimationFrame(r));
      await new Promise((r) => requestAnimationFrame(r));
    }
    const rowEl = this.renderRoot.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`);
    if (!rowEl) return;
    if (part && part !== 'row') {
      const cr = rowEl.querySelector('condition-row');
      await (cr as { updateComplete?: Promise<unknown> } | null)?.updateComplete;
      const target =
        cr?.shadowRoot?.querySelector<HTMLElement>(`[part~="${part}"]`) ??
        cr?.shadowRoot?.querySelector<HTMLElement>('button, select, input');
      if (target) {
        target.focus();
        return;
      }
      const own = rowEl.querySelector<HTMLElement>(`[data-part="${part}"]`);
      if (own) {
        own.focus();
        return;
      }
    }
    rowEl.focus();
  }

  /** Move focus to the row (or field) an error belongs to. */
  private goToError(error: SegmentError): void {
    if (error.path === '/name' || error.path === '/displayName' || error.path === '/description') {
      this.renderRoot.querySelector<HTMLElement>(`#prop-${error.path.slice(1)}`)?.focus();
      return;
    }
    const rows = this.currentRows;
    let key: string | undefined;
    if (error.nodeId)
      key =
        rows.find((r) => 'node' in r && r.node.id === error.nodeId)?.key ??
        rows.find((r) => r.kind === 'rule' && r.rule.id === error.nodeId)?.key;
    if (!key) {
      const m = /^\/rules\/(\d+)/.exec(error.path);
      if (m) key = rows.find((r) => r.kind === 'rule' && r.ruleIndex === Number(m[1]))?.key;
    }
    if (key) void this.focusRow(key, 'row');
  }

  // ------------------------------------------------------------------ announcements

  private announceCount(): void {
    const r = this.counts.result;
    if (this.counts.status !== 'ok' || !r || r.total === this.lastAnnounced) return;
    this.lastAnnounced = r.total;
    const noun = this.audienceNoun(r.total);
    const text = `Estimated size: ${nf.format(r.total)} ${noun}`;
    if (text !== this.announcement) this.announcement = text;
  }

  private audienceNoun(n: number): string {
    const catalog = this.activeCatalog;
    const label = catalog && this.doc ? entityLabel(catalog, this.doc.audience) : 'member';
    return (n === 1 ? label : plural(label)).toLowerCase();
  }

  // ------------------------------------------------------------------ rendering

  private rowsFor: SegmentDocument | undefined;
  private rowsCache: BuilderRow[] = [];
  private get currentRows(): BuilderRow[] {
    if (!this.doc) return [];
    if (this.rowsFor !== this.doc) {
      this.rowsCache = buildRows(this.doc);
      this.rowsFor = this.doc;
    }
    return this.rowsCache;
  }

  override render() {
    const doc = this.doc;
    const load = this.loadErrors.length
      ? html`<div class="alert" role="alert" part="load-error">
          <strong>This segment could not be opened.</strong>
          <ul>
            ${this.loadErrors.map((e) => html`<li><code>${e.path || '/'}</code>: ${e.message}</li>`)}
          </ul>
          ${doc ? html`<p>You are still editing the previous segment; nothing was lost.</p>` : nothing}
        </div>`
      : nothing;
    if (!doc) {
      return html`${load}${
        this.loadErrors.length || this.readonly
          ? nothing
          : html`<p class="muted">No segment yet.</p>
              <button type="button" class="primary" @click=${this.startNew}>New segment</button>`
      }`;
    }
    const catalog = this.activeCatalog;
    const { valid } = this.validity;
    const errors = this.shownErrors(this.validity.errors);
    const rows = this.currentRows;
    return html`
      ${load} ${this.renderToolbar(valid, errors.length > 0)}
      ${this.catalogTask.render({
        error: (e) =>
          html`<div class="alert" role="alert">
            The catalog could not be loaded: ${e instanceof Error ? e.message : String(e)}
            <button type="button" @click=${() => void this.catalogTask.run()}>Retry</button>
          </div>`,
        pending: () => (catalog ? nothing : html`<p class="muted" role="status">Loading the catalog…</p>`),
      })}
      ${this.renderProperties(errors)}
      <p class="summary" part="summary"><span class="visually-hidden">Summary: </span>${this.summaryText(doc, catalog)}</p>
      ${this.renderProblems(errors)}
      <div class="rows" role="list" aria-label="Rules and conditions" @condition-change=${this.onConditionChange}>
        ${
          rows.length > VIRTUALIZE_AT && !customElements.get('lit-virtualizer')
            ? this.renderWhileVirtualizerLoads(rows, errors)
            : rows.length > VIRTUALIZE_AT
              ? html`<lit-virtualizer
                  .items=${rows}
                  .keyFunction=${(r: BuilderRow) => r.key}
                  .renderItem=${(r: BuilderRow) => this.renderRow(r, errors)}
                ></lit-virtualizer>`
              : repeat(
                  rows,
                  (r) => r.key,
                  (r) => this.renderRow(r, errors),
                )
        }
      </div>
      ${
        this.readonly
          ? nothing
          : html`<div class="footer">
              <button type="button" @click=${this.addRuleWithCondition}>+ Add rule</button>
            </div>`
      }
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    `;
  }

  /** The first screenful of rows, until the virtualizer has loaded; then a re-render. */
  private renderWhileVirtualizerLoads(rows: BuilderRow[], errors: SegmentError[]): unknown {
    loadVirtualizer().then(
      () => this.requestUpdate(),
      () => {
        this.status = 'The list of rows could not be loaded; showing the first rows only.';
      },
    );
    const shown = firstRows();
    return html`${repeat(
        rows.slice(0, shown),
        (r) => r.key,
        (r) => this.renderRow(r, errors),
      )}
      <p class="muted" role="status">Loading ${nf.format(rows.length - shown)} more rows…</p>`;
  }

  private startNew = (): void => {
    const audience = this.activeCatalog?.audience ?? '';
    const doc = createSegment(audience);
    this.doc = doc;
    this.history.reset(doc);
    this.loadErrors = [];
    this.commit(doc);
  };

  private summaryText(doc: SegmentDocument, catalog: Catalog | undefined): string {
    if (!catalog) return '';
    return describeSegment(doc, catalog, {
      segments: (id) => this.savedSummary(id) as SegmentDocument | undefined,
      maxLength: SUMMARY_MAX,
    });
  }

  private savedSummary(id: string): Partial<SegmentDocument> | undefined {
    const s = this.segmentsTask.value?.find((x) => x.id === id);
    return s ? { schemaVersion: 1, id: s.id, name: s.name, displayName: s.displayName ?? s.name, audience: '', rules: [] } : undefined;
  }

  private renderToolbar(valid: boolean, problemsShown: boolean): TemplateResult {
    const c = this.counts;
    const total = c.result?.total;
    let sizeText: TemplateResult;
    if (!this.effectiveProvider) sizeText = html`<span class="muted">No provider: counts unavailable</span>`;
    else if (c.status === 'invalid')
      sizeText = html`<span class="muted"
        >${problemsShown ? 'Fix the problems to see the size' : 'Choose an attribute for the new condition to see the size'}</span
      >`;
    else if (total === undefined) sizeText = html`<span class="muted">Counting…</span>`;
    else
      sizeText = html`<strong class=${c.stale ? 'stale' : ''}>${nf.format(total)}</strong>
        <span class="muted">${this.audienceNoun(total)}</span
        >${c.stale ? html`<span class="visually-hidden"> (updating)</span>` : nothing}`;
    return html`<div class="toolbar" part="toolbar">
      <div class="size" part="size" aria-busy=${c.status === 'pending' ? 'true' : 'false'}>
        <span>Estimated size:</span> ${sizeText}
        ${
          c.status === 'error'
            ? html`<span class="error-line" role="alert"
                >Count failed: ${c.error instanceof Error ? c.error.message : String(c.error)}
                <button type="button" @click=${() => c.retry()}>Retry</button></span
              >`
            : nothing
        }
      </div>
      ${
        this.readonly
          ? nothing
          : html`<div class="actions">
              <button type="button" @click=${() => this.undo()} ?disabled=${!this.history.canUndo} aria-keyshortcuts="Control+Z Meta+Z">
                ${icons.undo} Undo
              </button>
              <button
                type="button"
                @click=${() => this.redo()}
                ?disabled=${!this.history.canRedo}
                aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z"
              >
                ${icons.redo} Redo
              </button>
              <button type="button" @click=${() => emit(this, 'segment-cancel', {})}>Cancel</button>
              <button type="button" @click=${() => void this.save(false)} ?disabled=${this.saving}>
                ${valid ? 'Save' : 'Save as draft'}
              </button>
              <button
                type="button"
                class="primary"
                @click=${() => void this.save(true)}
                ?disabled=${!valid || this.saving}
                title=${valid ? '' : 'Fix the problems to activate'}
              >
                Save and activate
              </button>
            </div>`
      }
      <div class="status" role="status">${this.saveError ? html`<span class="error-text">${this.saveError}</span>` : this.status}</div>
    </div>`;
  }

  private renderProperties(errors: SegmentError[]): TemplateResult {
    const doc = this.doc!;
    const nameError = errors.find((e) => e.path === '/name');
    if (this.readonly) {
      return html`<div class="properties" part="properties">
        <div class="field"><span class="muted">Name</span><span>${doc.name ?? ''}</span></div>
        <div class="field"><span class="muted">Display name</span><span>${doc.displayName ?? ''}</span></div>
        <div class="field"><span class="muted">Type</span><span>${doc.type === 'static' ? 'Static' : 'Dynamic'}</span></div>
        ${doc.description ? html`<div class="field"><span class="muted">Description</span><span>${doc.description}</span></div>` : nothing}
      </div>`;
    }
    return html`<div class="properties" part="properties">
      <div class="field">
        <label for="prop-name">Name</label>
        <input
          id="prop-name"
          .value=${doc.name ?? ''}
          autocomplete="off"
          spellcheck="false"
          aria-invalid=${nameError ? 'true' : 'false'}
          aria-describedby=${nameError ? 'prop-name-error' : 'prop-name-hint'}
          @input=${(e: Event) => this.setProperty({ name: (e.target as HTMLInputElement).value || undefined }, 'name')}
        />
        ${
          nameError
            ? html`<span class="field-error" id="prop-name-error">${nameError.message}</span>`
            : html`<span class="muted" id="prop-name-hint">Letters, digits and _, no spaces.</span>`
        }
      </div>
      <div class="field">
        <label for="prop-displayName">Display name</label>
        <input
          id="prop-displayName"
          .value=${doc.displayName ?? ''}
          @input=${(e: Event) => this.setProperty({ displayName: (e.target as HTMLInputElement).value || undefined }, 'displayName')}
        />
      </div>
      <div class="field">
        <label for="prop-description">Description</label>
        <textarea
          id="prop-description"
          rows="2"
          .value=${doc.description ?? ''}
          @input=${(e: Event) => this.setProperty({ description: (e.target as HTMLTextAreaElement).value || undefined }, 'description')}
        ></textarea>
      </div>
      <fieldset>
        <legend>Type</legend>
        <label
          ><input
            type="radio"
            name="type"
            value="dynamic"
            .checked=${doc.type !== 'static'}
            @change=${() => this.setProperty({ type: 'dynamic' }, 'type')}
          />Dynamic</label
        >
        <label
          ><input
            type="radio"
            name="type"
            value="static"
            .checked=${doc.type === 'static'}
            @change=${() => this.setProperty({ type: 'static' }, 'type')}
          />Static</label
        >
      </fieldset>
    </div>`;
  }

  private renderProblems(errors: SegmentError[]): TemplateResult | typeof nothing {
    if (errors.length === 0 || !this.activeCatalog) return nothing;
    const shown = errors.slice(0, 50);
    return html`<section class="problems" part="problems" aria-labelledby="problems-title">
      <h2 id="problems-title">
        ${errors.length === 1 ? '1 problem' : `${errors.length} problems`}: the segment can be saved as a draft, but not activated
      </h2>
      <ul>
        ${shown.map((e) => html`<li><button type="button" @click=${() => this.goToError(e)}>${e.message}</button></li>`)}
      </ul>
      ${errors.length > shown.length ? html`<p>…and ${errors.length - shown.length} more.</p>` : nothing}
    </section>`;
  }

  private depthClass(depth: number): string {
    return `row d${Math.min(8, depth)}`;
  }

  private renderRow(row: BuilderRow, errors: SegmentError[]): TemplateResult {
    switch (row.kind) {
      case 'set':
        return this.renderSetRow(row);
      case 'rule':
        return this.renderRuleRow(row, errors);
      case 'segment-ref':
        return this.renderSegmentRef(row, errors);
      case 'empty-rule':
        return html`<div class="${this.depthClass(row.depth)} empty" role="listitem" data-key=${row.key} tabindex="-1">
          <span class="muted">This rule has no conditions yet.</span>
          ${
            this.readonly
              ? nothing
              : html`<button type="button" @click=${() => this.addCondition(row.rule.id!, this.doc!.audience)}>+ Condition</button>
                  <button type="button" @click=${() => this.addCondition(row.rule.id!, this.doc!.audience, true)}>+ Group</button>`
          }
        </div>`;
      case 'add':
        return html`<div class="${this.depthClass(row.depth)} add" role="listitem" data-key=${row.key}>
          <button type="button" @click=${() => this.addCondition(row.parentId, row.scope)}>+ Condition</button>
          <button type="button" @click=${() => this.addCondition(row.parentId, row.scope, true)}>+ Group</button>
        </div>`;
      case 'group':
        return this.renderGroupRow(row, errors);
      case 'related':
        return this.renderRelatedRow(row, errors);
      case 'condition':
        return this.renderConditionRow(row, errors);
    }
  }

  private renderSetRow(row: Extract<BuilderRow, { kind: 'set' }>): TemplateResult {
    const id = row.rule.id!;
    return html`<div class="row set" role="listitem" data-key=${row.key}>
      <group-operator
        kind="set"
        .value=${row.rule.setOperator ?? 'union'}
        ?readonly=${this.readonly}
        label=${`How rule ${row.ruleIndex + 1} combines with the rules before it`}
        @group-operator-change=${(e: CustomEvent<{ value: string }>) => {
          e.stopPropagation();
          this.edit((d) => setSetOperator(d, id, e.detail.value as SetOperator));
        }}
      ></group-operator>
    </div>`;
  }

  private renderRuleRow(row: Extract<BuilderRow, { kind: 'rule' }>, errors: SegmentError[]): TemplateResult {
    const rule = row.rule;
    const id = rule.id!;
    const n = row.ruleIndex + 1;
    const total = this.doc!.rules.length;
    const counts = this.counts.result?.rules[row.ruleIndex];
    const stale = this.counts.stale || this.counts.result?.rules.length !== total;
    const ruleErrors = errors.filter(
      (e) => e.path === `/rules/${row.ruleIndex}` || e.path.startsWith(`/rules/${row.ruleIndex}/setOperator`),
    );
    return html`<div
      class="row rule"
      part="rule"
      role="listitem"
      data-key=${row.key}
      data-rule-id=${id}
      tabindex="-1"
      aria-label=${`Rule ${n}`}
    >
      <h3>Rule ${n}</h3>
      ${
        this.readonly
          ? rule.name
            ? html`<span>${rule.name}</span>`
            : nothing
          : html`<input
              aria-label=${`Name of rule ${n}`}
              placeholder="Rule name (optional)"
              .value=${rule.name ?? ''}
              @input=${(e: Event) => this.edit((d) => setRuleName(d, id, (e.target as HTMLInputElement).value), { coalesce: `rule-name:${id}` })}
            />`
      }
      <span
        class="counts ${stale ? 'stale' : ''}"
        aria-label=${counts ? `Rule ${n}: ${nf.format(counts.count)} on its own, ${nf.format(counts.cumulative)} so far` : `Rule ${n}: no count yet`}
      >
        ${counts ? html`${nf.format(counts.count)} <span class="muted">· ${nf.format(counts.cumulative)} so far</span>` : html`<span class="muted">—</span>`}
      </span>
      ${
        this.readonly
          ? nothing
          : html`<span class="row-actions">
              ${
                rule.segment === undefined
                  ? html`<button
                      type="button"
                      @click=${() => this.edit((d) => setRuleSegment(d, id, ''), { focus: { key: `${id}:ref`, part: 'segment' } })}
                    >
                      Use a saved segment
                    </button>`
                  : html`<button type="button" @click=${() => this.edit((d) => setRuleSegment(d, id, undefined))}>Use conditions</button>`
              }
              <button
                type="button"
                class="icon"
                aria-label=${`Move rule ${n} up`}
                ?disabled=${row.ruleIndex === 0}
                @click=${() => this.edit((d) => moveRule(d, id, row.ruleIndex - 1), { focus: { key: row.key } })}
              >
                ${icons.up}
              </button>
              <button
                type="button"
                class="icon"
                aria-label=${`Move rule ${n} down`}
                ?disabled=${row.ruleIndex === total - 1}
                @click=${() => this.edit((d) => moveRule(d, id, row.ruleIndex + 1), { focus: { key: row.key } })}
              >
                ${icons.down}
              </button>
              <button type="button" class="icon" aria-label=${`Duplicate rule ${n}`} @click=${() => this.edit((d) => duplicateRule(d, id))}>
                ${icons.copy}
              </button>
              <button type="button" class="icon" aria-label=${`Remove rule ${n}`} @click=${() => this.edit((d) => removeRule(d, id))}>
                ${icons.remove}
              </button>
            </span>`
      }
      ${ruleErrors.map((e) => html`<span class="field-error" role="note">${e.message}</span>`)}
    </div>`;
  }

  private renderSegmentRef(row: Extract<BuilderRow, { kind: 'segment-ref' }>, errors: SegmentError[]): TemplateResult {
    const id = row.rule.id!;
    const value = row.rule.segment ?? '';
    const error = errors.find((e) => e.path === `/rules/${row.ruleIndex}/segment`);
    const own = this.doc!.id;
    const selectId = `ref-${id}`;
    const options = this.segmentsTask.render({
      pending: () => html`<option value="" disabled>Loading segments…</option>`,
      error: () => html`<option value="" disabled>Segments could not be loaded</option>`,
      complete: (items) =>
        (items ?? [])
          .filter((s) => s.id !== own)
          .map((s) => html`<option value=${s.id} ?selected=${s.id === value}>${s.displayName ?? s.name}</option>`),
    });
    return html`<div class="${this.depthClass(row.depth)}" role="listitem" data-key=${row.key} tabindex="-1">
      <label for=${selectId}>Members of the saved segment</label>
      ${
        this.readonly
          ? html`<strong id=${selectId}>${this.savedSummary(value)?.displayName ?? value}</strong>`
          : html`<select
              id=${selectId}
              data-part="segment"
              aria-invalid=${error ? 'true' : 'false'}
              aria-describedby=${error ? `${selectId}-error` : nothing}
              @change=${(e: Event) => this.edit((d) => setRuleSegment(d, id, (e.target as HTMLSelectElement).value))}
            >
              <option value="" ?selected=${value === ''}>Choose a segment…</option>
              ${value && !this.segmentsTask.value?.some((s) => s.id === value) ? html`<option value=${value} selected>${value}</option>` : nothing}
              ${options}
            </select>`
      }
      ${
        this.segmentsTask.status === TaskStatus.ERROR
          ? html`<button type="button" @click=${() => void this.segmentsTask.run()}>Retry loading segments</button>`
          : nothing
      }
      ${error ? html`<span class="field-error" id=${`${selectId}-error`}>${error.message}</span>` : nothing}
    </div>`;
  }

  private activate(key: string): void {
    if (this.activeKey !== key) this.activeKey = key;
  }

  /**
   * Move, indent, duplicate and remove buttons. Only the row under the pointer or with
   * focus renders them, which keeps a row at a third of its elements; keyboard users
   * reach them by tabbing past the row's fields (and have Alt+arrow keys everywhere).
   */
  private nodeActions(row: NodeRow, what: string): TemplateResult | typeof nothing {
    if (this.readonly || row.key !== this.activeKey) return nothing;
    const id = row.node.id!;
    const focus = { key: row.key, part: 'row' };
    return html`<span class="row-actions">
      <button
        type="button"
        class="icon drag"
        draggable="true"
        aria-label=${`Drag ${what}`}
        title="Drag to move (or Alt+arrow keys)"
        @dragstart=${(e: DragEvent) => {
          this.dragId = id;
          e.dataTransfer?.setData('text/plain', id);
        }}
      >
        ${icons.drag}
      </button>
      <button
        type="button"
        class="icon"
        aria-label=${`Move ${what} up`}
        ?disabled=${!row.inGroup || row.index === 0}
        @click=${() => this.edit((d) => moveNodeBy(d, id, -1), { focus })}
      >
        ${icons.up}
      </button>
      <button
        type="button"
        class="icon"
        aria-label=${`Move ${what} down`}
        ?disabled=${!row.inGroup || row.index >= row.siblings - 1}
        @click=${() => this.edit((d) => moveNodeBy(d, id, 1), { focus })}
      >
        ${icons.down}
      </button>
      <button
        type="button"
        class="icon"
        aria-label=${`Indent ${what}`}
        ?disabled=${!row.inGroup || row.index === 0}
        @click=${() => this.edit((d) => indentNode(d, id), { focus })}
      >
        ${icons.indent}
      </button>
      <button
        type="button"
        class="icon"
        aria-label=${`Outdent ${what}`}
        ?disabled=${!row.canOutdent}
        @click=${() => this.edit((d) => outdentNode(d, id), { focus })}
      >
        ${icons.outdent}
      </button>
      <button type="button" class="icon" aria-label=${`Duplicate ${what}`} @click=${() => this.edit((d) => duplicateNode(d, id))}>
        ${icons.copy}
      </button>
      <button type="button" class="icon" aria-label=${`Remove ${what}`} @click=${() => this.edit((d) => removeNode(d, id))}>
        ${icons.remove}
      </button>
    </span>`;
  }

  private dropHandlers(row: NodeRow) {
    return {
      over: (e: DragEvent) => {
        if (!this.dragId || this.dragId === row.node.id) return;
        e.preventDefault();
        this.dropKey = row.key;
      },
      leave: () => {
        if (this.dropKey === row.key) this.dropKey = undefined;
      },
      drop: (e: DragEvent) => {
        e.preventDefault();
        const dragged = this.dragId;
        this.dragId = undefined;
        this.dropKey = undefined;
        if (!dragged || !this.doc) return;
        // Dropping on a group puts the node first inside it; on any other row, before that row.
        if (row.kind === 'group') this.edit((d) => moveNode(d, dragged, row.node.id!, 0), { focus: { key: dragged, part: 'row' } });
        else if (row.inGroup) {
          const from = findNode(this.doc, dragged);
          const sameParent = from?.parent?.id === row.parentId && from.index < row.index;
          this.edit((d) => moveNode(d, dragged, row.parentId, sameParent ? row.index - 1 : row.index), {
            focus: { key: dragged, part: 'row' },
          });
        }
      },
    };
  }

  private nodeErrors(node: SegmentNode, errors: SegmentError[]): SegmentError[] {
    return errors.filter((e) => e.nodeId !== undefined && e.nodeId === node.id);
  }

  private renderGroupRow(row: Extract<BuilderRow, { kind: 'group' }>, errors: SegmentError[]): TemplateResult {
    const g: GroupNode = row.node;
    const id = g.id!;
    const drop = this.dropHandlers(row);
    const own = this.nodeErrors(g, errors);
    return html`<div
      class="${this.depthClass(row.depth)} group ${this.dropKey === row.key ? 'drop-target' : ''}"
      part="row"
      role="listitem"
      data-key=${row.key}
      data-node-id=${id}
      tabindex="-1"
      aria-label=${`Group: ${g.not ? 'not ' : ''}${g.combinator === 'and' ? 'all' : 'any'} of ${g.children.length}`}
      @pointerenter=${() => this.activate(row.key)}
      @focusin=${() => this.activate(row.key)}
      @dragover=${drop.over}
      @dragleave=${drop.leave}
      @drop=${drop.drop}
    >
      <span>Match</span>
      <group-operator
        kind="combinator"
        .value=${g.combinator}
        .not=${g.not === true}
        allow-not
        ?readonly=${this.readonly}
        label="Match all (AND) or any (OR) of these"
        @group-operator-change=${(e: CustomEvent<{ value: string }>) => {
          e.stopPropagation();
          this.edit((d) => setCombinator(d, id, e.detail.value as Combinator));
        }}
        @group-not-change=${(e: Event) => {
          e.stopPropagation();
          this.edit((d) => toggleNot(d, id));
        }}
      ></group-operator>
      <span class="muted">${g.combinator === 'and' ? 'all of' : 'any of'}</span>
      ${this.nodeActions(row, 'group')} ${own.map((e) => html`<span class="field-error" role="note">${e.message}</span>`)}
    </div>`;
  }

  private renderRelatedRow(row: Extract<BuilderRow, { kind: 'related' }>, errors: SegmentError[]): TemplateResult {
    const node: RelatedNode = row.node;
    const id = node.id!;
    const catalog = this.activeCatalog;
    const label = catalog ? entityLabel(catalog, node.entity) : node.entity;
    const m = node.match;
    const isAggregate = 'aggregate' in m && m.aggregate !== undefined;
    const mode = isAggregate ? 'aggregate' : (m as QuantifierMatch).quantifier;
    const own = this.nodeErrors(node, errors);
    const drop = this.dropHandlers(row);
    const needsCount = !isAggregate && ['atLeast', 'atMost', 'exactly'].includes(mode);
    const countId = `count-${id}`;
    const modeId = `mode-${id}`;
    let extra: TemplateResult | typeof nothing;
    if (this.readonly) {
      extra = html`<span>${this.relatedText(node, label)}</span>`;
    } else if (needsCount) {
      extra = html`<label class="visually-hidden" for=${countId}>How many ${plural(label)}</label>
        <input
          id=${countId}
          type="number"
          min="0"
          step="1"
          .value=${String((m as QuantifierMatch).count ?? 1)}
          @input=${(e: Event) => {
            const v = (e.target as HTMLInputElement).valueAsNumber;
            this.setMatch(node, { quantifier: mode as QuantifierMatch['quantifier'], count: Number.isFinite(v) ? v : 0 });
          }}
        />
        <span>${plural(label)}</span>`;
    } else if (isAggregate) {
      extra = this.renderAggregate(node, m as AggregateMatch, label);
    } else {
      extra = html`<span>${label}</span>`;
    }
    return html`<div
      class="${this.depthClass(row.depth)} related ${this.dropKey === row.key ? 'drop-target' : ''}"
      part="row"
      role="listitem"
      data-key=${row.key}
      data-node-id=${id}
      tabindex="-1"
      aria-label=${this.relatedText(node, label)}
      @pointerenter=${() => this.activate(row.key)}
      @focusin=${() => this.activate(row.key)}
      @dragover=${drop.over}
      @dragleave=${drop.leave}
      @drop=${drop.drop}
    >
      ${
        this.readonly
          ? nothing
          : html`<label class="visually-hidden" for=${modeId}>How to match ${plural(label)}</label>
              <select
                id=${modeId}
                data-part="match"
                @change=${(e: Event) => {
                  const v = (e.target as HTMLSelectElement).value;
                  if (v === 'aggregate') this.setMatch(node, { aggregate: 'count', operator: 'greaterThan', value: 1 });
                  else if (v === 'any' || v === 'none') this.setMatch(node, { quantifier: v });
                  else this.setMatch(node, { quantifier: v as QuantifierMatch['quantifier'], count: 1 });
                }}
              >
                ${QUANTIFIERS.map((q) => html`<option value=${q} ?selected=${mode === q}>${term(`quantifier.${q}`)}</option>`)}
                <option value="aggregate" ?selected=${isAggregate}>whose total, average, count…</option>
              </select>`
      }
      ${extra} ${node.where ? html`<span class="muted">where</span>` : nothing} ${this.nodeActions(row, `${label} block`)}
      ${own.map((e) => html`<span class="field-error" role="note">${e.message}</span>`)}
    </div>`;
  }

  private relatedText(node: RelatedNode, label: string): string {
    const m = node.match;
    if ('aggregate' in m && m.aggregate !== undefined) {
      const a = m as AggregateMatch;
      return `${term(`aggregate.${a.aggregate}`)} ${a.attribute ?? ''} of ${plural(label)} ${operatorLabel(a.operator)} ${JSON.stringify(a.value ?? '')}`;
    }
    const q = m as QuantifierMatch;
    return `${term(`quantifier.${q.quantifier}`)}${q.count !== undefined ? ` ${q.count}` : ''} ${q.count === 1 || q.count === undefined ? label : plural(label)}`;
  }

  private renderAggregate(node: RelatedNode, m: AggregateMatch, label: string): TemplateResult {
    const catalog = this.activeCatalog;
    const id = node.id!;
    const attrs = catalog
      ? (indexCatalog(catalog).entity(node.entity)?.attributes ?? []).filter((a) => a.type === 'number' || a.type === 'date')
      : [];
    const attr = m.attribute && catalog ? indexCatalog(catalog).attribute(node.entity, m.attribute) : undefined;
    const resultType = aggregateResultType(m.aggregate, attr?.type) ?? 'number';
    const ops = AGGREGATE_OPERATORS[resultType];
    const set = (patch: Partial<AggregateMatch>) => {
      const next: AggregateMatch = { ...m, ...patch };
      if (next.aggregate === 'count') delete next.attribute;
      this.setMatch(node, next);
    };
    const valueInput = (v: unknown, onValue: (x: unknown) => void, aria: string) =>
      resultType === 'date'
        ? html`<input
            type="date"
            aria-label=${aria}
            .value=${typeof v === 'string' ? v.slice(0, 10) : ''}
            @input=${(e: Event) => onValue((e.target as HTMLInputElement).value || undefined)}
          />`
        : html`<input
            type="number"
            aria-label=${aria}
            .value=${typeof v === 'number' ? String(v) : ''}
            @input=${(e: Event) => {
              const x = (e.target as HTMLInputElement).valueAsNumber;
              onValue(Number.isFinite(x) ? x : undefined);
            }}
          />`;
    const pair = Array.isArray(m.value) ? m.value : [undefined, undefined];
    return html`<label class="visually-hidden" for=${`agg-${id}`}>Aggregate</label>
      <select
        id=${`agg-${id}`}
        @change=${(e: Event) => set({ aggregate: (e.target as HTMLSelectElement).value as AggregateMatch['aggregate'] })}
      >
        ${AGGREGATES.map((a) => html`<option value=${a} ?selected=${m.aggregate === a}>${term(`aggregate.${a}`)}</option>`)}
      </select>
      ${
        m.aggregate === 'count'
          ? html`<span>${plural(label)}</span>`
          : html`<label class="visually-hidden" for=${`aggattr-${id}`}>Attribute to aggregate</label>
              <select id=${`aggattr-${id}`} @change=${(e: Event) => set({ attribute: (e.target as HTMLSelectElement).value })}>
                <option value="" ?selected=${!m.attribute}>Choose…</option>
                ${attrs.map((a) => html`<option value=${a.name} ?selected=${a.name === m.attribute}>${a.label ?? a.name}</option>`)}
              </select>
              <span>of ${plural(label)}</span>`
      }
      <label class="visually-hidden" for=${`aggop-${id}`}>Comparison</label>
      <select
        id=${`aggop-${id}`}
        @change=${(e: Event) => set({ operator: (e.target as HTMLSelectElement).value as AggregateMatch['operator'] })}
      >
        ${ops.map((o) => html`<option value=${o} ?selected=${m.operator === o}>${operatorLabel(o)}</option>`)}
      </select>
      ${
        m.operator === 'between' || m.operator === 'notBetween'
          ? html`${valueInput(pair[0], (x) => set({ value: [x, pair[1]] as ConditionValue }), 'From')}
            ${valueInput(pair[1], (x) => set({ value: [pair[0], x] as ConditionValue }), 'To')}`
          : m.operator === 'inLast' || m.operator === 'notInLast' || m.operator === 'inNext'
            ? html`<input
                  type="number"
                  min="0"
                  aria-label="Amount"
                  .value=${String((m.value as { amount?: number } | undefined)?.amount ?? 30)}
                  @input=${(e: Event) => set({ value: { amount: (e.target as HTMLInputElement).valueAsNumber || 0, unit: (m.value as { unit?: 'day' } | undefined)?.unit ?? 'day' } })}
                />
                <select
                  aria-label="Unit"
                  @change=${(e: Event) =>
                    set({
                      value: {
                        amount: (m.value as { amount?: number } | undefined)?.amount ?? 30,
                        unit: (e.target as HTMLSelectElement).value as 'day',
                      },
                    })}
                >
                  ${(['day', 'week', 'month', 'year'] as const).map((u) => html`<option value=${u} ?selected=${(m.value as { unit?: string } | undefined)?.unit === u}>${term(`unit.${u}`)}</option>`)}
                </select>`
            : valueInput(m.value, (x) => set({ value: x as ConditionValue }), 'Value')
      }`;
  }

  private renderConditionRow(row: Extract<BuilderRow, { kind: 'condition' }>, errors: SegmentError[]): TemplateResult {
    const node = row.node;
    const drop = this.dropHandlers(row);
    return html`<div
      class="${this.depthClass(row.depth)} ${this.dropKey === row.key ? 'drop-target' : ''}"
      part="row"
      role="listitem"
      data-key=${row.key}
      data-node-id=${node.id!}
      tabindex="-1"
      aria-label=${`Condition ${row.position} of rule ${row.ruleIndex + 1}`}
      @pointerenter=${() => this.activate(row.key)}
      @focusin=${() => this.activate(row.key)}
      @dragover=${drop.over}
      @dragleave=${drop.leave}
      @drop=${drop.drop}
    >
      <condition-row
        .condition=${node}
        .scope=${row.scope}
        .errors=${this.nodeErrorsCached(node, errors)}
        .catalog=${this.activeCatalog}
        .provider=${this.effectiveProvider}
        ?readonly=${this.readonly}
        label=${`Condition ${row.position} of rule ${row.ruleIndex + 1}`}
      >
        <span slot="actions">${this.nodeActions(row, `condition ${row.position}`)}</span>
      </condition-row>
    </div>`;
  }

  /** The same (empty) array for rows without errors, so untouched rows skip updating. */
  private errorsByNode = new WeakMap<SegmentError[], Map<string, SegmentError[]>>();
  private nodeErrorsCached(node: SegmentNode, errors: SegmentError[]): SegmentError[] {
    let map = this.errorsByNode.get(errors);
    if (!map) {
      map = new Map();
      for (const e of errors) {
        if (e.nodeId === undefined) continue;
        const list = map.get(e.nodeId);
        if (list) list.push(e);
        else map.set(e.nodeId, [e]);
      }
      this.errorsByNode.set(errors, map);
    }
    return (node.id && map.get(node.id)) || NO_ERRORS;
  }
}

const NO_ERRORS: SegmentError[] = [];
