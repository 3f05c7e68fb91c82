/**
 * `segment-kit/core`: the segment model with no DOM and no Lit. Types, the operator
 * table, parsing and validation, edit operations, descriptions, undo history and the
 * in-memory evaluation engine.
 */
export * from './model/types.js';
export * from './model/operators.js';
export * from './model/dates.js';
export * from './model/catalog.js';
export * from './model/segments.js';
export * from './model/edit.js';
export * from './model/history.js';
export * from './model/describe.js';
export * from './messages/index.js';
export * from './editor/index.js';
export * from './validate/pointer.js';
export * from './validate/parse.js';
export * from './validate/validate.js';
export { errorMessage, type ErrorParamsOf, type ShownValue, type ValueKind } from './validate/errors.js';
export * from './provider/types.js';
export * from './evaluate/index.js';
export * from './csv/index.js';
export * from './overlap/index.js';
export * from './sql/index.js';
export { memberColumns } from './provider/columns.js';
export * from './model/quick.js';
