/**
 * `segment-kit/react`: every element as a React component, through `@lit/react`. Properties
 * are set as properties (a `provider` or a `segment` object passes as it is), and every event
 * is an `on…` prop with its typed `CustomEvent` (`onSegmentChange`, `onSegmentSaved` …).
 * Importing this module registers the elements. React is a peer dependency.
 *
 * ```tsx
 * import { SegmentBuilder } from 'segment-kit/react';
 * <SegmentBuilder provider={provider} segment={segment} onSegmentChange={(e) => setSegment(e.detail.segment)} />
 * ```
 */
import React from 'react';
import { createComponent, type EventName } from '@lit/react';
import type { SegmentKitEventDetails, SegmentKitEventName } from '../elements/shared/events.js';
import { ConditionRowElement } from '../elements/condition-row/class.js';
import { GroupOperatorElement } from '../elements/group-operator/class.js';
import { MemberPreviewElement } from '../elements/member-preview/class.js';
import { QuickSegmentElement } from '../elements/quick-segment/class.js';
import { SegmentBuilderElement } from '../elements/segment-builder/class.js';
import { SegmentListElement } from '../elements/segment-list/class.js';
import { SegmentOverlapElement } from '../elements/segment-overlap/class.js';
import { SegmentProviderElement } from '../elements/segment-provider/class.js';
import { TrendChartElement } from '../elements/trend-chart/class.js';
import { SegmentWorkspaceElement } from '../elements/segment-workspace/class.js';
import '../elements/condition-row/define.js';
import '../elements/group-operator/define.js';
import '../elements/member-preview/define.js';
import '../elements/quick-segment/define.js';
import '../elements/segment-builder/define.js';
import '../elements/segment-list/define.js';
import '../elements/segment-overlap/define.js';
import '../elements/segment-provider/define.js';
import '../elements/trend-chart/define.js';
import '../elements/segment-workspace/define.js';
import { ELEMENT_EVENTS, eventProp, type EventProp, type WrappedTag } from './events.js';

/** The `on…` props of an element: each event name typed with its `CustomEvent`. */
export type EventProps<T extends WrappedTag> = {
  [K in (typeof ELEMENT_EVENTS)[T][number] as EventProp<K>]: EventName<CustomEvent<SegmentKitEventDetails[K & SegmentKitEventName]>>;
};

function events<T extends WrappedTag>(tag: T): EventProps<T> {
  return Object.fromEntries(ELEMENT_EVENTS[tag].map((name) => [eventProp(name), name])) as EventProps<T>;
}

const wrap = <T extends WrappedTag, E extends HTMLElement>(tagName: T, elementClass: new () => E, displayName: string) =>
  createComponent({ react: React, tagName, elementClass, events: events(tagName), displayName });

export const SegmentBuilder = wrap('segment-builder', SegmentBuilderElement, 'SegmentBuilder');
export const ConditionRow = wrap('condition-row', ConditionRowElement, 'ConditionRow');
export const GroupOperator = wrap('group-operator', GroupOperatorElement, 'GroupOperator');
export const SegmentList = wrap('segment-list', SegmentListElement, 'SegmentList');
export const MemberPreview = wrap('member-preview', MemberPreviewElement, 'MemberPreview');
export const TrendChart = wrap('trend-chart', TrendChartElement, 'TrendChart');
export const SegmentOverlap = wrap('segment-overlap', SegmentOverlapElement, 'SegmentOverlap');
export const QuickSegment = wrap('quick-segment', QuickSegmentElement, 'QuickSegment');
export const SegmentProvider = wrap('segment-provider', SegmentProviderElement, 'SegmentProvider');
export const SegmentWorkspace = wrap('segment-workspace', SegmentWorkspaceElement, 'SegmentWorkspace');

export { ELEMENT_EVENTS, eventProp };
export type { EventProp, WrappedTag };
