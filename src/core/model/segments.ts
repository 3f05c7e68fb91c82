/** Looking up other saved segments by id (segment references, compound segments). */
import type { SegmentDocument } from './types.js';

/**
 * The other segments a document may reference: a list of documents, a map or record
 * from id to document, or a function that finds one by id.
 */
export type SegmentSource =
  | readonly SegmentDocument[]
  | ReadonlyMap<string, SegmentDocument>
  | Readonly<Record<string, SegmentDocument>>
  | ((id: string) => SegmentDocument | undefined);

/** A function that finds a segment by id in any `SegmentSource` (undefined source: finds nothing). */
export function segmentLookup(source: SegmentSource | undefined): (id: string) => SegmentDocument | undefined {
  if (!source) return () => undefined;
  if (typeof source === 'function') return source;
  if (Array.isArray(source)) {
    const map = new Map<string, SegmentDocument>();
    for (const doc of source as readonly SegmentDocument[]) if (doc && typeof doc.id === 'string') map.set(doc.id, doc);
    return (id) => map.get(id);
  }
  if (source instanceof Map) return (id) => (source as ReadonlyMap<string, SegmentDocument>).get(id);
  const record = source as Readonly<Record<string, SegmentDocument>>;
  return (id) => (Object.prototype.hasOwnProperty.call(record, id) ? record[id] : undefined);
}
