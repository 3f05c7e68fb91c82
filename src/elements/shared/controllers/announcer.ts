/**
 * A polite live region for what an element announces (counts, results, a value added):
 * `announce(text)`, and `render()` gives the visually hidden `role="status"` region the
 * host places once in its template. The same text announced twice is cleared and set
 * again a moment later, so screen readers read it again; a new text replaces one not yet
 * read. The host's styles must have the kit's `.visually-hidden` (in `baseStyles`).
 */
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

/** How long the region stays empty before a repeated text is set again (ms). */
export const REANNOUNCE_DELAY = 100;

export class AnnouncerController implements ReactiveController {
  private readonly host: ReactiveControllerHost;
  private _text = '';
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost) {
    this.host = host;
    host.addController(this);
  }

  /** What the region holds now. */
  get text(): string {
    return this._text;
  }

  /** Announce `text` politely (an empty text clears the region). */
  announce(text: string): void {
    this.cancel();
    if (text !== '' && text === this._text) {
      this.set('');
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.set(text);
      }, REANNOUNCE_DELAY);
      return;
    }
    this.set(text);
  }

  clear(): void {
    this.cancel();
    this.set('');
  }

  /** The live region; place it once in the host's template. */
  render(): TemplateResult {
    return html`<div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this._text}</div>`;
  }

  hostDisconnected(): void {
    this.cancel();
  }

  private set(text: string): void {
    if (text === this._text) return;
    this._text = text;
    this.host.requestUpdate();
  }

  private cancel(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
