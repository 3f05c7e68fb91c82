import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SegmentHistory } from '../../src/core/index.js';

describe('SegmentHistory', () => {
  it('undoes and redoes in order, and a new push clears redo', () => {
    const h = new SegmentHistory('a');
    h.push('b');
    h.push('c');
    assert.equal(h.undo(), 'b');
    assert.equal(h.undo(), 'a');
    assert.equal(h.undo(), undefined);
    assert.equal(h.present, 'a');
    assert.equal(h.redo(), 'b');
    h.push('x');
    assert.equal(h.canRedo, false);
    assert.equal(h.redo(), undefined);
    assert.equal(h.undo(), 'b');
  });

  it('coalesces a run of pushes with the same key into one undo step', () => {
    const h = new SegmentHistory('');
    for (const s of ['P', 'Pa', 'Par', 'Paris']) h.push(s, { coalesce: 'city' });
    h.push('Paris!', { coalesce: 'other' });
    assert.equal(h.undo(), 'Paris');
    assert.equal(h.undo(), '');
    assert.equal(h.canUndo, false);
  });

  it('keeps at most `limit` past states and ignores pushing the same state', () => {
    const h = new SegmentHistory(0, { limit: 3 });
    for (let i = 1; i <= 10; i++) h.push(i);
    h.push(10);
    let n = 0;
    while (h.undo() !== undefined) n++;
    assert.equal(n, 3);
    assert.equal(h.present, 7);
    h.reset(42);
    assert.equal(h.present, 42);
    assert.equal(h.canUndo || h.canRedo, false);
  });
});
