import { defineElement } from '../shared/define.js';
import { SegmentOverlapElement } from './segment-overlap.js';

defineElement('segment-overlap', SegmentOverlapElement);

declare global {
  interface HTMLElementTagNameMap {
    'segment-overlap': SegmentOverlapElement;
  }
}
