import { defineElement } from '../shared/define.js';
import { TrendChartElement } from './trend-chart.js';

defineElement('trend-chart', TrendChartElement);

declare global {
  interface HTMLElementTagNameMap {
    'trend-chart': TrendChartElement;
  }
}
