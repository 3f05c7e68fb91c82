/**
 * The language an element shows: the `lang` of its nearest ancestor, looked up through
 * shadow roots (an element inside `<segment-workspace>` follows the page around the
 * workspace). One `MutationObserver` on the document, shared by every connected element,
 * sees a `lang` change anywhere in the page, and `registerLocale` / `setMessages` are seen
 * too: each element whose translator changed renders again, in its new language.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Translator } from '../../../core/messages/translator.js';
import { onMessagesChange, translatorFor, withTranslator } from '../messages.js';

/** The `lang` in effect for `el`: its own or its nearest ancestor's, across shadow roots ("" when none). */
export function langOf(el: Element): string {
  let node: Element | null = el;
  while (node) {
    const found: Element | null = node.closest('[lang]');
    if (found) return found.getAttribute('lang') ?? '';
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return '';
}

const connected = new Set<LocaleController>();
let observer: MutationObserver | undefined;
let unsubscribe: (() => void) | undefined;
const refreshAll = () => connected.forEach((c) => c.refresh());

export class LocaleController implements ReactiveController {
  private current: Translator | undefined;

  constructor(private readonly host: ReactiveControllerHost & Element) {
    host.addController(this);
  }

  /** The translator of the element's language (its formats are that language's too). */
  get translator(): Translator {
    return (this.current ??= translatorFor(langOf(this.host)));
  }

  /** The language tag the element follows ("" when no ancestor has `lang`). */
  get lang(): string {
    return langOf(this.host);
  }

  hostConnected(): void {
    connected.add(this);
    if (!observer && typeof MutationObserver !== 'undefined') {
      observer = new MutationObserver(refreshAll);
      observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
      unsubscribe = onMessagesChange(refreshAll);
    }
    this.refresh();
  }

  hostDisconnected(): void {
    connected.delete(this);
    if (connected.size) return;
    observer?.disconnect();
    unsubscribe?.();
    observer = unsubscribe = undefined;
  }

  /** Look the language up again; render again when the translator changed. */
  refresh(): void {
    const next = translatorFor(langOf(this.host));
    if (next === this.current) return;
    const first = this.current === undefined;
    this.current = next;
    if (!first) this.host.requestUpdate();
  }
}

/** Run `fn` in the language of `el` (text made in an event handler or a callback, outside an update). */
export function inLocaleOf<T>(el: Element, fn: () => T): T {
  return withTranslator(translatorFor(langOf(el)), fn);
}
