/**
 * The details view (loaded on first use, with the elements it shows): a segment's facts,
 * its member count over time (`<trend-chart>`), its first members with "Why?"
 * explanations and the CSV download (`<member-preview>`, its first screen of rows in the
 * first frame: the table sits below the trend), and its overlap with other
 * segments (`<segment-overlap>`, whose "Create segment" opens the builder).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { list as listWords } from '../../core/messages/en/list.js';
import type { SegmentDocument } from '../../core/model/types.js';
import type { SegmentProvider, SegmentSummary } from '../../core/provider/types.js';
import { addEnglish } from '../../core/messages/translator.js';
import { currentTranslator, term, type MessageKey } from '../shared/messages.js';
import '../member-preview/define.js';
import { FIRST_FRAME_ROWS } from '../member-preview/member-preview.js';
import '../segment-overlap/define.js';
import '../trend-chart/define.js';

// The status, state and type words the list shows, for the same facts here.
addEnglish(listWords);

export interface DetailsProps {
  provider: SegmentProvider;
  doc: SegmentDocument;
  summary: SegmentSummary | undefined;
  previewLimit: number;
  now: Date | string | number | undefined;
}

/** The overlap's first segment, one array per id (a new array would reset the person's choice at every render). */
let overlapIds: { id: string; ids: string[] } | undefined;
function idsFor(id: string): string[] {
  if (overlapIds?.id !== id) overlapIds = { id, ids: [id] };
  return overlapIds.ids;
}

function facts(doc: SegmentDocument, s: SegmentSummary | undefined): TemplateResult {
  const f = currentTranslator().format;
  const item = (label: string, value: string, part = '') =>
    html`<div class="fact" part=${`fact ${part}`.trim()}>
      <dt>${label}</dt>
      <dd>${value}</dd>
    </div>`;
  const refreshed = s?.lastRefreshed
    ? f.date(s.lastRefreshed, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC'
    : term('list.never');
  return html`<dl class="facts" part="facts" aria-label=${term('workspace.details.facts')}>
      ${item(term('workspace.details.members'), term('workspace.details.count', { count: s?.memberCount ?? null }), 'member-count')}
      ${s ? item(term('list.column.status'), term(`list.status.${s.status}` as MessageKey), 'status') : nothing}
      ${item(term('list.column.state'), term(`list.state.${doc.state === 'active' ? 'active' : 'inactive'}`))}
      ${item(term('list.column.type'), term(`list.type.${doc.type === 'static' ? 'static' : 'dynamic'}`))}
      ${item(term('list.column.lastRefreshed'), refreshed)}
      ${doc.tags?.length ? item(term('list.column.tags'), doc.tags.join(', ')) : nothing}
    </dl>
    ${doc.description ? html`<p class="description" part="description">${doc.description}</p>` : nothing}
    ${s?.status === 'failed' && s.lastError ? html`<p class="error-text" role="alert">${s.lastError}</p>` : nothing}`;
}

export function detailsBody(p: DetailsProps): TemplateResult {
  const id = p.doc.id ?? '';
  return html`${facts(p.doc, p.summary)}
    <section class="panel" part="trend" aria-label=${term('workspace.details.trend')}>
      <trend-chart .provider=${p.provider} segment-id=${id} .now=${p.now} label=${term('workspace.details.trend')}></trend-chart>
    </section>
    <section class="panel" part="members" aria-labelledby="members-title">
      <h3 id="members-title" class="panel-title">${term('workspace.details.members')}</h3>
      <member-preview .provider=${p.provider} .segment=${p.doc} .limit=${p.previewLimit} .firstRows=${FIRST_FRAME_ROWS}></member-preview>
    </section>
    <section class="panel" part="overlap" aria-labelledby="overlap-title">
      <h3 id="overlap-title" class="panel-title">${term('workspace.details.overlap')}</h3>
      <segment-overlap .provider=${p.provider} .segmentIds=${idsFor(id)}></segment-overlap>
    </section>`;
}
