/**
 * Asynchronous persistence for the segment store: a `StoreBackend` (database tables, a
 * remote service) is given what changed since the last write, segment by segment,
 * instead of the whole store as one value. `ChangeTracker` works the changes out.
 */
import type { TrendPoint } from '../../core/provider/types.js';
import type { StoredSegment, StoreState } from './storage.js';

/** What changed since the last write. */
export interface StoreChanges {
  /** Segments that are new or changed, whole (a static one with its `doc.snapshot`). */
  segments: StoredSegment[];
  /** Ids of deleted segments: their history and members go with them. */
  deleted: string[];
  /** Ids among `segments` whose snapshot is new, changed or gone (the others keep the members written before). */
  snapshots: string[];
  /** The whole refresh history of each segment whose history changed. */
  history: Record<string, TrendPoint[]>;
}

/**
 * Where a store keeps its segments when the storage is asynchronous (a database). `load`
 * is called once, before the store first answers; `undefined` or no segments means "empty:
 * seed it". `write` is called after each change, one call at a time, in order; when it
 * rejects, the store answers the call with a `storage` error and offers the same changes
 * again at the next write.
 */
export interface StoreBackend {
  load(opts?: { signal?: AbortSignal }): Promise<StoreState | undefined>;
  write(changes: StoreChanges): Promise<void>;
}

/**
 * Works out what changed between writes by comparing each segment's serialised form with
 * the one last written. A static segment's snapshot (which may hold many thousands of keys)
 * is compared by identity: the store replaces the list when it refreshes and never changes
 * one in place.
 */
export class ChangeTracker {
  private readonly written = new Map<string, string>();
  private readonly writtenSnapshots = new Map<string, number>();
  private readonly writtenHistory = new Map<string, string>();
  private readonly snapshotIds = new WeakMap<readonly string[], number>();
  private nextSnapshotId = 1;

  /** Remember a state as written (what `load` returned). */
  remember(segments: Iterable<StoredSegment>, history: Record<string, TrendPoint[]>): void {
    for (const s of segments) {
      this.written.set(s.doc.id!, this.serialise(s));
      this.writtenSnapshots.set(s.doc.id!, this.snapshotId(s));
    }
    for (const [id, points] of Object.entries(history)) this.writtenHistory.set(id, JSON.stringify(points));
  }

  /** What differs from the last state remembered; `commit()` it once written. */
  changes(segments: Iterable<StoredSegment>, history: Record<string, TrendPoint[]>): StoreChanges & { commit(): void } {
    const out: StoredSegment[] = [];
    const snapshots: string[] = [];
    const next = new Map<string, string>();
    const nextSnapshots = new Map<string, number>();
    for (const s of segments) {
      const id = s.doc.id!;
      const text = this.serialise(s);
      const snap = this.snapshotId(s);
      next.set(id, text);
      nextSnapshots.set(id, snap);
      if (this.written.get(id) === text) continue;
      out.push(s);
      if ((this.writtenSnapshots.get(id) ?? 0) !== snap) snapshots.push(id);
    }
    const deleted = [...this.written.keys()].filter((id) => !next.has(id));
    const changedHistory: Record<string, TrendPoint[]> = {};
    const nextHistory = new Map<string, string>();
    for (const id of next.keys()) {
      const points = Object.prototype.hasOwnProperty.call(history, id) ? history[id]! : [];
      const text = JSON.stringify(points);
      nextHistory.set(id, text);
      if ((this.writtenHistory.get(id) ?? '[]') !== text) changedHistory[id] = points;
    }
    return {
      segments: out,
      deleted,
      snapshots,
      history: changedHistory,
      commit: () => {
        this.written.clear();
        for (const [k, v] of next) this.written.set(k, v);
        this.writtenSnapshots.clear();
        for (const [k, v] of nextSnapshots) this.writtenSnapshots.set(k, v);
        this.writtenHistory.clear();
        for (const [k, v] of nextHistory) this.writtenHistory.set(k, v);
      },
    };
  }

  /** The identity of a segment's snapshot list (0: none). */
  private snapshotId(s: StoredSegment): number {
    const snapshot = s.doc.snapshot;
    if (!Array.isArray(snapshot)) return 0;
    let id = this.snapshotIds.get(snapshot);
    if (id === undefined) {
      id = this.nextSnapshotId++;
      this.snapshotIds.set(snapshot, id);
    }
    return id;
  }

  private serialise(s: StoredSegment): string {
    const { snapshot: _snapshot, ...doc } = s.doc;
    return JSON.stringify([{ ...s, doc }, this.snapshotId(s)]);
  }
}
