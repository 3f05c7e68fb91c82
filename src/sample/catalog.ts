/**
 * The catalog of the sample retail dataset: customers, their orders, service cases,
 * online accounts and web sessions (a two-hop path), subscriptions and products.
 */
import type { AttributeValueOption, Catalog } from '../core/model/types.js';

const options = (...values: string[]): AttributeValueOption[] => values.map((value) => ({ value }));

/** Countries, as ISO 3166 codes with their names as labels. */
export const SAMPLE_COUNTRIES: readonly { value: string; label: string }[] = [
  { value: 'US', label: 'United States' },
  { value: 'CA', label: 'Canada' },
  { value: 'GB', label: 'United Kingdom' },
  { value: 'DE', label: 'Germany' },
  { value: 'FR', label: 'France' },
  { value: 'NL', label: 'Netherlands' },
  { value: 'ES', label: 'Spain' },
  { value: 'AU', label: 'Australia' },
  { value: 'JP', label: 'Japan' },
  { value: 'BR', label: 'Brazil' },
  { value: 'MX', label: 'Mexico' },
  { value: 'IN', label: 'India' },
];

export const LOYALTY_TIERS = ['Bronze', 'Silver', 'Gold', 'Platinum'] as const;
export const ORDER_CHANNELS = ['Web', 'Store', 'Phone', 'Marketplace'] as const;
export const ORDER_STATUSES = ['Completed', 'Returned', 'Cancelled'] as const;
export const CASE_PRIORITIES = ['Low', 'Normal', 'High', 'Critical'] as const;
export const CASE_STATUSES = ['Open', 'Resolved', 'Cancelled'] as const;
export const CASE_CATEGORIES = ['Billing', 'Delivery', 'Product', 'Account', 'Technical'] as const;
export const DEVICES = ['Desktop', 'Mobile', 'Tablet'] as const;
export const LANDING_PAGES = ['Home', 'Product', 'Search', 'Cart', 'Checkout', 'Support', 'Account', 'Blog'] as const;
export const SUBSCRIPTION_STATUSES = ['Active', 'Cancelled', 'Expired'] as const;
export const PRODUCT_CATEGORIES = ['Security', 'Storage', 'Productivity', 'Networking'] as const;

/** The sample catalog (audience `Customer`). Every relationship is many-to-one. */
export const sampleCatalog: Catalog = {
  audience: 'Customer',
  entities: [
    {
      name: 'Customer',
      label: 'Customer',
      key: 'CustomerId',
      attributes: [
        { name: 'CustomerId', label: 'Customer ID', type: 'string' },
        { name: 'FullName', label: 'Full name', type: 'string' },
        { name: 'Email', label: 'Email', type: 'string' },
        { name: 'City', label: 'City', type: 'string' },
        { name: 'Country', label: 'Country', type: 'string', values: SAMPLE_COUNTRIES.map((c) => ({ ...c })) },
        { name: 'BirthDate', label: 'Birth date', type: 'date' },
        { name: 'CreatedOn', label: 'Customer since', type: 'date' },
        { name: 'LoyaltyTier', label: 'Loyalty tier', type: 'string', values: options(...LOYALTY_TIERS) },
        { name: 'LoyaltyPoints', label: 'Loyalty points', type: 'number' },
        { name: 'CreditBalance', label: 'Credit balance', type: 'number' },
        {
          name: 'Satisfaction',
          label: 'Satisfaction',
          type: 'number',
          values: [
            { value: 1, label: '1 – Very dissatisfied' },
            { value: 2, label: '2 – Dissatisfied' },
            { value: 3, label: '3 – Neutral' },
            { value: 4, label: '4 – Satisfied' },
            { value: 5, label: '5 – Very satisfied' },
          ],
        },
        { name: 'DoNotContact', label: 'Do not contact', type: 'boolean' },
        { name: 'EmailOptIn', label: 'Email opt-in', type: 'boolean' },
      ],
    },
    {
      name: 'Order',
      label: 'Order',
      key: 'OrderId',
      attributes: [
        { name: 'OrderId', label: 'Order ID', type: 'string' },
        { name: 'CustomerId', label: 'Customer ID', type: 'string' },
        { name: 'OrderDate', label: 'Order date', type: 'date' },
        { name: 'TotalAmount', label: 'Total amount', type: 'number' },
        { name: 'ItemCount', label: 'Items', type: 'number' },
        { name: 'Channel', label: 'Channel', type: 'string', values: options(...ORDER_CHANNELS) },
        { name: 'Status', label: 'Status', type: 'string', values: options(...ORDER_STATUSES) },
      ],
    },
    {
      name: 'Case',
      label: 'Service case',
      key: 'CaseId',
      attributes: [
        { name: 'CaseId', label: 'Case ID', type: 'string' },
        { name: 'CustomerId', label: 'Customer ID', type: 'string' },
        { name: 'OpenedOn', label: 'Opened on', type: 'date' },
        { name: 'ClosedOn', label: 'Closed on', type: 'date' },
        { name: 'Category', label: 'Category', type: 'string', values: options(...CASE_CATEGORIES) },
        { name: 'Priority', label: 'Priority', type: 'string', values: options(...CASE_PRIORITIES) },
        { name: 'Status', label: 'Status', type: 'string', values: options(...CASE_STATUSES) },
        { name: 'Escalated', label: 'Escalated', type: 'boolean' },
      ],
    },
    {
      name: 'OnlineAccount',
      label: 'Online account',
      key: 'AccountId',
      attributes: [
        { name: 'AccountId', label: 'Account ID', type: 'string' },
        { name: 'CustomerId', label: 'Customer ID', type: 'string' },
        { name: 'Username', label: 'Username', type: 'string' },
        { name: 'CreatedOn', label: 'Created on', type: 'date' },
      ],
    },
    {
      name: 'WebSession',
      label: 'Web session',
      key: 'SessionId',
      attributes: [
        { name: 'SessionId', label: 'Session ID', type: 'string' },
        { name: 'AccountId', label: 'Account ID', type: 'string' },
        { name: 'StartedAt', label: 'Started at', type: 'date' },
        { name: 'DurationSeconds', label: 'Duration (seconds)', type: 'number' },
        { name: 'PageViews', label: 'Page views', type: 'number' },
        { name: 'Device', label: 'Device', type: 'string', values: options(...DEVICES) },
        { name: 'Page', label: 'Landing page', type: 'string', values: options(...LANDING_PAGES) },
      ],
    },
    {
      name: 'Subscription',
      label: 'Subscription',
      key: 'SubscriptionId',
      attributes: [
        { name: 'SubscriptionId', label: 'Subscription ID', type: 'string' },
        { name: 'CustomerId', label: 'Customer ID', type: 'string' },
        { name: 'ProductId', label: 'Product ID', type: 'string' },
        { name: 'StartDate', label: 'Start date', type: 'date' },
        { name: 'EndDate', label: 'End date', type: 'date' },
        { name: 'Status', label: 'Status', type: 'string', values: options(...SUBSCRIPTION_STATUSES) },
        { name: 'AutoRenew', label: 'Auto-renew', type: 'boolean' },
      ],
    },
    {
      name: 'Product',
      label: 'Product',
      key: 'ProductId',
      attributes: [
        { name: 'ProductId', label: 'Product ID', type: 'string' },
        { name: 'Name', label: 'Name', type: 'string' },
        { name: 'Category', label: 'Category', type: 'string', values: options(...PRODUCT_CATEGORIES) },
        { name: 'Price', label: 'Monthly price', type: 'number' },
      ],
    },
  ],
  relationships: [
    { name: 'OrderCustomer', from: 'Order', fromAttribute: 'CustomerId', to: 'Customer', toAttribute: 'CustomerId' },
    { name: 'CaseCustomer', from: 'Case', fromAttribute: 'CustomerId', to: 'Customer', toAttribute: 'CustomerId' },
    { name: 'OnlineAccountCustomer', from: 'OnlineAccount', fromAttribute: 'CustomerId', to: 'Customer', toAttribute: 'CustomerId' },
    { name: 'WebSessionOnlineAccount', from: 'WebSession', fromAttribute: 'AccountId', to: 'OnlineAccount', toAttribute: 'AccountId' },
    { name: 'SubscriptionCustomer', from: 'Subscription', fromAttribute: 'CustomerId', to: 'Customer', toAttribute: 'CustomerId' },
    { name: 'SubscriptionProduct', from: 'Subscription', fromAttribute: 'ProductId', to: 'Product', toAttribute: 'ProductId' },
  ],
};
