/**
 * A web-standard request handler (`createProviderHandler`) as a `node:http` listener:
 * the request's body streams in, a closed connection aborts the handler's `signal` (so
 * the provider call is cancelled), and the answer is written out.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { ProviderHandler } from '../src/providers/http/handler.js';

export function toNodeListener(handler: ProviderHandler, onError: (error: unknown) => void = console.error) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const abort = new AbortController();
    // The client went away before the answer was written: cancel what it asked for.
    res.on('close', () => {
      if (!res.writableFinished) abort.abort();
    });
    const host = req.headers.host ?? '127.0.0.1';
    const method = req.method ?? 'GET';
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) {
      if (Array.isArray(v)) for (const x of v) headers.append(k, x);
      else if (v !== undefined) headers.set(k, v);
    }
    const hasBody = method !== 'GET' && method !== 'HEAD';
    const request = new Request(`http://${host}${req.url ?? '/'}`, {
      method,
      headers,
      signal: abort.signal,
      ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream<Uint8Array>, duplex: 'half' } : {}),
    });
    handler(request)
      .then(async (response) => {
        if (res.destroyed) return;
        res.statusCode = response.status;
        response.headers.forEach((value, key) => res.setHeader(key, value));
        res.end(Buffer.from(await response.arrayBuffer()));
      })
      .catch((e: unknown) => {
        onError(e);
        if (res.headersSent || res.destroyed) return res.destroy();
        res.statusCode = 500;
        res.setHeader('content-type', 'application/json; charset=utf-8');
        res.end(JSON.stringify({ error: { code: 'internal', message: 'The service failed. The server log has the details.' } }));
      });
  };
}
