/**
 * What the builder's row templates see of the builder: the editor, its flags, and the
 * actions a row can take. The templates are plain functions of this view and a row, so
 * each kind of row lives in its own module and the element stays small.
 */
import type { SegmentEditor } from '../../core/editor/index.js';
import type { Catalog, SegmentDocument } from '../../core/model/types.js';
import type { CountResult, SegmentSummary } from '../../core/provider/types.js';
import type { DragController } from './drag.js';

export interface FocusTarget {
  /** The row's key. */
  key: string;
  /** A part of the row ('attribute', 'operator', 'value', 'segment', 'match', 'set') or the row itself ('row'). */
  part?: string;
}

export interface EditRequest {
  coalesce?: string;
  focus?: FocusTarget;
}

export interface BuilderView {
  readonly editor: SegmentEditor;
  readonly readonly: boolean;
  readonly activeCatalog: Catalog | undefined;
  /** The row under the pointer or holding focus: only it renders its action buttons. */
  readonly activeKey: string | undefined;
  readonly drag: DragController;
  /** The last counts, and whether they are older than the document. */
  readonly counts: { readonly result: CountResult | undefined; readonly stale: boolean };
  /** The saved segments offered for a segment rule (listed by the provider). */
  readonly savedSegments: {
    readonly items: SegmentSummary[] | undefined;
    readonly status: 'pending' | 'complete' | 'error' | 'initial';
    retry(): void;
  };
  edit(op: (doc: SegmentDocument) => SegmentDocument, options?: EditRequest): void;
  addCondition(parentId: string, scope: string, asGroup?: boolean): void;
  activate(key: string): void;
  /** "customer" / "customers", from the catalog's audience label. */
  audienceNoun(n: number): string;
  /** The element's render root and update (for the row list that loads on demand). */
  readonly renderRoot: HTMLElement | DocumentFragment;
  requestUpdate(): void;
}

/** The class that indents a row to its depth. */
export const depthClass = (depth: number): string => `row d${Math.min(8, depth)}`;
