/**
 * A JSON scanner for the raw text of a scenario: it checks the syntax (reporting where and
 * what was expected, in the same words in every browser, which `JSON.parse` errors are not),
 * limits nesting without recursion, finds duplicate keys, and maps JSON paths to offsets.
 *
 * Hand-written rather than `jsonc-parser`: src/scenario may import only zod, and the needs
 * are small (strict JSON only; positions of a few paths; an iterative depth guard).
 * The scanner builds no values: `JSON.parse` does that once the syntax is known good.
 */
import type { Expectation, Found, PathSegment } from './problem';

/** A node of the tree of paths whose positions are wanted. */
export interface PathTrie {
  readonly children: Map<PathSegment, PathTrie>;
  /** Offset of the member's key, or -1 (array elements, the root, or not seen). */
  keyOffset: number;
  /** Offset of the value's first character, or -1 (not seen). */
  valueOffset: number;
}

/** A key that appears twice in one object. */
export interface DuplicateKey {
  readonly path: readonly PathSegment[];
  readonly key: string;
  readonly offset: number;
}

/** The outcome of a scan. */
export type ScanResult =
  | { ok: true; duplicates: DuplicateKey[] }
  | { ok: false; kind: 'syntax'; offset: number; expected: Expectation; found: Found }
  | { ok: false; kind: 'tooDeep'; offset: number };

class SyntaxFail {
  constructor(
    readonly offset: number,
    readonly expected: Expectation,
    readonly found: Found,
  ) {}
}

const OBJ = 0;
const ARR = 1;
const VALUE = 0;
const KEY = 1;
const AFTER = 2;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isHex(c: number): boolean {
  return isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/** What is at `i`, for "found …": the end, a line break, a word, or one character. */
function tokenAt(text: string, i: number): Found {
  if (i >= text.length) return { kind: 'end' };
  const c = text.charCodeAt(i);
  if (c === 10 || c === 13) return { kind: 'lineBreak' };
  const word = /^[A-Za-z0-9_$+\-.]{1,20}/.exec(text.slice(i, i + 20));
  if (word) return { kind: 'text', text: word[0] };
  if (c < 32) return { kind: 'text', text: `U+${c.toString(16).toUpperCase().padStart(4, '0')}` };
  return { kind: 'text', text: String.fromCodePoint(text.codePointAt(i) ?? c) };
}

/** Scans one string token starting at the quote at `start`; returns the offset after it. */
function scanString(text: string, start: number): { end: number; escaped: boolean } {
  const n = text.length;
  let i = start + 1;
  let escaped = false;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34) return { end: i + 1, escaped };
    if (c === 92) {
      escaped = true;
      const e = text.charCodeAt(i + 1);
      // " \ / b f n r t
      if (e === 34 || e === 92 || e === 47 || e === 98 || e === 102 || e === 110 || e === 114 || e === 116) {
        i += 2;
      } else if (e === 117) {
        for (let k = 2; k < 6; k++) {
          if (!isHex(text.charCodeAt(i + k))) throw new SyntaxFail(i, { kind: 'escape' }, { kind: 'text', text: text.slice(i, i + 6) });
        }
        i += 6;
      } else {
        throw new SyntaxFail(i, { kind: 'escape' }, i + 1 >= n ? { kind: 'end' } : { kind: 'text', text: text.slice(i, i + 2) });
      }
    } else if (c === 10 || c === 13) {
      throw new SyntaxFail(start, { kind: 'closeString' }, { kind: 'lineBreak' });
    } else if (c < 32) {
      throw new SyntaxFail(i, { kind: 'escape' }, tokenAt(text, i));
    } else {
      i++;
    }
  }
  throw new SyntaxFail(start, { kind: 'closeString' }, { kind: 'end' });
}

/** The offset after the digits from `j`; at least one digit is required. */
function scanDigits(text: string, j: number): number {
  if (!isDigit(text.charCodeAt(j))) throw new SyntaxFail(j, { kind: 'digit' }, tokenAt(text, j));
  let k = j + 1;
  while (isDigit(text.charCodeAt(k))) k++;
  return k;
}

/** Scans a number starting at `i`; returns the offset after it. */
function scanNumber(text: string, i: number): number {
  // No closures here: a captured index would live in a context and slow every step.
  let j = text.charCodeAt(i) === 45 ? i + 1 : i;
  j = text.charCodeAt(j) === 48 ? j + 1 : scanDigits(text, j);
  if (text.charCodeAt(j) === 46) j = scanDigits(text, j + 1);
  const e = text.charCodeAt(j);
  if (e === 101 || e === 69) {
    const s = text.charCodeAt(j + 1);
    j = scanDigits(text, s === 43 || s === 45 ? j + 2 : j + 1);
  }
  return j;
}

const LITERALS = ['true', 'false', 'null'] as const;

function skipWs(text: string, i: number): number {
  let j = i;
  for (let c = text.charCodeAt(j); c === 32 || c === 10 || c === 13 || c === 9; c = text.charCodeAt(j)) j++;
  return j;
}

function childOf(nodes: readonly (PathTrie | null)[], seg: PathSegment): PathTrie | null {
  return nodes[nodes.length - 1]?.children.get(seg) ?? null;
}

/**
 * Scans `text` as strict JSON (RFC 8259). Containers deeper than `maxDepth` stop the scan
 * (no recursion, so any depth is safe). When `trie` is given, the key and value offsets of
 * the paths in it are recorded in its nodes.
 */
export function scanJson(text: string, maxDepth: number, trie?: PathTrie): ScanResult {
  const n = text.length;
  let i = 0;
  const kinds: number[] = [];
  const keySets: (Set<string> | null)[] = [];
  const nodes: (PathTrie | null)[] = [];
  const path: PathSegment[] = [];
  const duplicates: DuplicateKey[] = [];
  let node: PathTrie | null = trie ?? null;
  let state = VALUE;
  // Helpers are module functions, not closures: a captured `i` would slow every step.
  const close = (): void => {
    kinds.pop();
    keySets.pop();
    nodes.pop();
  };
  try {
    for (;;) {
      i = skipWs(text, i);
      if (state === VALUE) {
        if (i >= n) throw new SyntaxFail(i, { kind: 'jsonValue' }, { kind: 'end' });
        const c = text.charCodeAt(i);
        if (node) node.valueOffset = i;
        if (c === 123 || c === 91) {
          if (kinds.length >= maxDepth) return { ok: false, kind: 'tooDeep', offset: i };
          const isObj = c === 123;
          kinds.push(isObj ? OBJ : ARR);
          keySets.push(isObj ? new Set() : null);
          nodes.push(node);
          i = skipWs(text, i + 1);
          if (text.charCodeAt(i) === (isObj ? 125 : 93)) {
            i++;
            close();
            state = AFTER;
          } else if (isObj) {
            state = KEY;
          } else {
            path.push(0);
            node = childOf(nodes, 0);
          }
        } else if (c === 34) {
          i = scanString(text, i).end;
          state = AFTER;
        } else if (c === 45 || isDigit(c)) {
          i = scanNumber(text, i);
          state = AFTER;
        } else {
          const word = LITERALS.find((w) => text.startsWith(w, i));
          if (word === undefined) throw new SyntaxFail(i, { kind: 'jsonValue' }, tokenAt(text, i));
          i += word.length;
          state = AFTER;
        }
      } else if (state === KEY) {
        if (text.charCodeAt(i) !== 34) throw new SyntaxFail(i, { kind: 'fieldName' }, tokenAt(text, i));
        const start = i;
        const s = scanString(text, i);
        i = s.end;
        const key = s.escaped ? (JSON.parse(text.slice(start, i)) as string) : text.slice(start + 1, i - 1);
        const keys = keySets[keySets.length - 1];
        if (keys?.has(key)) duplicates.push({ path: [...path, key], key, offset: start });
        else keys?.add(key);
        path.push(key);
        node = childOf(nodes, key);
        if (node) node.keyOffset = start;
        i = skipWs(text, i);
        if (text.charCodeAt(i) !== 58) throw new SyntaxFail(i, { kind: 'token', tokens: [':'] }, tokenAt(text, i));
        i++;
        state = VALUE;
      } else {
        const kind = kinds[kinds.length - 1];
        if (kind === undefined) {
          if (i < n) throw new SyntaxFail(i, { kind: 'endOfText' }, tokenAt(text, i));
          return { ok: true, duplicates };
        }
        const closer = kind === OBJ ? 125 : 93;
        const c = text.charCodeAt(i);
        if (c === 44) {
          i++;
          const last = path.pop();
          if (kind === OBJ) {
            state = KEY;
          } else {
            const next = (typeof last === 'number' ? last : 0) + 1;
            path.push(next);
            node = childOf(nodes, next);
            state = VALUE;
          }
        } else if (c === closer) {
          i++;
          path.pop();
          close();
          state = AFTER;
        } else {
          throw new SyntaxFail(i, { kind: 'token', tokens: [',', kind === OBJ ? '}' : ']'] }, tokenAt(text, i));
        }
      }
    }
  } catch (e) {
    if (e instanceof SyntaxFail) return { ok: false, kind: 'syntax', offset: e.offset, expected: e.expected, found: e.found };
    throw e;
  }
}

/** The tree of `paths`, for {@link scanJson} to fill in. */
export function pathTrie(paths: Iterable<readonly PathSegment[]>): PathTrie {
  const root: PathTrie = { children: new Map(), keyOffset: -1, valueOffset: -1 };
  for (const p of paths) {
    let t = root;
    for (const seg of p) {
      let c = t.children.get(seg);
      if (!c) {
        c = { children: new Map(), keyOffset: -1, valueOffset: -1 };
        t.children.set(seg, c);
      }
      t = c;
    }
  }
  return root;
}

/**
 * The offset for `path` in a filled trie: its key or value, or, when the path is not in the
 * text (a missing field), the value of its deepest ancestor that is. -1 if none.
 */
export function offsetOf(trie: PathTrie, path: readonly PathSegment[], anchor: 'key' | 'value'): number {
  let t: PathTrie | undefined = trie;
  let best = trie.valueOffset;
  for (const seg of path) {
    t = t.children.get(seg);
    if (!t || t.valueOffset < 0) return best;
    best = t.valueOffset;
  }
  return anchor === 'key' && t.keyOffset >= 0 ? t.keyOffset : best;
}

/** 1-based line and column (UTF-16 code units) of offsets in `text`. */
export function lineColumns(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
  };
}
