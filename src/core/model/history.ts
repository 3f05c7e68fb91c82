/**
 * Undo/redo over immutable documents. Because edit operations never mutate, the history
 * keeps references, not copies.
 */
export interface HistoryOptions {
  /** How many past states to keep (default 200). */
  limit?: number;
}

export class SegmentHistory<T> {
  private past: T[] = [];
  private future: T[] = [];
  private current: T;
  private lastKey: string | undefined;
  private readonly limit: number;

  constructor(initial: T, options: HistoryOptions = {}) {
    this.current = initial;
    this.limit = Math.max(1, options.limit ?? 200);
  }

  /** The current state. */
  get present(): T {
    return this.current;
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }

  /**
   * Record a new state; clears what could be redone. Successive pushes with the same
   * `coalesce` key (typing into one field, say) replace each other, so one undo steps
   * back over the whole run.
   */
  push(next: T, options: { coalesce?: string } = {}): void {
    if (next === this.current) return;
    const key = options.coalesce;
    if (key !== undefined && key === this.lastKey && this.past.length > 0) {
      this.current = next;
      this.future = [];
      return;
    }
    this.past.push(this.current);
    if (this.past.length > this.limit) this.past.shift();
    this.current = next;
    this.future = [];
    this.lastKey = key;
  }

  /** Step back; returns the restored state, or undefined when there is nothing to undo. */
  undo(): T | undefined {
    const prev = this.past.pop();
    if (prev === undefined) return undefined;
    this.future.push(this.current);
    this.current = prev;
    this.lastKey = undefined;
    return prev;
  }

  /** Step forward again; returns the state, or undefined when there is nothing to redo. */
  redo(): T | undefined {
    const next = this.future.pop();
    if (next === undefined) return undefined;
    this.past.push(this.current);
    this.current = next;
    this.lastKey = undefined;
    return next;
  }

  /**
   * Rewrite every state, past, present and future, with `fn` (which returns the same
   * state where nothing changes): for bookkeeping that is no undo step, such as giving
   * a document the id its store assigned.
   */
  map(fn: (state: T) => T): void {
    this.past = this.past.map(fn);
    this.future = this.future.map(fn);
    this.current = fn(this.current);
  }

  /** Forget everything and start again from `state` (a new document was loaded). */
  reset(state: T): void {
    this.past = [];
    this.future = [];
    this.current = state;
    this.lastKey = undefined;
  }
}
