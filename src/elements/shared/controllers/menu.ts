/**
 * A menu button (WAI-ARIA APG "menu button" pattern) on top of `PopoverController`:
 * - the button: Enter, Space or ArrowDown opens the menu on its first item, ArrowUp on
 *   its last; a click toggles it;
 * - the menu (`role="menu"`, items `role="menuitem"` with `tabindex="-1"`): ArrowDown /
 *   ArrowUp move (wrapping), Home / End, type-ahead by the items' text, Escape closes and
 *   returns focus to the button, Tab closes and lets focus move on;
 * - an item marked `aria-disabled="true"` can be focused (so its reason can be read) but
 *   not chosen.
 *
 * The host renders the button with `aria-haspopup="menu"` and `aria-expanded`, renders the
 * menu while `open`, wires `buttonKeydown`, `buttonClick` and `menuKeydown`, and calls
 * `choose(item)` from its items' click handler (which closes the menu, returning focus to
 * the button unless the action moves it elsewhere, e.g. into a dialog).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { PopoverController, type PopoverCloseReason } from './popover.js';
import type { FloatOptions } from './floating.js';
import { TYPEAHEAD_TIMEOUT } from './listbox.js';

export interface MenuOptions extends FloatOptions {
  /** The menu button. */
  button: () => HTMLElement | null | undefined;
  /** The `role="menu"` element (rendered by the host while `open`). */
  menu: () => HTMLElement | null | undefined;
  /** It opened or closed (the host is asked to update as well). */
  onOpenChange?: (open: boolean, reason?: PopoverCloseReason) => void;
}

export class MenuController implements ReactiveController {
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly options: MenuOptions;
  readonly popover: PopoverController;
  /** Which item to focus once the menu is rendered. */
  private focusOnOpen: 'first' | 'last' | undefined;
  private typed = '';
  private typedAt = 0;

  constructor(host: ReactiveControllerHost & HTMLElement, options: MenuOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
    this.popover = new PopoverController(host, {
      placement: 'bottom-end',
      fallbackPlacements: ['top-end', 'bottom-start', 'top-start'],
      ...options,
      anchor: options.button,
      panel: options.menu,
      onOpenChange: (open, reason) => {
        if (!open) this.focusOnOpen = undefined;
        options.onOpenChange?.(open, reason);
      },
    });
  }

  get open(): boolean {
    return this.popover.open;
  }

  /** Open the menu with focus on its first (or last) item. */
  show(focus: 'first' | 'last' = 'first'): void {
    this.focusOnOpen = focus;
    if (this.popover.open) this.host.requestUpdate();
    else this.popover.show();
  }

  /** Close it; focus returns to the button when it was in the menu (or when `focus` is true). */
  hide(options: { focus?: boolean | 'auto'; reason?: PopoverCloseReason } = {}): void {
    this.popover.hide({ focus: options.focus ?? 'auto', ...(options.reason ? { reason: options.reason } : {}) });
  }

  /** The items, in order. */
  items(): HTMLElement[] {
    const menu = this.options.menu();
    return menu ? [...menu.querySelectorAll<HTMLElement>('[role="menuitem"],[role="menuitemcheckbox"],[role="menuitemradio"]')] : [];
  }

  readonly buttonClick = (): void => {
    if (this.open) this.hide({ focus: true });
    else this.show('first');
  };

  readonly buttonKeydown = (e: KeyboardEvent): void => {
    if (e.key === 'ArrowDown' || e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      this.show('first');
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      this.show('last');
    }
  };

  readonly menuKeydown = (e: KeyboardEvent): void => {
    const items = this.items();
    if (!items.length) return;
    const current = items.findIndex((el) => el === (e.target as Element | null)?.closest?.('[role^="menuitem"]'));
    const go = (i: number) => {
      e.preventDefault();
      items[(i + items.length) % items.length]!.focus();
    };
    switch (e.key) {
      case 'ArrowDown':
        return go(current + 1);
      case 'ArrowUp':
        return go(current < 0 ? items.length - 1 : current - 1);
      case 'Home':
      case 'PageUp':
        return go(0);
      case 'End':
      case 'PageDown':
        return go(items.length - 1);
      case 'Tab':
        // Focus moves on from the button's place in the page.
        this.hide({ focus: false, reason: 'focusout' });
        this.options.button()?.focus();
        return;
      case 'Enter':
      case ' ':
        e.preventDefault();
        if (current >= 0) items[current]!.click();
        return;
      default:
        if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
          const now = Date.now();
          this.typed = now - this.typedAt > TYPEAHEAD_TIMEOUT ? e.key.toLowerCase() : this.typed + e.key.toLowerCase();
          this.typedAt = now;
          const order = [...items.slice(current + 1), ...items.slice(0, current + 1)];
          const single = this.typed.split('').every((c) => c === this.typed[0]);
          const hit =
            order.find((el) => (el.textContent ?? '').trim().toLowerCase().startsWith(this.typed)) ??
            (single ? order.find((el) => (el.textContent ?? '').trim().toLowerCase().startsWith(this.typed[0]!)) : undefined);
          if (hit) {
            e.preventDefault();
            hit.focus();
          }
        }
    }
  };

  /**
   * An item was clicked or activated: false (and nothing happens) when it is
   * `aria-disabled`; else the menu closes, focus returning to the button unless
   * `returnFocus` is false (the action puts it somewhere else).
   */
  choose(item: Element | null, returnFocus = true): boolean {
    if (!item || item.getAttribute('aria-disabled') === 'true') return false;
    this.hide({ focus: returnFocus ? true : false, reason: 'select' });
    return true;
  }

  hostUpdated(): void {
    if (!this.open || !this.focusOnOpen) return;
    const items = this.items();
    if (!items.length) return;
    const which = this.focusOnOpen;
    this.focusOnOpen = undefined;
    (which === 'last' ? items[items.length - 1] : items[0])!.focus();
  }
}
