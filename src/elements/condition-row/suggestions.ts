/**
 * Value suggestions for a list editor: debounced, the superseded request aborted, and an
 * answer that arrives for anything but the latest request dropped, so a slow old answer
 * never shows. Failures become a status, never an exception.
 */
import { isAbortError } from '../../core/provider/types.js';

export interface Suggestion {
  value: unknown;
  label: string;
  count?: number;
}

export type SuggestionStatus = 'idle' | 'pending' | 'ready' | 'error';

export type SuggestionFetch = (query: string, signal: AbortSignal) => Promise<Suggestion[]>;

export class SuggestionLoader {
  status: SuggestionStatus = 'idle';
  items: Suggestion[] = [];
  query = '';
  private timer: ReturnType<typeof setTimeout> | undefined;
  private controller: AbortController | undefined;
  private token = 0;

  constructor(private readonly changed: () => void) {}

  /** Ask for suggestions for `query` after `delay` ms. Whatever was scheduled or in flight is dropped and aborted. */
  request(query: string, fetch: SuggestionFetch, delay: number): void {
    this.stop();
    const token = this.token;
    this.query = query;
    this.status = 'pending';
    this.items = [];
    this.changed();
    const run = () => {
      this.timer = undefined;
      if (token !== this.token) return;
      const controller = new AbortController();
      this.controller = controller;
      let answer: Promise<Suggestion[]>;
      try {
        answer = Promise.resolve(fetch(query, controller.signal));
      } catch (error) {
        answer = Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
      answer.then(
        (items) => {
          if (token !== this.token || controller.signal.aborted) return;
          this.controller = undefined;
          this.items = Array.isArray(items) ? items : [];
          this.status = 'ready';
          this.changed();
        },
        (error: unknown) => {
          if (token !== this.token || controller.signal.aborted) return;
          this.controller = undefined;
          this.items = [];
          this.status = isAbortError(error) ? 'idle' : 'error';
          this.changed();
        },
      );
    };
    if (delay > 0) this.timer = setTimeout(run, delay);
    else run();
  }

  /** Drop everything: cancel the scheduled request, abort the one in flight, forget the answer. */
  reset(): void {
    this.stop();
    this.status = 'idle';
    this.items = [];
    this.query = '';
  }

  private stop(): void {
    this.token++;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.controller?.abort();
    this.controller = undefined;
  }
}
