import { defineElement } from '../shared/define.js';
import { SegmentProviderElement } from './segment-provider.js';

defineElement('segment-provider', SegmentProviderElement);

declare global {
  interface HTMLElementTagNameMap {
    'segment-provider': SegmentProviderElement;
  }
}
