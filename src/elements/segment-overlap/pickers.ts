/**
 * The segment pickers of `<segment-overlap>`: one searchable combobox per set (A, B and
 * an optional C), filled from `provider.listSegments` and filtered as the person types
 * (APG combobox with a listbox popup: arrows, Home/End, PageUp/PageDown, Enter, Escape);
 * when the provider has more segments than the first page, what is typed is searched
 * through `listSegments({ search })` instead.
 * One listbox is open at a time, so one `ListboxController` serves them all.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { SegmentSummary } from '../../core/provider/types.js';
import { OVERLAP_LETTERS } from '../../core/overlap/regions.js';
import { ListboxController } from '../shared/controllers/listbox.js';
import { term } from '../shared/messages.js';

/** How many matching segments the listbox shows at most. */
export const MAX_PICKER_OPTIONS = 50;

/** A summary's name as shown: its display name, else its name, else its id. */
export const summaryName = (s: Pick<SegmentSummary, 'id' | 'name' | 'displayName'>): string => s.displayName || s.name || s.id;

export interface PickerHost {
  /**
   * The segments to choose from for `query` (undefined while they load). `matched`: the
   * provider has matched them to the query already (a search), so the pickers do not
   * filter them again.
   */
  segments(query: string): { items: readonly SegmentSummary[]; matched: boolean } | undefined;
  /** The summary of a chosen segment, if known (for its name). */
  summary(id: string): SegmentSummary | undefined;
  /** The person typed `query` in a picker (the host may ask the provider to search). */
  onQuery(query: string): void;
  /** The id chosen in each slot ('' for none); two or three slots. */
  slots(): readonly string[];
  /** A slot's choice changed (or the third slot was added or removed: `slots` is the new list). */
  onChange(slots: string[]): void;
}

export class SegmentPickers {
  /** The slot whose listbox is open, or -1. */
  private open = -1;
  private query = '';
  private readonly listbox: ListboxController;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & { readonly renderRoot: ParentNode },
    private readonly o: PickerHost,
  ) {
    this.listbox = new ListboxController(host, {
      count: () => this.options().length,
      id: (i) => (this.options()[i] ? `option-${i}` : undefined),
      mode: 'combobox',
      homeEnd: 'active',
      onSelect: (i) => this.choose(this.open, this.options()[i]),
      root: () => (this.open >= 0 ? this.host.renderRoot : undefined),
    });
  }

  /** The segments matching the open slot's query, without those chosen in the other slots. */
  private options(): SegmentSummary[] {
    const got = this.o.segments(this.query);
    const taken = new Set(this.o.slots().filter((id, i) => id && i !== this.open));
    const q = got?.matched ? '' : this.query.trim().toLowerCase();
    const out: SegmentSummary[] = [];
    for (const s of got?.items ?? []) {
      if (taken.has(s.id)) continue;
      if (q && ![s.displayName, s.name, s.id].some((t) => t?.toLowerCase().includes(q))) continue;
      out.push(s);
      if (out.length >= MAX_PICKER_OPTIONS) break;
    }
    return out;
  }

  private show(slot: number, query: string): void {
    this.open = slot;
    if (query !== this.query && query.trim()) this.o.onQuery(query);
    this.query = query;
    const current = this.o.slots()[slot];
    const at = query ? 0 : this.options().findIndex((s) => s.id === current);
    this.listbox.reset(Math.max(0, at));
    this.host.requestUpdate();
  }

  /** New segments arrived for the open picker (a search answered): make the first one active if none is. */
  refreshed(): void {
    if (this.open >= 0 && this.listbox.active < 0) this.listbox.reset(0);
  }

  private close(): void {
    if (this.open < 0) return;
    this.open = -1;
    this.query = '';
    this.host.requestUpdate();
  }

  private choose(slot: number, s: SegmentSummary | undefined): void {
    if (slot < 0 || !s) return;
    const next = [...this.o.slots()];
    next[slot] = s.id;
    this.close();
    this.o.onChange(next);
  }

  private addThird(): void {
    const next = [...this.o.slots(), ''];
    this.o.onChange(next);
    void this.host.updateComplete.then(() => this.q<HTMLInputElement>('#picker-2')?.focus());
  }

  private removeThird(): void {
    this.close();
    this.o.onChange(this.o.slots().slice(0, 2));
    void this.host.updateComplete.then(() => this.q<HTMLButtonElement>('.add-third')?.focus());
  }

  // ------------------------------------------------------------------ render

  render(): TemplateResult {
    const slots = this.o.slots();
    return html`<fieldset part="pickers" class="pickers">
      <legend class="visually-hidden">${term('overlap.choose')}</legend>
      ${slots.map((id, i) => this.renderSlot(i, id))}
      ${
        slots.length < 3
          ? html`<button type="button" part="add-third" class="add-third quiet" @click=${() => this.addThird()}>
              <span aria-hidden="true">+</span> ${term('overlap.picker.add')}
            </button>`
          : nothing
      }
    </fieldset>`;
  }

  private renderSlot(slot: number, id: string): TemplateResult {
    const letter = OVERLAP_LETTERS[slot]!;
    const isOpen = this.open === slot;
    const chosen = id ? this.o.summary(id) : undefined;
    const shown = isOpen ? this.query : chosen ? summaryName(chosen) : id;
    const options = isOpen ? this.options() : [];
    const active = isOpen ? this.listbox.active : -1;
    return html`<div class="picker" data-slot=${slot} @focusout=${(e: FocusEvent) => this.onFocusout(e, slot)}>
      <label for=${`picker-${slot}`} class="picker-label"
        ><span class="letter" aria-hidden="true">${letter}</span>${term('overlap.picker', { letter })}</label
      >
      <div class="picker-field">
        <input
          id=${`picker-${slot}`}
          part="picker"
          type="text"
          role="combobox"
          autocomplete="off"
          spellcheck="false"
          aria-expanded=${isOpen ? 'true' : 'false'}
          aria-controls=${`listbox-${slot}`}
          aria-autocomplete="list"
          aria-activedescendant=${isOpen && active >= 0 && options[active] ? `option-${active}` : nothing}
          placeholder=${term('overlap.picker.placeholder')}
          .value=${live(shown)}
          @input=${(e: Event) => this.show(slot, (e.target as HTMLInputElement).value)}
          @click=${() => (isOpen ? this.close() : this.show(slot, ''))}
          @keydown=${(e: KeyboardEvent) => this.onKeydown(e, slot)}
        />
        ${
          slot === 2
            ? html`<button
                type="button"
                class="icon quiet"
                part="remove"
                aria-label=${term('overlap.picker.clear', { letter })}
                @click=${() => this.removeThird()}
              >
                <span aria-hidden="true">×</span>
              </button>`
            : nothing
        }
        <div
          id=${`listbox-${slot}`}
          role="listbox"
          part="listbox"
          class="listbox"
          aria-label=${term('overlap.picker', { letter })}
          ?hidden=${!isOpen}
          @mousedown=${(e: Event) => e.preventDefault()}
        >
          ${isOpen ? this.renderOptions(slot, options, active) : nothing}
        </div>
      </div>
    </div>`;
  }

  private renderOptions(slot: number, options: SegmentSummary[], active: number): TemplateResult {
    if (!this.o.segments(this.query)) {
      return html`<div role="option" class="option empty" aria-disabled="true" aria-selected="false">
        ${term('overlap.picker.loading')}
      </div>`;
    }
    if (options.length === 0) {
      return html`<div role="option" class="option empty" aria-disabled="true" aria-selected="false">${term('overlap.picker.none')}</div>`;
    }
    return html`${options.map(
      (s, i) =>
        html`<div
          role="option"
          part="option"
          id=${`option-${i}`}
          class=${`option${i === active ? ' active' : ''}`}
          aria-selected=${i === active ? 'true' : 'false'}
          data-id=${s.id}
          @click=${() => this.choose(slot, s)}
        >
          <span class="option-label">${summaryName(s)}</span>
          ${s.memberCount !== null ? html`<span class="option-hint">${term('overlap.total', { count: s.memberCount })}</span>` : nothing}
        </div>`,
    )}`;
  }

  // ------------------------------------------------------------------ events

  private onKeydown(e: KeyboardEvent, slot: number): void {
    if (this.open !== slot) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        this.show(slot, '');
      }
      return;
    }
    if (e.key === 'Escape') {
      e.preventDefault();
      this.close();
      return;
    }
    if (e.key === 'Tab') {
      this.close();
      return;
    }
    if (this.listbox.handleKeydown(e)) return;
    if (e.key === 'Enter') e.preventDefault();
  }

  private onFocusout(e: FocusEvent, slot: number): void {
    const to = e.relatedTarget as Node | null;
    if (to && (e.currentTarget as HTMLElement).contains(to)) return;
    if (this.open === slot) this.close();
  }

  private q<E extends Element = HTMLElement>(selector: string): E | null {
    return this.host.renderRoot.querySelector<E>(selector);
  }
}
