export * from './trend-chart.js';
import './define.js';
