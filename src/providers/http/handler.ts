/**
 * `createProviderHandler`: serve any `SegmentProvider` as the JSON endpoints of
 * `protocol.ts`, as a function from a web-standard `Request` to a `Response` — what Node's
 * reference server (`npm run serve`), Deno, Bun, workers and Hono-style routers all speak.
 *
 * Bad requests get a 4xx with a message: a wrong method (405), an unknown endpoint (404),
 * a missing or wrong token (401), a body that is not JSON or not an object (400), too big
 * (413), a missing argument (400); the provider's own errors keep their code and map to a
 * status (`ERROR_STATUS`). Anything unexpected is a 500 that says so without leaking a
 * stack. The request's `signal` (a closed connection) aborts the provider call. No DOM,
 * no Node.
 */
import { SegmentProviderError, isAbortError, type SegmentProvider } from '../../core/provider/types.js';
import { ERROR_STATUS, HTTP_METHODS, errorBody, isHttpMethod } from './protocol.js';

export interface ProviderHandlerOptions {
  /** When set, every request needs `Authorization: Bearer <token>`. */
  token?: string;
  /** Allow browsers on this origin (or these) to call; CORS is off without it. `*` allows any (not with a token). */
  cors?: string | readonly string[];
  /** The path before the method name (default `/v1`). */
  basePath?: string;
  /** The largest request body accepted, in bytes (default 1 MiB). */
  maxBodyBytes?: number;
  /** Told about every 5xx, with the error (the answer itself never carries a stack). */
  onError?: (error: unknown, method: string) => void;
}

export type ProviderHandler = (request: Request) => Promise<Response>;

const DEFAULT_MAX_BODY = 1024 * 1024;
const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

/**
 * A provider's error, also from another copy of the library (two bundles, a provider built
 * elsewhere): recognised by its name and code, not only by its class.
 */
function providerError(e: unknown): SegmentProviderError | undefined {
  if (e instanceof SegmentProviderError) return e;
  if (!(e instanceof Error) || e.name !== 'SegmentProviderError') return undefined;
  const { code, details } = e as Error & { code?: unknown; details?: unknown };
  return typeof code === 'string' ? new SegmentProviderError(code, e.message, details) : undefined;
}

/** Constant-time comparison of two tokens (no early exit on the first difference). */
function sameToken(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}

/** Read a body up to `limit` bytes; undefined when it is longer. */
async function readLimited(request: Request, limit: number): Promise<string | undefined> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) return undefined;
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return new TextDecoder().decode(all);
}

/** Create the request handler for `provider`. */
export function createProviderHandler(provider: SegmentProvider, options: ProviderHandlerOptions = {}): ProviderHandler {
  const basePath = (options.basePath ?? '/v1').replace(/\/+$/, '');
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const origins = options.cors === undefined ? [] : typeof options.cors === 'string' ? [options.cors] : [...options.cors];

  function corsHeaders(request: Request): Record<string, string> {
    const origin = request.headers.get('origin');
    if (!origin || !origins.length) return {};
    const allowed = origins.includes('*') ? (options.token ? undefined : '*') : origins.includes(origin) ? origin : undefined;
    if (!allowed) return {};
    return {
      'access-control-allow-origin': allowed,
      'access-control-allow-methods': 'POST, OPTIONS',
      'access-control-allow-headers': 'authorization, content-type',
      'access-control-max-age': '600',
      vary: 'origin',
    };
  }

  const json = (request: Request, status: number, body: unknown, extra: Record<string, string> = {}) =>
    new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...corsHeaders(request), ...extra } });
  const fail = (request: Request, status: number, code: string, message: string, extra: Record<string, string> = {}) =>
    json(request, status, errorBody(new SegmentProviderError(code, message)), extra);

  return async (request) => {
    const url = new URL(request.url);
    const path = url.pathname.replace(/\/+$/, '');
    const method = path.startsWith(`${basePath}/`) ? path.slice(basePath.length + 1) : undefined;
    if (method === undefined || !isHttpMethod(method) || typeof provider[method] !== 'function') {
      return fail(
        request,
        404,
        'not-found',
        `There is no endpoint ${url.pathname}. The endpoints are ${basePath}/<method>, e.g. ${basePath}/count.`,
      );
    }
    if (request.method === 'OPTIONS') return new Response(null, { status: 204, headers: corsHeaders(request) });
    if (request.method !== 'POST') {
      return fail(request, 405, 'invalid-argument', `${url.pathname} takes POST with a JSON body, not ${request.method}.`, {
        allow: 'POST, OPTIONS',
      });
    }
    if (options.token !== undefined) {
      const auth = request.headers.get('authorization') ?? '';
      const given = /^Bearer\s+(.+)$/i.exec(auth)?.[1] ?? '';
      if (!sameToken(given, options.token))
        return fail(
          request,
          401,
          'unauthorized',
          'This service needs a bearer token (Authorization: Bearer …), and the one given is missing or wrong.',
          {
            'www-authenticate': 'Bearer',
          },
        );
    }
    let text: string | undefined;
    try {
      text = await readLimited(request, maxBody);
    } catch {
      return fail(request, 499, 'aborted', 'The request was cancelled before its body arrived.');
    }
    // The rest of the body is not read: the connection is not reused.
    if (text === undefined)
      return fail(request, 413, 'invalid-argument', `The request body is larger than ${maxBody} bytes.`, { connection: 'close' });
    let body: unknown;
    try {
      body = text.trim() === '' ? {} : JSON.parse(text);
    } catch (e) {
      return fail(request, 400, 'invalid-argument', `The request body is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return fail(request, 400, 'invalid-argument', `The request body must be a JSON object with the arguments of ${method} by name.`);
    }
    const fields = body as Record<string, unknown>;
    const names = HTTP_METHODS[method] as readonly string[];
    const missing = names.filter((n) => fields[n] === undefined);
    if (missing.length)
      return fail(request, 400, 'invalid-argument', `${method} needs ${missing.map((n) => `"${n}"`).join(' and ')} in the body.`);
    const opts: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(fields)) if (!names.includes(k) && k !== 'signal') opts[k] = v;
    const args = [...names.map((n) => fields[n]), { ...opts, signal: request.signal }];
    try {
      const fn = provider[method] as (...a: unknown[]) => Promise<unknown>;
      const result = await fn.apply(provider, args);
      let answer: string;
      try {
        answer = JSON.stringify(result === undefined ? null : result);
      } catch (e) {
        options.onError?.(e, method);
        return fail(request, 500, 'internal', `The answer to ${method} could not be written as JSON.`);
      }
      return new Response(answer, { status: 200, headers: { ...JSON_HEADERS, ...corsHeaders(request) } });
    } catch (e) {
      if (isAbortError(e) || request.signal.aborted) return fail(request, 499, 'aborted', 'The request was cancelled.');
      const known = providerError(e);
      if (known) {
        const status = ERROR_STATUS[String(known.code)] ?? 500;
        if (status >= 500) options.onError?.(known, method);
        return json(request, status, errorBody(known));
      }
      options.onError?.(e, method);
      return fail(request, 500, 'internal', `The service failed while answering ${method}. The server's log has the details.`);
    }
  };
}
