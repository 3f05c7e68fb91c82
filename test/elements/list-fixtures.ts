/** Fixtures of the `<segment-list>` tests: shadow-root queries and a small store of saved segments. */
import type { SegmentDocument } from '../../src/core/index.js';
import { createMemoryProvider } from '../../src/providers/memory/index.js';
import { catalog, data, doNotContact, NOW } from './fixtures.js';

export const shadow = (el: Element) => el.shadowRoot!;
export const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => shadow(el).querySelector<T>(sel);
export const $$ = <T extends Element = HTMLElement>(el: Element, sel: string) => [...shadow(el).querySelectorAll<T>(sel)];

/** A valid segment on DoNotContact, with a name, display name and tags. */
export function seg(id: string, displayName: string, extra: Partial<SegmentDocument> = {}): SegmentDocument {
  return {
    schemaVersion: 1,
    id,
    name: id.replace(/-/g, '_'),
    displayName,
    state: 'inactive',
    audience: 'Customer',
    rules: [{ id: 'r1', where: { kind: 'condition', id: 'c1', entity: 'Customer', attribute: 'DoNotContact', operator: 'isTrue' } }],
    ...extra,
  };
}

/** Do not contact (used by Charlie users), Alpha, Bravo (with a description) and Charlie. */
export function defaultSegments(): SegmentDocument[] {
  return [
    { ...doNotContact, tags: ['compliance'] },
    seg('alpha', 'Alpha buyers', { tags: ['loyalty', 'spring'] }),
    seg('bravo', 'Bravo lapsed', { tags: ['loyalty'], description: 'People who stopped buying.' }),
    seg('charlie', 'Charlie users', { state: 'active', rules: [{ id: 'r1', segment: 'do-not-contact' }] }),
  ];
}

/** The memory provider over the element fixtures' data with these segments. */
export function store(segments: SegmentDocument[] = defaultSegments()) {
  return createMemoryProvider({ catalog, data, now: NOW, segments });
}
