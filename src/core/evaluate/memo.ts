/**
 * `SegmentMemo`: the members of referenced segments kept between evaluations, so that
 * documents made of segment references (the overlap's regions, compound segments, a
 * list's refresh) evaluate each referenced segment once rather than at every call.
 *
 * An entry is used only while everything it was computed from is unchanged: the same
 * rows (the dataset's `data` object), the same reference instant, and, for the segment
 * and every segment it reaches through its references, the very document object the
 * lookup returned then (a store replaces a document when it changes, and never edits one
 * in place). Masks are shared, never written to.
 */
import type { SegmentDocument } from '../model/types.js';

interface Entry {
  data: object;
  now: number;
  doc: SegmentDocument;
  mask: Uint8Array;
  /** Every segment reached through references while computing it, with the document it had. */
  deps: readonly (readonly [string, SegmentDocument])[];
}

export class SegmentMemo {
  private readonly entries = new Map<string, Entry>();

  /** At most `capacity` segments are kept (the least recently used go first). */
  constructor(readonly capacity = 64) {}

  /** The mask of segment `id` if it is still valid for these rows, instant and documents. */
  get(id: string, doc: SegmentDocument, data: object, now: number, lookup: (id: string) => SegmentDocument | undefined): Entry | undefined {
    const e = this.entries.get(id);
    if (!e) return undefined;
    if (e.doc !== doc || e.data !== data || e.now !== now || e.deps.some(([d, saved]) => lookup(d) !== saved)) {
      this.entries.delete(id);
      return undefined;
    }
    // Most recently used last.
    this.entries.delete(id);
    this.entries.set(id, e);
    return e;
  }

  set(id: string, entry: Entry): void {
    this.entries.delete(id);
    this.entries.set(id, entry);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  /** Forget everything (the rows changed). */
  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
