/** The builder's toolbar (size, undo/redo, save), its properties form, and its list of problems. */
import { html, nothing, type TemplateResult } from 'lit';
import type { SegmentProperties } from '../../core/model/edit.js';
import { setProperties } from '../../core/model/edit.js';
import type { SegmentError } from '../../core/model/types.js';
import type { ProviderTaskStatus } from '../shared/controllers/provider-task.js';
import { icons } from '../shared/icons.js';
import { currentTranslator, term, errorText } from '../shared/messages.js';
import type { BuilderView } from './view.js';

export interface ToolbarState {
  hasProvider: boolean;
  countStatus: ProviderTaskStatus;
  countError: unknown;
  valid: boolean;
  problemsShown: boolean;
  saving: boolean;
  status: string;
  saveError: string | undefined;
  retryCount(): void;
  undo(): void;
  redo(): void;
  cancel(): void;
  save(activate: boolean): void;
  showKeys(): void;
  /** The pointer or focus reached the help's button (its dialog loads on first use). */
  preloadKeys(): void;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function toolbar(view: BuilderView, s: ToolbarState): TemplateResult {
  const total = view.counts.result?.total;
  const stale = view.counts.stale;
  let sizeText: TemplateResult;
  if (!s.hasProvider) sizeText = html`<span class="muted">${term('builder.size.noProvider')}</span>`;
  else if (s.countStatus === 'blocked')
    sizeText = html`<span class="muted">${s.problemsShown ? term('builder.size.fix') : term('builder.size.chooseAttribute')}</span>`;
  else if (total === undefined) sizeText = html`<span class="muted">${term('builder.size.counting')}</span>`;
  else
    sizeText = html`<strong class=${stale ? 'stale' : ''}>${currentTranslator().format.number(total)}</strong>
      <span class="muted">${view.audienceNoun(total)}</span
      >${stale ? html`<span class="visually-hidden">${term('builder.size.updating')}</span>` : nothing}`;
  return html`<div class="toolbar" part="toolbar">
    <div class="size" part="size" aria-busy=${s.countStatus === 'pending' ? 'true' : 'false'}>
      <span>${term('builder.size.label')}</span> ${sizeText}
      ${
        s.countStatus === 'error'
          ? html`<span class="error-line" role="alert"
              >${term('builder.size.failed', { message: message(s.countError) })}
              <button type="button" @click=${() => s.retryCount()}>${term('builder.retry')}</button></span
            >`
          : nothing
      }
    </div>
    ${
      view.readonly
        ? nothing
        : html`<div class="actions">
            <button type="button" @click=${() => s.undo()} ?disabled=${!view.editor.canUndo} aria-keyshortcuts="Control+Z Meta+Z">
              ${icons.undo} ${term('builder.undo')}
            </button>
            <button
              type="button"
              @click=${() => s.redo()}
              ?disabled=${!view.editor.canRedo}
              aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z"
            >
              ${icons.redo} ${term('builder.redo')}
            </button>
            <button
              type="button"
              class="keys-button"
              aria-keyshortcuts="Shift+?"
              @pointerenter=${s.preloadKeys}
              @focus=${s.preloadKeys}
              @click=${() => s.showKeys()}
            >
              ${term('builder.keys.button')}
            </button>
            <button type="button" @click=${() => s.cancel()}>${term('builder.cancel')}</button>
            <button type="button" @click=${() => s.save(false)} ?disabled=${s.saving}>
              ${s.valid ? term('builder.save') : term('builder.saveDraft')}
            </button>
            <button
              type="button"
              class="primary"
              @click=${() => s.save(true)}
              ?disabled=${!s.valid || s.saving}
              title=${s.valid ? '' : term('builder.saveActivate.disabled')}
            >
              ${term('builder.saveActivate')}
            </button>
          </div>`
    }
    <div class="status" role="status">${s.saveError ? html`<span class="error-text">${s.saveError}</span>` : s.status}</div>
  </div>`;
}

function setProperty(view: BuilderView, patch: SegmentProperties, coalesce: string): void {
  view.edit((d) => setProperties(d, patch), { coalesce });
}

export function propertiesForm(view: BuilderView): TemplateResult {
  const doc = view.editor.segment!;
  const nameError = view.editor.shownErrors.find((e) => e.path === '/name');
  const type = doc.type === 'static' ? term('builder.prop.static') : term('builder.prop.dynamic');
  if (view.readonly) {
    return html`<div class="properties" part="properties">
      <div class="field"><span class="muted">${term('builder.prop.name')}</span><span>${doc.name ?? ''}</span></div>
      <div class="field"><span class="muted">${term('builder.prop.displayName')}</span><span>${doc.displayName ?? ''}</span></div>
      <div class="field"><span class="muted">${term('builder.prop.type')}</span><span>${type}</span></div>
      ${
        doc.description
          ? html`<div class="field"><span class="muted">${term('builder.prop.description')}</span><span>${doc.description}</span></div>`
          : nothing
      }
    </div>`;
  }
  const text = (e: Event) => (e.target as HTMLInputElement | HTMLTextAreaElement).value || undefined;
  return html`<div class="properties" part="properties">
    <div class="field">
      <label for="prop-name">${term('builder.prop.name')}</label>
      <input
        id="prop-name"
        .value=${doc.name ?? ''}
        autocomplete="off"
        spellcheck="false"
        aria-invalid=${nameError ? 'true' : 'false'}
        aria-describedby=${nameError ? 'prop-name-error' : 'prop-name-hint'}
        @input=${(e: Event) => setProperty(view, { name: text(e) }, 'name')}
      />
      ${
        nameError
          ? html`<span class="field-error" id="prop-name-error">${errorText(nameError)}</span>`
          : html`<span class="muted" id="prop-name-hint">${term('builder.prop.name.hint')}</span>`
      }
    </div>
    <div class="field">
      <label for="prop-displayName">${term('builder.prop.displayName')}</label>
      <input
        id="prop-displayName"
        .value=${doc.displayName ?? ''}
        @input=${(e: Event) => setProperty(view, { displayName: text(e) }, 'displayName')}
      />
    </div>
    <div class="field">
      <label for="prop-description">${term('builder.prop.description')}</label>
      <textarea
        id="prop-description"
        rows="2"
        .value=${doc.description ?? ''}
        @input=${(e: Event) => setProperty(view, { description: text(e) }, 'description')}
      ></textarea>
    </div>
    <fieldset>
      <legend>${term('builder.prop.type')}</legend>
      <label
        ><input
          type="radio"
          name="type"
          value="dynamic"
          .checked=${doc.type !== 'static'}
          @change=${() => setProperty(view, { type: 'dynamic' }, 'type')}
        />${term('builder.prop.dynamic')}</label
      >
      <label
        ><input
          type="radio"
          name="type"
          value="static"
          .checked=${doc.type === 'static'}
          @change=${() => setProperty(view, { type: 'static' }, 'type')}
        />${term('builder.prop.static')}</label
      >
    </fieldset>
  </div>`;
}

export function problemList(errors: SegmentError[], goTo: (e: SegmentError) => void): TemplateResult | typeof nothing {
  if (errors.length === 0) return nothing;
  const shown = errors.slice(0, 50);
  return html`<section class="problems" part="problems" aria-labelledby="problems-title">
    <h2 id="problems-title">${term('builder.problems.title', { count: errors.length })}</h2>
    <ul>
      ${shown.map((e) => html`<li><button type="button" @click=${() => goTo(e)}>${errorText(e)}</button></li>`)}
    </ul>
    ${errors.length > shown.length ? html`<p>${term('builder.problems.more', { count: errors.length - shown.length })}</p>` : nothing}
  </section>`;
}
