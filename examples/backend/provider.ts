/**
 * A host's own provider: segment-kit's elements on YOUR API, over `fetch`. This is the shape to
 * copy when your backend already has endpoints (or you want to design them your way) instead of
 * running segment-kit's reference server. Each `SegmentProvider` method (SPEC section 6) is one
 * request; your API's errors become `SegmentProviderError`s with the codes the elements know;
 * the call's `signal` goes to `fetch`, so a superseded count is cancelled.
 *
 * Check it with the kit's contract suite (see examples/backend/README.md):
 *   runProviderContract((fixture) => createAcmeProvider({ baseUrl }), { it })
 */
import { SegmentProviderError, type SegmentProvider } from 'segment-kit/core';

export interface AcmeProviderOptions {
  /** Your API's root, e.g. `https://crm.example.com/api`. */
  baseUrl: string;
  /** Your session's token, if the API wants one. */
  token?: () => string | undefined;
  fetch?: typeof fetch;
}

/** Your API's error body: `{ "error": { "kind": "NotFound", "message": "…" } }`. */
const KINDS: Record<string, string> = {
  NotFound: 'not-found',
  InvalidSegment: 'invalid-segment',
  BadRequest: 'invalid-argument',
  Conflict: 'conflict',
};

export function createAcmeProvider(options: AcmeProviderOptions): SegmentProvider {
  const root = options.baseUrl.replace(/\/$/, '');
  const doFetch = options.fetch ?? ((...a: Parameters<typeof fetch>) => fetch(...a));

  async function request<T>(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    path: string,
    o: { query?: Record<string, string | number | readonly string[] | undefined>; body?: unknown; signal?: AbortSignal | undefined } = {},
  ): Promise<T> {
    if (o.signal?.aborted) throw new SegmentProviderError('aborted', 'The request was cancelled.');
    const url = new URL(root + path);
    for (const [k, v] of Object.entries(o.query ?? {})) {
      if (Array.isArray(v)) for (const item of v as readonly string[]) url.searchParams.append(k, item);
      else if (v !== undefined && v !== '') url.searchParams.set(k, String(v));
    }
    const headers: Record<string, string> = { accept: 'application/json' };
    if (o.body !== undefined) headers['content-type'] = 'application/json';
    const token = options.token?.();
    if (token) headers.authorization = `Bearer ${token}`;
    let res: Response;
    try {
      res = await doFetch(url, {
        method,
        headers,
        ...(o.body !== undefined ? { body: JSON.stringify(o.body) } : {}),
        ...(o.signal ? { signal: o.signal } : {}),
      });
    } catch (e) {
      if (o.signal?.aborted) throw new SegmentProviderError('aborted', 'The request was cancelled.');
      throw new SegmentProviderError(
        'unavailable',
        `The segment service cannot be reached (${e instanceof Error ? e.message : String(e)}).`,
        e,
      );
    }
    if (res.status === 204) return undefined as T;
    const body = (await res.json().catch(() => undefined)) as
      { error?: { kind?: string; message?: string; details?: unknown } } | undefined;
    if (!res.ok) {
      const code = KINDS[body?.error?.kind ?? ''] ?? (res.status >= 500 ? 'unavailable' : 'invalid-argument');
      throw new SegmentProviderError(code, body?.error?.message ?? `The segment service answered ${res.status}.`, body?.error?.details);
    }
    return body as T;
  }

  const seg = (id: string) => `/segments/${encodeURIComponent(id)}`;
  return {
    getCatalog: (o = {}) => request('GET', '/catalog', { signal: o.signal }),
    count: (segment, o = {}) => request('POST', '/audience/count', { body: { segment }, signal: o.signal }),
    members: (segment, o = {}) =>
      request('POST', '/audience/members', { body: { segment, offset: o.offset, limit: o.limit, sort: o.sort }, signal: o.signal }),
    explain: (segment, key, o = {}) => request('POST', '/audience/explain', { body: { segment, key }, signal: o.signal }),
    suggestValues: (entity, attribute, o = {}) =>
      request('GET', `/attributes/${encodeURIComponent(entity)}/${encodeURIComponent(attribute)}/values`, {
        query: { q: o.query, limit: o.limit },
        signal: o.signal,
      }),
    attributeStats: (entity, attribute, o = {}) =>
      request('GET', `/attributes/${encodeURIComponent(entity)}/${encodeURIComponent(attribute)}/stats`, { signal: o.signal }),
    listSegments: (o = {}) =>
      request('GET', '/segments', {
        query: { search: o.search, tags: o.tags, sort: typeof o.sort === 'string' ? o.sort : undefined, offset: o.offset, limit: o.limit },
        signal: o.signal,
      }),
    getSegment: (id, o = {}) => request('GET', seg(id), { signal: o.signal }),
    saveSegment: (doc, o = {}) => request('PUT', '/segments', { body: doc, signal: o.signal }),
    deleteSegments: (ids, o = {}) => request('DELETE', '/segments', { query: { ids, force: o.force ? 1 : undefined }, signal: o.signal }),
    refreshSegments: (ids, o = {}) => request('POST', '/segments/refresh', { body: { ids }, signal: o.signal }),
    updateSegments: (ids, patch, o = {}) => request('PATCH', '/segments', { body: { ids, patch }, signal: o.signal }),
    trend: (id, o = {}) =>
      request('GET', `${seg(id)}/trend`, {
        query: { from: o.from === undefined ? undefined : String(o.from), to: o.to === undefined ? undefined : String(o.to) },
        signal: o.signal,
      }),
  };
}
