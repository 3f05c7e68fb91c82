/**
 * `segment-kit/react`: the wrappers in a real React 19 tree — objects passed as properties
 * (a provider, a segment), typed `on…` event props that receive the element's CustomEvent,
 * handlers that change between renders, and unmounting that removes the element.
 */
import { expect } from '@open-wc/testing';
// React is CommonJS: its default exports (what bundlers and the test server's React bundle agree on).
const { createElement, useState } = React;
const { flushSync } = ReactDOM;
const { createRoot } = ReactDOMClient;
import { sendKeys } from '@web/test-runner-commands';
import React, { type ReactElement } from 'react';
import ReactDOM from 'react-dom';
import ReactDOMClient, { type Root } from 'react-dom/client';
import type { SegmentDocument } from '../../src/core/index.js';
import type { SegmentBuilderElement } from '../../src/elements/segment-builder/class.js';
import type { MemberPreviewElement } from '../../src/elements/member-preview/class.js';
import { MemberPreview, SegmentBuilder } from '../../src/react/index.js';
import { example, memoryProvider, until } from './fixtures.js';

let root: Root | undefined;
let host: HTMLElement | undefined;

function render(node: ReactElement): HTMLElement {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  flushSync(() => root!.render(node));
  return host;
}

afterEach(() => {
  root?.unmount();
  host?.remove();
  root = undefined;
});

describe('segment-kit/react', () => {
  it('SegmentBuilder: provider and segment go in as properties, onSegmentChange gets the typed event', async () => {
    const provider = memoryProvider();
    const changes: string[] = [];
    const el = render(
      createElement(SegmentBuilder, {
        provider,
        segment: example(),
        onSegmentChange: (e) => changes.push(e.detail.segment.displayName ?? ''),
      }),
    ).querySelector('segment-builder') as SegmentBuilderElement;
    expect(el, 'the element is rendered').to.exist;
    expect(el.provider === provider, 'the provider is the same object, set as a property').to.equal(true);
    expect(el.hasAttribute('provider'), 'not an attribute').to.equal(false);
    await el.updateComplete;
    const display = el.shadowRoot!.querySelector<HTMLInputElement>('#prop-displayName')!;
    display.focus();
    await sendKeys({ type: '!' });
    expect(changes.at(-1)).to.equal('High value, escalated!');
  });

  it('a controlled segment: the handler sets React state, and the new segment flows back in', async () => {
    let latest: SegmentDocument | undefined;
    function App() {
      const [segment, setSegment] = useState<SegmentDocument>(example());
      latest = segment;
      return createElement(SegmentBuilder, { provider: memoryProvider(), segment, onSegmentChange: (e) => setSegment(e.detail.segment) });
    }
    const el = render(createElement(App)).querySelector('segment-builder') as SegmentBuilderElement;
    await el.updateComplete;
    const display = el.shadowRoot!.querySelector<HTMLInputElement>('#prop-displayName')!;
    display.focus();
    await sendKeys({ type: '?' });
    await until(() => latest?.displayName === 'High value, escalated?', 2000, 'React state to follow the edit');
    expect(el.segment?.displayName).to.equal('High value, escalated?');
  });

  it('MemberPreview renders members from the provider, and unmounting removes the element', async () => {
    const el = render(createElement(MemberPreview, { provider: memoryProvider(), segment: example(), limit: 5 })).querySelector(
      'member-preview',
    ) as MemberPreviewElement;
    await until(() => (el.shadowRoot?.querySelectorAll('tbody tr[part~="row"]').length ?? 0) > 0, 3000, 'member rows');
    flushSync(() => root!.render(createElement('p', null, 'gone')));
    expect(host!.querySelector('member-preview'), 'removed').to.equal(null);
  });
});
