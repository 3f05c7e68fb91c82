/**
 * The parts of `@floating-ui/dom` the kit uses, in one module that `floating.ts` loads on
 * demand. Importing them by name (rather than `import('@floating-ui/dom')`, whose namespace
 * keeps every export) lets bundlers drop the middleware the kit never calls.
 */
export { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';
