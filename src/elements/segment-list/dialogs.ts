/**
 * The list's dialogs: confirm a delete (naming the segments that use the ones deleted),
 * rename, tags, the refresh schedule, and activate or deactivate later. Each is a native
 * modal `<dialog>` (focus is trapped inside, Escape closes it, and focus goes back to what
 * opened it).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { REFRESH_SCHEDULES, type RefreshSchedule, type SegmentSummary } from '../../core/provider/types.js';
import { inLocaleOf } from '../shared/controllers/locale.js';
import { currentTranslator, term, type MessageKey } from '../shared/messages.js';
import { shownName } from './columns.js';
import type { SegmentListElement } from './segment-list.js';

export type ListDialog =
  | { kind: 'delete'; items: SegmentSummary[]; usedBy: Record<string, string[]>; error?: string }
  | { kind: 'rename'; items: SegmentSummary[]; error?: string }
  | { kind: 'tags'; items: SegmentSummary[]; error?: string }
  | { kind: 'schedule'; items: SegmentSummary[]; error?: string }
  | { kind: 'later'; items: SegmentSummary[]; state: 'active' | 'inactive'; error?: string };

const quoted = (s: { displayName?: string; name?: string; id?: string }) => term('list.quoted', { text: shownName(s) });

/** A `datetime-local` value (local time, minutes) for an instant. */
function localValue(t: number): string {
  const d = new Date(t);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

export function dialogTemplate(host: SegmentListElement, d: ListDialog): TemplateResult {
  const close = () => host.closeDialog();
  const fail = (error: string) => host.showDialogError(error);
  const submit = (run: (form: FormData) => Promise<boolean> | boolean) => (e: SubmitEvent) => {
    e.preventDefault();
    void Promise.resolve(run(new FormData(e.target as HTMLFormElement))).then((ok) => {
      if (ok) close();
    });
  };
  /** A form field's text. */
  const field = (form: FormData, name: string) => {
    const v = form.get(name);
    return typeof v === 'string' ? v : '';
  };
  let title: string;
  let body: TemplateResult;
  let confirm: string;
  let danger = false;
  let onSubmit: (e: SubmitEvent) => void;
  const one = d.items[0]!;
  switch (d.kind) {
    case 'delete': {
      const users = Object.entries(d.usedBy);
      title = term('list.dialog.delete.title', { count: d.items.length });
      confirm = term(users.length ? 'list.dialog.delete.anyway' : 'list.dialog.delete.confirm');
      danger = true;
      body = html`<ul class="names">
          ${d.items.slice(0, 10).map((s) => html`<li>${shownName(s)}</li>`)}${d.items.length > 10 ? html`<li>…</li>` : nothing}
        </ul>
        <p>${term('list.dialog.delete.body')}</p>
        ${
          users.length
            ? html`<div class="warning" part="used-by-warning" role="note">
                ${users.map(
                  ([id, ids]) =>
                    html`<p>
                      ${term('list.dialog.delete.usedBy', {
                        name: quoted(host.summaryOf(id) ?? { id }),
                        users: ids.map((u) => quoted(host.summaryOf(u) ?? { id: u })),
                      })}
                    </p>`,
                )}
                <p>${term('list.dialog.delete.keep')}</p>
              </div>`
            : nothing
        }`;
      onSubmit = submit(() =>
        host.doDelete(
          d.items.map((s) => s.id),
          users.length > 0,
        ),
      );
      break;
    }
    case 'rename': {
      title = term('list.dialog.rename.title', { name: quoted(one) });
      confirm = term('list.dialog.rename.confirm');
      body = html`<label class="field"
        ><span>${term('list.dialog.rename.field')}</span>
        <input
          name="displayName"
          required
          autofocus
          .value=${one.displayName || one.name}
          aria-invalid=${d.error ? 'true' : 'false'}
          aria-describedby="dialog-error"
      /></label>`;
      onSubmit = submit((form) => {
        const value = field(form, 'displayName').trim();
        if (!value) return fail(inLocaleOf(host, () => term('list.dialog.rename.empty')));
        return host.doUpdate(d.items, { displayName: value });
      });
      break;
    }
    case 'tags': {
      const current = [...new Set(d.items.flatMap((s) => s.tags))].sort((a, b) => a.localeCompare(b));
      title = term('list.dialog.tags.title', { count: d.items.length });
      confirm = term('list.dialog.tags.confirm');
      body = html`<label class="field"
          ><span>${term('list.dialog.tags.add')}</span> <input name="add" autofocus autocomplete="off"
        /></label>
        ${
          current.length
            ? html`<fieldset>
                <legend>${term('list.dialog.tags.current')}</legend>
                ${current.map((t) => html`<label class="check"><input type="checkbox" name="keep" value=${t} checked /> <span>${t}</span></label>`)}
              </fieldset>`
            : nothing
        }`;
      onSubmit = submit((form) => {
        const add = field(form, 'add')
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean);
        const keep = new Set(form.getAll('keep').map(String));
        return host.doRetag(
          d.items,
          add,
          current.filter((t) => !keep.has(t)),
        );
      });
      break;
    }
    case 'schedule': {
      const shown: RefreshSchedule = d.items.length === 1 ? one.schedule : 'system';
      title = term('list.dialog.schedule.title');
      confirm = term('list.dialog.schedule.confirm');
      body = html`<label class="field"
        ><span>${term('list.dialog.schedule.field')}</span>
        <select name="schedule" autofocus>
          ${REFRESH_SCHEDULES.map(
            (v) => html`<option value=${v} ?selected=${v === shown}>${term(`list.schedule.${v}` as MessageKey)}</option>`,
          )}
        </select></label
      >`;
      onSubmit = submit((form) => host.doUpdate(d.items, { schedule: field(form, 'schedule') as RefreshSchedule }));
      break;
    }
    case 'later': {
      const key = d.state === 'active' ? 'activateAt' : 'deactivateAt';
      const scheduled = d.items.length === 1 ? one[key] : null;
      title = term(d.state === 'active' ? 'list.dialog.later.activate' : 'list.dialog.later.deactivate');
      confirm = term('list.dialog.later.confirm');
      const now = Date.now();
      body = html`<label class="field"
          ><span>${term('list.dialog.later.field')}</span>
          <input
            name="at"
            type="datetime-local"
            required
            autofocus
            min=${localValue(now)}
            .value=${localValue(scheduled ? Date.parse(scheduled) : now + 24 * 3600_000)}
            aria-invalid=${d.error ? 'true' : 'false'}
            aria-describedby="dialog-error"
        /></label>
        ${
          scheduled
            ? html`<p>
                ${term('list.dialog.later.current', {
                  date: currentTranslator().format.date(scheduled, { dateStyle: 'medium', timeStyle: 'short' }),
                })}
                <button
                  type="button"
                  class="link"
                  @click=${async () => {
                    if (await host.doUpdate(d.items, { [key]: null })) close();
                  }}
                >
                  ${term('list.dialog.later.cancelScheduled')}
                </button>
              </p>`
            : nothing
        }`;
      onSubmit = submit((form) => {
        const t = new Date(field(form, 'at')).getTime();
        if (!Number.isFinite(t) || t <= Date.now()) return fail(inLocaleOf(host, () => term('list.dialog.later.past')));
        return host.doUpdate(d.items, { [key]: new Date(t).toISOString() });
      });
      break;
    }
  }
  return html`<dialog
    part="dialog"
    aria-labelledby="dialog-title"
    @cancel=${(e: Event) => {
      e.preventDefault();
      close();
    }}
  >
    <form method="dialog" novalidate @submit=${onSubmit}>
      <h2 id="dialog-title">${title}</h2>
      ${body}
      <p id="dialog-error" class="error-text" role=${d.error ? 'alert' : nothing}>${d.error ?? ''}</p>
      <div class="dialog-actions">
        <button type="button" @click=${close}>${term('list.cancel')}</button>
        <button type="submit" class=${danger ? 'danger-solid' : 'primary'} data-action="confirm">${confirm}</button>
      </div>
    </form>
  </dialog>`;
}
