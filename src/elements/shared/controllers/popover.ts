/**
 * A floating panel's life: open/closed state, placement next to its anchor with Floating
 * UI (`autoUpdate`, loaded lazily on the first open, cleaned up on close and on
 * disconnect), Escape and a click outside close it (the event's `composedPath`, so clicks
 * inside shadow roots count as inside), and focus goes back to the anchor when it was in
 * the panel. The attribute picker, the value suggestions, a list's menus and a chart's
 * tooltip use it.
 *
 * Nothing is listened to while it is closed: the Escape listener (on the host) and the
 * outside-click listener (on the document) exist only while it is open. The host renders
 * the panel when `open` is true; the controller finds it with `panel()` after the update.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { float, type FloatOptions } from './floating.js';

export type PopoverCloseReason = 'escape' | 'outside' | 'select' | 'focusout' | 'api' | 'disconnect';

export interface PopoverOptions extends FloatOptions {
  /** The element the panel sits next to. */
  anchor: () => Element | null | undefined;
  /** The panel (rendered by the host while `open`); positioned with `position: fixed`. */
  panel: () => HTMLElement | null | undefined;
  /** Where focus returns on close (default: the anchor). */
  focusTarget?: () => HTMLElement | null | undefined;
  /** More elements that count as inside for outside clicks and Escape. */
  inside?: () => (Element | null | undefined)[];
  /** Escape closes it (default true). Handled on the host, so it never reaches the page. */
  closeOnEscape?: boolean;
  /** A pointerdown outside the anchor and the panel closes it (default true). */
  closeOnOutsideClick?: boolean;
  /** It opened or closed (the host is asked to update as well). */
  onOpenChange?: (open: boolean, reason?: PopoverCloseReason) => void;
}

export class PopoverController implements ReactiveController {
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly options: PopoverOptions;
  private _open = false;
  private floating: { panel: HTMLElement; anchor: Element; stop: () => void } | undefined;
  private listening = false;

  constructor(host: ReactiveControllerHost & HTMLElement, options: PopoverOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  get open(): boolean {
    return this._open;
  }

  /** Open it: the host renders the panel, which is then placed. */
  show(): void {
    if (this._open) return;
    this._open = true;
    this.listen(true);
    this.options.onOpenChange?.(true);
    this.host.requestUpdate();
  }

  /**
   * Close it. Focus returns to the anchor when it was inside the panel (`focus: 'auto'`,
   * the default), always (`true`) or never (`false`).
   */
  hide(options: { focus?: boolean | 'auto'; reason?: PopoverCloseReason } = {}): void {
    if (!this._open) return;
    const focus = options.focus ?? 'auto';
    const returnFocus = focus === true || (focus === 'auto' && this.focusIsInside());
    // Found before the host hears of the close (which may forget which anchor it was).
    const target = returnFocus ? (this.options.focusTarget?.() ?? (this.options.anchor() as HTMLElement | null)) : null;
    this._open = false;
    this.listen(false);
    this.stopFloating();
    this.options.onOpenChange?.(false, options.reason ?? 'api');
    this.host.requestUpdate();
    target?.focus();
  }

  toggle(): void {
    if (this._open) this.hide();
    else this.show();
  }

  /** Is `node` (or an event's path) inside the anchor, the panel or the extra elements? */
  contains(path: readonly EventTarget[] | Node | null | undefined): boolean {
    if (!path) return false;
    const inside = [this.options.anchor(), this.options.panel(), ...(this.options.inside?.() ?? [])].filter((x): x is Element => !!x);
    if (Array.isArray(path)) return inside.some((el) => (path as EventTarget[]).includes(el));
    const node = path as Node;
    return inside.some((el) => el === node || el.contains(node));
  }

  hostUpdated(): void {
    if (!this._open && !this.floating) return;
    const panel = this._open ? this.options.panel() : undefined;
    const anchor = panel ? this.options.anchor() : undefined;
    const f = this.floating;
    if (f && f.panel === panel && f.anchor === anchor) return;
    this.stopFloating();
    if (!panel || !anchor) return;
    this.floating = { panel, anchor, stop: float(anchor, panel, this.options) };
  }

  hostDisconnected(): void {
    this.hide({ focus: false, reason: 'disconnect' });
    this.stopFloating();
  }

  // ------------------------------------------------------------------ internals

  private stopFloating(): void {
    const f = this.floating;
    this.floating = undefined;
    f?.stop();
  }

  private focusIsInside(): boolean {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    const panel = this.options.panel();
    return !!active && !!panel && (panel === active || panel.contains(active));
  }

  private listen(on: boolean): void {
    if (on === this.listening) return;
    this.listening = on;
    const escape = this.options.closeOnEscape ?? true;
    const outside = this.options.closeOnOutsideClick ?? true;
    if (on) {
      if (escape) this.host.addEventListener('keydown', this.onKeydown);
      if (outside) document.addEventListener('pointerdown', this.onPointerdown, true);
    } else {
      if (escape) this.host.removeEventListener('keydown', this.onKeydown);
      if (outside) document.removeEventListener('pointerdown', this.onPointerdown, true);
    }
  }

  private readonly onKeydown = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape' || e.defaultPrevented || !this._open) return;
    if (!this.contains(e.composedPath())) return;
    e.preventDefault();
    e.stopPropagation();
    this.hide({ reason: 'escape' });
  };

  private readonly onPointerdown = (e: Event): void => {
    if (this.contains(e.composedPath())) return;
    this.hide({ focus: false, reason: 'outside' });
  };
}
