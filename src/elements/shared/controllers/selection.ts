/**
 * Row selection for a table or list: click toggles one, Shift+click sets the range from
 * the last clicked row (the anchor) to this one to the anchor's state, select all/none,
 * and "some but not all" for a header checkbox's `indeterminate`. Works over keys (ids),
 * not indexes, so sorting and paging keep what is selected; `keys()` gives the order of
 * the rows shown, which ranges follow.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface SelectionOptions<K> {
  /** The keys of the rows shown, in order (ranges follow it; select all takes them). */
  keys: () => readonly K[];
  /** The selection changed (the host is asked to update as well). */
  onChange?: (selected: ReadonlySet<K>) => void;
}

export class SelectionController<K> implements ReactiveController {
  private readonly host: ReactiveControllerHost;
  private readonly options: SelectionOptions<K>;
  private _selected = new Set<K>();
  private _anchor: K | undefined;

  constructor(host: ReactiveControllerHost, options: SelectionOptions<K>) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  /** The selected keys (a new set after every change, so it can be compared by identity). */
  get selected(): ReadonlySet<K> {
    return this._selected;
  }

  get size(): number {
    return this._selected.size;
  }

  /** The key the next Shift+click ranges from. */
  get anchor(): K | undefined {
    return this._anchor;
  }

  has(key: K): boolean {
    return this._selected.has(key);
  }

  /** Every shown row is selected (and there is at least one). */
  get allSelected(): boolean {
    const keys = this.options.keys();
    return keys.length > 0 && keys.every((k) => this._selected.has(k));
  }

  /** Some shown rows are selected, not all (a header checkbox's `indeterminate`). */
  get someSelected(): boolean {
    const keys = this.options.keys();
    const n = keys.reduce((s, k) => s + (this._selected.has(k) ? 1 : 0), 0);
    return n > 0 && n < keys.length;
  }

  /**
   * A click (or Space) on a row's checkbox: toggles the row; with `range` (Shift) the rows
   * from the anchor to this one take the anchor's state. The row becomes the anchor.
   */
  toggle(key: K, options: { range?: boolean } = {}): void {
    const anchor = this._anchor;
    const keys = this.options.keys();
    if (options.range && anchor !== undefined && anchor !== key) {
      const a = keys.indexOf(anchor);
      const b = keys.indexOf(key);
      if (a >= 0 && b >= 0) {
        const on = this._selected.has(anchor);
        const next = new Set(this._selected);
        for (let i = Math.min(a, b); i <= Math.max(a, b); i++) {
          if (on) next.add(keys[i]!);
          else next.delete(keys[i]!);
        }
        this._anchor = key;
        this.commit(next);
        return;
      }
    }
    const next = new Set(this._selected);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    this._anchor = key;
    this.commit(next);
  }

  /** A click event on a row's checkbox: Shift makes it a range. */
  handleClick(key: K, event: { shiftKey?: boolean }): void {
    this.toggle(key, { range: !!event.shiftKey });
  }

  /** Select every shown row (keeping selected rows that are not shown). */
  selectAll(): void {
    const next = new Set(this._selected);
    for (const k of this.options.keys()) next.add(k);
    this.commit(next);
  }

  /** Select nothing. */
  clear(): void {
    this._anchor = undefined;
    this.commit(new Set());
  }

  /** Select all when not all shown rows are, else none (a header checkbox). */
  toggleAll(): void {
    if (this.allSelected) this.clear();
    else this.selectAll();
  }

  /** Replace the selection. */
  set(keys: Iterable<K>): void {
    this.commit(new Set(keys));
  }

  /** Keep only keys that still exist (after a delete or a reload). */
  retain(exists: (key: K) => boolean): void {
    const next = new Set([...this._selected].filter(exists));
    if (this._anchor !== undefined && !exists(this._anchor)) this._anchor = undefined;
    if (next.size !== this._selected.size) this.commit(next);
  }

  hostConnected(): void {
    // nothing to set up: the controller holds state only
  }

  private commit(next: Set<K>): void {
    if (next.size === this._selected.size && [...next].every((k) => this._selected.has(k))) return;
    this._selected = next;
    this.options.onChange?.(next);
    this.host.requestUpdate();
  }
}
