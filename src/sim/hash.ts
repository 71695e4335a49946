import { COLUMNS } from './customers';
import type { SimState } from './state';

/**
 * 64-bit hashes (two 32-bit FNV-1a-style lanes over 32-bit words, finalised with murmur3's
 * mixer), printed as 16 hex digits. Fast and exactly reproducible in every JS engine; not
 * cryptographic (it detects differences, it does not resist forgery).
 */
class Hasher {
  private a = 0x811c9dc5 | 0;
  private b = 0x01000193 ^ 0x5bd1e995;

  word(w: number): void {
    this.a = Math.imul(this.a ^ w, 0x01000193);
    this.b = Math.imul(this.b ^ w, 0x5bd1e995) ^ (this.b >>> 15);
  }

  words(u: Uint32Array | Int32Array, n: number): void {
    // Four independent lanes (so the CPU can overlap them), folded into the two at the end.
    let a0 = this.a, a1 = this.b, a2 = this.a ^ 0x27d4eb2f, a3 = this.b ^ 0x165667b1;
    const m = n & ~3;
    for (let i = 0; i < m; i += 4) {
      a0 = Math.imul(a0 ^ u[i]!, 0x01000193);
      a1 = Math.imul(a1 ^ u[i + 1]!, 0x5bd1e995);
      a2 = Math.imul(a2 ^ u[i + 2]!, 0x01000193);
      a3 = Math.imul(a3 ^ u[i + 3]!, 0x5bd1e995);
    }
    // Then the lanes a2, a3 and the last words, one at a time, as `word` does, in locals: a call
    // of `word` here ran only for a length not a multiple of four, and V8 (Node 20) deoptimized
    // its optimized loop at that call every time, hundreds of times a quarter.
    let a = Math.imul(a0 ^ a2, 0x01000193);
    let b = Math.imul(a1 ^ a2, 0x5bd1e995) ^ (a1 >>> 15);
    a = Math.imul(a ^ a3, 0x01000193);
    b = Math.imul(b ^ a3, 0x5bd1e995) ^ (b >>> 15);
    for (let i = m; i < n; i++) {
      const w = u[i]!;
      a = Math.imul(a ^ w, 0x01000193);
      b = Math.imul(b ^ w, 0x5bd1e995) ^ (b >>> 15);
    }
    this.a = a;
    this.b = b;
  }

  bytes(u: Uint8Array, n: number): void {
    const full = n >>> 2;
    if (u.byteOffset % 4 === 0) this.words(new Uint32Array(u.buffer, u.byteOffset, full), full);
    else for (let i = 0; i < full; i++) this.word(u[4 * i]! | (u[4 * i + 1]! << 8) | (u[4 * i + 2]! << 16) | (u[4 * i + 3]! << 24));
    for (let i = full * 4; i < n; i++) this.word(u[i]!);
    this.word(n);
  }

  string(s: string): void {
    for (let i = 0; i < s.length; i++) this.word(s.charCodeAt(i));
    this.word(s.length);
  }

  hex(): string {
    const f = (h: number): string => {
      h ^= h >>> 16;
      h = Math.imul(h, 0x85ebca6b);
      h ^= h >>> 13;
      h = Math.imul(h, 0xc2b2ae35);
      h ^= h >>> 16;
      return (h >>> 0).toString(16).padStart(8, '0');
    };
    return f(this.a) + f(this.b ^ 0x9e3779b9);
  }
}

/**
 * JSON with object keys sorted, so equal values give equal text: `JSON.stringify` of every
 * primitive and key, a key whose value is undefined left out, an array's hole written as nothing
 * (as `map` and `join` would: the text must not change, the state hashes depend on it). Built by
 * appending to one string, with each key's quoted form remembered: the state hash of every
 * quarter writes its plain data this way, and for a few hundred customers that was a sixth of a
 * quarter.
 */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) {
    let out = '[';
    for (let i = 0; i < v.length; i++) {
      if (i > 0) out += ',';
      if (i in v) out += canonicalJson(v[i]);
    }
    return out + ']';
  }
  if (ArrayBuffer.isView(v)) throw new Error('canonicalJson: typed arrays are hashed separately');
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o).sort();
  let out = '{';
  let first = true;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    const x = o[k];
    if (x === undefined) continue;
    if (!first) out += ',';
    first = false;
    out += quotedKey(k) + ':' + canonicalJson(x);
  }
  return out + '}';
}

/** Object keys as JSON strings, remembered (the state's plain data has a few hundred distinct keys). */
const quoted = new Map<string, string>();
function quotedKey(k: string): string {
  let q = quoted.get(k);
  if (q === undefined) {
    q = JSON.stringify(k);
    if (quoted.size < 4096) quoted.set(k, q);
  }
  return q;
}

/** Hash of any JSON value (key order does not matter). */
export function hashJson(v: unknown): string {
  const h = new Hasher();
  h.string(canonicalJson(v));
  return h.hex();
}

/** Hash of the whole game state: every customer column over the used slots, then the rest. */
export function hashState(s: SimState): string {
  const h = new Hasher();
  const c = s.customers;
  const cols = c as unknown as Record<string, ArrayBufferView>;
  for (const col of COLUMNS) {
    const arr = cols[col.name]!;
    const n = c.count * col.stride * (arr as unknown as { BYTES_PER_ELEMENT: number }).BYTES_PER_ELEMENT;
    h.bytes(new Uint8Array(arr.buffer, arr.byteOffset, n), n);
  }
  const { customers: _omit, ...rest } = s;
  void _omit;
  h.string(canonicalJson({ ...rest, count: c.count }));
  return h.hex();
}
