import { defineElement } from '../shared/define.js';
import { MemberPreviewElement } from './member-preview.js';

defineElement('member-preview', MemberPreviewElement);

declare global {
  interface HTMLElementTagNameMap {
    'member-preview': MemberPreviewElement;
  }
}
