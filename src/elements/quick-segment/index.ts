export * from './quick-segment.js';
import './define.js';
