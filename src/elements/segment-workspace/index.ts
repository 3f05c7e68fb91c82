export * from './segment-workspace.js';
import './define.js';
