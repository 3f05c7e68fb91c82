/**
 * Building the engine's caches for a dataset ahead of the first question: all at once
 * (`prepareDataset`) or a slice at a time for idle time (`prepareSteps`).
 */
import { walkNodes } from '../model/edit.js';
import type { SegmentDocument } from '../model/types.js';
import { type Steps, drain, linkSteps } from './columns.js';
import { hopsOf } from './compile.js';
import { type Dataset, Run } from './evaluate.js';

export interface PrepareOptions {
  /**
   * Documents likely to be asked about first (a provider's saved segments): the columns and
   * links they use are built before the others.
   */
  first?: readonly SegmentDocument[];
  /**
   * Build only what `first` uses (its columns, the links to its related entities and the
   * join indexes between the entities it reads), not every attribute of every entity: a
   * bounded memory cost for a provider that prepares on its own.
   */
  only?: boolean;
}

/**
 * Build every cache the engine uses for a dataset now (typed columns of every catalog
 * attribute, the join indexes of every relationship, the links from the audience to every
 * reachable entity) instead of on first use, e.g. when a provider is created.
 * Optional: evaluation builds what it needs anyway. Returns the time taken in ms.
 */
export function prepareDataset(dataset: Dataset): number {
  const started = Date.now();
  drain(prepareSteps(dataset));
  return Date.now() - started;
}

/** The entities and attributes the documents' conditions, related blocks and aggregates read. */
function usedBy(docs: readonly SegmentDocument[]): Map<string, Set<string>> {
  const used = new Map<string, Set<string>>();
  const add = (entity: unknown, attribute?: unknown) => {
    if (typeof entity !== 'string') return;
    let attrs = used.get(entity);
    if (!attrs) used.set(entity, (attrs = new Set()));
    if (typeof attribute === 'string') attrs.add(attribute);
  };
  for (const doc of docs)
    for (const rule of Array.isArray(doc?.rules) ? doc.rules : [])
      for (const n of walkNodes(rule?.where)) {
        if (n.kind === 'condition') add(n.entity, n.attribute);
        else if (n.kind === 'related') add(n.entity, 'attribute' in n.match ? n.match.attribute : undefined);
      }
  return used;
}

/**
 * `prepareDataset` a slice at a time, for idle time: each `next()` does a small part of the
 * work (at most `SLICE_ROWS` rows of one build) and returns. An evaluation that comes in
 * between builds what it needs from where the slices left it, so nothing is built twice and
 * every answer is the one it would be without; dropping the iterator stops the preparation.
 * Throws, on the first slice, what evaluation would throw for a dataset it cannot read.
 */
export function* prepareSteps(dataset: Dataset, options: PrepareOptions = {}): Generator<void, void> {
  const catalog = dataset.catalog;
  const doc = { schemaVersion: 1, audience: catalog.audience, rules: [] } as SegmentDocument;
  const run = new Run(dataset, {}, doc);
  const cat = run.cat;
  yield;
  const through = function* (steps: Steps) {
    while (!steps.next().done) yield;
  };
  const used = usedBy(options.first ?? []);
  if (options.only) used.set(run.audience, used.get(run.audience) ?? new Set());
  // What the documents use first, then everything (what is built already costs nothing).
  for (const pass of options.only ? ['first'] : used.size ? ['first', 'all'] : ['all']) {
    for (const entity of catalog.entities) {
      const attrs = used.get(entity.name);
      if (pass === 'first' && !attrs) continue;
      const table = run.table(entity.name);
      for (const attr of entity.attributes) {
        if (pass === 'first' && !attrs!.has(attr.name)) continue;
        yield* through(table.columnSteps(attr.name, attr.type));
        if (attr.type === 'date' && entity.name === run.audience) table.monthDays(attr.name);
        yield;
      }
      if (entity.name !== run.audience) {
        const steps = cat.path(run.audience, entity.name);
        if (steps)
          yield* through(
            linkSteps(
              run.audienceTable,
              hopsOf(steps, (e) => run.table(e)),
            ),
          );
      }
    }
  }
  for (const r of catalog.relationships) {
    if (options.only && !(used.has(r.from) && used.has(r.to))) continue;
    if (cat.entity(r.from) && cat.entity(r.to)) {
      yield* through(run.table(r.from).groupSteps(r.fromAttribute));
      yield* through(run.table(r.to).groupSteps(r.toAttribute));
    }
  }
}
