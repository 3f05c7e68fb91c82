import { defineElement } from '../shared/define.js';
import { SegmentListElement } from './segment-list.js';

defineElement('segment-list', SegmentListElement);

declare global {
  interface HTMLElementTagNameMap {
    'segment-list': SegmentListElement;
  }
}
