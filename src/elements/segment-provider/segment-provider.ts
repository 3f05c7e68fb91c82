import { provide } from '@lit/context';
import { Task } from '@lit/task';
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { Catalog } from '../../core/model/types.js';
import type { SegmentProvider } from '../../core/provider/types.js';
import { catalogContext, providerContext } from '../shared/context.js';
import { emit } from '../shared/events.js';

export type { CatalogErrorDetail, CatalogLoadDetail } from '../shared/events.js';

/**
 * Hands a data provider, and the catalog it describes, to every segment-kit element
 * inside it through `@lit/context`, so a page wires its backend in one place.
 *
 * @tagname segment-provider
 * @summary Provides the data provider and its catalog to the elements inside.
 * @slot - The segment-kit elements (or any markup containing them).
 * @event {CustomEvent<CatalogErrorDetail>} segment-catalog-error - The provider could not load its catalog (`detail: { error, message }`).
 * @event {CustomEvent<CatalogLoadDetail>} segment-catalog-load - The catalog arrived (`detail: { catalog }`).
 * @csspart error - The message shown when the catalog cannot be loaded.
 * @csspart retry - The button that tries to load the catalog again.
 * @cssproperty --sk-color-danger - Text colour of the error message.
 */
export class SegmentProviderElement extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
    [part='error'] {
      display: flex;
      gap: 0.5em;
      align-items: center;
      color: var(--sk-color-danger, #b3261e);
      font: var(--sk-font, 0.875rem/1.4 system-ui, sans-serif);
      margin-block: 0.5em;
    }
  `;

  /** The data provider every element inside uses (unless it has its own `provider`). */
  @provide({ context: providerContext })
  @property({ attribute: false })
  provider: SegmentProvider | undefined;

  /** The catalog: loaded from the provider, or set directly to skip loading. */
  @provide({ context: catalogContext })
  @property({ attribute: false })
  catalog: Catalog | undefined;

  private catalogSetByHost = false;

  private readonly loader = new Task(this, {
    task: async ([provider], { signal }) => {
      if (!provider || this.catalogSetByHost) return this.catalog;
      const catalog = await provider.getCatalog({ signal });
      this.catalog = catalog;
      emit(this, 'segment-catalog-load', { catalog });
      return catalog;
    },
    args: () => [this.provider] as const,
    onError: (error) => {
      emit(this, 'segment-catalog-error', { error, message: error instanceof Error ? error.message : String(error) });
    },
  });

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('catalog') && this.catalog !== undefined && this.loader.value !== this.catalog) this.catalogSetByHost = true;
  }

  /** Load the catalog again (after an error, or when the backend changed). */
  reload(): void {
    this.catalogSetByHost = false;
    void this.loader.run();
  }

  override render(): TemplateResult {
    return html`<slot></slot>${this.loader.render({
        error: (e) =>
          html`<div part="error" role="alert">
            <span>The data catalog could not be loaded: ${e instanceof Error ? e.message : String(e)}</span>
            <button part="retry" type="button" @click=${() => this.reload()}>Retry</button>
          </div>`,
        pending: () => nothing,
        complete: () => nothing,
        initial: () => nothing,
      })}`;
  }
}
