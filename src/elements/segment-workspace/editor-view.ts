/**
 * The builder's view (loaded on first use, with `<segment-builder>`): a new blank
 * document for the catalog's audience, and the banner above the builder when the segment
 * being edited is used by other segments (from the summaries' `usedBy`).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { createSegment } from '../../core/model/edit.js';
import type { Catalog, SegmentDocument } from '../../core/model/types.js';
import type { SegmentSummary } from '../../core/provider/types.js';
import { term } from '../shared/messages.js';
import '../segment-builder/define.js';
import { shownName } from './summaries.js';

/** How many of the segments that use it the banner names. */
const NAMED = 5;

export function blankSegment(catalog: Catalog): SegmentDocument {
  return createSegment(catalog.audience);
}

export function usageBanner(id: string | undefined, summaries: Map<string, SegmentSummary> | undefined): TemplateResult | typeof nothing {
  const users = id ? (summaries?.get(id)?.usedBy ?? []) : [];
  if (!users.length) return nothing;
  const names = users.slice(0, NAMED).map((u) => shownName(summaries?.get(u) ?? { id: u }));
  return html`<div class="banner" part="usage-banner" role="note">
    <span class="banner-icon" aria-hidden="true">i</span>
    <span>${term('workspace.usedBy', { names, more: users.length - names.length })}</span>
  </div>`;
}
