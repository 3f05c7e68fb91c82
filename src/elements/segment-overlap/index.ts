export * from './segment-overlap.js';
import './define.js';
