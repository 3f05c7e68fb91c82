import type { Catalog } from '../../../src/core/index.js';

/** A small retail catalog for the core's unit and property tests. */
export const testCatalog: Catalog = {
  audience: 'Customer',
  entities: [
    {
      name: 'Customer',
      key: 'CustomerId',
      attributes: [
        { name: 'CustomerId', type: 'string' },
        { name: 'City', type: 'string' },
        { name: 'Country', type: 'string', values: [{ value: 'US', label: 'United States' }, { value: 'DE' }, { value: 'FR' }] },
        { name: 'CreditBalance', type: 'number', label: 'Credit balance' },
        { name: 'BirthDate', type: 'date', label: 'Birth date' },
        { name: 'DoNotContact', type: 'boolean', label: 'Do not contact' },
      ],
    },
    {
      name: 'Order',
      key: 'OrderId',
      attributes: [
        { name: 'OrderId', type: 'string' },
        { name: 'CustomerId', type: 'string' },
        { name: 'TotalAmount', type: 'number', label: 'Total amount' },
        { name: 'OrderDate', type: 'date', label: 'Order date' },
        { name: 'Channel', type: 'string' },
      ],
    },
    {
      name: 'Case',
      key: 'CaseId',
      attributes: [
        { name: 'Escalated', type: 'boolean' },
        { name: 'Priority', type: 'string' },
      ],
    },
    { name: 'OnlineAccount', label: 'Online account', key: 'AccountId', attributes: [{ name: 'Username', type: 'string' }] },
    {
      name: 'WebSession',
      label: 'Web session',
      key: 'SessionId',
      attributes: [
        { name: 'StartedAt', type: 'date' },
        { name: 'Device', type: 'string' },
      ],
    },
  ],
  relationships: [
    { name: 'OrderCustomer', from: 'Order', fromAttribute: 'CustomerId', to: 'Customer', toAttribute: 'CustomerId' },
    { name: 'CaseCustomer', from: 'Case', fromAttribute: 'CustomerId', to: 'Customer', toAttribute: 'CustomerId' },
    { name: 'AccountCustomer', from: 'OnlineAccount', fromAttribute: 'CustomerId', to: 'Customer', toAttribute: 'CustomerId' },
    { name: 'SessionAccount', from: 'WebSession', fromAttribute: 'AccountId', to: 'OnlineAccount', toAttribute: 'AccountId' },
  ],
};
