/** The value editors shared by `<condition-row>` and the builder's aggregate editor. */
export * from './editors.js';
export * from './list.js';
export * from './values.js';
