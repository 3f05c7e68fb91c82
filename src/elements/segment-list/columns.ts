/** The Segments page's columns: their keys (also the provider's sort keys), labels and cells. */
import { html, nothing, type TemplateResult } from 'lit';
import type { SegmentSummary } from '../../core/provider/types.js';
import type { MessageKey } from '../shared/messages.js';
import { currentTranslator, term } from '../shared/messages.js';

/** Every column, in the order shown. Each key is a `SegmentSummary` field and a sort key of `listSegments`. */
export const SEGMENT_LIST_COLUMNS = [
  'name',
  'type',
  'state',
  'status',
  'memberCount',
  'lastRefreshed',
  'schedule',
  'tags',
  'usedBy',
  'createdAt',
  'updatedAt',
] as const;
export type SegmentListColumn = (typeof SEGMENT_LIST_COLUMNS)[number];

/** Shown unless the host or the person chooses otherwise (the name is always shown). */
export const DEFAULT_COLUMNS: readonly SegmentListColumn[] = SEGMENT_LIST_COLUMNS.filter((c) => c !== 'createdAt');

/** The order a column sorts in first: numbers and dates newest / largest first. */
export const FIRST_DIRECTION: Partial<Record<SegmentListColumn, 'desc'>> = {
  memberCount: 'desc',
  lastRefreshed: 'desc',
  usedBy: 'desc',
  createdAt: 'desc',
  updatedAt: 'desc',
};

export const isColumn = (key: unknown): key is SegmentListColumn =>
  typeof key === 'string' && (SEGMENT_LIST_COLUMNS as readonly string[]).includes(key);

/** The visible columns: known keys, each once, in the canonical order, the name always first. */
export function normalizeColumns(keys: readonly unknown[] | undefined | null): SegmentListColumn[] {
  const wanted = new Set((keys ?? DEFAULT_COLUMNS).filter(isColumn));
  wanted.add('name');
  return SEGMENT_LIST_COLUMNS.filter((c) => wanted.has(c));
}

export const columnLabel = (key: SegmentListColumn): string => term(`list.column.${key}` as MessageKey);

/** A segment's name as people read it: the display name, else the name, else the id. */
export const shownName = (s: { displayName?: string | undefined; name?: string | undefined; id?: string | undefined }): string =>
  s.displayName || s.name || s.id || '';

const dateTime = (iso: string) =>
  currentTranslator().format.date(iso, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC';

/** Instants formatted as day and time, per translator (a page shows the same instants again at every render). */
const formatted = new WeakMap<object, Map<string, readonly [day: string, time: string]>>();
/** How many instants are kept per translator before the cache starts over. */
const FORMATTED_KEPT = 5000;

function dayAndTime(iso: string): readonly [string, string] {
  const translator = currentTranslator();
  let cache = formatted.get(translator);
  if (!cache) formatted.set(translator, (cache = new Map<string, readonly [string, string]>()));
  let out = cache.get(iso);
  if (!out) {
    const f = translator.format;
    out = [f.date(iso, { dateStyle: 'medium', timeZone: 'UTC' }), f.date(iso, { timeStyle: 'short', timeZone: 'UTC' })];
    if (cache.size >= FORMATTED_KEPT) cache.clear();
    cache.set(iso, out);
  }
  return out;
}

/** A date over two lines: the day, then the time (UTC) in small type. */
export function dateCell(iso: string | null): TemplateResult | string {
  if (!iso) return term('list.never');
  const [day, time] = dayAndTime(iso);
  return html`<time datetime=${iso} class="when">${day} <span class="muted small">${time} UTC</span></time>`;
}

/** What the list needs from the element to render the cells it cannot render alone. */
export interface CellContext {
  /** Display names of segments by id (for "Used by"). */
  name(id: string): string;
  /** Is this disclosure (`desc:<id>` or `error:<id>`) open? */
  expanded(key: string): boolean;
  toggle(key: string): void;
  open(id: string): void;
}

/** The inner content of one cell (the `<td>` is the caller's). */
export function cell(column: SegmentListColumn, s: SegmentSummary, ctx: CellContext): unknown {
  switch (column) {
    case 'name':
      return nameCell(s, ctx);
    case 'type':
      return term(`list.type.${s.type}`);
    case 'state':
      return stateCell(s);
    case 'status':
      return statusCell(s, ctx);
    case 'memberCount':
      return s.memberCount === null ? term('list.none') : currentTranslator().format.number(s.memberCount);
    case 'lastRefreshed':
      return dateCell(s.lastRefreshed);
    case 'schedule':
      return term(`list.schedule.${s.schedule}` as MessageKey);
    case 'tags':
      return s.tags.length
        ? html`<ul class="tags" part="tags">
            ${s.tags.map((t) => html`<li class="tag" part="tag">${t}</li>`)}
          </ul>`
        : nothing;
    case 'usedBy':
      return s.usedBy.length
        ? html`<span class="used-by">${term('list.usedBy', { count: s.usedBy.length })}</span>
            <span class="muted small names-of"
              >${currentTranslator().format.list(s.usedBy.map((id) => term('list.quoted', { text: ctx.name(id) })))}</span
            >`
        : nothing;
    case 'createdAt':
      return dateCell(s.createdAt);
    case 'updatedAt':
      return dateCell(s.updatedAt);
  }
}

function nameCell(s: SegmentSummary, ctx: CellContext): TemplateResult {
  const shown = shownName(s);
  const key = `desc:${s.id}`;
  const open = ctx.expanded(key);
  return html`<div class="name-cell">
      <button type="button" class="link" part="name-button" @click=${() => ctx.open(s.id)}>${shown}</button>
      ${
        s.description
          ? html`<button
              type="button"
              class="quiet icon disclosure"
              part="description-toggle"
              aria-expanded=${open ? 'true' : 'false'}
              aria-controls="desc-${s.id}"
              aria-label=${term(open ? 'list.description.hide' : 'list.description.show', { name: shown })}
              @click=${() => ctx.toggle(key)}
            >
              <span aria-hidden="true">${open ? '▾' : '▸'}</span>
            </button>`
          : nothing
      }
    </div>
    ${s.displayName && s.name && s.name !== s.displayName ? html`<div class="muted small" part="name-secondary">${s.name}</div>` : nothing}
    ${s.description && open ? html`<p class="description" id="desc-${s.id}" part="description">${s.description}</p>` : nothing}`;
}

function stateCell(s: SegmentSummary): TemplateResult {
  const later = (key: 'list.scheduled.activate' | 'list.scheduled.deactivate', at: string | null) =>
    at ? html`<div class="muted small" part="scheduled">${term(key, { date: dateTime(at) })}</div>` : nothing;
  return html`<span class="state state-${s.state}">${term(`list.state.${s.state}`)}</span>
    ${later('list.scheduled.activate', s.activateAt)}${later('list.scheduled.deactivate', s.deactivateAt)}`;
}

function statusCell(s: SegmentSummary, ctx: CellContext): TemplateResult {
  const key = `error:${s.id}`;
  const open = ctx.expanded(key);
  return html`<span class="badge status-${s.status}" part="status status-${s.status}"
      >${s.status === 'running' ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}${term(`list.status.${s.status}`)}</span
    >
    ${s.status === 'draft' ? html`<div class="muted small" part="status-note">${term('list.status.draftNote')}</div>` : nothing}
    ${s.status === 'skipped' ? html`<div class="muted small" part="status-note">${term('list.status.skippedNote')}</div>` : nothing}
    ${
      s.lastError
        ? html`<button
              type="button"
              class="quiet small"
              part="error-toggle"
              aria-expanded=${open ? 'true' : 'false'}
              aria-controls="error-${s.id}"
              @click=${() => ctx.toggle(key)}
            >
              ${term(open ? 'list.status.hideError' : 'list.status.showError')}
            </button>
            ${open ? html`<p class="error-text small" id="error-${s.id}" part="last-error">${s.lastError}</p>` : nothing}`
        : nothing
    }`;
}
