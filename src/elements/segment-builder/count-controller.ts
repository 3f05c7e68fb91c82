/**
 * Live counts for the builder: debounced, aborted when superseded, and guarded so that
 * an answer for an older document never replaces a newer one (even from a provider that
 * ignores its AbortSignal).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SegmentDocument } from '../../core/model/types.js';
import { isAbortError, type CountResult, type SegmentProvider } from '../../core/provider/types.js';

export type CountStatus = 'idle' | 'pending' | 'ok' | 'error' | 'invalid';

export class CountController implements ReactiveController {
  status: CountStatus = 'idle';
  /** The last counts received (kept, shown dimmed, while newer ones are on their way). */
  result: CountResult | undefined;
  error: unknown;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private abort: AbortController | undefined;
  private seq = 0;
  private last: { provider: SegmentProvider; doc: SegmentDocument } | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** Debounce in milliseconds. */
    public delay = 300,
  ) {
    host.addController(this);
  }

  /** Are the numbers on screen older than the document? */
  get stale(): boolean {
    return this.status === 'pending' || this.status === 'invalid' || this.status === 'error';
  }

  /** Ask for counts of `doc` after the debounce delay; cancels what was pending. */
  request(provider: SegmentProvider | undefined, doc: SegmentDocument, valid: boolean, immediately = false): void {
    this.cancel();
    this.seq++;
    if (!provider) {
      this.status = 'idle';
      this.host.requestUpdate();
      return;
    }
    if (!valid) {
      this.status = 'invalid';
      this.host.requestUpdate();
      return;
    }
    this.last = { provider, doc };
    this.status = 'pending';
    this.host.requestUpdate();
    const seq = this.seq;
    this.timer = setTimeout(() => this.run(seq), immediately ? 0 : this.delay);
  }

  /** Ask again for the last document (after an error). */
  retry(): void {
    if (this.last) this.request(this.last.provider, this.last.doc, true, true);
  }

  private run(seq: number): void {
    this.timer = undefined;
    const current = this.last;
    if (!current || seq !== this.seq) return;
    const abort = new AbortController();
    this.abort = abort;
    let answer: Promise<CountResult>;
    try {
      answer = current.provider.count(current.doc, { signal: abort.signal });
    } catch (e) {
      answer = Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
    answer.then(
      (result) => {
        if (seq !== this.seq) return; // superseded: never show a stale answer
        this.result = result;
        this.error = undefined;
        this.status = 'ok';
        this.abort = undefined;
        this.host.requestUpdate();
      },
      (error: unknown) => {
        if (seq !== this.seq || isAbortError(error)) return;
        this.error = error;
        this.status = 'error';
        this.abort = undefined;
        this.host.requestUpdate();
      },
    );
  }

  cancel(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.abort?.abort();
    this.abort = undefined;
  }

  /** Forget everything (a new document was loaded). */
  reset(): void {
    this.cancel();
    this.seq++;
    this.result = undefined;
    this.error = undefined;
    this.status = 'idle';
  }

  hostDisconnected(): void {
    this.cancel();
    this.seq++;
    if (this.status === 'pending') this.status = 'idle';
  }
}
