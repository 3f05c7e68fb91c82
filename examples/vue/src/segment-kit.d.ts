/**
 * The kit's elements in Vue's template type-checking (vue-tsc, Vue - Official in VS Code).
 * Copy this file into your app: each tag gets the properties a template may bind, typed from
 * the element's class, and a typed handler for each event it fires, so `:segment.prop="doc"`
 * must be a `SegmentDocument` and `@segment-change="(e) => …"` gets `e.detail` typed.
 * Events are typed from `HTMLElementEventMap`, which the kit augments for every event.
 * Types only: nothing here registers an element (import `segment-kit` or
 * `segment-kit/elements/<tag>` for that).
 */
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
import type { ConditionRowElement } from 'segment-kit/elements/condition-row/class';
import type { GroupOperatorElement } from 'segment-kit/elements/group-operator/class';
import type { MemberPreviewElement } from 'segment-kit/elements/member-preview/class';
import type { QuickSegmentElement } from 'segment-kit/elements/quick-segment/class';
import type { SegmentBuilderElement } from 'segment-kit/elements/segment-builder/class';
import type { SegmentListElement } from 'segment-kit/elements/segment-list/class';
import type { SegmentOverlapElement } from 'segment-kit/elements/segment-overlap/class';
import type { SegmentProviderElement } from 'segment-kit/elements/segment-provider/class';
import type { SegmentWorkspaceElement } from 'segment-kit/elements/segment-workspace/class';
import type { TrendChartElement } from 'segment-kit/elements/trend-chart/class';

type Camel<S extends string> = S extends `${infer A}-${infer B}` ? `${A}${Capitalize<Camel<B>>}` : S;
/** `segment-change` → `onSegmentChange`: the prop Vue's `@segment-change` listener becomes. */
type Handler<Name extends string> = `on${Capitalize<Camel<Name>>}`;
type Handlers<Events extends keyof HTMLElementEventMap> = {
  [Name in Events as Handler<Name>]?: (event: HTMLElementEventMap[Name]) => void;
};

/**
 * A custom element as Vue's type-checker reads a component: `$props` (what a template may
 * bind: the chosen properties of the class, the global HTML attributes, and a handler per
 * event) and `$emit` (the events).
 */
type VueElement<Element extends HTMLElement, Props extends keyof Element, Events extends keyof HTMLElementEventMap> = new () => Element & {
  /** @deprecated For template type-checking only: the element has no `$props`. */
  $props: HTMLAttributes & Partial<Pick<Element, Props>> & Handlers<Events> & PublicProps;
  /** @deprecated For template type-checking only: the element has no `$emit`. */
  $emit: EmitFn<{ [Name in Events]: (event: HTMLElementEventMap[Name]) => void }>;
};

/** Every element has these (from the provider context when not set). */
type Base = 'provider' | 'catalog';

declare module 'vue' {
  interface GlobalComponents {
    'segment-builder': VueElement<
      SegmentBuilderElement,
      Base | 'segment' | 'readonly' | 'countDelay',
      'segment-change' | 'segment-save' | 'segment-saved' | 'segment-cancel'
    >;
    'member-preview': VueElement<MemberPreviewElement, Base | 'segment' | 'columns' | 'limit' | 'firstRows', 'member-preview-see-more'>;
    'segment-list': VueElement<
      SegmentListElement,
      Base | 'columns' | 'pageSize' | 'storageKey' | 'readonly' | 'view' | 'pollInterval',
      | 'segment-open'
      | 'segment-edit'
      | 'segment-create'
      | 'segments-changed'
      | 'segment-refresh-request'
      | 'segment-update-request'
      | 'segment-delete-request'
      | 'segment-duplicate-request'
      | 'segment-download-request'
      | 'segment-list-view-change'
    >;
    'segment-workspace': VueElement<
      SegmentWorkspaceElement,
      Base | 'now' | 'history' | 'storageKey' | 'draftStorage' | 'route',
      'segment-workspace-navigate'
    >;
    'quick-segment': VueElement<
      QuickSegmentElement,
      Base | 'entity' | 'attribute' | 'countDelay' | 'segment',
      'segment-saved' | 'segment-edit'
    >;
    'segment-overlap': VueElement<SegmentOverlapElement, Base | 'segmentIds', 'segment-create' | 'segment-overlap-change'>;
    'trend-chart': VueElement<TrendChartElement, Base | 'segmentId' | 'frame' | 'now' | 'label' | 'view', 'trend-chart-frame-change'>;
    'segment-provider': VueElement<SegmentProviderElement, Base, 'segment-catalog-load' | 'segment-catalog-error'>;
    'condition-row': VueElement<ConditionRowElement, Base | 'condition' | 'scope' | 'errors' | 'readonly' | 'label', 'condition-change'>;
    'group-operator': VueElement<
      GroupOperatorElement,
      'kind' | 'value' | 'not' | 'allowNot' | 'readonly' | 'label',
      'group-operator-change' | 'group-not-change'
    >;
  }
}

export {};
