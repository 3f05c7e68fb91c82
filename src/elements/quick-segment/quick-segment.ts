import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { quick as quickWords } from '../../core/messages/en/quick.js';
import { addEnglish } from '../../core/messages/translator.js';
import { entityLabel, indexCatalog } from '../../core/model/catalog.js';
import { setProperties, updateCondition } from '../../core/model/edit.js';
import { createQuickSegment, identifierFrom, isConditionComplete, quickCondition, withQuickAttribute } from '../../core/model/quick.js';
import type { Catalog, ConditionNode, ConditionValue, SegmentDocument } from '../../core/model/types.js';
import type { AttributeStats, SegmentProvider, SegmentSummary } from '../../core/provider/types.js';
import { IDENTIFIER } from '../../core/validate/validate.js';
import { SegmentKitElement } from '../shared/base.js';
import { AnnouncerController } from '../shared/controllers/announcer.js';
import { ProviderTask } from '../shared/controllers/provider-task.js';
import { messageOf } from '../shared/errors.js';
import { emit, type ConditionChangeEvent } from '../shared/events.js';
import { term } from '../shared/messages.js';
import { baseStyles } from '../shared/styles.js';
import { listValues, sameScalar } from '../shared/value-editors/values.js';
import type { BooleanChoice, InsightGroup } from './insights.js';
import { quickSegmentStyles } from './quick-segment.styles.js';

addEnglish(quickWords);

/** How long the size waits after the last change before it is counted (ms). */
export const QUICK_COUNT_DELAY = 300;

/** The name a segment that has none yet is counted under. */
const COUNT_NAME = 'QuickSegment';

type StatsArgs = [provider: SegmentProvider, entity: string, attribute: string];
type Stats = { key: string; stats: AttributeStats };
type CountArgs = [provider: SegmentProvider, segment: SegmentDocument];

/** The insights' templates load with the first stats (an element that never shows insights never downloads them). */
type Insights = typeof import('./insights.js');
let insights: Insights | undefined;
let loadingInsights: Promise<Insights> | undefined;
function loadInsights(): Promise<Insights> {
  return (loadingInsights ??= import('./insights.js').then(
    (m) => (insights = m),
    (e: unknown) => {
      loadingInsights = undefined;
      throw e;
    },
  ));
}

const NO_FOCUS: Record<InsightGroup, number> = { top: 0, bars: 0, bool: 0 };

/**
 * `<quick-segment>`: a segment from one attribute, with instant insights (the seeds'
 * "quick segments"). The person picks an attribute of the customers or of a related
 * entity (the builder's searchable picker: an embedded `<condition-row>`), sees what its
 * values look like (`provider.attributeStats`: top values, percentiles and a histogram,
 * dates by month, true / false / empty), fills in the operator and value by hand or by
 * clicking the insights (several top values → "is one of", a range of bars → "between",
 * a boolean count → is true / false / empty), watches the estimated size (`provider.count`,
 * debounced) and saves it under a name (`provider.saveSegment`). The result is an ordinary
 * segment document: one rule, and for a related entity's attribute "with at least 1 …
 * where …", which `<segment-builder>` opens.
 *
 * Counts in the insights are customers; for a related entity's attribute, customers with
 * at least one linked row with that value (the note under the insights says so).
 *
 * @tagname quick-segment
 * @summary Build a segment from one attribute, with insights about its values.
 *
 * @event {CustomEvent<SegmentSavedDetail>} segment-saved - The provider saved the segment: `{ summary }`.
 * @event {CustomEvent<SegmentEditDetail>} segment-edit - "Open in builder" after a save: `{ id }`.
 *
 * @csspart base - The whole element.
 * @csspart title - The heading.
 * @csspart condition - The `<condition-row>` (attribute, operator, value).
 * @csspart insights - The insights section.
 * @csspart top-values - The top values (a group of toggle buttons); each is `top-value`.
 * @csspart top-value - One top value: label, bar, count and share.
 * @csspart histogram - The histogram (a group of toggle buttons); each is `histogram-bar`.
 * @csspart histogram-bar - One bar of the histogram.
 * @csspart bar - The SVG of a bar (its `rect.fill` takes `--sk-quick-segment-bar-color`).
 * @csspart boolean - The true / false / empty counts; each is `boolean-value`.
 * @csspart boolean-value - One boolean count.
 * @csspart percentiles - The percentiles table.
 * @csspart range - The range (and mean) line.
 * @csspart note - A note under the insights (related counts).
 * @csspart size - The estimated segment size.
 * @csspart form - The name fields and Save.
 * @csspart save - The Save button.
 * @csspart saved - The saved message with "Open in builder".
 * @csspart open-in-builder - The "Open in builder" button.
 * @csspart state - A loading, error or no-provider message.
 * @csspart retry - A Retry button.
 *
 * @cssproperty --sk-quick-segment-bar-color - A bar's colour (the accent).
 * @cssproperty --sk-quick-segment-bar-pressed-color - A chosen bar's colour.
 * @cssproperty --sk-quick-segment-track-color - The track behind a bar.
 * @cssproperty --sk-quick-segment-histogram-height - Height of the histogram (8rem).
 * @cssproperty --sk-quick-segment-gap - Space between the sections (1rem).
 */
export class QuickSegmentElement extends SegmentKitElement {
  static override styles = [baseStyles, quickSegmentStyles];

  /** The entity of the attribute to start with (with `attribute`); default: none, the person picks one. */
  @property() entity = '';

  /** The attribute to start with (of `entity`, default the audience). */
  @property() attribute = '';

  /** Debounce of the size count in milliseconds. */
  @property({ type: Number, attribute: 'count-delay' }) countDelay = QUICK_COUNT_DELAY;

  /** The segment being built (one rule, one condition). Read it; the element never takes it from outside. */
  @state() segment: SegmentDocument | undefined;

  @state() private nameEdited = false;
  @state() private formError: string | undefined;
  @state() private saved: SegmentSummary | undefined;
  @state() private roving: Record<InsightGroup, number> = NO_FOCUS;
  private anchor: number | undefined;
  private startedWith = '';
  private readonly announcer = new AnnouncerController(this);

  private readonly catalogTask = new ProviderTask<[SegmentProvider], Catalog>(this, {
    args: () => {
      const p = this.effectiveProvider;
      return p && !this.effectiveCatalog ? [p] : undefined;
    },
    task: ([p], { signal }) => p.getCatalog({ signal }),
  });

  private readonly statsTask = new ProviderTask<StatsArgs, Stats>(this, {
    args: () => {
      const p = this.effectiveProvider;
      const c = this.condition;
      return p && typeof p.attributeStats === 'function' && c?.attribute ? [p, c.entity, c.attribute] : undefined;
    },
    task: async ([p, entity, attribute], { signal }) => {
      const [stats] = await Promise.all([p.attributeStats!(entity, attribute, { signal }), loadInsights()]);
      return { key: `${entity}.${attribute}`, stats };
    },
  });

  private readonly countTask = new ProviderTask<CountArgs, number>(this, {
    args: () => {
      const p = this.effectiveProvider;
      const doc = this.segment;
      return p && doc && isConditionComplete(this.condition) ? [p, doc] : undefined;
    },
    // Names and other properties do not change the size: only a new rule is counted again.
    argsEqual: (a, b) => a[0] === b[0] && a[1].rules[0] === b[1].rules[0],
    // A segment without a name yet is counted under a stand-in one (a provider validates what it counts).
    task: async ([p, doc], { signal }) => {
      const named = doc.name && IDENTIFIER.test(doc.name) ? doc : setProperties(doc, { name: COUNT_NAME });
      return (await p.count(named, { signal })).total;
    },
    onComplete: (total) => this.inLocale(() => this.announcer.announce(term('quick.size.announce', { text: this.sizeText(total) }))),
  });

  private readonly saveTask = new ProviderTask<CountArgs, SegmentSummary>(this, {
    task: ([p, doc], { signal }) => p.saveSegment(doc, { signal }),
    abortOnDisconnect: false,
  });

  /** The catalog in use: the property or context's, else the provider's. @internal */
  get catalogInUse(): Catalog | undefined {
    return this.effectiveCatalog ?? this.catalogTask.value;
  }

  /** The condition being built. */
  get condition(): ConditionNode | undefined {
    return quickCondition(this.segment);
  }

  protected override willUpdate(): void {
    this.countTask.delay = Number.isFinite(this.countDelay) && this.countDelay >= 0 ? this.countDelay : QUICK_COUNT_DELAY;
    const catalog = this.catalogInUse;
    if (!catalog) return;
    if (!this.segment || this.segment.audience !== catalog.audience) this.segment = createQuickSegment(catalog);
    const wanted = this.attribute ? `${this.entity || catalog.audience}.${this.attribute}` : '';
    if (wanted !== this.startedWith) {
      this.startedWith = wanted;
      const entity = this.entity || catalog.audience;
      if (wanted && indexCatalog(catalog).attribute(entity, this.attribute)) this.chooseAttribute(entity, this.attribute);
    }
  }

  // ------------------------------------------------------------------ edits

  private edit(next: SegmentDocument): void {
    this.segment = next;
    this.formError = undefined;
    this.saved = undefined;
  }

  private chooseAttribute(entity: string, attribute: string): void {
    const catalog = this.catalogInUse;
    if (!catalog || !this.segment) return;
    this.anchor = undefined;
    this.roving = NO_FOCUS;
    this.edit(withQuickAttribute(this.segment, catalog, entity, attribute));
  }

  private setCondition(patch: { operator: string; value?: ConditionValue }): void {
    const doc = this.segment;
    const c = this.condition;
    if (!doc || !c?.id) return;
    this.edit(updateCondition(doc, c.id, { operator: patch.operator, value: patch.value }));
  }

  private onConditionChange(e: ConditionChangeEvent): void {
    e.stopPropagation();
    const { change, condition } = e.detail;
    if (change.kind === 'attribute') this.chooseAttribute(change.entity, change.attribute);
    else this.setCondition({ operator: condition.operator, value: condition.value });
  }

  private onTop(value: unknown): void {
    const c = this.condition;
    if (!c) return;
    const list = c.operator === 'in' ? listValues(c.value) : c.operator === 'equals' && c.value !== undefined ? [c.value] : [];
    const next = list.some((v) => sameScalar(v, value)) ? list.filter((v) => !sameScalar(v, value)) : [...list, value];
    this.setCondition({ operator: 'in', value: next as ConditionValue });
  }

  private onBar(index: number, extend: boolean): void {
    if (!insights) return;
    const bins = insights.binsOf(this.currentStats());
    const from = extend && this.anchor !== undefined ? this.anchor : index;
    if (!extend || this.anchor === undefined) this.anchor = index;
    const range = insights.barsRange(bins, from, index);
    if (range) this.setCondition({ operator: 'between', value: range });
    this.roving = { ...this.roving, bars: index };
  }

  private onBoolean(choice: BooleanChoice): void {
    this.setCondition({ operator: choice });
  }

  /** One tab stop per group: arrows (mirrored right-to-left), Home and End move; Shift extends a range of bars. */
  private onKeydown(group: InsightGroup, count: number, e: KeyboardEvent): void {
    const rtl = getComputedStyle(this).direction === 'rtl';
    const at = Math.min(Math.max(0, this.roving[group]), count - 1);
    const step: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 };
    let next: number | undefined;
    if (e.key in step) next = Math.min(count - 1, Math.max(0, at + step[e.key]!));
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = count - 1;
    else if (group === 'bars' && e.shiftKey && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      this.onBar(at, true);
      return;
    }
    if (next === undefined) return;
    e.preventDefault();
    this.roving = { ...this.roving, [group]: next };
    if (group === 'bars' && e.shiftKey) this.onBar(next, true);
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`[data-group="${group}"][data-index="${next}"]`)?.focus(),
    );
  }

  private onFocus(group: InsightGroup, e: FocusEvent): void {
    const index = Number((e.target as HTMLElement).dataset.index);
    if (Number.isInteger(index) && index !== this.roving[group]) this.roving = { ...this.roving, [group]: index };
  }

  private onDisplayName(e: Event): void {
    const displayName = (e.target as HTMLInputElement).value;
    const doc = this.segment;
    if (!doc) return;
    const patch: { displayName: string | undefined; name?: string | undefined } = { displayName: displayName || undefined };
    if (!this.nameEdited) patch.name = identifierFrom(displayName) || undefined;
    this.edit(setProperties(doc, patch));
  }

  private onName(e: Event): void {
    const name = (e.target as HTMLInputElement).value.trim();
    if (!this.segment) return;
    this.nameEdited = name !== '';
    this.edit(setProperties(this.segment, { name: name || undefined }));
  }

  /** Save the segment (the form's Save). Resolves with the summary, or undefined when it was not saved. */
  async save(): Promise<SegmentSummary | undefined> {
    const provider = this.effectiveProvider;
    const doc = this.segment;
    if (!provider || !doc) return undefined;
    if (!isConditionComplete(this.condition)) this.formError = this.msg('quick.incomplete');
    else if (!doc.name) this.formError = this.msg('quick.name.missing');
    else if (!IDENTIFIER.test(doc.name)) this.formError = this.msg('quick.name.invalid');
    else this.formError = undefined;
    if (this.formError) {
      this.announcer.announce(this.formError);
      return undefined;
    }
    const outcome = await this.saveTask.runNow([provider, doc]);
    if (outcome.status !== 'complete') return undefined;
    this.saved = outcome.value;
    emit(this, 'segment-saved', { summary: outcome.value });
    this.announcer.announce(this.msg('quick.saved', { name: outcome.value.displayName || outcome.value.name }));
    return outcome.value;
  }

  private onSubmit(e: SubmitEvent): void {
    e.preventDefault();
    void this.save();
  }

  private openInBuilder(): void {
    if (this.saved) emit(this, 'segment-edit', { id: this.saved.id });
  }

  // ------------------------------------------------------------------ render

  /** The stats of the condition's attribute, once they have arrived (not those of the one before). */
  private currentStats(): AttributeStats | undefined {
    const c = this.condition;
    const v = this.statsTask.value;
    return c && v && v.key === `${c.entity}.${c.attribute}` && this.statsTask.status === 'complete' ? v.stats : undefined;
  }

  private sizeText(total: number): string {
    return term('quick.size.value', { count: total, total: this.currentStats()?.customers ?? 0 });
  }

  protected override render(): TemplateResult {
    return html`<section part="base" class="base" aria-labelledby="title">
      <h2 id="title" part="title" class="title">${term('quick.title')}</h2>
      ${this.renderBody()}${this.announcer.render()}
    </section>`;
  }

  private renderBody(): TemplateResult {
    const provider = this.effectiveProvider;
    if (!provider) return html`<p part="state" class="state">${term('quick.noProvider')}</p>`;
    const catalog = this.catalogInUse;
    if (!catalog) {
      if (this.catalogTask.status === 'error') {
        return html`<div part="state" class="state" role="alert">
          <p>${term('quick.catalogError', { message: messageOf(this.catalogTask.error) })}</p>
          <button type="button" part="retry" @click=${() => void this.catalogTask.retry()}>${term('quick.retry')}</button>
        </div>`;
      }
      return html`<p part="state" class="state" role="status">${term('quick.loadingCatalog')}</p>`;
    }
    const c = this.condition;
    return html`<div class="field">
        <span class="step" id="field-label">${term('quick.step.attribute')}</span>
        <span class="note" id="field-hint">${term('quick.step.attribute.hint')}</span>
        <condition-row
          part="condition"
          .catalog=${catalog}
          .provider=${provider}
          .condition=${c}
          .scope=${catalog.audience}
          label=${term('quick.condition')}
          @condition-change=${this.onConditionChange}
        ></condition-row>
      </div>
      ${c?.attribute ? this.renderInsights(provider, catalog, c) : nothing} ${this.renderSize(c)} ${this.renderForm()}`;
  }

  private renderInsights(provider: SegmentProvider, catalog: Catalog, c: ConditionNode): TemplateResult {
    let body: TemplateResult;
    const t = this.statsTask;
    const stats = this.currentStats();
    const attr = indexCatalog(catalog).attribute(c.entity, c.attribute);
    if (typeof provider.attributeStats !== 'function') {
      body = html`<p part="state" class="state">${term('quick.insights.unavailable')}</p>`;
    } else if (t.status === 'error') {
      body = html`<div part="state" class="state" role="alert">
        <p>${term('quick.insights.error', { message: messageOf(t.error) })}</p>
        <button type="button" part="retry" @click=${() => void t.retry()}>${term('quick.retry')}</button>
      </div>`;
    } else if (!stats || !attr || !insights) {
      body = html`<p part="state" class="state" role="status">${term('quick.insights.loading')}</p>`;
    } else {
      body = insights.insightsTemplate({
        stats,
        attr,
        condition: c,
        relatedLabel: c.entity !== catalog.audience ? entityLabel(catalog, c.entity) : undefined,
        rowCounts: c.entity !== catalog.audience && stats.related !== true,
        focus: this.roving,
        onTop: (v) => this.onTop(v),
        onBar: (i, extend) => this.onBar(i, extend),
        onBoolean: (op) => this.onBoolean(op),
        onKeydown: (g, n, e) => this.onKeydown(g, n, e),
        onFocus: (g, e) => this.onFocus(g, e),
      });
    }
    return html`<section part="insights" class="insights" aria-labelledby="insights-title" aria-busy=${t.pending ? 'true' : 'false'}>
      <h3 id="insights-title" class="visually-hidden">${term('quick.insights')}</h3>
      ${body}
    </section>`;
  }

  private renderSize(c: ConditionNode | undefined): TemplateResult {
    const t = this.countTask;
    let text: TemplateResult | string;
    if (!isConditionComplete(c)) text = html`<span class="muted">${term('quick.size.incomplete')}</span>`;
    else if (t.status === 'error')
      text = html`<span class="error-text" role="alert">${term('quick.size.error', { message: messageOf(t.error) })}</span>
        <button type="button" part="retry" @click=${() => void t.retry()}>${term('quick.retry')}</button>`;
    else if (t.value === undefined) text = html`<span class="muted">${term('quick.size.loading')}</span>`;
    else text = html`<strong class=${t.pending ? 'stale' : ''} data-count=${t.value}>${this.sizeText(t.value)}</strong>`;
    return html`<p part="size" class="size" aria-busy=${t.pending ? 'true' : 'false'}>
      <span class="step">${term('quick.size')}</span> ${text}
    </p>`;
  }

  private renderForm(): TemplateResult {
    const doc = this.segment;
    const saving = this.saveTask.pending;
    const saveError = this.saveTask.status === 'error' ? this.saveTask.error : undefined;
    const nameBad = !!doc?.name && !IDENTIFIER.test(doc.name);
    return html`<form part="form" class="form" @submit=${this.onSubmit} novalidate>
      <div class="fields">
        <label class="input"
          ><span>${term('quick.displayName')}</span>
          <input name="displayName" autocomplete="off" .value=${doc?.displayName ?? ''} @input=${this.onDisplayName}
        /></label>
        <label class="input"
          ><span>${term('quick.name')}</span>
          <input
            name="name"
            autocomplete="off"
            spellcheck="false"
            aria-invalid=${nameBad ? 'true' : 'false'}
            aria-describedby="name-hint"
            .value=${doc?.name ?? ''}
            @input=${this.onName}
          />
          <span class="note" id="name-hint">${nameBad ? term('quick.name.invalid') : term('quick.name.hint')}</span></label
        >
      </div>
      <div class="actions">
        <button type="submit" class="primary" part="save" ?disabled=${saving}>${saving ? term('quick.saving') : term('quick.save')}</button>
      </div>
      ${this.formError ? html`<p class="error-text" role="alert">${this.formError}</p>` : nothing}
      ${saveError !== undefined ? html`<p class="error-text" role="alert">${term('quick.saveError', { message: messageOf(saveError) })}</p>` : nothing}
      ${
        this.saved
          ? html`<p part="saved" class="saved">
              ${term('quick.saved', { name: this.saved.displayName || this.saved.name })}
              <button type="button" part="open-in-builder" @click=${this.openInBuilder}>${term('quick.openInBuilder')}</button>
            </p>`
          : nothing
      }
    </form>`;
  }
}
