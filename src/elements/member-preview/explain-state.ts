/**
 * `<member-preview>`'s explanations: the rows opened ("Why?") and the one asked for by key,
 * each a provider call that a newer one or a close aborts, and the template that shows them,
 * loaded with the first question (most visits never ask, so it stays out of the first load).
 */
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Catalog, SegmentDocument } from '../../core/model/types.js';
import { isAbortError, type SegmentProvider } from '../../core/provider/types.js';
import { messageOf } from '../shared/errors.js';
import { term } from '../shared/messages.js';
import type { ExplainSlot } from './explanation.js';

export class ExplainState implements ReactiveController {
  /** Open rows' explanations, by audience key. */
  rows = new Map<string, ExplainSlot>();
  /** The "Explain another customer" answer. */
  other: ExplainSlot | undefined;
  private view: typeof import('./explanation.js') | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** The provider and segment to ask now. */
    private readonly context: () => { provider: SegmentProvider | undefined; segment: SegmentDocument | undefined },
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.clear();
  }

  /** Close every explanation (the segment or provider changed), aborting those under way. */
  clear(): void {
    for (const slot of this.rows.values()) slot.abort.abort();
    this.other?.abort.abort();
    this.rows = new Map();
    this.other = undefined;
    this.host.requestUpdate();
  }

  private async ask(key: string, set: (slot: ExplainSlot) => void, current: () => ExplainSlot | undefined): Promise<void> {
    const { provider, segment } = this.context();
    if (!provider?.explain || !segment) return;
    current()?.abort.abort();
    const slot: ExplainSlot = { key, status: 'pending', abort: new AbortController() };
    set(slot);
    try {
      const [value] = await Promise.all([
        provider.explain(segment, key, { signal: slot.abort.signal }),
        this.view ?? import('./explanation.js').then((m) => (this.view = m)),
      ]);
      if (current() === slot) set({ ...slot, status: 'complete', value });
    } catch (error) {
      if (current() === slot && !isAbortError(error)) set({ ...slot, status: 'error', error });
    }
  }

  /** Open a row's explanation, or close it when open. */
  toggle(key: string): void {
    const open = this.rows.get(key);
    if (open) {
      open.abort.abort();
      this.rows = new Map(this.rows);
      this.rows.delete(key);
      this.host.requestUpdate();
      return;
    }
    void this.ask(
      key,
      (slot) => {
        this.rows = new Map(this.rows).set(key, slot);
        this.host.requestUpdate();
      },
      () => this.rows.get(key),
    );
  }

  /** Explain any customer key, member or not. */
  explainKey(key: string): Promise<void> {
    const k = key.trim();
    if (!k) return Promise.resolve();
    return this.ask(
      k,
      (slot) => {
        this.other = slot;
        this.host.requestUpdate();
      },
      () => this.other,
    );
  }

  render(slot: ExplainSlot, segment: SegmentDocument | undefined, catalog: Catalog | undefined): TemplateResult {
    if (this.view) return this.view.explanationTemplate(slot, segment, catalog);
    // The template is not loaded (yet, or it failed to): the question is under way, or failed.
    return slot.status === 'error'
      ? html`<p part="explain" class="error-text" role="alert">${term('preview.explain.failed', { message: messageOf(slot.error) })}</p>`
      : html`<p part="explain" class="muted" role="status">${term('preview.explain.loading')}</p>`;
  }
}
