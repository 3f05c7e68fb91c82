/**
 * `createHttpProvider`: a `SegmentProvider` whose every method is a request to a backend
 * that serves the provider as JSON endpoints (`protocol.ts`; the reference server is
 * `npm run serve`). Errors come back as `SegmentProviderError`s with the server's code;
 * an aborted call aborts its request, which the server sees as a closed connection and
 * cancels. No DOM beyond `fetch`.
 */
import { SegmentProviderError, type SegmentProvider } from '../../core/provider/types.js';
import { codeOfStatus, errorFromBody, HTTP_METHODS, type HttpMethod } from './protocol.js';

export interface HttpProviderOptions {
  /** Where the endpoints are, e.g. `http://127.0.0.1:8787/v1` (a relative URL is resolved against the page). */
  baseUrl: string | URL;
  /** Sent as `Authorization: Bearer <token>` (a function is asked at every request, for tokens that expire). */
  token?: string | (() => string | undefined | Promise<string | undefined>);
  /** The `fetch` to use (default: the global one). */
  fetch?: typeof fetch;
  /** More headers for every request. */
  headers?: Record<string, string>;
}

/** The provider's methods, each a request to the backend. */
export type HttpProvider = Required<Pick<SegmentProvider, HttpMethod>> & SegmentProvider;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function base(url: string | URL): string {
  // A relative URL is resolved against the page where there is one (read from globalThis: Node and workers have none).
  const origin = (globalThis as { location?: { href?: string } }).location?.href;
  const resolved = new URL(String(url), origin);
  return resolved.href.endsWith('/') ? resolved.href : `${resolved.href}/`;
}

/** Create a provider that calls the backend at `baseUrl`. */
export function createHttpProvider(options: HttpProviderOptions): HttpProvider {
  const root = base(options.baseUrl);
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));

  async function call(method: HttpMethod, args: unknown[]): Promise<unknown> {
    const names = HTTP_METHODS[method] as readonly string[];
    const opts = args[names.length];
    const { signal, ...rest } = isObject(opts) ? (opts as { signal?: AbortSignal } & Record<string, unknown>) : {};
    const body: Record<string, unknown> = { ...rest };
    names.forEach((name, i) => {
      body[name] = args[i];
    });
    if (signal?.aborted) throw new SegmentProviderError('aborted', 'The request was cancelled.');
    const token = typeof options.token === 'function' ? await options.token() : options.token;
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json', ...options.headers };
    if (token) headers.authorization = `Bearer ${token}`;
    let response: Response;
    try {
      response = await doFetch(new URL(method, root), {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
        ...(signal ? { signal } : {}),
      });
    } catch (e) {
      if (signal?.aborted) throw new SegmentProviderError('aborted', 'The request was cancelled.');
      throw new SegmentProviderError(
        'unavailable',
        `The segment service at ${root} could not be reached: ${e instanceof Error ? e.message : String(e)}`,
        e,
      );
    }
    let value: unknown;
    let text = '';
    try {
      text = await response.text();
      value = text === '' ? undefined : JSON.parse(text);
    } catch (e) {
      if (signal?.aborted) throw new SegmentProviderError('aborted', 'The request was cancelled.');
      if (response.ok)
        throw new SegmentProviderError('internal', `The segment service answered ${method} with something that is not JSON.`, e);
    }
    if (!response.ok) {
      throw (
        errorFromBody(value) ??
        new SegmentProviderError(
          codeOfStatus(response.status),
          `The segment service answered ${method} with ${response.status} ${response.statusText}`.trim() + '.',
          text.slice(0, 500),
        )
      );
    }
    return value ?? null;
  }

  const provider = {} as Record<HttpMethod, (...args: unknown[]) => Promise<unknown>>;
  for (const method of Object.keys(HTTP_METHODS) as HttpMethod[]) {
    provider[method] = (...args: unknown[]) => call(method, args);
  }
  // deleteSegments resolves with nothing, as the interface says.
  const del = provider.deleteSegments;
  provider.deleteSegments = async (...args) => {
    await del(...args);
  };
  return provider as unknown as HttpProvider;
}
