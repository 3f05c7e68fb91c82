/**
 * The attribute picker's panel: a floating, searchable listbox of the attributes in scope
 * and of related entities, grouped by entity, with its popover and keyboard controllers.
 * Loaded with the row's other popups (`popups.ts`) on the first need; a row makes it on
 * the first open.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { ListboxController } from '../shared/controllers/listbox.js';
import { PopoverController } from '../shared/controllers/popover.js';
import { term } from '../shared/messages.js';
import { optionIndex } from '../shared/value-editors/list.js';
import { formatNumber } from '../shared/value-editors/values.js';
import { attributeGroups, filterAttributes, type AttributeOption, type FilterResult } from './attribute-options.js';
import { MAX_RENDERED_OPTIONS, PANEL_SIZE, type PickerOptions } from './attribute-picker.js';

function preventDefault(e: Event): void {
  e.preventDefault();
}

/** The picker's panel, state and controllers; a row makes it on the first open. */
export class AttributePicker {
  private query = '';
  private popover: PopoverController | undefined;
  private listbox: ListboxController | undefined;
  private filtered: { groups: unknown; query: string; result: FilterResult } | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & { readonly renderRoot: ParentNode },
    private readonly o: PickerOptions,
  ) {}

  get isOpen(): boolean {
    return this.popover?.open ?? false;
  }

  open(): void {
    if (this.isOpen || !this.o.canOpen()) return;
    this.query = '';
    const popover = (this.popover ??= new PopoverController(this.host, {
      anchor: () => this.q('#attribute'),
      panel: () => this.q<HTMLElement>('.panel.picker'),
      sizeProperties: PANEL_SIZE,
    }));
    const listbox = (this.listbox ??= new ListboxController(this.host, {
      count: () => this.result()?.flat.length ?? 0,
      id: (i) => this.result()?.flat[i]?.id,
      mode: 'combobox',
      homeEnd: 'always',
      onSelect: (i) => this.choose(this.result()?.flat[i]),
      root: () => (this.isOpen ? this.host.renderRoot : undefined),
    }));
    const c = this.o.current();
    const at = this.result()?.flat.findIndex((x) => x.entity === c?.entity && x.attribute === c?.attribute) ?? -1;
    popover.show();
    listbox.reset(Math.max(0, at));
    void this.host.updateComplete.then(() => {
      if (this.isOpen) this.q<HTMLInputElement>('#attribute-search')?.focus();
    });
  }

  /** The attribute button's click: open, or close with focus back on the button. */
  toggle(): void {
    if (this.isOpen) this.close(true);
    else this.open();
  }

  /** Close it; `focusButton` returns focus to the attribute button. */
  close(focusButton = false): void {
    this.popover?.hide({ focus: focusButton });
  }

  private choose(option: AttributeOption | undefined): void {
    this.close(true);
    if (option) this.o.onChoose(option);
  }

  /** The options shown for the current query (cached per catalog, scope and query). */
  private result(): FilterResult | undefined {
    const catalog = this.o.catalog();
    if (!catalog) return undefined;
    const groups = attributeGroups(catalog, this.o.scope());
    const f = this.filtered;
    if (f && f.groups === groups && f.query === this.query) return f.result;
    const result = filterAttributes(groups, this.query, MAX_RENDERED_OPTIONS);
    this.filtered = { groups, query: this.query, result };
    return result;
  }

  // ------------------------------------------------------------------ render

  /** The floating panel (only while open). */
  renderPanel(entity: string, attribute: string): TemplateResult | typeof nothing {
    if (!this.isOpen) return nothing;
    const result = this.result() ?? { groups: [], flat: [], total: 0 };
    const active = result.flat[this.listbox?.active ?? -1];
    let i = 0;
    const option = (o: AttributeOption) => {
      const n = i++;
      const current = o.entity === entity && o.attribute === attribute;
      return html`<div
        role="option"
        part="option"
        id=${o.id}
        data-i=${n}
        class=${`option${o === active ? ' active' : ''}${current ? ' current' : ''}`}
        aria-selected=${o === active ? 'true' : 'false'}
      >
        <span class="option-label">${o.label}</span><span class="option-hint">${term(`attribute.type.${o.type}`)}</span>
      </div>`;
    };
    const more = result.total - result.flat.length;
    return html`<div class="panel picker" part="popover" @focusout=${this.onPanelFocusout}>
      <label class="visually-hidden" for="attribute-search">${term('attribute.search')}</label>
      <input
        id="attribute-search"
        part="search"
        type="text"
        role="combobox"
        autocomplete="off"
        spellcheck="false"
        aria-expanded="true"
        aria-controls="attribute-listbox"
        aria-autocomplete="list"
        aria-activedescendant=${active ? active.id : nothing}
        placeholder=${term('attribute.search')}
        .value=${live(this.query)}
        @input=${this.onSearchInput}
        @keydown=${this.onSearchKeydown}
      />
      <div
        id="attribute-listbox"
        role="listbox"
        tabindex="-1"
        aria-label=${term('attribute.label')}
        @mousedown=${preventDefault}
        @click=${this.onListClick}
      >
        ${
          result.flat.length === 0
            ? html`<div role="option" class="option empty" aria-disabled="true" aria-selected="false">${term('attribute.none')}</div>`
            : result.groups.map(
                (g) =>
                  html`<div role="group" aria-labelledby=${g.group.id}>
                    <div role="presentation" class="group-heading" id=${g.group.id}>${g.group.heading}</div>
                    ${g.options.map(option)}
                  </div>`,
              )
        }
      </div>
      ${more > 0 ? html`<p class="more" aria-live="polite">${term('attribute.more', { count: formatNumber(more) })}</p>` : nothing}
    </div>`;
  }

  // ------------------------------------------------------------------ events (arrow functions: stable listeners)

  private readonly onPanelFocusout = (e: FocusEvent): void => {
    const to = e.relatedTarget as Node | null;
    const panel = e.currentTarget as HTMLElement;
    if (to && (panel.contains(to) || to === this.q('#attribute'))) return;
    this.close(false);
  };

  private readonly onSearchInput = (e: Event): void => {
    this.query = (e.target as HTMLInputElement).value;
    this.listbox?.reset(0);
    this.host.requestUpdate();
  };

  /** Arrows, Home/End, PageUp/PageDown and Enter through the listbox controller; Escape is the popover's. */
  private readonly onSearchKeydown = (e: KeyboardEvent): void => {
    if (this.listbox?.handleKeydown(e)) return;
    if (e.key === 'Enter') e.preventDefault();
  };

  private readonly onListClick = (e: Event): void => {
    const i = optionIndex(e);
    if (i !== undefined) this.choose(this.result()?.flat[i]);
  };

  private q<E extends Element = HTMLElement>(selector: string): E | null {
    return this.host.renderRoot.querySelector<E>(selector);
  }
}
