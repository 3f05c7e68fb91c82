/**
 * The provider over HTTP: one JSON endpoint per provider method, shared by the client
 * (`createHttpProvider`) and the request handler (`createProviderHandler`), so that a host
 * writing its own backend in another language has one table to follow.
 *
 * `POST <base>/<method>` with a JSON object: the method's arguments by name (below) and its
 * options beside them (`offset`, `limit`, `sort`, `search`, `force` …; never `signal`: a
 * closed connection is the abort). The answer is `200` with the method's result as JSON
 * (`null` for `deleteSegments`), or an error status with `{ "error": { code, message,
 * details? } }`, the `SegmentProviderError` rebuilt on the client with the same code.
 * No DOM, no Node.
 */
import { SegmentProviderError } from '../../core/provider/types.js';

/** Each method's positional arguments by name, in order; the options object follows them. */
export const HTTP_METHODS = {
  getCatalog: [],
  count: ['segment'],
  members: ['segment'],
  suggestValues: ['entity', 'attribute'],
  attributeStats: ['entity', 'attribute'],
  trend: ['segmentId'],
  listSegments: [],
  getSegment: ['id'],
  saveSegment: ['segment'],
  deleteSegments: ['ids'],
  refreshSegments: ['ids'],
  updateSegments: ['ids', 'patch'],
  explain: ['segment', 'memberKey'],
} as const satisfies Record<string, readonly string[]>;

export type HttpMethod = keyof typeof HTTP_METHODS;

export const isHttpMethod = (name: string): name is HttpMethod => Object.prototype.hasOwnProperty.call(HTTP_METHODS, name);

/** The HTTP status for each error code (anything else: 500). */
export const ERROR_STATUS: Record<string, number> = {
  'invalid-argument': 400,
  'not-found': 404,
  conflict: 409,
  'invalid-segment': 422,
  aborted: 499,
  storage: 500,
  internal: 500,
  unavailable: 503,
};

/** The error code a status means when an answer carries no error body (a proxy's page, an old server). */
export function codeOfStatus(status: number): string {
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 404) return 'not-found';
  if (status === 409) return 'conflict';
  if (status === 422) return 'invalid-segment';
  if (status === 413 || (status >= 400 && status < 500)) return 'invalid-argument';
  if (status === 502 || status === 503 || status === 504) return 'unavailable';
  return 'internal';
}

/** The JSON body of an error answer. */
export interface HttpErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** An error as an answer's body; details that are not plain JSON (errors, cycles) become plain data or their text. */
export function errorBody(error: SegmentProviderError): HttpErrorBody {
  const out: HttpErrorBody = { error: { code: String(error.code), message: error.message } };
  if (error.details === undefined) return out;
  try {
    out.error.details = JSON.parse(
      JSON.stringify(error.details, (_key, value: unknown) =>
        value instanceof Error ? { name: value.name, message: value.message } : typeof value === 'bigint' ? String(value) : value,
      ),
    );
  } catch {
    out.error.details = '(details that cannot be written as JSON)';
  }
  return out;
}

/** An error answer's body as a `SegmentProviderError`, or undefined when it is not one. */
export function errorFromBody(body: unknown): SegmentProviderError | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const e = (body as { error?: unknown }).error;
  if (typeof e !== 'object' || e === null) return undefined;
  const { code, message, details } = e as { code?: unknown; message?: unknown; details?: unknown };
  if (typeof code !== 'string' || typeof message !== 'string') return undefined;
  return new SegmentProviderError(code, message, details);
}
