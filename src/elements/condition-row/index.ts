export * from './condition-row.js';
import './define.js';
