/**
 * `SegmentEditor`: the state of editing one segment, with no DOM and no framework (as
 * react-querybuilder's `QueryManager`). It holds the document and its undo history, the
 * validation and its per-node index, the conditions the user has not touched yet, the
 * referenced saved segments, the adoption of a saved id, and the outline of rows.
 * `<segment-builder>` renders it; a React app or a server can drive it the same way.
 *
 * Every change goes through the core's pure edit operations; the object loaded is never
 * mutated. Listeners hear about every change with its reason.
 */
import { createEmptyCondition, createSegment, SegmentEditError } from '../model/edit.js';
import { SegmentHistory } from '../model/history.js';
import type { Catalog, ConditionNode, SegmentDocument, SegmentError } from '../model/types.js';
import { parseSegment } from '../validate/parse.js';
import { validateSegment, type ValidationResult } from '../validate/validate.js';
import { buildRows, type BuilderRow } from './outline.js';

export type { BuilderRow as EditorRow, NodeRow as EditorNodeRow } from './outline.js';

/** Why the editor changed: a user's edit, undo/redo, a new document, or bookkeeping. */
export type EditorChangeReason = 'load' | 'load-refused' | 'new' | 'edit' | 'undo' | 'redo' | 'adopt' | 'catalog' | 'references' | 'clear';

export interface SegmentEditorOptions {
  catalog?: Catalog;
  /** How many undo steps to keep (default 200). */
  historyLimit?: number;
}

export interface EditOptions {
  /** Successive edits with the same key are one undo step (typing into one field). */
  coalesce?: string;
}

/** What an edit did: `changed` false when the operation returned the same document. */
export type EditResult = { ok: true; changed: boolean; segment: SegmentDocument } | { ok: false; message: string };

/** A saved segment as the editor knows it: its document, `null` when the store has none, or not known yet. */
export type ReferenceState = SegmentDocument | null;

const NO_ERRORS: SegmentError[] = [];
const EMPTY_VALIDATION: ValidationResult = { valid: false, errors: [] };

export class SegmentEditor {
  private doc: SegmentDocument | undefined;
  private loaded: SegmentDocument | undefined;
  private parseErrors: SegmentError[] = [];
  private refused: SegmentError[] = [];
  private readonly history: SegmentHistory<SegmentDocument>;
  private catalogValue: Catalog | undefined;
  /** Bumped by every load (and new/clear): a save started before a load belongs to another document. */
  private generationValue = 0;
  private readonly untouchedIds = new Set<string>();
  private readonly references = new Map<string, ReferenceState>();
  private referencesVersion = 0;
  private readonly listeners = new Set<(reason: EditorChangeReason) => void>();

  private validated: { doc: SegmentDocument; catalog: Catalog | undefined; refs: number; result: ValidationResult } | undefined;
  private shown: { errors: SegmentError[]; untouched: number; result: SegmentError[] } | undefined;
  private byNode: { errors: SegmentError[]; map: Map<string, SegmentError[]> } | undefined;
  private outline: { doc: SegmentDocument; rows: BuilderRow[] } | undefined;

  constructor(options: SegmentEditorOptions = {}) {
    this.catalogValue = options.catalog;
    this.history = new SegmentHistory<SegmentDocument>(createSegment(''), { limit: options.historyLimit ?? 200 });
  }

  /** Hear about every change; returns the function that stops listening. */
  subscribe(listener: (reason: EditorChangeReason) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(reason: EditorChangeReason): void {
    for (const l of [...this.listeners]) l(reason);
  }

  // ------------------------------------------------------------------ the document

  /** The document being edited, or undefined before one is loaded. */
  get segment(): SegmentDocument | undefined {
    return this.doc;
  }

  /** What was wrong with the last document that could not be opened (the one before stays). */
  get loadErrors(): SegmentError[] {
    return this.refused;
  }

  /** Changes with every document loaded, started or cleared (not with edits). */
  get generation(): number {
    return this.generationValue;
  }

  /**
   * Open a document (anything: object or JSON text). A document that cannot be read is
   * refused with its errors and the current one stays; one that can be read opens, and
   * what `parseSegment` found wrong is shown until it is edited.
   */
  load(value: unknown): { ok: boolean; errors: SegmentError[] } {
    if (value === undefined || value === null) {
      this.clear();
      return { ok: true, errors: [] };
    }
    const parsed = parseSegment(value);
    if (!parsed.segment) {
      this.refused = parsed.errors;
      this.notify('load-refused');
      return { ok: false, errors: parsed.errors };
    }
    this.open(parsed.segment, parsed.errors);
    this.notify('load');
    return { ok: true, errors: parsed.errors };
  }

  /** Start a new, empty segment for the catalog's audience (a user action). */
  startNew(audience = this.catalogValue?.audience ?? ''): SegmentDocument {
    const doc = createSegment(audience);
    this.open(doc, []);
    this.notify('new');
    return doc;
  }

  /** Close the document. */
  clear(): void {
    this.doc = undefined;
    this.loaded = undefined;
    this.parseErrors = [];
    this.refused = [];
    this.untouchedIds.clear();
    this.generationValue++;
    this.notify('clear');
  }

  private open(doc: SegmentDocument, parseErrors: SegmentError[]): void {
    this.doc = doc;
    this.loaded = doc;
    this.parseErrors = parseErrors;
    this.refused = [];
    this.untouchedIds.clear();
    this.history.reset(doc);
    this.generationValue++;
  }

  // ------------------------------------------------------------------ editing

  /** Apply an edit operation as a user change: a new history step (or coalesced into the last). */
  apply(op: (doc: SegmentDocument) => SegmentDocument, options: EditOptions = {}): EditResult {
    if (!this.doc) return { ok: false, message: 'There is no segment to edit.' };
    let next: SegmentDocument;
    try {
      next = op(this.doc);
    } catch (e) {
      return {
        ok: false,
        message: e instanceof SegmentEditError ? e.message : `That change could not be made: ${e instanceof Error ? e.message : String(e)}`,
      };
    }
    if (next === this.doc) return { ok: true, changed: false, segment: next };
    this.history.push(next, options.coalesce !== undefined ? { coalesce: options.coalesce } : {});
    this.doc = next;
    this.notify('edit');
    return { ok: true, changed: true, segment: next };
  }

  get canUndo(): boolean {
    return this.doc !== undefined && this.history.canUndo;
  }

  get canRedo(): boolean {
    return this.doc !== undefined && this.history.canRedo;
  }

  /** Step back one change; returns the document, or undefined when there was nothing to undo. */
  undo(): SegmentDocument | undefined {
    if (!this.doc) return undefined;
    const doc = this.history.undo();
    if (!doc) return undefined;
    this.doc = doc;
    this.notify('undo');
    return doc;
  }

  /** Step forward again. */
  redo(): SegmentDocument | undefined {
    if (!this.doc) return undefined;
    const doc = this.history.redo();
    if (!doc) return undefined;
    this.doc = doc;
    this.notify('redo');
    return doc;
  }

  /**
   * Give the document the id a store assigned when it was saved, without an undo step
   * and without losing the history: every state in the history that has no id gets it,
   * so undoing and saving again updates the same stored segment. Applies only when the
   * editor still holds the document that was saved (`generation` as it was when the save
   * began); a save that answers after another document was opened changes nothing.
   * Returns whether the id was adopted.
   */
  adoptId(id: string, generation: number): boolean {
    if (!this.doc || generation !== this.generationValue || !id || this.doc.id) return false;
    const withId = (d: SegmentDocument): SegmentDocument => (d.id ? d : { ...d, id });
    const wasLoaded = this.doc === this.loaded;
    this.history.map(withId);
    this.doc = this.history.present;
    if (wasLoaded) this.loaded = this.doc;
    this.notify('adopt');
    return true;
  }

  // ------------------------------------------------------------------ untouched conditions

  /**
   * A new empty condition with its id already, so focus can go to it once it is added.
   * It counts as untouched until its attribute is chosen (see `shownErrors`). The id is
   * random rather than counted, so no walk over a large document is needed; `addNode`
   * renames it in the unlikely case it is taken.
   */
  newCondition(scope: string): ConditionNode {
    const id = `c${Math.random().toString(36).slice(2, 10)}`;
    this.untouchedIds.add(id);
    return { ...createEmptyCondition(scope), id };
  }

  /** The user touched this condition: its problems are shown from now on. */
  touch(id: string): void {
    if (this.untouchedIds.delete(id)) this.shown = undefined;
  }

  isUntouched(id: string): boolean {
    return this.untouchedIds.has(id);
  }

  // ------------------------------------------------------------------ catalog and references

  get catalog(): Catalog | undefined {
    return this.catalogValue;
  }

  set catalog(catalog: Catalog | undefined) {
    if (catalog === this.catalogValue) return;
    this.catalogValue = catalog;
    this.notify('catalog');
  }

  /**
   * The saved segments this document reaches through segment references (directly and
   * through the documents already resolved) whose documents are not known yet. A host
   * fetches them (`provider.getSegment`) and hands them over with `setReference`.
   */
  unresolvedReferences(): string[] {
    const out: string[] = [];
    const seen = new Set<string>();
    const visit = (doc: SegmentDocument | undefined): void => {
      if (!doc) return;
      for (const rule of doc.rules) {
        const ref = rule.segment;
        if (typeof ref !== 'string' || ref === '' || seen.has(ref) || ref === this.doc?.id) continue;
        seen.add(ref);
        if (!this.references.has(ref)) out.push(ref);
        else visit(this.references.get(ref) ?? undefined);
      }
    };
    visit(this.doc);
    return out;
  }

  /** The store's document for a referenced id, or `null` when the store has no such segment. */
  setReference(id: string, doc: ReferenceState): void {
    if (this.references.get(id) === doc && this.references.has(id)) return;
    this.references.set(id, doc);
    this.referencesVersion++;
    this.notify('references');
  }

  /** A referenced segment's document, if known. */
  reference(id: string): SegmentDocument | undefined {
    return this.references.get(id) ?? undefined;
  }

  /** Forget what is known of saved segments (the store changed). */
  clearReferences(): void {
    if (this.references.size === 0) return;
    this.references.clear();
    this.referencesVersion++;
    this.notify('references');
  }

  /**
   * Check references against the store? Only once something is known of it: with no
   * store there is nothing to check against, and "unknown segment" would be a guess.
   */
  private get checksReferences(): boolean {
    return this.references.size > 0;
  }

  private lookup = (id: string): SegmentDocument | undefined => {
    if (!this.references.has(id)) {
      // Not fetched yet: a stand-in, so the reference is not reported as unknown meanwhile.
      return { schemaVersion: 1, id, audience: this.doc?.audience ?? '', rules: [] };
    }
    return this.references.get(id) ?? undefined;
  };

  // ------------------------------------------------------------------ validation

  /** The validation of the current document (errors with paths and node ids), cached per state. */
  get validation(): ValidationResult {
    const doc = this.doc;
    if (!doc) return { valid: false, errors: this.refused };
    const catalog = this.catalogValue;
    const v = this.validated;
    if (v && v.doc === doc && v.catalog === catalog && v.refs === this.referencesVersion) return v.result;
    // The document was read by parseSegment on load and only changes through the core's
    // edit operations, so its structure needs no re-reading: the fast path still checks
    // operators and values. What parseSegment found on load is added while it is shown.
    let result = catalog
      ? validateSegment(doc, catalog, { ...(this.checksReferences ? { segments: this.lookup } : {}), assumeParsed: true })
      : EMPTY_VALIDATION;
    if (doc === this.loaded && this.parseErrors.length > 0) {
      const seen = new Set(result.errors.map((e) => `${e.code}@${e.path}`));
      const extra = this.parseErrors.filter((e) => !seen.has(`${e.code}@${e.path}`));
      result = { valid: false, errors: [...extra, ...result.errors] };
    }
    this.validated = { doc, catalog, refs: this.referencesVersion, result };
    return result;
  }

  /**
   * The problems to show: all of them, except "choose an attribute" on a condition the
   * user has just added and not touched (its picker says so already). `validation` still
   * counts it, so the segment cannot be activated.
   */
  get shownErrors(): SegmentError[] {
    const errors = this.validation.errors;
    if (this.untouchedIds.size === 0) return errors;
    const s = this.shown;
    if (s && s.errors === errors && s.untouched === this.untouchedIds.size) return s.result;
    const result = errors.filter((e) => !(e.code === 'missing-attribute' && e.nodeId !== undefined && this.untouchedIds.has(e.nodeId)));
    this.shown = { errors, untouched: this.untouchedIds.size, result };
    return result;
  }

  /**
   * The shown errors of one node or rule. Nodes without errors all get the same empty
   * array, so a row whose node did not change can skip updating.
   */
  errorsFor(nodeId: string | undefined): SegmentError[] {
    if (nodeId === undefined) return NO_ERRORS;
    const errors = this.shownErrors;
    if (this.byNode?.errors !== errors) {
      const map = new Map<string, SegmentError[]>();
      for (const e of errors) {
        if (e.nodeId === undefined) continue;
        const list = map.get(e.nodeId);
        if (list) list.push(e);
        else map.set(e.nodeId, [e]);
      }
      this.byNode = { errors, map };
    }
    return this.byNode.map.get(nodeId) ?? NO_ERRORS;
  }

  // ------------------------------------------------------------------ outline

  /** The document as a flat list of rows in reading order (unchanged subtrees keep their rows). */
  get rows(): BuilderRow[] {
    const doc = this.doc;
    if (!doc) return [];
    if (this.outline?.doc !== doc) this.outline = { doc, rows: buildRows(doc) };
    return this.outline.rows;
  }

  /** The row of a node or rule id (rules by their header row). */
  rowOf(id: string): BuilderRow | undefined {
    return this.rows.find((r) => ('node' in r && r.node.id === id) || (r.kind === 'rule' && r.rule.id === id));
  }
}
