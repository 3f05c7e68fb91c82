/**
 * Reused scratch buffers. Evaluations over large tables need several arrays of the
 * table's size per call; allocating them afresh makes V8 run full garbage collections,
 * which cost as much as the evaluation itself when the rows (millions of objects) are on
 * the heap. Buffers are borrowed and given back within one synchronous call.
 */

const MAX_POOLED = 16;
/** Buffers below this size are cheap to allocate: not pooled. */
const MIN_POOLED = 4096;

const int32 = new Map<number, Int32Array[]>();
const uint8 = new Map<number, Uint8Array[]>();
let pooled = 0;

/** An Int32Array of exactly `length` entries, contents undefined. */
export function borrowInt32(length: number): Int32Array {
  const list = int32.get(length);
  const buf = list?.pop();
  if (buf) {
    pooled--;
    return buf;
  }
  return new Int32Array(length);
}

/** A zero-filled Uint8Array of exactly `length` entries. */
export function borrowZeros(length: number): Uint8Array {
  const list = uint8.get(length);
  const buf = list?.pop();
  if (buf) {
    pooled--;
    return buf.fill(0);
  }
  return new Uint8Array(length);
}

/** Give a buffer back (it must not be used afterwards). */
export function giveBack(buf: Int32Array | Uint8Array): void {
  const length = buf.length;
  if (length < MIN_POOLED) return;
  if (pooled >= MAX_POOLED) {
    // Full (probably of another dataset's sizes): start over.
    int32.clear();
    uint8.clear();
    pooled = 0;
  }
  const pools = buf instanceof Int32Array ? int32 : uint8;
  let list = pools.get(length) as (Int32Array | Uint8Array)[] | undefined;
  if (!list) {
    list = [];
    pools.set(length, list as Int32Array[] & Uint8Array[]);
  }
  if (list.includes(buf)) return;
  list.push(buf);
  pooled++;
}

/** Rows 0 .. n-1, in a borrowed buffer. */
export function borrowAll(n: number): Int32Array {
  const sel = borrowInt32(n);
  for (let i = 0; i < n; i++) sel[i] = i;
  return sel;
}
