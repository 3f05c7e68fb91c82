/**
 * The workspace's views load on first use: each is a dynamic import, tracked here as
 * loading, ready or failed (with the error, for a Retry). The host re-renders when one
 * settles.
 */
import type { ReactiveControllerHost } from 'lit';

export type ViewModuleName = 'list' | 'details' | 'editor' | 'quick';

type Entry = { status: 'loading' | 'ready' | 'error'; value?: unknown; error?: unknown; promise: Promise<unknown> };

export class ViewModules {
  private readonly entries = new Map<ViewModuleName, Entry>();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly importer: (name: ViewModuleName) => Promise<unknown>,
  ) {}

  /** The module's state; asking starts loading it. */
  status(name: ViewModuleName): 'loading' | 'ready' | 'error' {
    return this.start(name).status;
  }

  error(name: ViewModuleName): unknown {
    return this.entries.get(name)?.error;
  }

  /** The loaded module, or undefined while it is not ready. */
  get<T>(name: ViewModuleName): T | undefined {
    const e = this.entries.get(name);
    return e?.status === 'ready' ? (e.value as T) : undefined;
  }

  /** The module, once loaded (rejects when the import fails). */
  load<T>(name: ViewModuleName): Promise<T> {
    return this.start(name).promise as Promise<T>;
  }

  /**
   * Load a module ahead of its first visit (the workspace does it when the browser is idle
   * after the list has shown). A failed prefetch is not remembered: the visit imports again
   * and shows its own error.
   */
  prefetch(name: ViewModuleName): void {
    if (this.entries.has(name)) return;
    this.importer(name).then(
      (value) => {
        if (!this.entries.has(name)) this.entries.set(name, { status: 'ready', value, promise: Promise.resolve(value) });
      },
      () => undefined,
    );
  }

  /** Try a failed import again. */
  retry(name: ViewModuleName): void {
    if (this.entries.get(name)?.status === 'error') this.entries.delete(name);
    this.start(name);
    this.host.requestUpdate();
  }

  private start(name: ViewModuleName): Entry {
    const known = this.entries.get(name);
    if (known) return known;
    const entry: Entry = { status: 'loading', promise: Promise.resolve() };
    entry.promise = Promise.resolve()
      .then(() => this.importer(name))
      .then(
        (value) => {
          entry.status = 'ready';
          entry.value = value;
          this.host.requestUpdate();
          return value;
        },
        (error: unknown) => {
          entry.status = 'error';
          entry.error = error;
          this.host.requestUpdate();
          throw error;
        },
      );
    entry.promise.catch(() => undefined); // shown in the view; a caller that awaits it sees it too
    this.entries.set(name, entry);
    return entry;
  }
}
