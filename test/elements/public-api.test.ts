// The browser entry points' exports, pinned in test/public-api.json (see test/core/public-api.test.ts).
import { expect } from '@open-wc/testing';

const ENTRIES: Record<string, () => Promise<object>> = {
  'segment-kit': () => import('../../src/index.js'),
  'segment-kit/elements/condition-row': () => import('../../src/elements/condition-row/index.js'),
  'segment-kit/elements/group-operator': () => import('../../src/elements/group-operator/index.js'),
  'segment-kit/elements/segment-builder': () => import('../../src/elements/segment-builder/index.js'),
  'segment-kit/elements/member-preview': () => import('../../src/elements/member-preview/index.js'),
  'segment-kit/elements/segment-overlap': () => import('../../src/elements/segment-overlap/index.js'),
  'segment-kit/elements/segment-list': () => import('../../src/elements/segment-list/index.js'),
  'segment-kit/elements/segment-provider': () => import('../../src/elements/segment-provider/index.js'),
  'segment-kit/elements/trend-chart': () => import('../../src/elements/trend-chart/index.js'),
  'segment-kit/elements/quick-segment': () => import('../../src/elements/quick-segment/index.js'),
  'segment-kit/elements/segment-workspace': () => import('../../src/elements/segment-workspace/index.js'),
  'segment-kit/elements/condition-row/class': () => import('../../src/elements/condition-row/class.js'),
  'segment-kit/elements/group-operator/class': () => import('../../src/elements/group-operator/class.js'),
  'segment-kit/elements/segment-builder/class': () => import('../../src/elements/segment-builder/class.js'),
  'segment-kit/elements/member-preview/class': () => import('../../src/elements/member-preview/class.js'),
  'segment-kit/elements/segment-overlap/class': () => import('../../src/elements/segment-overlap/class.js'),
  'segment-kit/elements/segment-list/class': () => import('../../src/elements/segment-list/class.js'),
  'segment-kit/elements/segment-provider/class': () => import('../../src/elements/segment-provider/class.js'),
  'segment-kit/elements/trend-chart/class': () => import('../../src/elements/trend-chart/class.js'),
  'segment-kit/elements/quick-segment/class': () => import('../../src/elements/quick-segment/class.js'),
  'segment-kit/react': () => import('../../src/react/index.js'),
  'segment-kit/elements/segment-workspace/class': () => import('../../src/elements/segment-workspace/class.js'),
};

describe('the public API of the browser entry points', () => {
  it('each exports exactly what is pinned', async () => {
    const pinned = (await (await fetch(new URL('../public-api.json', import.meta.url))).json()) as Record<string, string[]>;
    const actual: Record<string, string[]> = {};
    for (const [entry, load] of Object.entries(ENTRIES)) actual[entry] = Object.keys(await load()).sort();
    const wanted = Object.fromEntries(Object.keys(ENTRIES).map((e) => [e, pinned[e]]));
    expect(actual, `now:\n${JSON.stringify(actual)}`).to.deep.equal(wanted);
  });
});
