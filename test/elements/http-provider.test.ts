/**
 * The elements on `createHttpProvider`, against the reference backend the test server
 * mounts under /sk-api/v1 (web-test-runner.config.mjs: the sample provider, 300
 * customers, behind the same handler as `npm run serve`): the builder's live counts and
 * the Segments page, with a change that goes to the server and back.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/segment-builder/define.js';
import '../../src/elements/segment-list/define.js';
import type { SegmentBuilderElement } from '../../src/elements/segment-builder/segment-builder.js';
import type { SegmentListElement } from '../../src/elements/segment-list/segment-list.js';
import { SegmentProviderError, type SegmentDocument } from '../../src/core/index.js';
import { createHttpProvider } from '../../src/providers/http/index.js';
import { until } from './fixtures.js';

window.addEventListener('error', (e) => {
  if (e.message?.includes('ResizeObserver loop')) e.stopImmediatePropagation();
});

const shadow = (el: Element) => el.shadowRoot!;
const remote = () => createHttpProvider({ baseUrl: '/sk-api/v1' });

const londoners = (): SegmentDocument => ({
  schemaVersion: 1,
  name: 'HttpLondoners',
  audience: 'Customer',
  rules: [
    { id: 'r1', where: { kind: 'condition', id: 'c1', entity: 'Customer', attribute: 'City', operator: 'equals', value: 'London' } },
    {
      id: 'r2',
      setOperator: 'union',
      where: { kind: 'condition', id: 'c2', entity: 'Customer', attribute: 'City', operator: 'equals', value: 'Paris' },
    },
  ],
});

describe('elements on the HTTP provider', () => {
  it("the builder's live counts come from the server, per rule", async () => {
    const provider = remote();
    const expected = await provider.count(londoners());
    expect(expected.total, 'the sample has customers in London or Paris').to.be.greaterThan(0);
    const el = await fixture<SegmentBuilderElement>(
      html`<segment-builder count-delay="5" .provider=${provider} .segment=${londoners()}></segment-builder>`,
    );
    const size = () => shadow(el).querySelector('[part="size"]')?.textContent?.replace(/\s+/g, ' ') ?? '';
    await until(() => size().includes(expected.total.toLocaleString('en')), 5000, 'the total from the server');
    const counts = [...shadow(el).querySelectorAll('.rule .counts')].map((c) => c.textContent.replace(/\s+/g, ' ').trim());
    expect(counts).to.deep.equal(
      expected.rules.map((r) => `${r.count.toLocaleString('en')} · ${r.cumulative.toLocaleString('en')} so far`),
    );
  });

  it('the Segments page lists, sorts and changes segments on the server', async () => {
    const provider = remote();
    // The Name column sorts by the name it shows: the display name, else the name.
    const listed = await provider.listSegments({ sort: 'displayName', limit: 100 });
    const el = await fixture<SegmentListElement>(html`<segment-list .provider=${provider}></segment-list>`);
    const ids = () => [...shadow(el).querySelectorAll('tbody tr[data-id]')].map((r) => r.getAttribute('data-id')!);
    await until(() => ids().length === listed.items.length, 5000, 'the rows from the server');
    shadow(el).querySelector<HTMLButtonElement>('th[data-column="name"] button')!.click();
    await until(() => ids().join() === listed.items.map((s) => s.id).join(), 5000, 'sorted by name on the server');

    const target = listed.items.find((s) => s.state === 'active' && s.status !== 'draft') ?? listed.items[0]!;
    shadow(el).querySelector<HTMLInputElement>(`tr[data-id="${target.id}"] input[part~="row-select"]`)!.click();
    await el.updateComplete;
    shadow(el).querySelector<HTMLButtonElement>('[part~="bulk-bar"] button[data-action="deactivate"]')!.click();
    await until(() => /Inactive/.test(shadow(el).querySelector(`tr[data-id="${target.id}"]`)?.textContent ?? ''), 5000, 'the new state');
    const after = await provider.getSegment(target.id);
    expect(after.state, 'the change reached the server').to.equal('inactive');
    await provider.updateSegments([target.id], { state: target.state }); // as it was, for the other tests
  });

  it("the server's errors reach the elements with their code and message", async () => {
    let caught: unknown;
    try {
      await remote().getSegment('no-such-segment');
    } catch (e) {
      caught = e;
    }
    expect(caught instanceof SegmentProviderError && caught.code === 'not-found', String(caught)).to.equal(true);
  });
});
