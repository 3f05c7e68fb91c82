export * from './segment-builder.js';
export { buildRows, countConditions } from './rows.js';
export type { BuilderRow } from './rows.js';
import './define.js';
