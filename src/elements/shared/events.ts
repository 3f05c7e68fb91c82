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
import type { SegmentSummary } from '../../core/provider/types.js';

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

/** Events whose `preventDefault()` does something. */
const CANCELABLE: ReadonlySet<SegmentKitEventName> = new Set<SegmentKitEventName>([
  'segment-save',
  'group-operator-change',
  'group-not-change',
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
