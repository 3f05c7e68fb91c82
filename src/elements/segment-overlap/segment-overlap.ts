import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { overlap as overlapWords } from '../../core/messages/en/overlap.js';
import { addEnglish } from '../../core/messages/translator.js';
import { computeOverlap, type OverlapResult, type OverlapSet } from '../../core/overlap/index.js';
import type { SegmentProvider, SegmentSummary } from '../../core/provider/types.js';
import { SegmentKitElement } from '../shared/base.js';
import { AnnouncerController } from '../shared/controllers/announcer.js';
import { ProviderTask } from '../shared/controllers/provider-task.js';
import { messageOf } from '../shared/errors.js';
import { emit } from '../shared/events.js';
import { currentTranslator, term } from '../shared/messages.js';
import { baseStyles } from '../shared/styles.js';
import { tableStyles } from '../shared/table-styles.js';
import { overlapDiagram } from './diagram.js';
import { MAX_PICKER_OPTIONS, SegmentPickers } from './pickers.js';
import { overlapStyles } from './segment-overlap.styles.js';

export type { SegmentOverlapChangeDetail } from '../shared/events.js';

addEnglish(overlapWords);

/** How many saved segments the pickers list (`listSegments` limit). */
export const OVERLAP_LIST_LIMIT = 1000;

/** `segment-ids`: ids separated by spaces (as `aria-controls`); the property is the list itself. */
const idsConverter = {
  fromAttribute: (value: string | null) => (value ?? '').split(/\s+/).filter(Boolean),
  toAttribute: (value: readonly string[]) => value.join(' '),
};

let instances = 0;

/**
 * `<segment-overlap>`: what two or three saved segments have in common (the seeds'
 * segment insights). The person picks the segments (searchable pickers filled from
 * `provider.listSegments`); the element counts every region — in all of them, in each pair
 * only, in each one only — with the provider's own `count` on compound documents
 * (`computeOverlap`), and shows them as a two- or three-set diagram with the counts and as
 * a table with each region's count and share. "Create segment" on a region hands its
 * compound document to the host to open in the builder.
 *
 * @tagname segment-overlap
 * @event {CustomEvent<SegmentCreateDetail>} segment-create - "Create segment" on a region: `{ kind: 'compound', segment }`, the region's compound document (no id yet); the host opens it in the builder.
 * @event {CustomEvent<SegmentOverlapChangeDetail>} segment-overlap-change - The person chose other segments: `{ segmentIds }`.
 * @csspart pickers - the segment pickers' fieldset
 * @csspart picker - a segment picker's search field (a combobox)
 * @csspart listbox - a picker's list of segments
 * @csspart option - a segment in that list
 * @csspart add-third - the "Add a third segment" button
 * @csspart remove - the third picker's remove button
 * @csspart diagram - the SVG diagram (hidden from screen readers: the table says the same)
 * @csspart legend - the segments with their letters and totals
 * @csspart table - the regions' table
 * @csspart region-row - a region's row
 * @csspart create - a region's "Create segment" button
 * @csspart state - the no-provider, choose, loading, empty and error messages
 * @csspart fewer - the state asking for a second segment (beside `state`)
 * @csspart loading - the state while the overlap is counted (beside `state`)
 * @csspart empty - the state when the segments have no members (beside `state`)
 * @csspart error - the state of a failed count (beside `state`)
 * @csspart disjoint - the note that the segments share no members (beside `state`)
 * @csspart retry - the error state's Retry button
 * @cssproperty --sk-overlap-diagram-size - the diagram's largest width (default 22rem)
 * @cssproperty --sk-color-accent - the regions' shade and the highlighted region
 */
export class SegmentOverlapElement extends SegmentKitElement {
  static override styles = [baseStyles, tableStyles, overlapStyles];

  /** The segments to compare, by id: two or three (attribute `segment-ids`, ids separated by spaces). Set by the pickers too. */
  @property({ attribute: 'segment-ids', converter: idsConverter }) segmentIds: string[] = [];

  /** The region highlighted in the diagram (the row hovered or focused), by key ("AB"). */
  @state() private active: string | undefined;

  /** The pickers' slots: the chosen id or '' for each of two or three. */
  @state() private slots: string[] = ['', ''];

  private readonly idPrefix = `sk-overlap-${++instances}`;
  private readonly announcer = new AnnouncerController(this);

  /** Every summary seen (the first page and searches), by id: the chosen segments' names. */
  private readonly known = new Map<string, SegmentSummary>();
  private readonly remember = (items: readonly SegmentSummary[]) => {
    for (const s of items) this.known.set(s.id, s);
  };

  /** The first page of segments (the pickers filter it as the person types, when it holds them all). */
  private readonly list = new ProviderTask<[SegmentProvider], { total: number; items: SegmentSummary[] }>(this, {
    args: () => {
      const provider = this.effectiveProvider;
      return provider ? [provider] : undefined;
    },
    task: ([provider], { signal }) => provider.listSegments({ limit: OVERLAP_LIST_LIMIT, sort: { key: 'displayName' }, signal }),
    onComplete: (value) => this.remember(value.items),
  });

  /** What is typed in a picker, searched by the provider (only when it has more segments than the first page). */
  private readonly search = new ProviderTask<[SegmentProvider, string], SegmentSummary[]>(this, {
    delay: 150,
    task: async ([provider, query], { signal }) =>
      (await provider.listSegments({ search: query, limit: MAX_PICKER_OPTIONS, sort: { key: 'displayName' }, signal })).items,
    onComplete: (items) => {
      this.remember(items);
      this.pickers.refreshed();
    },
  });

  private readonly overlap = new ProviderTask<[SegmentProvider, string, string], OverlapResult>(this, {
    args: () => {
      const provider = this.effectiveProvider;
      const ids = this.chosen();
      if (!provider || ids.length < 2 || this.list.status === 'initial' || (this.list.pending && !this.list.hasValue)) return undefined;
      const sets: OverlapSet[] = ids.map((id) => {
        const s = this.known.get(id);
        return s ? { id, name: s.name, ...(s.displayName ? { displayName: s.displayName } : {}) } : { id };
      });
      return [provider, this.effectiveCatalog?.audience ?? '', JSON.stringify(sets)];
    },
    task: ([provider, audience, sets], { signal }) =>
      computeOverlap(provider, JSON.parse(sets) as OverlapSet[], {
        signal,
        translator: this.locale.translator,
        ...(audience ? { audience } : {}),
      }),
    onComplete: (value) => this.announcer.announce(this.msg('overlap.done', { union: value.union })),
  });

  private readonly pickers = new SegmentPickers(this, {
    segments: (query) => this.segmentsFor(query),
    summary: (id) => this.known.get(id),
    onQuery: (query) => {
      const provider = this.effectiveProvider;
      if (provider && !this.listIsComplete()) void this.search.run([provider, query.trim()]);
    },
    slots: () => this.slots,
    onChange: (slots) => {
      this.slots = slots;
      this.segmentIds = this.chosen();
      emit(this, 'segment-overlap-change', { segmentIds: this.segmentIds });
    },
  });

  /** Count again (after the data or the segments changed). */
  reload(): void {
    void this.list.retry();
    void this.overlap.retry();
  }

  /** Does the first page hold every segment (so the pickers can filter it themselves)? */
  private listIsComplete(): boolean {
    const list = this.list.value;
    return !!list && list.items.length >= list.total;
  }

  /** The pickers' segments for a query: the first page, or the provider's search when the first page is not all of them. */
  private segmentsFor(query: string): { items: readonly SegmentSummary[]; matched: boolean } | undefined {
    const list = this.list.value;
    if (!list) return undefined;
    const q = query.trim();
    if (!q || this.listIsComplete()) return { items: list.items, matched: false };
    const s = this.search;
    if (s.args?.[1] !== q || s.status === 'pending') return undefined;
    // A failed search falls back to filtering the first page.
    return s.status === 'complete' && s.value ? { items: s.value, matched: true } : { items: list.items, matched: false };
  }

  /** The ids chosen in the pickers, in order, without blanks or repeats (at most three). */
  private chosen(): string[] {
    return [...new Set(this.slots.filter(Boolean))].slice(0, 3);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('segmentIds')) {
      const ids = [...new Set((this.segmentIds ?? []).filter((id) => typeof id === 'string' && id))].slice(0, 3);
      if (ids.join('\n') !== this.chosen().join('\n')) {
        const slots = [...ids];
        while (slots.length < 2) slots.push('');
        this.slots = slots;
      }
    }
  }

  // ------------------------------------------------------------------ actions

  private create(key: string): void {
    const region = this.overlap.value?.regions.find((r) => r.key === key);
    if (!region) return;
    emit(this, 'segment-create', { kind: 'compound', segment: structuredClone(region.segment) });
  }

  /** ArrowUp/ArrowDown, Home/End move between the regions' rows (their Create buttons). */
  private onTableKeydown(e: KeyboardEvent): void {
    if (!['ArrowUp', 'ArrowDown', 'Home', 'End'].includes(e.key) || e.altKey || e.ctrlKey || e.metaKey) return;
    const buttons = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('tbody [part~="create"]')];
    const at = buttons.indexOf(e.target as HTMLButtonElement);
    if (at < 0) return;
    const next = e.key === 'Home' ? 0 : e.key === 'End' ? buttons.length - 1 : at + (e.key === 'ArrowDown' ? 1 : -1);
    e.preventDefault();
    buttons[Math.max(0, Math.min(buttons.length - 1, next))]?.focus();
  }

  // ------------------------------------------------------------------ render

  /** Is the element laid out right-to-left (its own or an ancestor's `dir`)? */
  private isRtl(): boolean {
    try {
      return this.matches(':dir(rtl)');
    } catch {
      return getComputedStyle(this).direction === 'rtl';
    }
  }

  protected override render(): TemplateResult {
    if (!this.effectiveProvider) {
      return html`<p part="state" class="state">${term('overlap.noProvider')}</p>
        ${this.announcer.render()}`;
    }
    return html`<section class="overlap" aria-label=${term('overlap.label')}>
        ${this.renderListError()}${this.pickers.render()}${this.renderBody()}
      </section>
      ${this.announcer.render()}`;
  }

  private renderListError(): TemplateResult | typeof nothing {
    if (this.list.status !== 'error') return nothing;
    return html`<div part="state error" class="state error" role="alert">
      <p>${term('overlap.picker.error', { message: messageOf(this.list.error) })}</p>
      <button type="button" part="retry" @click=${() => void this.list.retry()}>${term('overlap.retry')}</button>
    </div>`;
  }

  private renderBody(): TemplateResult | typeof nothing {
    if (this.chosen().length < 2) return html`<p part="state fewer" class="state">${term('overlap.fewer')}</p>`;
    const t = this.overlap;
    if (t.status === 'error') {
      return html`<div part="state error" class="state error" role="alert">
        <p>${term('overlap.error', { message: messageOf(t.error) })}</p>
        <button type="button" part="retry" @click=${() => void this.overlap.retry()}>${term('overlap.retry')}</button>
      </div>`;
    }
    const value = t.value;
    const current = value && value.sets.map((s) => s.id).join('\n') === this.chosen().join('\n');
    if (!value || !current) return html`<p part="state loading" class="state" role="status">${term('overlap.loading')}</p>`;
    if (value.union === 0) return html`<p part="state empty" class="state">${term('overlap.empty')}</p>`;
    return this.renderResult(value);
  }

  private renderResult(value: OverlapResult): TemplateResult {
    const f = currentTranslator().format;
    const shared = value.regions.filter((r) => r.included.length > 1).reduce((n, r) => n + r.count, 0);
    return html`<div class=${`result${this.overlap.stale ? ' stale' : ''}`} aria-busy=${this.overlap.pending ? 'true' : 'false'}>
      ${this.overlap.pending ? html`<p class="visually-hidden" role="status">${term('overlap.loading')}</p>` : nothing}
      ${shared === 0 ? html`<p part="state disjoint" class="state note">${term('overlap.disjoint')}</p>` : nothing}
      <div class="figure">
        ${overlapDiagram(value.sets, value.regions, {
          prefix: this.idPrefix,
          active: this.active,
          format: (n) => f.number(n),
          rtl: this.isRtl(),
        })}
        <ul part="legend" class="legend">
          ${value.sets.map(
            (s) =>
              html`<li>
                <span class="letter" aria-hidden="true">${s.letter}</span>
                <span class="legend-name" dir="auto">${s.displayName || s.name || s.id}</span>
                <span class="muted">${term('overlap.total', { count: s.total })}</span>
              </li>`,
          )}
        </ul>
      </div>
      ${this.renderTable(value)}
    </div>`;
  }

  private renderTable(value: OverlapResult): TemplateResult {
    const share = (n: number) => term('overlap.share', { share: value.union ? n / value.union : 0 });
    const f = currentTranslator().format;
    return html`<div class="scroll">
      <table part="table" aria-label=${term('overlap.table')}>
        <caption>
          ${term('overlap.table.caption', { union: value.union })}
        </caption>
        <thead>
          <tr>
            <th scope="col">${term('overlap.column.region')}</th>
            <th scope="col" class="num">${term('overlap.column.count')}</th>
            <th scope="col" class="num">${term('overlap.column.share')}</th>
            <th scope="col"><span class="visually-hidden">${term('overlap.column.action')}</span></th>
          </tr>
        </thead>
        <tbody @keydown=${this.onTableKeydown}>
          ${repeat(
            value.regions,
            (r) => r.key,
            (r) =>
              html`<tr
                part="region-row"
                data-region=${r.key}
                class=${r.key === this.active ? 'active' : ''}
                @mouseenter=${() => (this.active = r.key)}
                @mouseleave=${() => (this.active = undefined)}
                @focusin=${() => (this.active = r.key)}
                @focusout=${() => (this.active = undefined)}
              >
                <th scope="row"><span class="key" aria-hidden="true">${r.key}</span> <span class="region-name">${r.label}</span></th>
                <td class="num" data-column="count">${f.number(r.count)}</td>
                <td class="num" data-column="share">${share(r.count)}</td>
                <td class="action">
                  <button
                    type="button"
                    part="create"
                    aria-label=${term('overlap.create.label', { region: r.label })}
                    @click=${() => this.create(r.key)}
                  >
                    ${term('overlap.create')}
                  </button>
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}
