/**
 * Dragging rows: which node is being dragged and which row it is over. A drag that ends
 * anywhere (dropped, cancelled with Escape, released outside) forgets the dragged node,
 * so a later drop of something else never moves a stale one.
 */
import type { ReactiveControllerHost } from 'lit';
import { findNode, moveNode } from '../../core/model/edit.js';
import type { EditorNodeRow } from '../../core/editor/index.js';
import type { BuilderView } from './view.js';

export class DragController {
  /** The node being dragged, while a drag is on. */
  draggedId: string | undefined;
  /** The row a drop would land on. */
  dropKey: string | undefined;

  constructor(private readonly host: ReactiveControllerHost) {}

  start(id: string, e: DragEvent): void {
    this.draggedId = id;
    e.dataTransfer?.setData('text/plain', id);
  }

  /** The drag ended (dropped or cancelled): forget it. */
  end = (): void => {
    this.draggedId = undefined;
    this.setDropKey(undefined);
  };

  private setDropKey(key: string | undefined): void {
    if (this.dropKey === key) return;
    this.dropKey = key;
    this.host.requestUpdate();
  }

  /** Listeners for a row that accepts drops. */
  handlers(view: BuilderView, row: EditorNodeRow) {
    return {
      over: (e: DragEvent) => {
        if (!this.draggedId || this.draggedId === row.node.id) return;
        e.preventDefault();
        this.setDropKey(row.key);
      },
      leave: () => {
        if (this.dropKey === row.key) this.setDropKey(undefined);
      },
      drop: (e: DragEvent) => {
        e.preventDefault();
        const dragged = this.draggedId;
        this.end();
        const doc = view.editor.segment;
        if (!dragged || !doc) return;
        const focus = { key: dragged, part: 'row' };
        // Dropping on a group puts the node first inside it; on any other row, before that row.
        if (row.kind === 'group') view.edit((d) => moveNode(d, dragged, row.node.id!, 0), { focus });
        else if (row.inGroup) {
          const from = findNode(doc, dragged);
          const sameParent = from?.parent?.id === row.parentId && (from?.index ?? 0) < row.index;
          view.edit((d) => moveNode(d, dragged, row.parentId, sameParent ? row.index - 1 : row.index), { focus });
        }
      },
    };
  }
}
