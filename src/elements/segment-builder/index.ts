export * from './segment-builder.js';
export { countConditions } from '../../core/editor/index.js';
import './define.js';
