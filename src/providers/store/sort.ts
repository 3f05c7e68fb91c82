/** Ordering and paging as providers read them: they live in the core (`core/provider/sort.ts`), which the SQL compiler shares. */
export * from '../../core/provider/sort.js';
