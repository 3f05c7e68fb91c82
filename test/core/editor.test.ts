// The headless SegmentEditor, driven as a React app or a server would: no DOM.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addNode,
  addRule,
  createCondition,
  SegmentEditor,
  setProperties,
  setRuleSegment,
  updateCondition,
  type SegmentDocument,
} from '../../src/core/index.js';
import { testCatalog as catalog } from './helpers/catalog.js';

const doc = (): SegmentDocument => ({
  schemaVersion: 1,
  name: 'Big',
  audience: 'Customer',
  rules: [
    {
      id: 'r1',
      where: {
        kind: 'group',
        id: 'g1',
        combinator: 'and',
        children: [{ kind: 'condition', id: 'c1', entity: 'Customer', attribute: 'CreditBalance', operator: 'greaterThan', value: 1000 }],
      },
    },
  ],
});

describe('SegmentEditor', () => {
  it('opens a document, edits it through the core operations, and undoes and redoes without mutating the input', () => {
    const input = doc();
    const frozen = JSON.stringify(input);
    const editor = new SegmentEditor({ catalog });
    const reasons: string[] = [];
    editor.subscribe((r) => reasons.push(r));
    assert.equal(editor.load(input).ok, true);
    assert.equal(editor.validation.valid, true);
    editor.apply((d) => updateCondition(d, 'c1', { value: 5 }), { coalesce: 'v' });
    editor.apply((d) => updateCondition(d, 'c1', { value: 50 }), { coalesce: 'v' });
    editor.apply((d) => setProperties(d, { displayName: 'Big ones' }));
    assert.equal(editor.segment!.displayName, 'Big ones');
    editor.undo();
    assert.equal(editor.segment!.displayName, undefined);
    assert.equal((editor.segment!.rules[0]!.where as { children: { value: unknown }[] }).children[0]!.value, 50);
    editor.undo(); // the two value edits were one step
    assert.equal((editor.segment!.rules[0]!.where as { children: { value: unknown }[] }).children[0]!.value, 1000);
    assert.equal(editor.canUndo, false);
    editor.redo();
    assert.equal((editor.segment!.rules[0]!.where as { children: { value: unknown }[] }).children[0]!.value, 50);
    assert.deepEqual(reasons, ['load', 'edit', 'edit', 'edit', 'undo', 'undo', 'redo']);
    assert.equal(JSON.stringify(input), frozen);
  });

  it('refuses a document it cannot read, keeps the one it had, and says what is wrong', () => {
    const editor = new SegmentEditor({ catalog });
    editor.load(doc());
    const before = editor.segment;
    const result = editor.load({ schemaVersion: 3, rules: 'no' });
    assert.equal(result.ok, false);
    assert.equal(editor.segment, before);
    assert.match(editor.loadErrors[0]!.message, /schema version 3/);
  });

  it('an edit that throws leaves the document as it was and returns a message', () => {
    const editor = new SegmentEditor({ catalog });
    editor.load(doc());
    const before = editor.segment;
    const result = editor.apply((d) => updateCondition(d, 'nope', { value: 1 }));
    assert.equal(result.ok, false);
    assert.equal(editor.segment, before);
  });

  it('keeps "choose an attribute" out of the shown problems until the new condition is touched, but still counts it', () => {
    const editor = new SegmentEditor({ catalog });
    editor.load(doc());
    const fresh = editor.newCondition('Customer');
    editor.apply((d) => addNode(d, 'g1', fresh));
    assert.equal(editor.validation.valid, false);
    assert.equal(editor.shownErrors.length, 0);
    assert.equal(editor.isUntouched(fresh.id!), true);
    editor.touch(fresh.id!);
    assert.equal(editor.shownErrors[0]!.code, 'missing-attribute');
    assert.equal(editor.errorsFor(fresh.id)[0]!.code, 'missing-attribute');
    // Nodes without errors share one empty array, so their rows can skip updating.
    assert.equal(editor.errorsFor('c1'), editor.errorsFor('g1'));
  });

  it('adopts a saved id without an undo step or losing history, only for the document that was saved', () => {
    const editor = new SegmentEditor({ catalog });
    editor.load(doc());
    editor.apply((d) => setProperties(d, { displayName: 'One' }));
    const generation = editor.generation;
    editor.apply((d) => setProperties(d, { displayName: 'Two' })); // edited while saving: still the same segment
    assert.equal(editor.adoptId('big', generation), true);
    assert.equal(editor.segment!.id, 'big');
    assert.equal(editor.segment!.displayName, 'Two');
    assert.equal(editor.canUndo, true);
    editor.undo();
    editor.undo();
    assert.equal(editor.segment!.id, 'big', 'every state in the history has the id, so saving after undo updates the same segment');
    // A save that answers after another document was opened changes nothing.
    const stale = editor.generation;
    editor.load({ ...doc(), name: 'Other' });
    editor.apply((d) => setProperties(d, { displayName: 'Other one' }));
    assert.equal(editor.adoptId('big-2', stale), false);
    assert.equal(editor.segment!.id, undefined);
    assert.equal(editor.canUndo, true);
  });

  it('checks segment references against the documents the store gives, and finds cycles through saved segments', () => {
    const editor = new SegmentEditor({ catalog });
    editor.load({ ...doc(), id: 'a' });
    editor.apply((d) => setRuleSegment(addRule(d, { id: 'r2', setOperator: 'union' }), 'r2', 'b'));
    // Nothing known of the store yet: no guess that "b" is unknown.
    assert.deepEqual(editor.unresolvedReferences(), ['b']);
    assert.equal(editor.validation.valid, true);
    const b: SegmentDocument = { schemaVersion: 1, id: 'b', name: 'B', audience: 'Customer', rules: [{ id: 'x', segment: 'c' }] };
    editor.setReference('b', b);
    assert.deepEqual(editor.unresolvedReferences(), ['c'], 'references of referenced segments are followed');
    editor.setReference('c', { schemaVersion: 1, id: 'c', name: 'C', audience: 'Customer', rules: [{ id: 'y', segment: 'a' }] });
    const cycle = editor.validation.errors.find((e) => e.code === 'segment-cycle');
    assert.ok(cycle, 'a → b → c → a is a cycle');
    assert.equal(cycle.path, '/rules/1/segment');
    assert.equal(cycle.nodeId, 'r2');
    // A reference the store does not have is unknown.
    editor.apply((d) => setRuleSegment(d, 'r2', 'gone'));
    editor.setReference('gone', null);
    assert.equal(editor.validation.errors[0]!.code, 'unknown-segment');
  });

  it('gives the outline of rows, reusing it until the document changes', () => {
    const editor = new SegmentEditor({ catalog });
    editor.load(doc());
    const rows = editor.rows;
    assert.deepEqual(
      rows.map((r) => r.kind),
      ['rule', 'group', 'condition', 'add'],
    );
    assert.equal(editor.rows, rows);
    assert.equal(editor.rowOf('c1')?.kind, 'condition');
    editor.apply((d) => addNode(d, 'g1', createCondition(catalog, 'Customer', 'City')));
    assert.notEqual(editor.rows, rows);
    assert.equal(editor.rows.length, 5);
  });

  it('starts a new segment for the catalog audience and can be cleared', () => {
    const editor = new SegmentEditor({ catalog });
    const fresh = editor.startNew();
    assert.equal(fresh.audience, 'Customer');
    assert.equal(editor.segment, fresh);
    editor.clear();
    assert.equal(editor.segment, undefined);
    assert.deepEqual(editor.rows, []);
  });
});
