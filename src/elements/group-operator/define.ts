import { defineElement } from '../shared/define.js';
import { GroupOperatorElement } from './group-operator.js';

defineElement('group-operator', GroupOperatorElement);

declare global {
  interface HTMLElementTagNameMap {
    'group-operator': GroupOperatorElement;
  }
}
