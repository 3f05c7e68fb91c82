/**
 * The small fixed dataset the provider contract runs on: ten customers and twelve orders,
 * with the cases SPEC section 5 is particular about — mixed case, empty strings and nulls,
 * `%` and `_` in text, a 29 February, orders either side of a relative window. Load it into
 * your backend as it is (dates are ISO strings; a date without a time is midnight UTC).
 */
import type { Catalog } from '../core/model/types.js';

export interface ContractFixture {
  catalog: Catalog;
  /** Plain rows per entity, as `createMemoryProvider` and `loadDataset` take them. */
  data: Record<string, Record<string, unknown>[]>;
  /** The reference instant the expected answers assume: give it to your provider as its clock. */
  now: string;
}

const CATALOG: Catalog = {
  audience: 'Customer',
  entities: [
    {
      name: 'Customer',
      label: 'Customer',
      key: 'CustomerId',
      attributes: [
        { name: 'CustomerId', label: 'Customer ID', type: 'string' },
        { name: 'Name', label: 'Name', type: 'string' },
        { name: 'City', label: 'City', type: 'string' },
        { name: 'Points', label: 'Loyalty points', type: 'number' },
        { name: 'Joined', label: 'Joined', type: 'date' },
        { name: 'OptIn', label: 'Email opt-in', type: 'boolean' },
      ],
    },
    {
      name: 'Order',
      label: 'Order',
      key: 'OrderId',
      attributes: [
        { name: 'OrderId', label: 'Order ID', type: 'string' },
        { name: 'CustomerId', label: 'Customer ID', type: 'string' },
        { name: 'Total', label: 'Total', type: 'number' },
        { name: 'Status', label: 'Status', type: 'string' },
        { name: 'OrderedOn', label: 'Ordered on', type: 'date' },
      ],
    },
  ],
  relationships: [{ name: 'CustomerOrders', from: 'Order', fromAttribute: 'CustomerId', to: 'Customer', toAttribute: 'CustomerId' }],
};

const CUSTOMERS: [string, string, string | null, number | null, string | null, boolean | null][] = [
  ['C01', 'Ada', 'Paris', 120, '2026-01-15', true],
  ['C02', 'Bo', 'paris', 40, '2026-06-01', false],
  ['C03', 'Cy', 'Lyon', null, '2025-11-30', null],
  ['C04', 'Di', null, 300, null, true],
  ['C05', 'Ed', '', 75, '2026-10-31', true],
  ['C06', 'Fa', '100% Lyon', 10, '2026-11-01', false],
  ['C07', 'Gu', 'Lyon_Sud', 500, '2024-02-29', true],
  ['C08', 'Hi', 'NICE', 0, '2026-03-01', false],
  ['C09', 'Io', 'Nice', 220, '2026-09-15', null],
  ['C10', 'Jo', 'Marseille', 90, '2026-11-30', true],
];

const ORDERS: [string, string, number | null, string, string][] = [
  ['O01', 'C01', 50, 'completed', '2026-11-20'],
  ['O02', 'C01', 80, 'completed', '2026-10-01'],
  ['O03', 'C01', null, 'cancelled', '2026-11-25'],
  ['O04', 'C02', 200, 'completed', '2026-06-10'],
  ['O05', 'C03', 15, 'returned', '2026-11-29'],
  ['O06', 'C03', 25, 'completed', '2025-12-01'],
  ['O07', 'C04', 1000, 'completed', '2026-11-01'],
  ['O08', 'C07', 60, 'Completed', '2026-11-28'],
  ['O09', 'C07', 70, 'completed', '2026-11-27'],
  ['O10', 'C07', 5, 'completed', '2026-01-01'],
  ['O11', 'C09', 300, 'pending', '2026-11-30'],
  ['O12', 'C10', 40, 'completed', '2026-05-05'],
];

/** A fresh copy of the contract's dataset (yours to load and to change). */
export function providerContractFixture(): ContractFixture {
  return {
    catalog: structuredClone(CATALOG),
    data: {
      Customer: CUSTOMERS.map(([CustomerId, Name, City, Points, Joined, OptIn]) => ({ CustomerId, Name, City, Points, Joined, OptIn })),
      Order: ORDERS.map(([OrderId, CustomerId, Total, Status, OrderedOn]) => ({ OrderId, CustomerId, Total, Status, OrderedOn })),
    },
    now: '2026-12-01T12:00:00.000Z',
  };
}
