export * from './segment-list.js';
import './define.js';
