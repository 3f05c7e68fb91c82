/**
 * The base of the kit's elements: a `provider` and `catalog` that come from properties or,
 * when not set, from a surrounding `<segment-provider>` through `@lit/context`; and the
 * language of the nearest `lang`, in which the element renders.
 */
import { consume, ContextRoot } from '@lit/context';
import { LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Catalog } from '../../core/model/types.js';
import type { MessageArgs, MessageKey } from '../../core/messages/translator.js';
import type { SegmentProvider } from '../../core/provider/types.js';
import { catalogContext, providerContext } from './context.js';
import { LocaleController } from './controllers/locale.js';
import { withTranslator } from './messages.js';

let contextRoot: ContextRoot | undefined;

export class SegmentKitElement extends LitElement {
  constructor() {
    super();
    // A <segment-provider> defined after the elements inside it still reaches them: the
    // root holds their context requests until a provider appears (attached once, by the
    // first element made, not as a module side effect).
    if (!contextRoot && typeof document !== 'undefined') {
      contextRoot = new ContextRoot();
      contextRoot.attach(document.documentElement);
    }
  }

  /** The data provider. Overrides the one from a surrounding `<segment-provider>`. */
  @property({ attribute: false }) provider: SegmentProvider | undefined;

  /** The catalog. Overrides the one from a surrounding `<segment-provider>` (or the provider's). */
  @property({ attribute: false }) catalog: Catalog | undefined;

  @consume({ context: providerContext, subscribe: true })
  @state()
  protected contextProvider: SegmentProvider | undefined;

  @consume({ context: catalogContext, subscribe: true })
  @state()
  protected contextCatalog: Catalog | undefined;

  /** The provider in effect: the property, else the context's. */
  get effectiveProvider(): SegmentProvider | undefined {
    return this.provider ?? this.contextProvider;
  }

  /** The catalog in effect: the property, else the context's. */
  get effectiveCatalog(): Catalog | undefined {
    return this.catalog ?? this.contextCatalog;
  }

  /** The language the element shows: the nearest `lang` (through shadow roots), followed live. */
  protected readonly locale = new LocaleController(this);

  /** Updates in the element's language: `term` in `willUpdate`, `render`, `updated` and the controllers' hooks reads its table. */
  protected override performUpdate(): void {
    withTranslator(this.locale.translator, () => super.performUpdate());
  }

  /** Run `fn` in the element's language (`term` inside it reads the element's table): text made outside `render`. */
  protected inLocale<T>(fn: () => T): T {
    return withTranslator(this.locale.translator, fn);
  }

  /** A message in the element's language, for text made outside `render` (notices, announcements). */
  protected msg<K extends MessageKey>(key: K, ...params: MessageArgs<K>): string {
    return this.locale.translator.t(key, ...params);
  }
}
