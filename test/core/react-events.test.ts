/**
 * The React wrappers' event props come from `ELEMENT_EVENTS` (src/react/events.ts): it must
 * list exactly the `@event` tags each element documents, so an event added to an element
 * without its `on…` prop (or a stale one) fails here.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { ELEMENT_EVENTS, eventProp } from '../../src/react/events.js';

const dir = new URL('../../src/elements/', import.meta.url);
const tags = readdirSync(dir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'shared')
  .map((d) => d.name)
  .filter((tag) => readdirSync(new URL(`${tag}/`, dir)).includes(`${tag}.ts`));

describe('React wrappers: event props', () => {
  it('every element has a wrapper, with an on… prop for each @event it documents', () => {
    for (const tag of tags) {
      // The class's JSDoc: in the element's main file, or in a base class file of its folder.
      const source = readdirSync(new URL(`${tag}/`, dir))
        .filter((f) => f.endsWith('.ts'))
        .map((f) => readFileSync(new URL(`${tag}/${f}`, dir), 'utf8'))
        .join('\n');
      const documented = [...new Set([...source.matchAll(/@event\s+(?:\{[^}]*\}\s+)?([a-z][a-z-]*)/g)].map((m) => m[1]!))].sort();
      const wrapped = [...((ELEMENT_EVENTS as Record<string, readonly string[]>)[tag] ?? [])].sort();
      assert.ok(tag in ELEMENT_EVENTS, `<${tag}> has no React wrapper in src/react/events.ts`);
      assert.deepEqual(wrapped, documented, `<${tag}>'s events`);
    }
  });

  it('names the props as React does: segment-change → onSegmentChange', () => {
    assert.equal(eventProp('segment-change'), 'onSegmentChange');
    assert.equal(eventProp('member-preview-see-more'), 'onMemberPreviewSeeMore');
  });
});
