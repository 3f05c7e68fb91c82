import { defineElement } from '../shared/define.js';
import { ConditionRowElement } from './condition-row.js';

defineElement('condition-row', ConditionRowElement);

declare global {
  interface HTMLElementTagNameMap {
    'condition-row': ConditionRowElement;
  }
}
