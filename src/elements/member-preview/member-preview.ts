import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { preview as previewWords } from '../../core/messages/en/preview.js';
import { addEnglish } from '../../core/messages/translator.js';
import type { Catalog, SegmentDocument } from '../../core/model/types.js';
import {
  isAbortError,
  SegmentProviderError,
  type ColumnDef,
  type MembersResult,
  type SegmentProvider,
  type SortSpec,
} from '../../core/provider/types.js';
import { validateSegment } from '../../core/validate/validate.js';
import { SegmentKitElement } from '../shared/base.js';
import { AnnouncerController } from '../shared/controllers/announcer.js';
import { ProviderTask } from '../shared/controllers/provider-task.js';
import { emit } from '../shared/events.js';
import { term } from '../shared/messages.js';
import { baseStyles } from '../shared/styles.js';
import { tableStyles } from '../shared/table-styles.js';
import { previewStyles } from './member-preview.styles.js';
import { ExplainState } from './explain-state.js';
import { formatMemberValue } from './format.js';
import { GridController } from './grid.js';
import { messageOf } from '../shared/errors.js';

export { formatMemberValue } from './format.js';

addEnglish(previewWords);

/** How many members the preview asks for by default. */
export const DEFAULT_PREVIEW_LIMIT = 100;

/**
 * A good `firstRows` where the table shows its default height (32rem): more rows than the
 * scroll box shows. The workspace's details view uses it.
 */
export const FIRST_FRAME_ROWS = 30;

type MembersArgs = [provider: SegmentProvider, segment: SegmentDocument, limit: number, sortKey: string, direction: string];
type Loaded = MembersResult & { catalog: Catalog | undefined };

const isInvalid = (e: unknown) => e instanceof SegmentProviderError && e.code === 'invalid-segment';

/** A row's audience key as text (the key the provider's `explain` takes). */
const keyText = (v: unknown) => (typeof v === 'string' || typeof v === 'number' || typeof v === 'bigint' ? String(v) : '');

/**
 * `<member-preview>`: a segment's first members in a table — sortable columns formatted
 * by type, the total with "See more", a streamed CSV download with progress and cancel,
 * and, per row or for any customer key, why that customer is in the segment or not
 * (`provider.explain`).
 *
 * @tagname member-preview
 * @event {CustomEvent<MemberPreviewSeeMoreDetail>} member-preview-see-more - "See more" was chosen: `{ segment, total }`; the host shows the full list.
 * @csspart table - the members table
 * @csspart row - a member's row
 * @csspart sort-button - a column header's sort button
 * @csspart total - the "100 of 16,528" line
 * @csspart see-more - the "See more" button
 * @csspart download - the "Download CSV" button
 * @csspart progress - the download's progress bar
 * @csspart cancel - the download's Cancel button
 * @csspart explain-button - a row's "Why?" button
 * @csspart explain - an explanation
 * @csspart explain-form - the "Explain another customer" field
 * @csspart state - the loading, empty, invalid, error and no-provider messages
 * @csspart loading - the state while the members load (beside `state`)
 * @csspart empty - the state of a segment without members (beside `state`)
 * @csspart invalid - the state of a segment that cannot be evaluated (beside `state`)
 * @csspart error - the state of a failed answer (beside `state`)
 * @csspart retry - the error state's Retry button
 * @cssprop --sk-preview-max-height - the table's maximum height before it scrolls (default 32rem)
 */
export class MemberPreviewElement extends SegmentKitElement {
  static override styles = [baseStyles, tableStyles, previewStyles];

  /** The segment whose members are shown (never changed by the element). */
  @property({ attribute: false }) segment: SegmentDocument | undefined;

  /** The column keys to show, in this order (default: every column the provider returns). */
  @property({ attribute: false }) columns: string[] | undefined;

  /** How many members to show (default 100). */
  @property({ type: Number }) limit = DEFAULT_PREVIEW_LIMIT;

  /**
   * Render only this many rows in the first frame of an empty table, and the others right
   * after that frame is painted (e.g. `FIRST_FRAME_ROWS`): the first screen of members is not
   * held back by laying out rows below the fold, for one more frame until the last row.
   * 0 (default): every row in one frame. A table already showing rows (a new sort, a reload)
   * always renders every row at once.
   */
  @property({ type: Number, attribute: 'first-rows' }) firstRows = 0;

  /** The sort in effect (a header click sets it). */
  @state() sort: SortSpec | undefined;

  @state() private progress: { done: number; total: number } | undefined;
  @state() private downloadError: string | undefined;

  private downloadAbort: AbortController | undefined;
  /** The answer whose rows are all rendered (the others show their first `FIRST_FRAME_ROWS`). */
  private complete: Loaded | undefined;
  private completing: number | undefined;
  private catalogCache: { provider: SegmentProvider; catalog: Promise<Catalog | undefined> } | undefined;
  private readonly announcer = new AnnouncerController(this);
  private readonly explain = new ExplainState(this, () => ({ provider: this.effectiveProvider, segment: this.segment }));
  /** The table's keyboard: a grid with one focusable cell; Enter or Space on a member's cell explains it. */
  private readonly grid = new GridController(this, {
    activate: (row) => {
      const key = row.startsWith('m:') ? row.slice(2) : undefined;
      if (key !== undefined && this.canExplainKey(key)) this.explain.toggle(key);
    },
  });

  private readonly members = new ProviderTask<MembersArgs, Loaded>(this, {
    args: () => {
      const provider = this.effectiveProvider;
      const segment = this.segment;
      if (!provider || !segment) return undefined;
      const limit = Number.isFinite(this.limit) && this.limit > 0 ? Math.floor(this.limit) : DEFAULT_PREVIEW_LIMIT;
      return [provider, segment, limit, this.sort?.key ?? '', this.sort?.direction ?? 'asc'];
    },
    task: async ([provider, segment, limit, key, direction], { signal }) => {
      const catalog = await this.catalogOf(provider);
      if (catalog) {
        const { valid, errors } = validateSegment(segment, catalog);
        if (!valid) throw new SegmentProviderError('invalid-segment', errors[0]?.message ?? 'The segment is not valid.');
      }
      const sort = key ? { key, direction: direction as 'asc' | 'desc' } : undefined;
      const result = await provider.members(segment, { limit, signal, ...(sort ? { sort } : {}) });
      return { ...result, catalog };
    },
  });

  /** Load the members again (after the data changed). */
  reload(): void {
    void this.members.retry();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.cancelDownload();
    if (this.completing !== undefined) cancelAnimationFrame(this.completing);
    this.completing = undefined;
  }

  /**
   * The rows of `value` to render now: all of them when the table already shows rows (a new
   * sort, a refresh) or `firstRows` is 0, else the first `firstRows`, with the rest asked for
   * once this frame is painted.
   */
  private rowsToRender(value: Loaded): Loaded['rows'] {
    const first = Number.isFinite(this.firstRows) && this.firstRows > 0 ? Math.floor(this.firstRows) : Infinity;
    const shown = this.renderRoot?.querySelectorAll?.('tbody tr[part~="row"]').length ?? 0;
    if (this.complete === value || value.rows.length <= first || shown > 0) {
      this.complete = value;
      return value.rows;
    }
    if (this.completing === undefined) {
      this.completing = requestAnimationFrame(() =>
        setTimeout(() => {
          this.completing = undefined;
          this.complete = this.members.value;
          this.requestUpdate();
        }),
      );
    }
    return value.rows.slice(0, first);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('segment') || changed.has('provider') || changed.has('contextProvider' as keyof MemberPreviewElement)) {
      if (changed.get('segment') !== undefined || changed.get('provider') !== undefined) this.explain.clear();
    }
  }

  // ------------------------------------------------------------------ data

  private catalogOf(provider: SegmentProvider): Promise<Catalog | undefined> {
    const given = this.effectiveCatalog;
    if (given) return Promise.resolve(given);
    if (this.catalogCache?.provider !== provider) {
      this.catalogCache = { provider, catalog: provider.getCatalog().catch(() => undefined) };
    }
    return this.catalogCache.catalog;
  }

  /** The columns shown: `columns` (known keys, in that order) or all of the provider's. */
  private shownColumns(all: ColumnDef[]): ColumnDef[] {
    if (!this.columns?.length) return all;
    const picked = this.columns.map((k) => all.find((c) => c.key === k)).filter((c): c is ColumnDef => !!c);
    return picked.length ? picked : all;
  }

  /** The column holding each row's audience key. */
  private keyColumn(result: Loaded): string | undefined {
    const cat = result.catalog;
    const audience = cat?.entities.find((e) => e.name === cat.audience);
    const col = audience && result.columns.find((c) => c.entity === audience.name && c.attribute === audience.key);
    return (col ?? result.columns[0])?.key;
  }

  private sortBy(key: string): void {
    const direction = this.sort?.key === key && this.sort.direction !== 'desc' ? 'desc' : 'asc';
    this.sort = { key, direction };
  }

  private seeMore(): void {
    const value = this.members.value;
    if (!this.segment || !value) return;
    emit(this, 'member-preview-see-more', { segment: this.segment, total: value.total });
  }

  // ------------------------------------------------------------------ download

  /** Stream every member to a CSV file (the "Download CSV" button). */
  async download(): Promise<void> {
    const provider = this.effectiveProvider;
    const segment = this.segment;
    if (!provider || !segment || this.progress) return;
    const abort = new AbortController();
    this.downloadAbort = abort;
    this.downloadError = undefined;
    this.progress = { done: 0, total: this.members.value?.total ?? 0 };
    try {
      const { saveFile, segmentFileName } = await import('../shared/download.js');
      const { membersCsv } = await import('../../core/csv/index.js');
      const columns = this.columns?.length ? { columns: this.columns } : {};
      const result = await saveFile(
        `${segmentFileName({ displayName: segment.displayName, name: segment.name, id: segment.id })}.csv`,
        membersCsv(provider, segment, {
          ...columns,
          signal: abort.signal,
          onProgress: (done, total) => {
            if (this.downloadAbort === abort) this.progress = { done, total };
          },
        }),
        { signal: abort.signal },
      );
      if (this.downloadAbort !== abort) return;
      const done = this.progress?.done ?? 0;
      this.announcer.announce(
        result === 'saved'
          ? this.msg('preview.download.done', { count: this.locale.translator.format.number(done) })
          : this.msg('preview.download.cancelled'),
      );
    } catch (e) {
      if (this.downloadAbort !== abort) return;
      if (isAbortError(e)) {
        this.announcer.announce(this.msg('preview.download.cancelled'));
      } else {
        this.downloadError = this.msg('preview.download.failed', { message: messageOf(e) });
        this.announcer.announce(this.downloadError);
      }
    } finally {
      if (this.downloadAbort === abort) {
        this.downloadAbort = undefined;
        this.progress = undefined;
      }
    }
  }

  /** Stop the download in progress (nothing is saved). */
  cancelDownload(): void {
    this.downloadAbort?.abort();
  }

  // ------------------------------------------------------------------ explain

  /** Explain any customer key (the "Explain another customer" field), member or not. */
  explainKey(key: string): Promise<void> {
    return this.explain.explainKey(key);
  }

  private onExplainSubmit(e: SubmitEvent): void {
    e.preventDefault();
    const input = (e.currentTarget as HTMLFormElement).querySelector('input');
    void this.explainKey(input?.value ?? '');
  }

  // ------------------------------------------------------------------ render

  protected override render(): TemplateResult {
    return html`${this.renderBody()}${this.announcer.render()}`;
  }

  private renderBody(): TemplateResult {
    if (!this.effectiveProvider) return html`<p part="state" class="state">${term('preview.noProvider')}</p>`;
    if (!this.segment) return html`<p part="state" class="state">${term('preview.noSegment')}</p>`;
    const t = this.members;
    if (t.status === 'error') {
      if (isInvalid(t.error)) return html`<p part="state invalid" class="state" role="status">${term('preview.invalid')}</p>`;
      return html`<div part="state error" class="state error" role="alert">
        <p>${term('preview.error', { message: messageOf(t.error) })}</p>
        <button type="button" part="retry" @click=${() => void this.members.retry()}>${term('preview.retry')}</button>
      </div>`;
    }
    const value = t.value;
    if (!value || t.status === 'initial' || t.status === 'blocked' || (t.pending && !value)) {
      return html`<p part="state loading" class="state" role="status">${term('preview.loading')}</p>`;
    }
    if (value.total === 0 && !t.pending) {
      return html`<p part="state empty" class="state">${term('preview.empty')}</p>
        ${this.renderExplainForm(value)}`;
    }
    return html`${this.renderToolbar(value)}${this.renderTable(value)}${this.renderExplainForm(value)}`;
  }

  private renderToolbar(value: Loaded): TemplateResult {
    const p = this.progress;
    return html`<div class="toolbar">
      <span part="total" class="total" dir="auto">${term('preview.total', { shown: value.rows.length, total: value.total })}</span>
      ${
        value.total > value.rows.length
          ? html`<button type="button" part="see-more" @click=${this.seeMore}>${term('preview.seeMore')}</button>`
          : nothing
      }
      <span class="spacer"></span>
      ${
        p
          ? html`<span class="download-progress">
              <progress part="progress" max=${Math.max(1, p.total)} .value=${p.done} aria-label=${term('preview.download')}></progress>
              <span class="small">${term('preview.download.progress', p)}</span>
              <button type="button" part="cancel" @click=${this.cancelDownload}>${term('preview.download.cancel')}</button>
            </span>`
          : html`<button type="button" part="download" @click=${() => void this.download()}>${term('preview.download')}</button>`
      }
      ${this.downloadError ? html`<p class="error-text" role="alert">${this.downloadError}</p>` : nothing}
    </div>`;
  }

  /** Can the row with this audience key be explained (a provider with `explain`, a key column, a key)? */
  private canExplainKey(key: string): boolean {
    const value = this.members.value;
    return key !== '' && typeof this.effectiveProvider?.explain === 'function' && !!value && this.keyColumn(value) !== undefined;
  }

  private renderTable(value: Loaded): TemplateResult {
    const rows = this.rowsToRender(value);
    const cols = this.shownColumns(value.columns);
    const keyCol = this.keyColumn(value);
    const canExplain = typeof this.effectiveProvider?.explain === 'function' && keyCol !== undefined;
    const explainable = (key: string) => canExplain && key !== '';
    const span = cols.length + (canExplain ? 1 : 0);
    const off = canExplain ? 1 : 0;
    const keyOf = (row: Record<string, unknown>) => (keyCol ? keyText(row[keyCol]) : '');
    const idOf = (row: Record<string, unknown>, i: number) => keyOf(row) || `#${i}`;
    // The grid's rows, in order: the header, each member, and its explanation when open.
    const g = this.grid;
    g.begin([
      ['head', span],
      ...rows.flatMap((row, i): [string, number][] => {
        const id = idOf(row, i);
        const open = canExplain && this.explain.rows.has(keyOf(row));
        return open
          ? [
              [`m:${id}`, span],
              [`x:${id}`, 1],
            ]
          : [[`m:${id}`, span]];
      }),
    ]);
    return html`<div class="scroll">
      <table
        part="table"
        role="grid"
        aria-label=${this.segment?.displayName || this.segment?.name || term('preview.label')}
        aria-busy=${this.members.pending ? 'true' : 'false'}
        @keydown=${g.onKeydown}
        @focusin=${g.onFocusin}
      >
        <thead>
          <tr>
            ${
              canExplain
                ? html`<th scope="col" class="why" data-grid-row="head" data-grid-col="0" tabindex=${g.tabindex('head', 0)}>
                    <span class="visually-hidden">${term('preview.explain')}</span>
                  </th>`
                : nothing
            }
            ${cols.map((c, ci) => {
              const sorted = this.sort?.key === c.key ? (this.sort.direction === 'desc' ? 'descending' : 'ascending') : 'none';
              return html`<th scope="col" data-column=${c.key} aria-sort=${sorted}>
                <button
                  type="button"
                  class="sort"
                  part="sort-button"
                  data-grid-row="head"
                  data-grid-col=${ci + off}
                  tabindex=${g.tabindex('head', ci + off)}
                  @click=${() => this.sortBy(c.key)}
                >
                  ${c.label}<span class="arrow" aria-hidden="true"
                    >${sorted === 'ascending' ? '▲' : sorted === 'descending' ? '▼' : ''}</span
                  >
                </button>
              </th>`;
            })}
          </tr>
        </thead>
        <tbody class=${this.members.stale ? 'stale' : ''}>
          ${repeat(
            rows,
            (row, i) => idOf(row, i),
            (row, i) => {
              const key = keyOf(row);
              const rowId = `m:${idOf(row, i)}`;
              const slot = canExplain ? this.explain.rows.get(key) : undefined;
              const id = `explain-${i}`;
              return html`<tr part="row" data-key=${key}>
                  ${
                    !canExplain
                      ? nothing
                      : !explainable(key)
                        ? html`<td class="why" data-grid-row=${rowId} data-grid-col="0" tabindex=${g.tabindex(rowId, 0)}></td>`
                        : html`<td class="why">
                            <button
                              type="button"
                              class="icon"
                              part="explain-button"
                              data-grid-row=${rowId}
                              data-grid-col="0"
                              tabindex=${g.tabindex(rowId, 0)}
                              aria-expanded=${slot ? 'true' : 'false'}
                              aria-controls=${id}
                              aria-label=${term('preview.explain.row', { key })}
                              @click=${() => this.explain.toggle(key)}
                            >
                              <span aria-hidden="true">${slot ? '▾' : '▸'}</span>
                            </button>
                          </td>`
                  }
                  ${cols.map(
                    (c, ci) =>
                      html`<td
                        data-column=${c.key}
                        class=${c.type === 'number' ? 'num' : ''}
                        data-grid-row=${rowId}
                        data-grid-col=${ci + off}
                        tabindex=${g.tabindex(rowId, ci + off)}
                      >
                        ${formatMemberValue(row[c.key], c.type)}
                      </td>`,
                  )}
                </tr>
                ${
                  slot
                    ? html`<tr class="explain-row">
                        <td
                          colspan=${span}
                          id=${id}
                          data-grid-row=${`x:${idOf(row, i)}`}
                          data-grid-col="0"
                          tabindex=${g.tabindex(`x:${idOf(row, i)}`, 0)}
                        >
                          ${this.explain.render(slot, this.segment, value.catalog)}
                        </td>
                      </tr>`
                    : nothing
                }`;
            },
          )}
        </tbody>
      </table>
    </div>`;
  }

  private renderExplainForm(value: Loaded): TemplateResult | typeof nothing {
    if (typeof this.effectiveProvider?.explain !== 'function') return nothing;
    return html`<section class="another" aria-labelledby="another-title">
      <h3 id="another-title" class="another-title">${term('preview.explain.another')}</h3>
      <form part="explain-form" @submit=${this.onExplainSubmit}>
        <label>${term('preview.explain.key')} <input type="text" name="key" autocomplete="off" /></label>
        <button type="submit">${term('preview.explain.go')}</button>
      </form>
      ${this.explain.other ? this.explain.render(this.explain.other, this.segment, value.catalog) : nothing}
    </section>`;
  }
}
