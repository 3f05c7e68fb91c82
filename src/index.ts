/**
 * `segment-kit`: everything — the core and the elements — and registers the elements.
 * Import `segment-kit/core` for the DOM-free model alone.
 */
export * from './core/index.js';
export * from './elements/shared/context.js';
export * from './elements/shared/define.js';
export * from './elements/segment-provider/index.js';
export * from './providers/memory/index.js';
export * from './sample/index.js';
export * from './elements/group-operator/index.js';
export * from './elements/condition-row/index.js';
export * from './elements/segment-builder/index.js';
