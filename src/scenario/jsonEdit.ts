/**
 * Edits of one value in the text of a JSON document that leave the rest of the text as it was
 * (the author's layout, key order and spacing): the workbench's form writes its fields into the
 * editor's text with them. Only well-formed documents are edited (the caller parses first).
 */
import type { PathSegment } from './problem';

interface Spans {
  /** The value's span. */
  from: number;
  to: number;
  /** Object members (key → member) or array items, in order. */
  members?: { key: string; keyFrom: number; from: number; to: number }[];
  items?: { from: number; to: number }[];
}

const WS = /[\s]/;

class Reader {
  constructor(readonly text: string, public pos = 0) {}
  skip(): void {
    while (this.pos < this.text.length && WS.test(this.text[this.pos]!)) this.pos++;
  }
  stringEnd(from: number): number {
    let i = from + 1;
    while (i < this.text.length && this.text[i] !== '"') i += this.text[i] === '\\' ? 2 : 1;
    return i + 1;
  }
  /** The spans of the value at pos (the document is well-formed). */
  value(): Spans {
    this.skip();
    const from = this.pos;
    const c = this.text[from];
    if (c === '{') {
      this.pos++;
      const members: NonNullable<Spans['members']> = [];
      this.skip();
      if (this.text[this.pos] === '}') {
        this.pos++;
        return { from, to: this.pos, members };
      }
      for (;;) {
        this.skip();
        const keyFrom = this.pos;
        const keyTo = this.stringEnd(keyFrom);
        const key = JSON.parse(this.text.slice(keyFrom, keyTo)) as string;
        this.pos = keyTo;
        this.skip();
        this.pos++; // ':'
        const v = this.value();
        members.push({ key, keyFrom, from: v.from, to: v.to });
        this.skip();
        if (this.text[this.pos] === ',') {
          this.pos++;
          continue;
        }
        this.pos++; // '}'
        return { from, to: this.pos, members };
      }
    }
    if (c === '[') {
      this.pos++;
      const items: NonNullable<Spans['items']> = [];
      this.skip();
      if (this.text[this.pos] === ']') {
        this.pos++;
        return { from, to: this.pos, items };
      }
      for (;;) {
        const v = this.value();
        items.push({ from: v.from, to: v.to });
        this.skip();
        if (this.text[this.pos] === ',') {
          this.pos++;
          continue;
        }
        this.pos++; // ']'
        return { from, to: this.pos, items };
      }
    }
    if (c === '"') {
      this.pos = this.stringEnd(from);
      return { from, to: this.pos };
    }
    while (this.pos < this.text.length && /[-+0-9.eEtruefalsn]/.test(this.text[this.pos]!)) this.pos++;
    return { from, to: this.pos };
  }
}

function spansAt(text: string, from: number): Spans {
  const r = new Reader(text, from);
  return r.value();
}

/** The indentation of the line `pos` is on. */
function indentAt(text: string, pos: number): string {
  const start = text.lastIndexOf('\n', pos - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start))![0];
}

/**
 * `text` with the value at `path` set to `value` (written as JSON): the value's own text is
 * replaced, or, for a key the object lacks, a member is added at its end in the layout of its
 * siblings. Null when the path's parent is not in the document (or `text` is not well-formed).
 */
export function setJsonText(text: string, path: readonly PathSegment[], value: unknown): string | null {
  try {
    JSON.parse(text);
  } catch {
    return null;
  }
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let node = spansAt(text, bom);
  for (let k = 0; k < path.length; k++) {
    const seg = path[k]!;
    const last = k === path.length - 1;
    if (typeof seg === 'number') {
      const item = node.items?.[seg];
      if (!item) return null;
      node = spansAt(text, item.from);
      continue;
    }
    if (!node.members) return null;
    const m = node.members.find((x) => x.key === seg);
    if (m) {
      node = spansAt(text, m.from);
      continue;
    }
    if (!last) return null;
    // A new member, after the last one, as its siblings are laid out.
    const close = node.to - 1;
    const prev = node.members[node.members.length - 1];
    const multiline = prev ? text.slice(node.from, prev.keyFrom).includes('\n') : false;
    const inner = prev ? indentAt(text, prev.keyFrom) : `${indentAt(text, node.from)}  `;
    const member = `${JSON.stringify(seg)}: ${writeValue(value, inner)}`;
    if (!prev) return `${text.slice(0, node.from + 1)}${multiline ? `\n${inner}` : ' '}${member}${multiline ? `\n${indentAt(text, node.from)}` : ' '}${text.slice(close)}`;
    const sep = multiline ? `,\n${inner}` : ', ';
    return `${text.slice(0, prev.to)}${sep}${member}${text.slice(prev.to)}`;
  }
  return `${text.slice(0, node.from)}${writeValue(value, indentAt(text, node.from))}${text.slice(node.to)}`;
}

/** A value as JSON: scalars and short flat values on one line, others indented from `indent`. */
function writeValue(value: unknown, indent: string): string {
  const flat = JSON.stringify(value);
  if (flat === undefined) return 'null';
  if (flat.length <= 80 || typeof value !== 'object' || value === null) return flat;
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${indent}`);
}

/** `text` with the array item at `path` (its last segment an index) removed, or null. */
export function removeJsonItem(text: string, path: readonly PathSegment[]): string | null {
  const index = path[path.length - 1];
  if (typeof index !== 'number') return null;
  try {
    JSON.parse(text);
  } catch {
    return null;
  }
  let node = spansAt(text, text.charCodeAt(0) === 0xfeff ? 1 : 0);
  for (const seg of path.slice(0, -1)) {
    const next = typeof seg === 'number' ? node.items?.[seg] : node.members?.find((m) => m.key === seg);
    if (!next) return null;
    node = spansAt(text, next.from);
  }
  const items = node.items;
  if (!items?.[index]) return null;
  const it = items[index];
  // With the separator before it (or after it, for the first item).
  const from = index > 0 ? items[index - 1]!.to : it.from;
  const to = index > 0 ? it.to : items.length > 1 ? items[1]!.from : it.to;
  return `${text.slice(0, from)}${text.slice(to)}`;
}

/** `text` with `value` appended to the array at `path` (created when its object lacks it), or null. */
export function appendJsonItem(text: string, path: readonly PathSegment[], value: unknown): string | null {
  let doc: unknown;
  try {
    doc = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return null;
  }
  let at: unknown = doc;
  for (const seg of path) at = at !== null && typeof at === 'object' ? (at as Record<string | number, unknown>)[seg] : undefined;
  if (at === undefined) return setJsonText(text, path, [value]);
  if (!Array.isArray(at)) return null;
  let node = spansAt(text, text.charCodeAt(0) === 0xfeff ? 1 : 0);
  for (const seg of path) {
    const next = typeof seg === 'number' ? node.items?.[seg] : node.members?.find((m) => m.key === seg);
    if (!next) return null;
    node = spansAt(text, next.from);
  }
  const items = node.items!;
  const last = items[items.length - 1];
  if (!last) return `${text.slice(0, node.from)}${writeValue([value], indentAt(text, node.from))}${text.slice(node.to)}`;
  const multiline = text.slice(node.from, items[0]!.from).includes('\n');
  const inner = indentAt(text, last.from);
  return `${text.slice(0, last.to)}${multiline ? `,\n${inner}` : ', '}${writeValue(value, inner)}${text.slice(last.to)}`;
}
