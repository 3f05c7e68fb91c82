/**
 * The saved segments a builder needs: the list offered for segment rules (the first 500
 * by name), and the documents of the segments this one references, read from the store
 * one by one (directly and through the segments they reference), so that any reference
 * is checked and any cycle through saved segments is found.
 */
import { Task, TaskStatus } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import type { SegmentEditor } from '../../core/editor/index.js';
import { isAbortError, SegmentProviderError, type SegmentProvider } from '../../core/provider/types.js';
import type { BuilderView } from './view.js';

export class SavedSegments {
  private readonly list: Task<readonly [SegmentProvider | undefined, boolean], BuilderView['savedSegments']['items']>;
  private readonly references: Task<readonly [SegmentProvider | undefined, string], void>;

  constructor(host: ReactiveControllerHost & HTMLElement, editor: SegmentEditor, provider: () => SegmentProvider | undefined) {
    this.list = new Task(host, {
      task: async ([p, needed], { signal }) =>
        !p || !needed ? undefined : (await p.listSegments({ limit: 500, sort: { key: 'name' }, signal })).items,
      args: () => [provider(), editor.segment?.rules.some((r) => r.segment !== undefined) ?? false] as const,
    });
    this.references = new Task(host, {
      task: async ([p, ids], { signal }) => {
        if (!p || ids.length === 0) return;
        for (const id of ids.split('\n')) {
          try {
            editor.setReference(id, await p.getSegment(id, { signal }));
          } catch (e) {
            if (isAbortError(e)) throw e;
            if (e instanceof SegmentProviderError && e.code === 'not-found') editor.setReference(id, null);
            else throw e;
          }
        }
      },
      args: () => [provider(), editor.unresolvedReferences().join('\n')] as const,
    });
  }

  /** The list for the segment picker, as the row templates read it. */
  get view(): BuilderView['savedSegments'] {
    const task = this.list;
    const s = task.status;
    return {
      items: task.value,
      status: s === TaskStatus.PENDING ? 'pending' : s === TaskStatus.ERROR ? 'error' : s === TaskStatus.COMPLETE ? 'complete' : 'initial',
      retry: () => void task.run(),
    };
  }

  /** A listed segment's summary, by id. */
  listed(id: string) {
    return this.list.value?.find((x) => x.id === id);
  }
}
