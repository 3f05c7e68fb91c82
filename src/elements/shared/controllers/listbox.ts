/**
 * The keyboard of a list of options (APG listbox and combobox patterns): the active
 * option, ArrowUp/ArrowDown, Home/End, PageUp/PageDown, type-ahead, Enter, and the id for
 * `aria-activedescendant`. The list is vertical, so the keys mean the same in
 * right-to-left.
 *
 * Two modes:
 * - `combobox`: focus stays in a text input that filters the list; printable keys go to
 *   the input (no type-ahead); Home/End move in the list as `homeEnd` says.
 * - `listbox`: focus is on the list (or on a button that controls it); printable keys
 *   type ahead to the next option whose label starts with them.
 *
 * It holds no DOM: the host renders `activeId` into `aria-activedescendant` and marks the
 * active option, and passes its keydown events to `handleKeydown`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface ListboxOptions {
  /** How many options there are now (read on every key press). */
  count: () => number;
  /** The element id of option `index` (for `aria-activedescendant` and scrolling into view). */
  id?: (index: number) => string | undefined;
  /** The text of option `index` (for type-ahead). */
  label?: (index: number) => string;
  /** Is option `index` disabled (skipped by the keys)? */
  disabled?: (index: number) => boolean;
  /** Default 'combobox'. */
  mode?: 'combobox' | 'listbox';
  /**
   * When Home/End move in the list: 'always' (default in listbox mode and for a search
   * field whose list is always shown), 'active' (only while an option is active, else
   * they move the caret: default in combobox mode) or 'never'.
   */
  homeEnd?: 'always' | 'active' | 'never';
  /** Options PageUp/PageDown move (default 10). */
  pageSize?: number;
  /** Do the arrows wrap around the ends (default false)? */
  wrap?: boolean;
  /** Enter (and Space in listbox mode, outside type-ahead) on the active option. */
  onSelect?: (index: number, event: KeyboardEvent) => void;
  /** The active option changed (the host is asked to update as well). */
  onActiveChange?: (index: number) => void;
  /** Where the options live, to scroll the active one into view after an update. */
  root?: () => ParentNode | null | undefined;
}

/** How long type-ahead keeps what was typed (ms). */
export const TYPEAHEAD_TIMEOUT = 500;

export class ListboxController implements ReactiveController {
  private readonly host: ReactiveControllerHost;
  private readonly options: ListboxOptions;
  private _active = -1;
  private typed = '';
  private typedAt = 0;
  private scrolledTo: string | undefined;

  constructor(host: ReactiveControllerHost, options: ListboxOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  /** The active option's index, or -1. */
  get active(): number {
    return this._active;
  }

  /** The active option's element id (for `aria-activedescendant`), or undefined. */
  get activeId(): string | undefined {
    return this._active >= 0 ? this.options.id?.(this._active) : undefined;
  }

  /** Make option `index` active (-1: none); clamped to the list. */
  setActive(index: number): void {
    const count = this.options.count();
    const next = count === 0 || index < 0 ? -1 : Math.min(index, count - 1);
    if (next === this._active) return;
    this._active = next;
    this.options.onActiveChange?.(next);
    this.host.requestUpdate();
  }

  /** Start over (the list was opened or filtered): `index` active, type-ahead cleared. */
  reset(index = -1): void {
    this.typed = '';
    this.scrolledTo = undefined;
    this._active = -2; // force setActive to report
    this.setActive(index);
  }

  /**
   * Handle a keydown from the input, the list or its button. Returns true when the key
   * was the list's (its default is prevented); false leaves it to the host.
   */
  handleKeydown(e: KeyboardEvent): boolean {
    if (e.altKey || e.ctrlKey || e.metaKey || e.isComposing) {
      // Alt+ArrowDown/Up open and close a combobox in the APG pattern: the host decides.
      return false;
    }
    const o = this.options;
    const count = o.count();
    const mode = o.mode ?? 'combobox';
    const homeEnd = o.homeEnd ?? (mode === 'listbox' ? 'always' : 'active');
    const page = o.pageSize ?? 10;
    let target: number | undefined;
    switch (e.key) {
      case 'ArrowDown':
        target = this.step(this._active < 0 ? -1 : this._active, 1, count, o.wrap ?? false);
        break;
      case 'ArrowUp':
        target = this._active < 0 ? this.step(-1, 1, count, false) : this.step(this._active, -1, count, o.wrap ?? false);
        break;
      case 'PageDown':
        target = this.clampEnabled(Math.max(this._active, 0) + page, -1, count);
        break;
      case 'PageUp':
        target = this.clampEnabled(Math.max(this._active, 0) - page, 1, count);
        break;
      case 'Home':
      case 'End':
        if (homeEnd === 'never' || (homeEnd === 'active' && this._active < 0)) return false;
        target = e.key === 'Home' ? this.step(-1, 1, count, false) : this.step(count, -1, count, false);
        break;
      case 'Enter':
        if (!o.onSelect || this._active < 0 || this._active >= count) return false;
        e.preventDefault();
        o.onSelect(this._active, e);
        return true;
      default:
        if (mode !== 'listbox') return false;
        return this.typeahead(e, count);
    }
    e.preventDefault();
    if (target !== undefined && target >= 0) this.setActive(target);
    return true;
  }

  hostUpdated(): void {
    const root = this.options.root?.();
    if (!root) return;
    const id = this.activeId;
    if (id === this.scrolledTo) return;
    this.scrolledTo = id;
    if (id) root.querySelector(`#${CSS.escape(id)}`)?.scrollIntoView({ block: 'nearest' });
  }

  hostDisconnected(): void {
    this.typed = '';
  }

  // ------------------------------------------------------------------ internals

  private isDisabled(i: number): boolean {
    return this.options.disabled?.(i) ?? false;
  }

  /** The next enabled option from `from` in direction `dir` (undefined: none that way). */
  private step(from: number, dir: 1 | -1, count: number, wrap: boolean): number | undefined {
    for (let n = 1; n <= count; n++) {
      let i = from + dir * n;
      if (i < 0 || i >= count) {
        if (!wrap) return undefined;
        i = (i + count) % count;
      }
      if (!this.isDisabled(i)) return i;
    }
    return undefined;
  }

  /** `index` clamped to the list, moved to the nearest enabled option (searching `towards` first). */
  private clampEnabled(index: number, towards: 1 | -1, count: number): number | undefined {
    if (count === 0) return undefined;
    const i = Math.min(Math.max(index, 0), count - 1);
    if (!this.isDisabled(i)) return i;
    return this.step(i, towards, count, false) ?? this.step(i, towards === 1 ? -1 : 1, count, false);
  }

  private typeahead(e: KeyboardEvent, count: number): boolean {
    const label = this.options.label;
    if (!label || e.key.length !== 1) return false;
    const now = e.timeStamp || performance.now();
    if (now - this.typedAt > TYPEAHEAD_TIMEOUT) this.typed = '';
    this.typedAt = now;
    if (e.key === ' ' && this.typed === '') {
      if (!this.options.onSelect || this._active < 0) return false;
      e.preventDefault();
      this.options.onSelect(this._active, e);
      return true;
    }
    this.typed += e.key.toLowerCase();
    // One key repeated ("sss") cycles through the options starting with it.
    const repeated = [...this.typed].every((c) => c === this.typed[0]);
    const needle = repeated ? this.typed[0]! : this.typed;
    const start = repeated || this._active < 0 ? this._active + 1 : this._active;
    for (let n = 0; n < count; n++) {
      const i = (Math.max(start, 0) + n) % count;
      if (this.isDisabled(i)) continue;
      if (label(i).trim().toLowerCase().startsWith(needle)) {
        e.preventDefault();
        this.setActive(i);
        return true;
      }
    }
    e.preventDefault();
    return true;
  }
}
