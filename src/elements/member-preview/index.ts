export * from './member-preview.js';
import './define.js';
