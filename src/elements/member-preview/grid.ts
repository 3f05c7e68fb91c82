/**
 * The keyboard of the members table (APG grid pattern): one focusable cell at a time
 * (roving tabindex), the arrows move between cells and rows (Left/Right follow the visual
 * direction, so they swap in right-to-left), Home/End to the row's ends, Ctrl+Home/End to
 * the table's, PageUp/PageDown by `pageSize` rows, and Enter/Space on a row's cell
 * activates that row (its own button keeps its own Enter/Space).
 *
 * The host renders every focus target with `data-grid-row` (a row id) and `data-grid-col`
 * (0, 1, … in the row), takes `tabindex` from `tabindex(row, col)` after `begin(rows)`, and
 * passes the table's `keydown` and `focusin` events here. A cell holding one widget (a sort
 * or "Why?" button) has the widget as its target, as the pattern says.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface GridOptions {
  /** Enter or Space on a cell of row `row` that is not a button. */
  activate?: (row: string, event: KeyboardEvent) => void;
  /** Rows PageUp/PageDown move (default 10). */
  pageSize?: number;
}

export class GridController implements ReactiveController {
  private row = '';
  private col = 0;
  /** The column Up/Down aim for (kept through a row with fewer cells, such as an explanation). */
  private wantCol = 0;
  /** Set while a key moves the focus (its focusin keeps `wantCol`). */
  private moving = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: GridOptions = {},
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Before rendering: the rows shown, in order, with their cell counts. A cursor on a row that went moves to the first row. */
  begin(rows: readonly (readonly [id: string, cells: number])[]): void {
    const at = rows.find(([id]) => id === this.row) ?? rows[0];
    if (!at) return;
    this.row = at[0];
    this.col = Math.max(0, Math.min(this.col, at[1] - 1));
  }

  /** The tabindex of the focus target at (`row`, `col`): 0 for the one the Tab key reaches, -1 for the others. */
  tabindex(row: string, col: number): string {
    return row === this.row && col === this.col ? '0' : '-1';
  }

  /** A focus target got focus (a click, Tab, or a key here): it becomes the one Tab reaches. */
  readonly onFocusin = (e: FocusEvent): void => {
    const t = targetOf(e);
    if (!t) return;
    const row = t.dataset.gridRow ?? '';
    const col = Number(t.dataset.gridCol ?? 0);
    if (row === this.row && col === this.col) return;
    const table = t.closest('table');
    if (table) for (const old of table.querySelectorAll<HTMLElement>('[data-grid-col][tabindex="0"]')) old.tabIndex = -1;
    t.tabIndex = 0;
    this.row = row;
    this.col = col;
    if (!this.moving) this.wantCol = col;
    this.host.requestUpdate();
  };

  readonly onKeydown = (e: KeyboardEvent): void => {
    const t = targetOf(e);
    const table = t?.closest('table');
    if (!t || !table || e.altKey || e.metaKey) return;
    const rows = [...table.querySelectorAll<HTMLTableRowElement>('tr')].filter((r) => cellsOf(r).length > 0);
    let r = rows.indexOf(t.closest('tr')!);
    if (r < 0) return;
    let c = cellsOf(rows[r]!).indexOf(t);
    const last = rows.length - 1;
    const width = (i: number) => cellsOf(rows[i]!).length;
    const rtl = getComputedStyle(table).direction === 'rtl';
    const page = this.options.pageSize ?? 10;
    const vertical = (to: number) => {
      r = Math.max(0, Math.min(last, to));
      c = Math.min(this.wantCol, width(r) - 1);
    };
    switch (e.key) {
      case 'ArrowRight':
      case 'ArrowLeft': {
        if (e.ctrlKey || e.shiftKey) return;
        const forward = (e.key === 'ArrowRight') !== rtl;
        c = Math.max(0, Math.min(width(r) - 1, c + (forward ? 1 : -1)));
        this.wantCol = c;
        break;
      }
      case 'ArrowDown':
      case 'ArrowUp':
        if (e.ctrlKey || e.shiftKey) return;
        vertical(r + (e.key === 'ArrowDown' ? 1 : -1));
        break;
      case 'PageDown':
      case 'PageUp':
        vertical(r + (e.key === 'PageDown' ? page : -page));
        break;
      case 'Home':
      case 'End': {
        const end = e.key === 'End';
        if (e.ctrlKey) r = end ? last : 0;
        c = end ? width(r) - 1 : 0;
        this.wantCol = c;
        break;
      }
      case 'Enter':
      case ' ': {
        if (t instanceof HTMLButtonElement || e.repeat) return;
        const row = t.dataset.gridRow;
        if (row === undefined || !this.options.activate) return;
        e.preventDefault();
        this.options.activate(row, e);
        return;
      }
      default:
        return;
    }
    e.preventDefault();
    const next = cellsOf(rows[r]!)[c];
    if (!next || next === t) return;
    t.tabIndex = -1;
    next.tabIndex = 0;
    this.moving = true;
    try {
      next.focus();
    } finally {
      this.moving = false;
    }
    next.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  };
}

/** The focus targets of a row, in column order. */
function cellsOf(row: HTMLTableRowElement): HTMLElement[] {
  return [...row.querySelectorAll<HTMLElement>('[data-grid-col]')].filter((el) => el.closest('tr') === row);
}

function targetOf(e: Event): HTMLElement | undefined {
  const first = e.composedPath()[0];
  return first instanceof HTMLElement ? (first.closest<HTMLElement>('[data-grid-col]') ?? undefined) : undefined;
}
