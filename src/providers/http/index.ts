/**
 * `segment-kit/http`: the provider over HTTP. `createHttpProvider` is the client every
 * element can use; `createProviderHandler` serves any provider as the same JSON endpoints
 * (a web-standard `Request` → `Response` function; `npm run serve` runs it on Node).
 */
export { createHttpProvider, type HttpProvider, type HttpProviderOptions } from './client.js';
export { createProviderHandler, type ProviderHandler, type ProviderHandlerOptions } from './handler.js';
export { ERROR_STATUS, HTTP_METHODS, codeOfStatus, errorBody, errorFromBody, type HttpErrorBody, type HttpMethod } from './protocol.js';
