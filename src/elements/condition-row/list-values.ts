/**
 * The row's list editor state ("is one of"): the text being typed, the note for text
 * that is not a number, and the value suggestions — from the provider's `suggestValues`
 * (or an enumeration's own values) through a debounced `ProviderTask`, walked with the
 * listbox controller and floated by the popover controller. All three controllers are
 * made when suggestions are first asked for, so list rows that are only shown cost none,
 * and their code comes with the row's popups (`lazy.ts`), loaded on the first need.
 */
import type { ReactiveControllerHost, TemplateResult } from 'lit';
import type { AttributeDef, ConditionValue } from '../../core/model/types.js';
import type { SegmentProvider } from '../../core/provider/types.js';
import type { ListboxController } from '../shared/controllers/listbox.js';
import type { PopoverController } from '../shared/controllers/popover.js';
import type { ProviderTask } from '../shared/controllers/provider-task.js';
import { addToList, LIST_IDS, listEditor, type ListSuggestion } from '../shared/value-editors/list.js';
import { listValues, rawText, sameScalar, valueLabel } from '../shared/value-editors/values.js';
import { inLocaleOf } from '../shared/controllers/locale.js';
import { PANEL_SIZE } from './attribute-picker.js';
import { loadedPopups, loadPopups } from './lazy.js';

/** How many value suggestions are asked for, and how long typing pauses before asking. */
export const SUGGESTION_LIMIT = 8;
export const SUGGESTION_DELAY = 250;

export type SuggestionFetch = (query: string, signal: AbortSignal) => Promise<ListSuggestion[]>;

export interface ListValuesOptions {
  /** The condition's value now. */
  value: () => unknown;
  /** The condition's entity and attribute, with the attribute's definition. */
  target: () => { entity: string; attribute: string; def: AttributeDef } | undefined;
  provider: () => SegmentProvider | undefined;
  setValue: (value: ConditionValue) => void;
}

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: ParentNode };

export class ListValues {
  private text = '';
  private note = '';
  private open = false;
  private task: ProviderTask<[string, SuggestionFetch], ListSuggestion[]> | undefined;
  private listbox: ListboxController | undefined;
  private popover: PopoverController | undefined;
  /** Bumped on close and by each request that waits for the popups: only the latest such request, if not closed since, goes out. */
  private generation = 0;

  constructor(
    private readonly host: Host,
    private readonly o: ListValuesOptions,
  ) {}

  /** The attribute or operator changed: start over. */
  reset(): void {
    this.text = '';
    this.note = '';
    this.close();
  }

  /** Close the suggestions: drop the scheduled request, abort the one in flight, forget the answer. */
  close(): void {
    this.generation++;
    if (!this.open && !this.task) return;
    this.open = false;
    this.task?.reset();
    this.listbox?.reset(-1);
    this.popover?.hide({ focus: false });
    this.host.requestUpdate();
  }

  render(def: AttributeDef, errorIds: string[]): TemplateResult {
    const task = this.task;
    return listEditor({
      type: def.type,
      attribute: def,
      value: this.o.value(),
      errors: errorIds,
      text: this.text,
      note: this.note,
      suggestions: {
        open: this.open,
        status: task?.status ?? 'initial',
        items: this.visible(),
        active: this.listbox?.active ?? -1,
      },
      onInput: this.onInput,
      onKeydown: this.onKeydown,
      onFocusout: this.onFocusout,
      onRemove: this.onRemove,
      onPick: this.onPick,
    });
  }

  /** The suggestions shown: the latest answer, without the values already chosen. */
  private visible(): ListSuggestion[] {
    const task = this.task;
    if (!this.open || !task || task.status !== 'complete') return [];
    const items = task.value ?? [];
    if (items.length === 0) return items;
    const values = listValues(this.o.value());
    return items.filter((s) => !values.some((v) => sameScalar(v, s.value))).slice(0, SUGGESTION_LIMIT);
  }

  /** Where suggestions come from: the provider's top values, else the enumeration's values. */
  private source(): SuggestionFetch | undefined {
    const target = this.o.target();
    if (!target) return undefined;
    const { entity, attribute, def } = target;
    const provider = this.o.provider();
    if (provider && typeof provider.suggestValues === 'function') {
      return async (query, signal) => {
        const rows: unknown = await provider.suggestValues(entity, attribute, { query, limit: SUGGESTION_LIMIT, signal });
        const out: ListSuggestion[] = [];
        for (const r of Array.isArray(rows) ? (rows as unknown[]) : []) {
          if (!r || typeof r !== 'object') continue;
          const row = r as { value?: unknown; label?: unknown; count?: unknown };
          if (row.value === null || row.value === undefined || typeof row.value === 'object') continue;
          out.push({
            value: row.value,
            label: typeof row.label === 'string' && row.label !== '' ? row.label : valueLabel(def, row.value),
            count: typeof row.count === 'number' && Number.isFinite(row.count) ? row.count : undefined,
          });
        }
        return out;
      };
    }
    const options = def.values;
    if (options && options.length > 0) {
      return (query) => {
        const q = query.trim().toLowerCase();
        return Promise.resolve(
          options
            .filter((x) => x && (q === '' || `${rawText(x.value)}\u0000${x.label ?? ''}`.toLowerCase().includes(q)))
            .slice(0, SUGGESTION_LIMIT)
            .map((x) => ({ value: x.value, label: valueLabel(def, x.value) })),
        );
      };
    }
    return undefined;
  }

  private request(query: string, delay: number): void {
    const source = this.source();
    if (!source) return;
    const popups = loadedPopups();
    if (!popups) {
      const generation = ++this.generation;
      loadPopups().then(
        () => {
          if (generation === this.generation && this.host.isConnected) this.request(query, delay);
        },
        () => undefined,
      );
      return;
    }
    const { ListboxController, PopoverController, ProviderTask } = popups;
    this.task ??= new ProviderTask(this.host, { task: ([q, fetch], { signal }) => fetch(q, signal), delay: SUGGESTION_DELAY });
    this.listbox ??= new ListboxController(this.host, {
      count: () => this.visible().length,
      id: (i) => `suggestion-${i}`,
      mode: 'combobox',
    });
    this.popover ??= new PopoverController(this.host, {
      anchor: () => this.host.renderRoot.querySelector('.list'),
      panel: () => this.host.renderRoot.querySelector<HTMLElement>('.panel.suggestions'),
      sizeProperties: PANEL_SIZE,
      closeOnOutsideClick: false, // leaving the input (focusout) closes it
      onOpenChange: (open) => {
        if (!open && this.open) this.close();
      },
    });
    this.open = true;
    this.listbox.reset(-1);
    this.popover.show();
    if (delay > 0) void this.task.run([query, source], { delay });
    else void this.task.runNow([query, source]);
  }

  /** Add typed or chosen values; false when one could not be read (not a number). */
  private add(items: { value: unknown; typed: boolean }[]): boolean {
    const target = this.o.target();
    if (!target) return false;
    const result = inLocaleOf(this.host, () => addToList(this.o.value(), target.def.type, items));
    if (result.changed) this.o.setValue(result.values);
    this.note = result.note ?? '';
    this.host.requestUpdate();
    return result.note === undefined;
  }

  private input(): HTMLInputElement | null {
    return this.host.renderRoot.querySelector<HTMLInputElement>(`#${LIST_IDS.input}`);
  }

  // ------------------------------------------------------------------ events

  private readonly onInput = (e: Event): void => {
    const input = e.target as HTMLInputElement;
    let s = input.value;
    this.note = '';
    if (s.includes(',')) {
      const parts = s.split(',');
      const rest = parts.pop() ?? '';
      const ok = this.add(parts.map((p) => ({ value: p, typed: true })));
      s = ok ? rest : s;
      input.value = s;
    }
    this.text = s;
    this.host.requestUpdate();
    this.request(s, SUGGESTION_DELAY);
  };

  private readonly onKeydown = (e: KeyboardEvent): void => {
    const input = e.target as HTMLInputElement;
    switch (e.key) {
      case 'ArrowDown':
        if (!this.open) {
          e.preventDefault();
          this.request(input.value, 0);
          return;
        }
        break;
      case 'Enter': {
        e.preventDefault();
        const chosen = this.open ? this.visible()[this.listbox?.active ?? -1] : undefined;
        const ok = chosen ? this.add([{ value: chosen.value, typed: false }]) : this.add([{ value: input.value, typed: true }]);
        if (ok) {
          input.value = '';
          this.text = '';
          this.close();
        }
        return;
      }
      case 'Backspace': {
        const values = listValues(this.o.value());
        if (input.value === '' && values.length > 0) {
          e.preventDefault();
          this.remove(values.length - 1);
        }
        return;
      }
    }
    // Arrows, Home/End (once an option is active), PageUp/PageDown; Escape is the popover's.
    if (this.open) this.listbox?.handleKeydown(e);
    else if (e.key === 'ArrowUp') e.preventDefault();
  };

  private readonly onFocusout = (e: FocusEvent): void => {
    const to = e.relatedTarget as Node | null;
    const panel = this.host.renderRoot.querySelector('.panel.suggestions');
    if (to && panel?.contains(to)) return;
    this.close();
  };

  private remove(i: number): void {
    const values = listValues(this.o.value()).slice();
    if (i < 0 || i >= values.length) return;
    values.splice(i, 1);
    this.o.setValue(values as ConditionValue);
  }

  private readonly onRemove = (i: number): void => {
    this.remove(i);
    this.input()?.focus();
  };

  private readonly onPick = (i: number): void => {
    const chosen = this.visible()[i];
    if (!chosen) return;
    if (this.add([{ value: chosen.value, typed: false }])) {
      this.text = '';
      this.close();
    }
    this.input()?.focus();
  };
}
