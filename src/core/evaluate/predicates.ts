/**
 * Comparisons on typed columns, as small descriptors turned into either a tight loop
 * over a selection (`refine*`) or a scalar test (`test*`, for aggregates and
 * explanations). Each loop is its own function so the JIT keeps every one monomorphic.
 *
 * A selection is the row indices still in play: `refine(sel, len)` keeps, in place and in
 * order, the first `len` entries of `sel` whose row satisfies the test and returns how
 * many it kept. The loops are branch-free on the test (write, then advance by 0 or 1).
 *
 * Numbers and dates are Float64Arrays with NaN for null: NaN fails every comparison,
 * which gives SPEC section 5's "null is false" for free; only `null` / `notNull` look at it.
 */

export type NumberPredicate =
  /** lo <= x <= hi */
  | { t: 'range'; lo: number; hi: number }
  /** lo <= x < hi */
  | { t: 'halfOpen'; lo: number; hi: number }
  /** x > v */
  | { t: 'gt'; v: number }
  /** x < v */
  | { t: 'lt'; v: number }
  /** x is not null and x !== v */
  | { t: 'ne'; v: number }
  /** x < lo or x > hi (so not null) */
  | { t: 'outside'; lo: number; hi: number }
  | { t: 'in'; set: ReadonlySet<number> }
  /** not null and not in the set */
  | { t: 'notIn'; set: ReadonlySet<number> }
  | { t: 'null' }
  | { t: 'notNull' };

export type Refine = (sel: Int32Array, len: number) => number;

export function testNumber(p: NumberPredicate): (x: number) => boolean {
  switch (p.t) {
    case 'range': {
      const { lo, hi } = p;
      return (x) => x >= lo && x <= hi;
    }
    case 'halfOpen': {
      const { lo, hi } = p;
      return (x) => x >= lo && x < hi;
    }
    case 'gt': {
      const v = p.v;
      return (x) => x > v;
    }
    case 'lt': {
      const v = p.v;
      return (x) => x < v;
    }
    case 'ne': {
      const v = p.v;
      return (x) => x === x && x !== v;
    }
    case 'outside': {
      const { lo, hi } = p;
      return (x) => x < lo || x > hi;
    }
    case 'in': {
      const set = p.set;
      return (x) => set.has(x);
    }
    case 'notIn': {
      const set = p.set;
      return (x) => x === x && !set.has(x);
    }
    case 'null':
      return (x) => x !== x;
    case 'notNull':
      return (x) => x === x;
  }
}

export function refineNumbers(p: NumberPredicate, col: Float64Array): Refine {
  switch (p.t) {
    case 'range':
      return refineRange(col, p.lo, p.hi);
    case 'halfOpen':
      return refineHalfOpen(col, p.lo, p.hi);
    case 'gt':
      return refineGt(col, p.v);
    case 'lt':
      return refineLt(col, p.v);
    case 'ne':
      return refineNe(col, p.v);
    case 'outside':
      return refineOutside(col, p.lo, p.hi);
    case 'in':
      return refineIn(col, p.set);
    case 'notIn':
      return refineNotIn(col, p.set);
    case 'null':
      return refineNull(col);
    case 'notNull':
      return refineNotNull(col);
  }
}

function refineRange(col: Float64Array, lo: number, hi: number): Refine {
  return (sel, len) => {
    let out = 0;
    for (let k = 0; k < len; k++) {
      const i = sel[k]!;
      const x = col[i]!;
      sel[out] = i;
      out += x >= lo && x <= hi ? 1 : 0;
    }
    return out;
  };
}

function refineHalfOpen(col: Float64Array, lo: number, hi: number): Refine {
  return (sel, len) => {
    let out = 0;
    for (let k = 0; k < len; k++) {
      const i = sel[k]!;
      const x = col[i]!;
      sel[out] = i;
      out += x >= lo && x < hi ? 1 : 0;
    }
    return out;
  };
}

function refineGt(col: Float64Array, v: number): Refine {
  return (sel, len) => {
    let out = 0;
    for (let k = 0; k < len; k++) {
      const i = sel[k]!;
      sel[out] = i;
      out += col[i]! > v ? 1 : 0;
    }
    return out;
  };
}

function refineLt(col: Float64Array, v: number): Refine {
  return (sel, len) => {
    let out = 0;
    for (let k = 0; k < len; k++) {
      const i = sel[k]!;
      sel[out] = i;
      out += col[i]! < v ? 1 : 0;
    }
    return out;
  };
}

function refineNe(col: Float64Array, v: number): Refine {
  return (sel, len) => {
    let out = 0;
    for (let k = 0; k < len; k++) {
      const i = sel[k]!;
      const x = col[i]!;
      sel[out] = i;
      out += x === x && x !== v ? 1 : 0;
    }
    return out;
  };
}

function refineOutside(col: Float64Array, lo: number, hi: number): Refine {
  return (sel, len) => {
    let out = 0;
    for (let k = 0; k < len; k++) {
      const i = sel[k]!;
      const x = col[i]!;
      sel[out] = i;
      out += x < lo || x > hi ? 1 : 0;
    }
    return out;
  };
}

function refineIn(col: Float64Array, set: ReadonlySet<number>): Refine {
  return (sel, len) => {
    let out = 0;
    for (let k = 0; k < len; k++) {
      const i = sel[k]!;
      sel[out] = i;
      out += set.has(col[i]!) ? 1 : 0;
    }
    return out;
  };
}

function refineNotIn(col: Float64Array, set: ReadonlySet<number>): Refine {
  return (sel, len) => {
    let out = 0;
    for (let k = 0; k < len; k++) {
      const i = sel[k]!;
      const x = col[i]!;
      sel[out] = i;
      out += x === x && !set.has(x) ? 1 : 0;
    }
    return out;
  };
}

function refineNull(col: Float64Array): Refine {
  return (sel, len) => {
    let out = 0;
    for (let k = 0; k < len; k++) {
      const i = sel[k]!;
      sel[out] = i;
      out += col[i] !== col[i] ? 1 : 0;
    }
    return out;
  };
}

function refineNotNull(col: Float64Array): Refine {
  return (sel, len) => {
    let out = 0;
    for (let k = 0; k < len; k++) {
      const i = sel[k]!;
      sel[out] = i;
      out += col[i] === col[i] ? 1 : 0;
    }
    return out;
  };
}

// refineCodes, refineBooleans and refineMonthDays are the same loop over three typed-array
// types on purpose: one shared function would see Int32Array, Uint8Array and Uint16Array
// and turn the hottest loop of the engine polymorphic (bench:engine measures the cost).

/** Keep rows whose code is accepted by `table` (strings: Int32Array codes). */
export function refineCodes(codes: Int32Array, table: Uint8Array): Refine {
  return (sel, len) => {
    let out = 0;
    for (let k = 0; k < len; k++) {
      const i = sel[k]!;
      sel[out] = i;
      out += table[codes[i]!] !== 0 ? 1 : 0;
    }
    return out;
  };
}

/** Keep rows whose boolean code (0 null, 1 false, 2 true) is accepted by `table`. */
export function refineBooleans(codes: Uint8Array, table: Uint8Array): Refine {
  return (sel, len) => {
    let out = 0;
    for (let k = 0; k < len; k++) {
      const i = sel[k]!;
      sel[out] = i;
      out += table[codes[i]!] !== 0 ? 1 : 0;
    }
    return out;
  };
}

/** Keep rows whose month-day key is accepted by `table`. */
export function refineMonthDays(keys: Uint16Array, table: Uint8Array): Refine {
  return (sel, len) => {
    let out = 0;
    for (let k = 0; k < len; k++) {
      const i = sel[k]!;
      sel[out] = i;
      out += table[keys[i]!] !== 0 ? 1 : 0;
    }
    return out;
  };
}

/** Comparisons on plain lower-cased text columns (null = null). */
export type TextPredicate =
  | { t: 'eq'; v: string }
  | { t: 'ne'; v: string }
  | { t: 'in'; set: ReadonlySet<string> }
  | { t: 'notIn'; set: ReadonlySet<string> }
  | { t: 'contains'; v: string }
  | { t: 'notContains'; v: string }
  | { t: 'startsWith'; v: string }
  | { t: 'endsWith'; v: string }
  | { t: 'empty' }
  | { t: 'notEmpty' };

export function testText(p: TextPredicate): (s: string | null) => boolean {
  switch (p.t) {
    case 'eq': {
      const v = p.v;
      return (s) => s === v;
    }
    case 'ne': {
      const v = p.v;
      return (s) => s !== null && s !== v;
    }
    case 'in': {
      const set = p.set;
      return (s) => s !== null && set.has(s);
    }
    case 'notIn': {
      const set = p.set;
      return (s) => s !== null && !set.has(s);
    }
    case 'contains': {
      const v = p.v;
      return (s) => s !== null && s.includes(v);
    }
    case 'notContains': {
      const v = p.v;
      return (s) => s !== null && !s.includes(v);
    }
    case 'startsWith': {
      const v = p.v;
      return (s) => s !== null && s.startsWith(v);
    }
    case 'endsWith': {
      const v = p.v;
      return (s) => s !== null && s.endsWith(v);
    }
    case 'empty':
      return (s) => s === null || s === '';
    case 'notEmpty':
      return (s) => s !== null && s !== '';
  }
}

export function refineText(p: TextPredicate, col: readonly (string | null)[]): Refine {
  switch (p.t) {
    case 'eq':
      return textEq(col, p.v);
    case 'contains':
      return textContains(col, p.v);
    default:
      return textGeneric(col, testText(p));
  }
}

function textEq(col: readonly (string | null)[], v: string): Refine {
  return (sel, len) => {
    let out = 0;
    for (let k = 0; k < len; k++) {
      const i = sel[k]!;
      sel[out] = i;
      out += col[i] === v ? 1 : 0;
    }
    return out;
  };
}

function textContains(col: readonly (string | null)[], v: string): Refine {
  return (sel, len) => {
    let out = 0;
    for (let k = 0; k < len; k++) {
      const i = sel[k]!;
      const s = col[i];
      sel[out] = i;
      out += s !== null && s !== undefined && s.includes(v) ? 1 : 0;
    }
    return out;
  };
}

function textGeneric(col: readonly (string | null)[], test: (s: string | null) => boolean): Refine {
  return (sel, len) => {
    let out = 0;
    for (let k = 0; k < len; k++) {
      const i = sel[k]!;
      sel[out] = i;
      out += test(col[i]!) ? 1 : 0;
    }
    return out;
  };
}
