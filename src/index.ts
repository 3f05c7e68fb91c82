/**
 * `segment-kit`: everything — the core, the providers, the sample data and the elements —
 * and registers the elements. Import `segment-kit/core` for the DOM-free model alone.
 */
// Registration: these modules are listed in package.json "sideEffects", so bundlers keep them.
import './elements/segment-provider/define.js';
import './elements/group-operator/define.js';
import './elements/condition-row/define.js';
import './elements/segment-builder/define.js';
import './elements/segment-list/define.js';
import './elements/member-preview/define.js';
import './elements/segment-overlap/define.js';
import './elements/trend-chart/define.js';
import './elements/quick-segment/define.js';
import './elements/segment-workspace/define.js';

export * from './core/index.js';
export * from './elements/shared/context.js';
export * from './elements/shared/define.js';
export * from './elements/shared/messages.js';
export * from './elements/segment-provider/segment-provider.js';
export * from './elements/group-operator/group-operator.js';
export * from './elements/condition-row/condition-row.js';
export * from './elements/segment-builder/segment-builder.js';
export * from './elements/segment-list/segment-list.js';
export * from './elements/member-preview/member-preview.js';
export * from './elements/segment-overlap/segment-overlap.js';
export * from './elements/trend-chart/trend-chart.js';
export * from './elements/quick-segment/quick-segment.js';
export * from './elements/segment-workspace/segment-workspace.js';
export * from './providers/memory/index.js';
export * from './sample/index.js';
// The events' types (each is in HTMLElementEventMap too), for typed handlers in any framework.
export type {
  SegmentKitEventDetails,
  SegmentKitEventName,
  SegmentChangeEvent,
  SegmentSaveEvent,
  SegmentSavedEvent,
  SegmentCancelEvent,
  ConditionChangeEvent,
  GroupOperatorChangeEvent,
  GroupNotChangeEvent,
  CatalogLoadEvent,
  CatalogErrorEvent,
  SegmentOpenEvent,
  SegmentEditEvent,
  SegmentCreateEvent,
  SegmentsChangedEvent,
  SegmentRefreshRequestEvent,
  SegmentUpdateRequestEvent,
  SegmentDeleteRequestEvent,
  SegmentDuplicateRequestEvent,
  SegmentDownloadRequestEvent,
  SegmentListViewChangeEvent,
  MemberPreviewSeeMoreEvent,
  SegmentOverlapChangeEvent,
  TrendChartFrameChangeEvent,
  SegmentWorkspaceNavigateEvent,
  SegmentEditDetail,
  SegmentCreateDetail,
  SegmentOpenDetail,
  SegmentsChangedDetail,
  SegmentRefreshRequestDetail,
  SegmentUpdateRequestDetail,
  SegmentDeleteRequestDetail,
  SegmentDuplicateRequestDetail,
  SegmentDownloadRequestDetail,
  SegmentListViewChangeDetail,
  MemberPreviewSeeMoreDetail,
  TrendChartFrameChangeDetail,
} from './elements/shared/events.js';
