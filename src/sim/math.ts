/**
 * Elementary functions built only from operations that IEEE-754 and ECMAScript specify
 * exactly (+ - * /, Math.sqrt, comparisons, Math.floor/round/trunc). `Math.exp`, `log`,
 * `pow` differ in the last bits between JavaScript engines, so the sim uses these instead:
 * same inputs, same bits, in Node, Chromium, Firefox and QuickJS alike.
 */

const LN2 = 0.6931471805599453;
const SQRT_HALF = 0.7071067811865476;

/** `x` clamped to `[lo, hi]`. */
export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

/** `x` clamped to `[0, 1]`. */
export function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

/** Saturating effect `x/(x+half)` for x ≥ 0: 0 at 0, 0.5 at `half`, → 1. */
export function sat(x: number, half: number): number {
  return x <= 0 ? 0 : x / (x + half);
}

/** Natural logarithm of x > 0 (relative error below 1e-15 over the range the sim uses). */
export function ln(x: number): number {
  if (!(x > 0)) return x === 0 ? -Infinity : NaN;
  if (x === Infinity) return Infinity;
  let m = x;
  let e = 0;
  // Scale into [sqrt(1/2), sqrt(2)) by exact powers of two.
  while (m >= 1.4142135623730951) {
    m *= 0.5;
    e++;
  }
  while (m < SQRT_HALF) {
    m *= 2;
    e--;
  }
  // ln(m) = 2 atanh(s), s = (m-1)/(m+1), |s| < 0.1716.
  const s = (m - 1) / (m + 1);
  const s2 = s * s;
  let term = s;
  let sum = s;
  for (let k = 3; k <= 31; k += 2) {
    term *= s2;
    sum += term / k;
  }
  return 2 * sum + e * LN2;
}

/** e^x (relative error below 1e-15 for |x| < 700). */
export function exp(x: number): number {
  if (x !== x) return NaN;
  if (x > 709) return Infinity;
  if (x < -745) return 0;
  const k = Math.round(x / LN2);
  const r = x - k * LN2;
  // Taylor series of e^r for |r| <= ln2/2.
  let term = 1;
  let sum = 1;
  for (let n = 1; n <= 18; n++) {
    term = (term * r) / n;
    sum += term;
  }
  return sum * pow2(k);
}

/** 2^k for an integer k, exactly. */
export function pow2(k: number): number {
  let out = 1;
  if (k >= 0) {
    let b = 2;
    let n = k;
    while (n > 0) {
      if (n & 1) out *= b;
      b *= b;
      n >>= 1;
    }
    return out;
  }
  // Split so that intermediate powers stay normal.
  let n = -k;
  while (n > 0) {
    const step = n > 1000 ? 1000 : n;
    out *= 1 / pow2(step);
    n -= step;
  }
  return out;
}

/** x^y for x > 0 (x = 0 gives 0 for y > 0). */
export function pow(x: number, y: number): number {
  if (x === 0) return y > 0 ? 0 : y === 0 ? 1 : Infinity;
  if (x < 0) return NaN;
  if (y === 0) return 1;
  if (y === 1) return x;
  return exp(y * ln(x));
}

/**
 * Inverse of the standard normal CDF (Acklam's rational approximation, relative error
 * about 1e-9), for u in (0, 1). Used to turn a uniform draw into a normal one.
 */
export function normInv(u: number): number {
  const p = u <= 1e-12 ? 1e-12 : u >= 1 - 1e-12 ? 1 - 1e-12 : u;
  const pLow = 0.02425;
  if (p < pLow) {
    const q = Math.sqrt(-2 * ln(p));
    return (((((C1 * q + C2) * q + C3) * q + C4) * q + C5) * q + C6) / ((((D1 * q + D2) * q + D3) * q + D4) * q + 1);
  }
  if (p > 1 - pLow) {
    const q = Math.sqrt(-2 * ln(1 - p));
    return -(((((C1 * q + C2) * q + C3) * q + C4) * q + C5) * q + C6) / ((((D1 * q + D2) * q + D3) * q + D4) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((A1 * r + A2) * r + A3) * r + A4) * r + A5) * r + A6) * q) /
    (((((B1 * r + B2) * r + B3) * r + B4) * r + B5) * r + 1);
}

const A1 = -3.969683028665376e1, A2 = 2.209460984245205e2, A3 = -2.759285104469687e2;
const A4 = 1.38357751867269e2, A5 = -3.066479806614716e1, A6 = 2.506628277459239;
const B1 = -5.447609879822406e1, B2 = 1.615858368580409e2, B3 = -1.556989798598866e2;
const B4 = 6.680131188771972e1, B5 = -1.328068155288572e1;
const C1 = -7.784894002430293e-3, C2 = -3.223964580411365e-1, C3 = -2.400758277161838;
const C4 = -2.549732539343734, C5 = 4.374664141464968, C6 = 2.938163982698783;
const D1 = 7.784695709041462e-3, D2 = 3.224671290700398e-1, D3 = 2.445134137142996, D4 = 3.754408661907416;

/**
 * k-th smallest value (0-based) of `a[0..n)`, reordering `a` in place so that every element
 * before index k is at most the result and every element after it at least (the tiering relies on
 * this). Floyd & Rivest's selection (1975): on a range of more than 600 elements, a sample around
 * the expected rank is selected first, which puts a pivot very near the k-th at index k; the
 * range is then partitioned around it once. About 1.5 n comparisons instead of Hoare's 3 n or so,
 * and the same result (the k-th smallest value is what it is, whatever the algorithm). The
 * sample's size and spread only steer the speed; they use this module's own `ln` and `exp`.
 */
export function selectKth(a: Float64Array, n: number, k: number): number {
  selectRange(a, k, 0, n - 1);
  return a[k]!;
}

function selectRange(a: Float64Array, k: number, left: number, right: number): void {
  while (right > left) {
    if (right - left > 600) {
      const size = right - left + 1;
      const m = k - left + 1;
      const z = ln(size);
      const sample = 0.5 * exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * sample * (size - sample)) / size) * (m - size / 2 < 0 ? -1 : 1);
      const lo = Math.max(left, Math.floor(k - (m * sample) / size + sd));
      const hi = Math.min(right, Math.floor(k + ((size - m) * sample) / size + sd));
      selectRange(a, k, lo, hi);
    }
    const t = a[k]!;
    let i = left;
    let j = right;
    swap(a, left, k);
    if (a[right]! > t) swap(a, left, right);
    while (i < j) {
      swap(a, i, j);
      i++;
      j--;
      while (a[i]! < t) i++;
      while (a[j]! > t) j--;
    }
    if (a[left] === t) swap(a, left, j);
    else {
      j++;
      swap(a, j, right);
    }
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}
