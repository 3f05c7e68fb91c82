/**
 * The kit's DOM events: one detail type and one event type per event, each listed in
 * `HTMLElementEventMap` and `GlobalEventHandlersEventMap`, and `emit`, typed by event
 * name. Every event bubbles and is composed; only those whose cancelling does something
 * are cancelable. Events are fired only for user actions, never when a property is set.
 */
import type {
  Catalog,
  ConditionNode,
  ConditionValue,
  SegmentDocument,
  SegmentError,
  SetOperator,
  Combinator,
} from '../../core/model/types.js';
import type { SegmentPatch, SegmentSummary, SortSpec } from '../../core/provider/types.js';

// ------------------------------------------------------------------ <segment-builder>

/** `segment-change`: every user edit of the segment. */
export interface SegmentChangeDetail {
  segment: SegmentDocument;
  valid: boolean;
  errors: SegmentError[];
}
/** `segment-save`: Save or "Save and activate" was chosen. Cancelable: the host saves instead. */
export interface SegmentSaveDetail {
  segment: SegmentDocument;
  valid: boolean;
  /** True for "Save and activate". */
  activate: boolean;
}
/** `segment-saved`: the provider saved the segment. */
export interface SegmentSavedDetail {
  summary: SegmentSummary;
}
/** `segment-cancel`: Cancel was chosen. */
export type SegmentCancelDetail = Record<string, never>;

// ------------------------------------------------------------------ <condition-row>

/** What the user changed in a condition. */
export type ConditionChange =
  | { kind: 'attribute'; entity: string; attribute: string }
  | { kind: 'operator'; operator: string }
  | { kind: 'value'; value: ConditionValue };

/** `condition-change`: the user changed the attribute, operator or value. */
export interface ConditionChangeDetail {
  /** The condition's id (undefined when it has none). */
  id: string | undefined;
  /** The new condition (a new object; the one given is never changed). */
  condition: ConditionNode;
  change: ConditionChange;
}

// ------------------------------------------------------------------ <group-operator>

export type GroupOperatorKind = 'combinator' | 'set';
export type GroupOperatorValue = Combinator | SetOperator;

/** `group-operator-change`: another operator was chosen. Cancelable: `preventDefault()` reverts. */
export interface GroupOperatorChangeDetail {
  kind: GroupOperatorKind;
  value: GroupOperatorValue;
}
/** `group-not-change`: NOT was toggled. Cancelable: `preventDefault()` reverts. */
export interface GroupNotChangeDetail {
  not: boolean;
}

// ------------------------------------------------------------------ <segment-provider>

/** `segment-catalog-load`: the provider's catalog arrived. */
export interface CatalogLoadDetail {
  catalog: Catalog;
}
/** `segment-catalog-error`: the provider could not load its catalog. */
export interface CatalogErrorDetail {
  error: unknown;
  message: string;
}

// ------------------------------------------------------------------ <segment-list>

/** `segment-open` (View) and `segment-edit` (Edit): the host shows the segment. */
export interface SegmentOpenDetail {
  id: string;
}
export type SegmentEditDetail = SegmentOpenDetail;
/**
 * `segment-create`: a new segment was asked for; the host opens the builder. `blank` and
 * `quick`: "New" in `<segment-list>` (the builder empty, or quick segments). `compound`:
 * "Create segment" on a region of `<segment-overlap>`; `segment` is the region's compound
 * document (segment references joined by intersect and except, no id yet), to open in the
 * builder and save.
 */
export type SegmentCreateDetail = { kind: 'blank' | 'quick' } | { kind: 'compound'; segment: SegmentDocument };
/** What the list asks the provider to do. */
export type SegmentListAction = 'refresh' | 'update' | 'delete' | 'duplicate' | 'download';
/** `segments-changed`: the provider has done a change the person asked for. */
export interface SegmentsChangedDetail {
  action: Exclude<SegmentListAction, 'download'>;
  /** The segments changed (for `duplicate`: the new copy). */
  ids: string[];
  /** Their summaries after the change (empty for `delete`). */
  items: SegmentSummary[];
  /** For `update`: the patch applied. */
  patch?: SegmentPatch;
}
/**
 * The request events, fired before the list calls the provider. Cancelable: a host that
 * does the action itself calls `preventDefault()`, and the list does nothing more (it
 * reloads when the host calls `reload()`).
 */
export interface SegmentRefreshRequestDetail {
  ids: string[];
  /** True for "Refresh all". */
  all: boolean;
}
export interface SegmentUpdateRequestDetail {
  ids: string[];
  patch: SegmentPatch;
}
export interface SegmentDeleteRequestDetail {
  ids: string[];
  /** Deleted id → ids of the segments that use it (shown in the confirmation). */
  usedBy: Record<string, string[]>;
}
export interface SegmentDuplicateRequestDetail {
  id: string;
}
export interface SegmentDownloadRequestDetail {
  ids: string[];
}
/** The list's view state: what a host keeps in its URL and gives back as `view`. */
export interface SegmentListView {
  search: string;
  tags: string[];
  sort: SortSpec;
  /** Zero-based. */
  page: number;
}
/** `segment-list-view-change`: the person changed the sort, search, tag filter or page. */
export interface SegmentListViewChangeDetail {
  view: SegmentListView;
}

// ------------------------------------------------------------------ <member-preview>

/** `member-preview-see-more`: "See more" was chosen; the host shows every member. */
export interface MemberPreviewSeeMoreDetail {
  segment: SegmentDocument;
  /** How many members the segment has. */
  total: number;
}

// ------------------------------------------------------------------ <segment-overlap>

/** `segment-overlap-change`: the person chose other segments to compare. */
export interface SegmentOverlapChangeDetail {
  /** The ids chosen, in order (A, B and maybe C); fewer than two while a choice is incomplete. */
  segmentIds: string[];
}

// ------------------------------------------------------------------ <trend-chart>

/** `trend-chart-frame-change`: the person chose another time frame; the chart reloads. */
export interface TrendChartFrameChangeDetail {
  /** Days (30, 60, 90, 180, 365) or `all`. */
  frame: 30 | 60 | 90 | 180 | 365 | 'all';
  /** The `from` the new frame asks the provider for (an ISO instant; undefined for `all`). */
  from: string | undefined;
}

// ------------------------------------------------------------------ <segment-workspace>

/** Where `<segment-workspace>` is: the list, a segment's details, the builder on a saved segment, or a new segment. */
export type SegmentWorkspaceRoute =
  { view: 'list' } | { view: 'details'; id: string } | { view: 'edit'; id: string } | { view: 'new'; kind: 'blank' | 'quick' | 'compound' };
/** `segment-workspace-navigate`: the workspace shows another view (the person navigated, or the host called `go`). */
export interface SegmentWorkspaceNavigateDetail {
  route: SegmentWorkspaceRoute;
  /** The route as a URL hash (`#/segments/<id>`), ids encoded. */
  hash: string;
}

/** Every event of the kit, by name, with its detail type. */
export interface SegmentKitEventDetails {
  'segment-change': SegmentChangeDetail;
  'segment-save': SegmentSaveDetail;
  'segment-saved': SegmentSavedDetail;
  'segment-cancel': SegmentCancelDetail;
  'condition-change': ConditionChangeDetail;
  'group-operator-change': GroupOperatorChangeDetail;
  'group-not-change': GroupNotChangeDetail;
  'segment-catalog-load': CatalogLoadDetail;
  'segment-catalog-error': CatalogErrorDetail;
  'segment-open': SegmentOpenDetail;
  'segment-edit': SegmentEditDetail;
  'segment-create': SegmentCreateDetail;
  'segments-changed': SegmentsChangedDetail;
  'segment-refresh-request': SegmentRefreshRequestDetail;
  'segment-update-request': SegmentUpdateRequestDetail;
  'segment-delete-request': SegmentDeleteRequestDetail;
  'segment-duplicate-request': SegmentDuplicateRequestDetail;
  'segment-download-request': SegmentDownloadRequestDetail;
  'segment-list-view-change': SegmentListViewChangeDetail;
  'member-preview-see-more': MemberPreviewSeeMoreDetail;
  'segment-overlap-change': SegmentOverlapChangeDetail;
  'trend-chart-frame-change': TrendChartFrameChangeDetail;
  'segment-workspace-navigate': SegmentWorkspaceNavigateDetail;
}
export type SegmentKitEventName = keyof SegmentKitEventDetails;

export type SegmentChangeEvent = CustomEvent<SegmentChangeDetail>;
export type SegmentSaveEvent = CustomEvent<SegmentSaveDetail>;
export type SegmentSavedEvent = CustomEvent<SegmentSavedDetail>;
export type SegmentCancelEvent = CustomEvent<SegmentCancelDetail>;
export type ConditionChangeEvent = CustomEvent<ConditionChangeDetail>;
export type GroupOperatorChangeEvent = CustomEvent<GroupOperatorChangeDetail>;
export type GroupNotChangeEvent = CustomEvent<GroupNotChangeDetail>;
export type CatalogLoadEvent = CustomEvent<CatalogLoadDetail>;
export type CatalogErrorEvent = CustomEvent<CatalogErrorDetail>;
export type SegmentOpenEvent = CustomEvent<SegmentOpenDetail>;
export type SegmentEditEvent = CustomEvent<SegmentEditDetail>;
export type SegmentCreateEvent = CustomEvent<SegmentCreateDetail>;
export type SegmentsChangedEvent = CustomEvent<SegmentsChangedDetail>;
export type SegmentRefreshRequestEvent = CustomEvent<SegmentRefreshRequestDetail>;
export type SegmentUpdateRequestEvent = CustomEvent<SegmentUpdateRequestDetail>;
export type SegmentDeleteRequestEvent = CustomEvent<SegmentDeleteRequestDetail>;
export type SegmentDuplicateRequestEvent = CustomEvent<SegmentDuplicateRequestDetail>;
export type SegmentDownloadRequestEvent = CustomEvent<SegmentDownloadRequestDetail>;
export type SegmentListViewChangeEvent = CustomEvent<SegmentListViewChangeDetail>;
export type MemberPreviewSeeMoreEvent = CustomEvent<MemberPreviewSeeMoreDetail>;
export type SegmentOverlapChangeEvent = CustomEvent<SegmentOverlapChangeDetail>;
export type TrendChartFrameChangeEvent = CustomEvent<TrendChartFrameChangeDetail>;
export type SegmentWorkspaceNavigateEvent = CustomEvent<SegmentWorkspaceNavigateDetail>;

/** Events whose `preventDefault()` does something. */
const CANCELABLE: ReadonlySet<SegmentKitEventName> = new Set<SegmentKitEventName>([
  'segment-save',
  'group-operator-change',
  'group-not-change',
  'segment-refresh-request',
  'segment-update-request',
  'segment-delete-request',
  'segment-duplicate-request',
  'segment-download-request',
]);

/**
 * Fire a kit event from `target`: bubbles, composed, cancelable only where cancelling
 * does something. Returns false when a listener prevented it.
 */
export function emit<K extends SegmentKitEventName>(target: EventTarget, type: K, detail: SegmentKitEventDetails[K]): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable: CANCELABLE.has(type) }));
}

type SegmentKitEventMap = { [K in SegmentKitEventName]: CustomEvent<SegmentKitEventDetails[K]> };

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends SegmentKitEventMap {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends SegmentKitEventMap {}
}
