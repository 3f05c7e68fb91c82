import '../condition-row/define.js';
import '../group-operator/define.js';
import { defineElement } from '../shared/define.js';
import { SegmentBuilderElement } from './segment-builder.js';

defineElement('segment-builder', SegmentBuilderElement);

declare global {
  interface HTMLElementTagNameMap {
    'segment-builder': SegmentBuilderElement;
  }
}
