/**
 * The example host's own segment API (what examples/backend/provider.ts talks to): REST-ish
 * routes under /api, errors as `{ "error": { "kind", "message" } }`. Here it answers from
 * segment-kit's memory provider to stay small; in your backend these handlers call your
 * database (or `createSqlProvider`). A client that goes away aborts the call it was waiting for.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SegmentProviderError, type SegmentProvider } from 'segment-kit/core';

const STATUS: Record<string, [number, string]> = {
  'not-found': [404, 'NotFound'],
  'invalid-segment': [422, 'InvalidSegment'],
  'invalid-argument': [400, 'BadRequest'],
  conflict: [409, 'Conflict'],
};
const MAX_BODY = 1 << 20;

async function readJson(req: IncomingMessage): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new SegmentProviderError('invalid-argument', 'The request is too large.');
    chunks.push(chunk);
  }
  try {
    return chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined;
  } catch {
    throw new SegmentProviderError('invalid-argument', 'The request body is not JSON.');
  }
}

/** Start the API for `provider` on 127.0.0.1 (port 0: any free one). */
export async function startAcmeApi(provider: SegmentProvider, port = 0): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const abort = new AbortController();
    res.on('close', () => abort.abort());
    const signal = abort.signal;
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname.replace(/^\/api/, '');
    const q = (k: string) => url.searchParams.get(k) ?? undefined;
    const num = (k: string) => (q(k) === undefined ? undefined : Number(q(k)));
    const route = `${req.method} ${path}`;
    const handle = async (): Promise<unknown> => {
      const body = (req.method === 'GET' || req.method === 'DELETE' ? undefined : await readJson(req)) as Record<string, never> | undefined;
      let m: RegExpMatchArray | null;
      if (route === 'GET /catalog') return provider.getCatalog({ signal });
      if (route === 'POST /audience/count') return provider.count(body?.segment as never, { signal });
      if (route === 'POST /audience/members')
        return provider.members(body?.segment as never, { offset: body?.offset, limit: body?.limit, sort: body?.sort, signal });
      if (route === 'POST /audience/explain' && provider.explain)
        return provider.explain(body?.segment as never, String(body?.key), { signal });
      if ((m = /^GET \/attributes\/([^/]+)\/([^/]+)\/values$/.exec(route)))
        return provider.suggestValues(decodeURIComponent(m[1]!), decodeURIComponent(m[2]!), { query: q('q'), limit: num('limit'), signal });
      if ((m = /^GET \/attributes\/([^/]+)\/([^/]+)\/stats$/.exec(route)) && provider.attributeStats)
        return provider.attributeStats(decodeURIComponent(m[1]!), decodeURIComponent(m[2]!), { signal });
      if (route === 'GET /segments')
        return provider.listSegments({
          search: q('search'),
          tags: url.searchParams.getAll('tags'),
          sort: q('sort'),
          offset: num('offset'),
          limit: num('limit'),
          signal,
        });
      if (route === 'PUT /segments') return provider.saveSegment(body as never, { signal });
      if (route === 'PATCH /segments') return provider.updateSegments(body?.ids ?? [], body?.patch ?? {}, { signal });
      if (route === 'DELETE /segments')
        return provider.deleteSegments(url.searchParams.getAll('ids'), { force: q('force') === '1', signal });
      if (route === 'POST /segments/refresh') return provider.refreshSegments(body?.ids ?? [], { signal });
      if ((m = /^GET \/segments\/([^/]+)\/trend$/.exec(route)))
        return provider.trend(decodeURIComponent(m[1]!), { from: q('from'), to: q('to'), signal });
      if ((m = /^GET \/segments\/([^/]+)$/.exec(route))) return provider.getSegment(decodeURIComponent(m[1]!), { signal });
      throw new SegmentProviderError('not-found', `There is no ${route}.`);
    };
    handle().then(
      (result) => {
        if (res.destroyed) return;
        if (result === undefined) return void res.writeHead(204).end();
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
      },
      (e: unknown) => {
        if (res.destroyed) return;
        const [status, kind] = (e instanceof SegmentProviderError && STATUS[e.code]) || [500, 'Internal'];
        const message = status === 500 ? 'Something went wrong on our side.' : (e as Error).message;
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { kind, message } }));
      },
    );
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`, server };
}
