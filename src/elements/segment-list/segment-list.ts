import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { type SegmentPatch, type SegmentSummary } from '../../core/provider/types.js';
import { emit } from '../shared/events.js';
import { currentTranslator, term } from '../shared/messages.js';
import { baseStyles } from '../shared/styles.js';
import { cell, columnLabel, type CellContext } from './columns.js';
import { dialogTemplate } from './dialogs.js';
import { columnPanel, tagPanel } from './panels.js';
import { rowMenu } from './menus.js';
import { listStyles } from './segment-list.styles.js';
import { SegmentListActions } from './list-actions.js';
import { messageOf } from './list-state.js';

export { DEFAULT_VIEW, SEARCH_DEBOUNCE, normalizeView } from './list-state.js';
export { SEGMENT_LIST_COLUMNS, DEFAULT_COLUMNS, type SegmentListColumn } from './columns.js';
export type { SegmentListView } from '../shared/events.js';

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
 * @csspart table-container - The table's scrolling box.
 * @csspart selection-banner - The "all on this page are selected" banner.
 * @csspart name-button - A segment's name, the button that opens it.
 * @csspart name-secondary - A segment's technical name under its display name.
 * @csspart description-toggle - The button that shows or hides a description.
 * @csspart description - A segment's description, when shown.
 * @csspart tags - A row's list of tags.
 * @csspart scheduled - A row's scheduled activation or deactivation.
 * @csspart status-note - The note under a draft's or a skipped segment's status.
 * @csspart error-toggle - The button that shows or hides a failed refresh's error.
 * @csspart last-error - A failed refresh's error, when shown.
 * @csspart used-by-warning - The delete dialog's warning about segments that use the ones deleted.
 * @cssprop --sk-list-row-height - Minimum height of a row (default 2.75rem).
 * @cssprop --sk-list-max-height - Maximum height of the table before it scrolls (default none).
 * @cssprop --sk-popover-shadow - Shadow of the menus, popovers and dialogs (default `0 6px 24px rgb(0 0 0 / 0.18)`).
 * @cssprop --sk-popover-z-index - Stacking order of the menus and popovers (default 1000).
 */
export class SegmentListElement extends SegmentListActions {
  static override styles = [baseStyles, listStyles];
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
    return tagPanel({
      chosen: this.current.tags,
      inUse: this.tagsInUse,
      error: this.tagTask.status === 'error' ? messageOf(this.tagTask.error) : undefined,
      retry: () => void this.tagTask.retry(),
      toggle: (t, on) => this.toggleTag(t, on),
      onFocusOut: this.closeOnFocusOut(this.tagPopover),
    });
  }

  private renderColumnPanel(): TemplateResult {
    return columnPanel(this.shownColumns, (c, on) => this.setColumn(c, on), this.closeOnFocusOut(this.columnPopover));
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
