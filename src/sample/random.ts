/**
 * A small seeded random source for the sample dataset. Only integer operations, the four
 * IEEE 754 basic operations and `Math.sqrt` (all exactly specified), so the same seed gives
 * the same numbers in every JavaScript engine: no `Math.random`, and no `Math.exp`/`Math.log`,
 * whose last bits the language leaves to each engine.
 */

const LN2 = 0.6931471805599453;

// 1/n! for the exponential series and 1/(2k+1) for the logarithm's atanh series.
const EXP_COEFFICIENTS: number[] = [];
for (let n = 0, f = 1; n <= 14; n++, f *= n) EXP_COEFFICIENTS.push(1 / f);
const ATANH_COEFFICIENTS: number[] = [];
for (let k = 0; k < 14; k++) ATANH_COEFFICIENTS.push(1 / (2 * k + 1));

/**
 * `e^x` from basic operations only (range reduction by ln 2 and a Taylor series): the same
 * bits in every engine. Accurate to a few units in the last place, which is plenty here.
 */
export function exp(x: number): number {
  if (x !== x) return NaN;
  if (x > 709) return Infinity;
  if (x < -745) return 0;
  const k = Math.round(x / LN2);
  const r = x - k * LN2; // |r| <= ln2 / 2: r^15 / 15! is below 1e-18
  let sum = EXP_COEFFICIENTS[14]!;
  for (let i = 13; i >= 0; i--) sum = sum * r + EXP_COEFFICIENTS[i]!;
  let scale = 1;
  if (k > 0) for (let i = 0; i < k; i++) scale *= 2;
  else for (let i = 0; i < -k; i++) scale *= 0.5;
  return sum * scale;
}

const SQRT2 = 1.4142135623730951;

/**
 * The natural logarithm from basic operations only (scaling by 2 and the atanh series):
 * the same bits in every engine.
 */
export function log(x: number): number {
  if (!(x > 0)) return x === 0 ? -Infinity : NaN;
  if (x === Infinity) return Infinity;
  let e = 0;
  let m = x;
  while (m >= SQRT2) {
    m *= 0.5;
    e++;
  }
  while (m < SQRT2 / 2) {
    m *= 2;
    e--;
  }
  const t = (m - 1) / (m + 1); // |t| <= 0.1716: t^29 / 29 is below 1e-23
  const t2 = t * t;
  let sum = ATANH_COEFFICIENTS[13]!;
  for (let i = 12; i >= 0; i--) sum = sum * t2 + ATANH_COEFFICIENTS[i]!;
  return 2 * t * sum + e * LN2;
}

/** Mixes any number into a 32-bit seed (different seeds give unrelated streams). */
function mixSeed(seed: number): number {
  const s = Number.isFinite(seed) ? seed : 1;
  // Integer part and a scaled fractional part, so 1 and 1.5 differ too.
  let h = (Math.floor(s) | 0) ^ 0x9e3779b9;
  h = Math.imul(h ^ Math.floor((s - Math.floor(s)) * 4294967296), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/** mulberry32: fast, 32 bits of state, good enough for sample data. */
export class Random {
  private state: number;
  private spare = NaN;

  constructor(seed = 1) {
    this.state = mixSeed(seed);
  }

  /** A float in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** An integer in [lo, hi] (both included). */
  range(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** An element of a non-empty list, uniformly. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** An index drawn from a lookup table (see `lookupTable`): constant time. */
  lookup(table: Uint8Array): number {
    return table[Math.floor(this.next() * table.length)]!;
  }

  /** A standard normal variate (Marsaglia's polar method; the second value is kept for the next call). */
  normal(): number {
    if (this.spare === this.spare) {
      const z = this.spare;
      this.spare = NaN;
      return z;
    }
    for (;;) {
      const u = 2 * this.next() - 1;
      const v = 2 * this.next() - 1;
      const s = u * u + v * v;
      if (s >= 1 || s === 0) continue;
      const f = Math.sqrt((-2 * log(s)) / s);
      this.spare = v * f;
      return u * f;
    }
  }

  /** A log-normal variate with the given median and shape (σ of the logarithm). */
  logNormal(median: number, sigma: number): number {
    return median * exp(sigma * this.normal());
  }

  /** A Poisson variate (Knuth's method for small means, a normal approximation above 30). */
  poisson(mean: number): number {
    if (!(mean > 0)) return 0;
    if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.normal()));
    const limit = exp(-mean);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k++;
      p *= this.next();
    }
    return k;
  }

  /** A position in [0, 1) whose density grows linearly towards 1 (growth: more recent is likelier). */
  rising(): number {
    return Math.sqrt(this.next());
  }
}

/**
 * A table of `size` indexes in proportion to `weights`, for `Random.lookup` (each weight is
 * rounded to a multiple of 1/size: fine for a few dozen choices).
 */
export function lookupTable(weights: readonly number[], size = 4096): Uint8Array {
  const table = new Uint8Array(size);
  const total = weights.reduce((a, b) => a + b, 0);
  let at = 0;
  let acc = 0;
  weights.forEach((w, i) => {
    acc += w;
    const end = i === weights.length - 1 ? size : Math.round((acc / total) * size);
    table.fill(i, at, end);
    at = Math.max(at, end);
  });
  return table;
}
