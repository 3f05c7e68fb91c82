import '../condition-row/define.js';
import { defineElement } from '../shared/define.js';
import { QuickSegmentElement } from './quick-segment.js';

defineElement('quick-segment', QuickSegmentElement);

declare global {
  interface HTMLElementTagNameMap {
    'quick-segment': QuickSegmentElement;
  }
}
