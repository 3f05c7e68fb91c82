/**
 * The naive baseline of `npm run bench:list`: a plain `<table>` built with DOM APIs that
 * renders every summary the provider lists (`listSegments({ limit: 10000 })`), with a
 * checkbox per row, sort by clicking a header (every row rendered again), a search input
 * that filters on each keystroke (every row rendered again), a select-all checkbox and a
 * "Deactivate" button that calls `updateSegments` on the selected ids and renders again.
 * It carries the element's hooks (parts, `data-column`, `data-id`, `aria-sort`,
 * `aria-busy`) so the harness finds things the same way on both pages.
 */
import type { SegmentProvider, SegmentSummary } from '../../../src/core/provider/types.js';
import { compare } from '../../../src/providers/store/sort.js';
import type { SegmentListColumn } from '../../../src/elements/segment-list/columns.js';
import { COLUMNS, install } from './harness.js';

type Key = SegmentListColumn;
const LABELS: Record<Key, string> = {
  name: 'Name',
  type: 'Type',
  state: 'State',
  status: 'Status',
  memberCount: 'Members',
  lastRefreshed: 'Last refreshed',
  schedule: 'Schedule',
  tags: 'Tags',
  usedBy: 'Used by',
  createdAt: 'Created',
  updatedAt: 'Updated',
};
/**
 * What a column sorts by, as the store sorts it (the name by the name shown: the display name, falling back to the name;
 * `usedBy` by count; the instants are ISO text, which sorts by time).
 */
const sortValue = (s: SegmentSummary, key: Key): unknown =>
  key === 'name' ? s.displayName || s.name : key === 'usedBy' ? s.usedBy.length : s[key];
const date = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const CELLS: Record<Key, (s: SegmentSummary) => string> = {
  name: (s) => s.displayName ?? s.name,
  type: (s) => capital(s.type),
  state: (s) => capital(s.state),
  status: (s) => capital(s.status),
  memberCount: (s) => (s.memberCount === null ? '—' : s.memberCount.toLocaleString('en')),
  lastRefreshed: (s) => (s.lastRefreshed ? date.format(new Date(s.lastRefreshed)) : '—'),
  schedule: (s) => capital(s.schedule),
  tags: (s) => s.tags.join(', '),
  usedBy: (s) => String(s.usedBy.length),
  createdAt: (s) => date.format(new Date(s.createdAt)),
  updatedAt: (s) => date.format(new Date(s.updatedAt)),
};

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

class PlainTable {
  readonly host = el('section');
  private all: SegmentSummary[] = [];
  private sort: { key: Key; direction: 'asc' | 'desc' } | undefined;
  private query = '';
  private readonly selected = new Set<string>();
  private readonly table = el('table', { part: 'table' });
  private readonly body = el('tbody');
  private readonly search = el('input', { type: 'search', part: 'search', 'aria-label': 'Search segments' });
  private readonly selectAll = el('input', { type: 'checkbox', part: 'select-all', 'aria-label': 'Select all' });
  private readonly bar = el('div', { part: 'bulk-bar' });
  private readonly headers = new Map<Key, HTMLTableCellElement>();

  constructor(private readonly provider: SegmentProvider) {
    const head = el('tr');
    const th0 = el('th');
    th0.append(this.selectAll);
    head.append(th0);
    for (const key of COLUMNS) {
      const th = el('th', { 'data-column': key, scope: 'col' });
      const button = el('button', { type: 'button', part: 'sort-button' }, LABELS[key]);
      button.addEventListener('click', () => this.sortBy(key));
      th.append(button);
      head.append(th);
      this.headers.set(key, th);
    }
    const thead = el('thead');
    thead.append(head);
    this.table.append(thead, this.body);
    const deactivate = el('button', { type: 'button', 'data-action': 'deactivate' }, 'Deactivate');
    deactivate.addEventListener('click', () => void this.deactivate());
    this.bar.append(deactivate);
    this.bar.hidden = true;
    this.search.addEventListener('input', () => {
      this.query = this.search.value.trim().toLowerCase();
      this.render();
    });
    this.selectAll.addEventListener('change', () => {
      for (const s of this.visible()) {
        if (this.selectAll.checked) this.selected.add(s.id);
        else this.selected.delete(s.id);
      }
      for (const box of this.body.querySelectorAll('input')) box.checked = this.selectAll.checked;
      this.bar.hidden = this.selected.size === 0;
    });
    this.body.addEventListener('change', (e) => {
      const box = e.target as HTMLInputElement;
      const id = box.closest('tr')!.dataset.id!;
      if (box.checked) this.selected.add(id);
      else this.selected.delete(id);
      this.bar.hidden = this.selected.size === 0;
    });
    this.host.append(this.search, this.bar, this.table);
  }

  async load(): Promise<void> {
    this.table.setAttribute('aria-busy', 'true');
    this.all = (await this.provider.listSegments({ limit: 10_000 })).items;
    this.table.removeAttribute('aria-busy');
    this.render();
  }

  private visible(): SegmentSummary[] {
    const q = this.query;
    let list = q ? this.all.filter((s) => s.name.toLowerCase().includes(q) || (s.displayName ?? '').toLowerCase().includes(q)) : this.all;
    const sort = this.sort;
    if (sort)
      list = [...list].sort((a, b) => compare(sortValue(a, sort.key), sortValue(b, sort.key), sort.direction) || compare(a.id, b.id));
    return list;
  }

  private sortBy(key: Key): void {
    const direction = this.sort?.key === key && this.sort.direction === 'asc' ? 'desc' : 'asc';
    this.sort = { key, direction };
    for (const [k, th] of this.headers) {
      if (k === key) th.setAttribute('aria-sort', direction === 'asc' ? 'ascending' : 'descending');
      else th.removeAttribute('aria-sort');
    }
    this.render();
  }

  private async deactivate(): Promise<void> {
    this.table.setAttribute('aria-busy', 'true');
    const changed = await this.provider.updateSegments([...this.selected], { state: 'inactive' });
    const byId = new Map(changed.map((s) => [s.id, s]));
    this.all = this.all.map((s) => byId.get(s.id) ?? s);
    this.table.removeAttribute('aria-busy');
    this.render();
  }

  private render(): void {
    const rows = this.visible().map((s) => {
      const tr = el('tr', { part: 'row', 'data-id': s.id });
      const td0 = el('td');
      const box = el('input', { type: 'checkbox', part: 'row-select', 'aria-label': `Select ${s.displayName ?? s.name}` });
      box.checked = this.selected.has(s.id);
      td0.append(box);
      tr.append(td0);
      for (const key of COLUMNS) tr.append(el('td', { 'data-column': key }, CELLS[key](s)));
      return tr;
    });
    this.body.replaceChildren(...rows);
  }
}

let list: PlainTable | undefined;
install({
  unavailable: () => undefined,
  mount(provider) {
    list = new PlainTable(provider);
    document.getElementById('root')!.append(list.host);
    void list.load();
  },
  unmount() {
    list?.host.remove();
    list = undefined;
  },
  root: () => document,
  rowsFor: (total) => total,
});
