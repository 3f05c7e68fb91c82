/** Every saved segment's summary, page by page (the details' facts and the builder's "used by" banner). */
import type { SegmentProvider, SegmentSummary } from '../../core/provider/types.js';

/** The most summaries one `listSegments` call is asked for. */
const PAGE = 1000;

export async function allSummaries(provider: SegmentProvider, signal?: AbortSignal): Promise<Map<string, SegmentSummary>> {
  const out = new Map<string, SegmentSummary>();
  for (let offset = 0; ; offset += PAGE) {
    const page = await provider.listSegments({
      offset,
      limit: PAGE,
      sort: { key: 'name', direction: 'asc' },
      ...(signal ? { signal } : {}),
    });
    for (const s of page.items) out.set(s.id, s);
    if (page.items.length < PAGE || out.size >= page.total) break;
  }
  return out;
}

/** A segment's name as a person reads it. */
export const shownName = (s: { displayName?: string | undefined; name?: string | undefined; id?: string | undefined }): string =>
  s.displayName || s.name || s.id || '';
