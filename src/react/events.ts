/**
 * Which events each element fires (its `@event` tags), for the React wrappers: the one list
 * `index.ts` builds their `on…` props from. A test compares it with the elements' JSDoc, so
 * an event added to an element without its prop fails. No DOM, no React.
 */
import type { SegmentKitEventName } from '../elements/shared/events.js';

export const ELEMENT_EVENTS = {
  'segment-builder': ['segment-change', 'segment-save', 'segment-saved', 'segment-cancel'],
  'condition-row': ['condition-change'],
  'group-operator': ['group-operator-change', 'group-not-change'],
  'segment-list': [
    'segment-open',
    'segment-edit',
    'segment-create',
    'segments-changed',
    'segment-refresh-request',
    'segment-update-request',
    'segment-delete-request',
    'segment-duplicate-request',
    'segment-download-request',
    'segment-list-view-change',
  ],
  'member-preview': ['member-preview-see-more'],
  'trend-chart': ['trend-chart-frame-change'],
  'segment-overlap': ['segment-create', 'segment-overlap-change'],
  'quick-segment': ['segment-saved', 'segment-edit'],
  'segment-provider': ['segment-catalog-load', 'segment-catalog-error'],
  'segment-workspace': ['segment-workspace-navigate'],
} as const satisfies Record<string, readonly SegmentKitEventName[]>;

export type WrappedTag = keyof typeof ELEMENT_EVENTS;

/** `segment-change` → `onSegmentChange`. */
export type EventProp<S extends string> = `on${Capitalize<Camel<S>>}`;
type Camel<S extends string> = S extends `${infer A}-${infer B}` ? `${A}${Capitalize<Camel<B>>}` : S;

export function eventProp<S extends string>(name: S): EventProp<S> {
  return `on${name.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase())}` as EventProp<S>;
}
