/**
 * The builder's live counts: one `ProviderTask` (debounced, the superseded call aborted,
 * the last numbers kept and shown dimmed while new ones come), that never counts before
 * the first frame is painted, never asks twice for the same document, validity and
 * provider, and announces each new total politely.
 */
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import type { SegmentEditor } from '../../core/editor/index.js';
import type { Catalog, SegmentDocument } from '../../core/model/types.js';
import type { CountResult, SegmentProvider } from '../../core/provider/types.js';
import { AnnouncerController } from '../shared/controllers/announcer.js';
import { ProviderTask } from '../shared/controllers/provider-task.js';
import { term } from '../shared/messages.js';
import { listPending } from './frame.js';

export interface CountsHost extends ReactiveControllerHost {
  readonly editor: SegmentEditor;
  readonly effectiveProvider: SegmentProvider | undefined;
  readonly activeCatalog: Catalog | undefined;
  audienceNoun(n: number): string;
}

/** Run `fn` once the next frame has been painted (so work started on load never delays the first paint). */
export function afterPaint(fn: () => void): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    fn();
  };
  requestAnimationFrame(() => setTimeout(run, 0));
  setTimeout(run, 250); // a hidden page paints no frames
}

export class LiveCounts implements ReactiveController {
  readonly task: ProviderTask<[SegmentProvider, SegmentDocument], CountResult>;
  private readonly announcer: AnnouncerController;
  /** What the last request was for: the same document, validity and provider are not counted twice. */
  private countedFor: { doc: SegmentDocument; valid: boolean; provider: unknown } | undefined;
  /** Has the first frame been painted? A real count waits for it. */
  private painted = false;
  private started = false;
  private lastAnnounced: number | undefined;

  constructor(private readonly host: CountsHost) {
    host.addController(this);
    this.task = new ProviderTask(host, { task: ([provider, doc], { signal }) => provider.count(doc, { signal }), delay: 300 });
    this.announcer = new AnnouncerController(host);
  }

  /** The counts as the rows read them. */
  get view(): { result: CountResult | undefined; stale: boolean } {
    return { result: this.task.value, stale: this.task.stale };
  }

  /** Ask for counts of the editor's document (debounced unless `immediately`). */
  request(immediately = false): void {
    const doc = this.host.editor.segment;
    if (!doc) return;
    const provider = this.host.effectiveProvider;
    const valid = this.host.activeCatalog ? this.host.editor.validation.valid : false;
    // Only a real count waits for the first paint; "invalid" and "no provider" cost nothing.
    if (!this.painted && provider && valid) return;
    const last = this.countedFor;
    const settled = this.task.status === 'pending' || this.task.status === 'complete' || this.task.status === 'blocked';
    if (last && last.doc === doc && last.valid === valid && last.provider === provider && settled) return;
    this.countedFor = { doc, valid, provider };
    if (!provider) this.task.abort();
    else if (!valid) this.task.block();
    else void this.task.run([provider, doc], immediately ? { delay: 0 } : {});
  }

  /** A new document: forget the numbers, and count once it is on screen. */
  reset(): void {
    this.task.reset();
    this.countedFor = undefined;
    this.afterList(() => this.request(true));
  }

  /**
   * Run `fn` once the next frame has been painted and, if the list is still being finished
   * (a long segment's virtualizer on its way; it loads or fails), once the frame that shows
   * it finished has been painted: the rows come first, the count a frame after them.
   */
  private afterList(fn: () => void): void {
    afterPaint(() => {
      const run = () => afterPaint(fn);
      const pending = listPending(this.host.editor.rows);
      if (pending) void pending.then(run, run);
      else fn();
    });
  }

  /** The polite live region; the host places it once. */
  renderAnnouncer(): TemplateResult {
    return this.announcer.render();
  }

  hostUpdate(): void {
    const r = this.task.value;
    if (this.task.status !== 'complete' || !r || r.total === this.lastAnnounced) return;
    this.lastAnnounced = r.total;
    this.announcer.announce(term('builder.size.announce', { count: r.total, noun: this.host.audienceNoun(r.total) }));
  }

  hostUpdated(): void {
    if (this.started) return;
    this.started = true;
    this.afterList(() => {
      this.painted = true;
      this.request(true);
    });
  }
}
