import { defineElement } from '../shared/define.js';
import { SegmentWorkspaceElement } from './segment-workspace.js';

defineElement('segment-workspace', SegmentWorkspaceElement);

declare global {
  interface HTMLElementTagNameMap {
    'segment-workspace': SegmentWorkspaceElement;
  }
}
