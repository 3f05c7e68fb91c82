import { consume } from '@lit/context';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { LitElement } from 'lit';
import '../../src/elements/segment-provider/define.js';
import type { SegmentProviderElement } from '../../src/elements/segment-provider/segment-provider.js';
import { catalogContext, providerContext } from '../../src/elements/shared/context.js';
import type { Catalog } from '../../src/core/model/types.js';
import type { SegmentProvider } from '../../src/core/provider/types.js';
import { SegmentProviderError } from '../../src/core/provider/types.js';
import { catalog } from './fixtures.js';

class ContextProbe extends LitElement {
  @consume({ context: providerContext, subscribe: true }) provider: SegmentProvider | undefined;
  @consume({ context: catalogContext, subscribe: true }) catalog: Catalog | undefined;
}
customElements.define('context-probe', ContextProbe);

/** A provider whose getCatalog answers with what the test says (fault injection). */
function fakeProvider(getCatalog: () => Promise<Catalog>): SegmentProvider {
  const fail = () => Promise.reject(new SegmentProviderError('unavailable', 'not used in this test'));
  return {
    getCatalog,
    count: fail,
    members: fail,
    suggestValues: fail,
    trend: fail,
    listSegments: fail,
    getSegment: fail,
    saveSegment: fail,
    deleteSegments: fail,
    refreshSegments: fail,
    updateSegments: fail,
  };
}

describe('<segment-provider>', () => {
  it('hands its provider and the loaded catalog to elements inside it', async () => {
    const provider = fakeProvider(() => Promise.resolve(catalog));
    const el = await fixture<SegmentProviderElement>(html`<segment-provider><context-probe></context-probe></segment-provider>`);
    const probe = el.querySelector('context-probe') as ContextProbe;
    const loaded = oneEvent(el, 'segment-catalog-load');
    el.provider = provider;
    await loaded;
    expect(probe.provider).to.equal(provider);
    expect(probe.catalog).to.deep.equal(catalog);
    await expect(el).to.be.accessible();
  });

  it('shows a readable error with a retry when the catalog cannot load, and recovers', async () => {
    let calls = 0;
    const provider = fakeProvider(() =>
      ++calls === 1 ? Promise.reject(new SegmentProviderError('unavailable', 'The server is down')) : Promise.resolve(catalog),
    );
    const el = await fixture<SegmentProviderElement>(html`<segment-provider><context-probe></context-probe></segment-provider>`);
    const failed = oneEvent(el, 'segment-catalog-error');
    el.provider = provider;
    const event = await failed;
    expect(event.detail.message).to.equal('The server is down');
    await el.updateComplete;
    const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('The server is down');
    await expect(el).to.be.accessible();
    const loaded = oneEvent(el, 'segment-catalog-load');
    (el.shadowRoot!.querySelector('[part="retry"]') as HTMLButtonElement).click();
    await loaded;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
    expect((el.querySelector('context-probe') as ContextProbe).catalog).to.deep.equal(catalog);
  });

  it('uses a catalog set directly without asking the provider', async () => {
    let calls = 0;
    const provider = fakeProvider(() => {
      calls++;
      return Promise.resolve(catalog);
    });
    const el = await fixture<SegmentProviderElement>(
      html`<segment-provider .catalog=${catalog} .provider=${provider}><context-probe></context-probe></segment-provider>`,
    );
    await el.updateComplete;
    expect(calls).to.equal(0);
    expect((el.querySelector('context-probe') as ContextProbe).catalog).to.equal(catalog);
  });

  it('warns instead of throwing when the tag is defined twice', async () => {
    const { defineElement } = await import('../../src/elements/shared/define.js');
    const warnings: unknown[] = [];
    const original = console.warn;
    console.warn = (...a: unknown[]) => warnings.push(a);
    try {
      defineElement('segment-provider', class extends HTMLElement {});
    } finally {
      console.warn = original;
    }
    expect(warnings.length).to.equal(1);
  });
});
