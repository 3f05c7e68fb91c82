/** The headless editor: a segment's editing state with no DOM (see `SegmentEditor`). */
export {
  SegmentEditor,
  type EditOptions,
  type EditResult,
  type EditorChangeReason,
  type EditorNodeRow,
  type EditorRow,
  type ReferenceState,
  type SegmentEditorOptions,
} from './segment-editor.js';
export { countConditions } from './outline.js';
