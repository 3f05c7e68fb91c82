// <condition-row> asks for value suggestions before its popups have loaded (typing with no
// focus event first, so nothing preloaded them): the request goes out once they arrive.
// This file is its own page: nothing has loaded the row's popups before this test.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/condition-row/define.js';
import type { ConditionRowElement } from '../../src/elements/condition-row/condition-row.js';
import { loadedPopups } from '../../src/elements/condition-row/lazy.js';
import type { ConditionNode } from '../../src/core/model/types.js';
import { createMemoryProvider } from '../../src/providers/memory/index.js';
import { testCatalog } from '../core/helpers/catalog.js';

const data = {
  Customer: [
    { CustomerId: 'C1', City: 'Paris' },
    { CustomerId: 'C2', City: 'Pamplona' },
    { CustomerId: 'C3', City: 'Berlin' },
    { CustomerId: 'C4', City: 'Paris' },
  ],
};

describe('<condition-row> suggestions before the popups have loaded', () => {
  it('typing asks once they arrive, and shows the answer', async () => {
    const provider = createMemoryProvider({ catalog: testCatalog, data, now: '2026-11-01T12:00:00Z' });
    const condition: ConditionNode = { kind: 'condition', id: 'c1', entity: 'Customer', attribute: 'City', operator: 'in', value: [] };
    const el = await fixture<ConditionRowElement>(
      html`<condition-row .catalog=${testCatalog} .provider=${provider} .condition=${condition}></condition-row>`,
    );
    expect(loadedPopups()).to.equal(undefined);
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('#value-list')!;
    input.value = 'pa';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await waitUntil(() => el.shadowRoot!.querySelectorAll('#suggestions [role="option"]').length > 0, 'suggestions show', {
      timeout: 3000,
    });
    const labels = [...el.shadowRoot!.querySelectorAll('#suggestions .option-label')].map((o) => o.textContent);
    expect(labels).to.deep.equal(['Paris', 'Pamplona']);
    expect(loadedPopups()).to.not.equal(undefined);
  });
});
