import assert from 'node:assert/strict';
import { SegmentProviderError, type SegmentNode } from '../../../src/core/index.js';

/** A getItem/setItem storage over a Map the test can read and damage. */
export function memoryStorage() {
  const map = new Map<string, string>();
  return { map, getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
}

/** The promise rejects with a SegmentProviderError of this code (and a message matching `message`). */
export async function rejects(p: Promise<unknown>, code: string, message?: RegExp) {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof SegmentProviderError, `expected SegmentProviderError, got ${String(e)}`);
    assert.equal(e.code, code);
    if (message) assert.match(e.message, message);
    return true;
  });
}

/** Customers with at least one order over `amount` (the test catalog's Order.TotalAmount). */
export const ordersOver = (amount: number): SegmentNode => ({
  kind: 'related',
  entity: 'Order',
  match: { quantifier: 'any' },
  where: { kind: 'condition', entity: 'Order', attribute: 'TotalAmount', operator: 'greaterThan', value: amount },
});
