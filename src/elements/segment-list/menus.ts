/** A row's action menu (APG menu pattern, through `MenuController`). */
import { html, nothing, type TemplateResult } from 'lit';
import type { SegmentSummary } from '../../core/provider/types.js';
import type { MenuController } from '../shared/controllers/menu.js';
import { emit } from '../shared/events.js';
import { term, type MessageKey } from '../shared/messages.js';
import { shownName } from './columns.js';
import type { SegmentListElement } from './segment-list.js';

interface Item {
  key: string;
  label: string;
  run: () => void;
  /** Why it cannot be chosen (shown in the item). */
  disabled?: string;
  danger?: boolean;
  separator?: boolean;
}

export function rowMenu(host: SegmentListElement, s: SegmentSummary, menu: MenuController): TemplateResult {
  const draft = s.status === 'draft' ? term('list.status.draftWhy') : undefined;
  const label = (key: string) => term(`list.action.${key}` as MessageKey);
  const items: Item[] = [
    { key: 'view', label: label('view'), run: () => emit(host, 'segment-open', { id: s.id }) },
    { key: 'edit', label: label('edit'), run: () => emit(host, 'segment-edit', { id: s.id }) },
    { key: 'duplicate', label: label('duplicate'), run: () => void host.doDuplicate(s.id) },
    { key: 'rename', label: label('rename'), run: () => host.openDialog({ kind: 'rename', items: [s] }) },
    { key: 'refresh', label: label('refresh'), separator: true, run: () => void host.doRefresh([s.id]) },
    ...(s.state === 'active'
      ? [
          { key: 'deactivate', label: label('deactivate'), run: () => void host.doUpdate([s], { state: 'inactive' }) },
          {
            key: 'deactivateLater',
            label: label('deactivateLater'),
            run: () => host.openDialog({ kind: 'later', items: [s], state: 'inactive' }),
          },
        ]
      : [
          {
            key: 'activate',
            label: label('activate'),
            ...(draft ? { disabled: draft } : {}),
            run: () => void host.doUpdate([s], { state: 'active' }),
          },
          {
            key: 'activateLater',
            label: label('activateLater'),
            ...(draft ? { disabled: draft } : {}),
            run: () => host.openDialog({ kind: 'later', items: [s], state: 'active' }),
          },
        ]),
    s.type === 'static'
      ? { key: 'dynamic', label: label('dynamic'), run: () => void host.doUpdate([s], { type: 'dynamic' }) }
      : { key: 'static', label: label('static'), run: () => void host.doUpdate([s], { type: 'static' }) },
    { key: 'schedule', label: label('schedule'), run: () => host.openDialog({ kind: 'schedule', items: [s] }) },
    { key: 'tags', label: label('tags'), run: () => host.openDialog({ kind: 'tags', items: [s] }) },
    {
      key: 'download',
      label: label('download'),
      ...(s.status === 'draft' ? { disabled: term('list.download.draftWhy') } : {}),
      run: () => void host.doDownload([s]),
    },
    { key: 'delete', label: label('delete'), separator: true, danger: true, run: () => void host.confirmDeleteOf([s]) },
  ];
  return html`<div
    id="row-menu"
    class="popover menu"
    part="popover menu"
    role="menu"
    aria-label=${term('list.action.menu', { name: shownName(s) })}
    @keydown=${menu.menuKeydown}
  >
    ${items.map(
      (item) =>
        html`${item.separator ? html`<div role="separator" class="separator"></div>` : nothing}
          <button
            type="button"
            role="menuitem"
            tabindex="-1"
            data-action=${item.key}
            class=${item.danger ? 'danger' : ''}
            aria-disabled=${item.disabled ? 'true' : 'false'}
            @click=${(e: Event) => {
              if (menu.choose(e.currentTarget as Element)) item.run();
            }}
          >
            <span>${item.label}</span>${item.disabled ? html`<span class="muted small reason">${item.disabled}</span>` : nothing}
          </button>`,
    )}
  </div>`;
}
