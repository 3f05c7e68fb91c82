/**
 * The data of `npm run bench:sql`: the kit's sample dataset (`createSampleDataset`, seed 1,
 * as of `SAMPLE_NOW`) at the size asked for. It is deterministic, so the rows PostgreSQL
 * loaded in an earlier run, the rows DuckDB and the memory provider get in this one are
 * the same rows (and the bench checks it: the three engines must give the same answers).
 */
import type { AttributeDef, Catalog } from '../../src/core/model/types.js';
import { SAMPLE_NOW, createSampleDataset, sampleCatalog, type SampleData } from '../../src/sample/index.js';

/** Bump when the rows or the tables change: a PostgreSQL load of another version is reloaded. */
export const DATA_VERSION = 1;
export const SEED = 1;
export const NOW = SAMPLE_NOW;
export const catalog: Catalog = sampleCatalog;

export function generate(customers: number): SampleData {
  return createSampleDataset({ customers, seed: SEED, now: NOW }).data;
}

/** An entity's columns: its attributes, in catalog order (the sample catalog lists its key and link columns). */
export function columnsOf(entity: string): AttributeDef[] {
  const def = catalog.entities.find((e) => e.name === entity);
  if (!def) throw new Error(`No entity ${entity} in the sample catalog.`);
  return def.attributes;
}

export const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
