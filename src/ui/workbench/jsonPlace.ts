/**
 * Where in a JSON document a position is, read from the editor's syntax tree (@lezer/json):
 * the JSON path there, and whether a key or a value is being typed. The workbench's completion
 * and hover docs look the path up in the scenario's JSON Schema (src/scenario/schemaWalk.ts).
 * Works on a half-typed document: the tree marks what it could not read, and the path around it
 * still holds.
 */
import type { SyntaxNode, Tree } from '@lezer/common';
import type { JsonPath } from '../../scenario/schemaWalk';

const VALUE_NODES = new Set(['Object', 'Array', 'String', 'Number', 'True', 'False', 'Null', '⚠']);

/** A key or a value being typed (or pointed at), and the JSON path it belongs to. */
export interface JsonPlace {
  /** `key`: a key of the object at `path`; `value`: the value at `path`. */
  readonly kind: 'key' | 'value';
  readonly path: JsonPath;
  /** The text the place spans (the key's or value's token; empty where nothing is typed yet). */
  readonly from: number;
  readonly to: number;
  /** For a key: the keys the object has already (but the one being typed). */
  readonly existing: readonly string[];
}

function keyText(text: string, name: SyntaxNode): string {
  const raw = text.slice(name.from, name.to);
  try {
    const v: unknown = JSON.parse(raw);
    return typeof v === 'string' ? v : raw;
  } catch {
    return raw.replace(/^"/, '').replace(/"$/, '');
  }
}

/** The values of an array node, in order. */
function arrayValues(arr: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = arr.firstChild; c; c = c.nextSibling) if (VALUE_NODES.has(c.name) && c.from < c.to) out.push(c);
  return out;
}

/** The JSON path of a value node (an Object, Array or scalar) or of a Property's value. */
export function pathOf(text: string, node: SyntaxNode | null): (string | number)[] {
  const path: (string | number)[] = [];
  for (let n = node; n && n.parent; n = n.parent) {
    const p = n.parent;
    if (n.name === 'Property') {
      const name = n.getChild('PropertyName');
      if (name) path.unshift(keyText(text, name));
    } else if (p.name === 'Array' && VALUE_NODES.has(n.name)) {
      const i = arrayValues(p).findIndex((c) => c.from === n.from);
      if (i >= 0) path.unshift(i);
    }
  }
  return path;
}

function existingKeys(text: string, obj: SyntaxNode, except: SyntaxNode | null): string[] {
  const out: string[] = [];
  for (const prop of obj.getChildren('Property')) {
    const name = prop.getChild('PropertyName');
    if (name && (!except || name.from !== except.from)) out.push(keyText(text, name));
  }
  return out;
}

/** The place at `pos` (the cursor, or the mouse for hover), or null outside the document's values. */
export function placeAt(tree: Tree, text: string, pos: number, side: -1 | 1 = -1): JsonPlace | null {
  const node = tree.resolveInner(pos, side);
  // A key, typed or pointed at.
  if (node.name === 'PropertyName') {
    const obj = node.parent?.parent;
    if (!obj || obj.name !== 'Object') return null;
    return { kind: 'key', path: pathOf(text, obj), from: node.from, to: node.to, existing: existingKeys(text, obj, node) };
  }
  // A value token: in a property (after its colon) or in an array.
  if (VALUE_NODES.has(node.name) && node.name !== 'Object' && node.name !== 'Array') {
    const p = node.parent;
    if (p?.name === 'Property' && !p.getChild(':')) {
      // `"ke` without a colon yet: the tree calls the key's unfinished token an error node.
      const obj = p.parent;
      if (obj?.name === 'Object') return { kind: 'key', path: pathOf(text, obj), from: node.from, to: node.to, existing: existingKeys(text, obj, null) };
    }
    return { kind: 'value', path: pathOf(text, node), from: node.from, to: node.to, existing: [] };
  }
  // Between tokens: after a colon a value comes; after `{` or a comma in an object, a key.
  const container = node.name === 'Object' || node.name === 'Array' || node.name === 'Property' ? node : node.parent;
  if (!container) return null;
  if (container.name === 'Property') {
    const colon = container.getChild(':');
    if (colon && pos >= colon.to) return { kind: 'value', path: pathOf(text, container), from: pos, to: pos, existing: [] };
    return null;
  }
  if (container.name === 'Object') {
    return { kind: 'key', path: pathOf(text, container), from: pos, to: pos, existing: existingKeys(text, container, null) };
  }
  if (container.name === 'Array') {
    const before = arrayValues(container).filter((c) => c.to <= pos).length;
    return { kind: 'value', path: [...pathOf(text, container), before], from: pos, to: pos, existing: [] };
  }
  return null;
}
