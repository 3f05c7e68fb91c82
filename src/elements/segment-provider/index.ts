export * from './segment-provider.js';
import './define.js';
