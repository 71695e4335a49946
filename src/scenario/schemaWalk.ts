/**
 * Reading the scenario's JSON Schema (scenarios/scenario.schema.json, generated from the zod
 * schema) at a JSON path: which schema applies there, which keys an object may have, and what a
 * field is (its description, type, range, allowed values). The workbench's editor completes and
 * explains with it, and the authoring guide (docs/authoring.*.md) is generated with it, so both
 * say what the loader checks. Pure and light: no zod, no engine.
 */

/** A node of a JSON Schema (draft-07, as zod writes it: no `$ref`, unions as `anyOf`/`oneOf`). */
export type SchemaNode = { readonly [key: string]: unknown };
export type JsonPath = readonly (string | number)[];

const isNode = (v: unknown): v is SchemaNode => typeof v === 'object' && v !== null && !Array.isArray(v);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The alternatives of a node: its `anyOf`/`oneOf` members (flattened), or the node itself. */
export function alternatives(node: SchemaNode): SchemaNode[] {
  const union = (node.anyOf ?? node.oneOf) as unknown;
  if (!Array.isArray(union)) return [node];
  return union.filter(isNode).flatMap(alternatives);
}

/** The `const` of a key's schema in an object alternative (a discriminator such as `kind`), if any. */
function constOf(alt: SchemaNode, key: string): unknown {
  const props = alt.properties;
  if (!isNode(props)) return undefined;
  const p = props[key];
  return isNode(p) ? p.const : undefined;
}

/**
 * The alternatives that fit `value`: an object's discriminators (keys whose schema is a `const`)
 * must match where the value has them; with nothing to tell them apart, every alternative.
 */
export function fitting(nodes: readonly SchemaNode[], value: unknown): SchemaNode[] {
  const alts = nodes.flatMap(alternatives);
  if (!isObject(value)) return alts;
  const fit = alts.filter((alt) => {
    if (!isNode(alt.properties)) return true;
    for (const key of Object.keys(alt.properties)) {
      const c = constOf(alt, key);
      if (c !== undefined && value[key] !== undefined && value[key] !== c) return false;
    }
    return true;
  });
  return fit.length > 0 ? fit : alts;
}

function child(node: SchemaNode, seg: string | number): SchemaNode | null {
  if (typeof seg === 'number') {
    if (isNode(node.items)) return node.items;
    if (Array.isArray(node.items) && isNode(node.items[seg])) return node.items[seg] as SchemaNode;
    return null;
  }
  if (isNode(node.properties) && isNode(node.properties[seg])) return node.properties[seg] as SchemaNode;
  if (isNode(node.additionalProperties)) return node.additionalProperties;
  if (isNode(node.patternProperties)) {
    for (const [re, s] of Object.entries(node.patternProperties)) if (isNode(s) && new RegExp(re).test(seg)) return s;
  }
  return null;
}

/**
 * The schema alternatives that apply at `path` in `doc` (the document being edited, for choosing
 * among a union's members by their discriminators); empty when the path is not in the schema.
 */
export function schemaAt(root: SchemaNode, path: JsonPath, doc?: unknown): SchemaNode[] {
  let nodes: SchemaNode[] = [root];
  let value: unknown = doc;
  for (const seg of path) {
    const here = fitting(nodes, value);
    nodes = here.map((n) => child(n, seg)).filter((n): n is SchemaNode => n !== null);
    if (nodes.length === 0) return [];
    value = isObject(value) || Array.isArray(value) ? (value as Record<string | number, unknown>)[seg] : undefined;
  }
  return fitting(nodes, value);
}

/** A key an object may have, for completion and the guide. */
export interface KeyDoc {
  readonly name: string;
  readonly required: boolean;
  readonly schema: SchemaNode;
}

/** The keys the objects among `nodes` may have, in the schema's order (the first alternative's first). */
export function keysOf(nodes: readonly SchemaNode[]): KeyDoc[] {
  const out = new Map<string, KeyDoc>();
  for (const n of nodes) {
    if (!isNode(n.properties)) continue;
    const required = Array.isArray(n.required) ? (n.required as unknown[]) : [];
    for (const [name, s] of Object.entries(n.properties)) {
      if (!out.has(name) && isNode(s)) out.set(name, { name, required: required.includes(name), schema: s });
    }
  }
  return [...out.values()];
}

/** What a field is, from its schema: for hover docs and the guide's tables. */
export interface FieldDoc {
  /** The schema's description (English: the zod schema's `describe`). */
  readonly description: string;
  /** JSON types it takes: `number`, `integer`, `string`, `boolean`, `object`, `array`. */
  readonly types: string[];
  readonly minimum?: number;
  readonly maximum?: number;
  /** The values it may take, when they are a list (an enum or the consts of a union). */
  readonly values?: (string | number | boolean)[];
  readonly minItems?: number;
  readonly maxItems?: number;
}

const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

/** The documentation of the field whose schema alternatives are `nodes`. */
export function fieldDoc(nodes: readonly SchemaNode[]): FieldDoc {
  const alts = nodes.flatMap(alternatives);
  const types = new Set<string>();
  const values: (string | number | boolean)[] = [];
  let description = '';
  let minimum: number | undefined;
  let maximum: number | undefined;
  let minItems: number | undefined;
  let maxItems: number | undefined;
  for (const n of [...nodes, ...alts]) if (!description && typeof n.description === 'string') description = n.description;
  for (const a of alts) {
    if (typeof a.type === 'string') types.add(a.type);
    if (Array.isArray(a.enum)) for (const v of a.enum) if (['string', 'number', 'boolean'].includes(typeof v)) values.push(v as string | number | boolean);
    if (a.const !== undefined && ['string', 'number', 'boolean'].includes(typeof a.const)) values.push(a.const as string | number | boolean);
    minimum = num(a.minimum) ?? num(a.exclusiveMinimum) ?? minimum;
    maximum = num(a.maximum) ?? num(a.exclusiveMaximum) ?? maximum;
    minItems = num(a.minItems) ?? minItems;
    maxItems = num(a.maxItems) ?? maxItems;
  }
  return {
    description,
    types: [...types],
    ...(minimum !== undefined ? { minimum } : {}),
    ...(maximum !== undefined ? { maximum } : {}),
    ...(values.length > 0 ? { values: [...new Set(values)] } : {}),
    ...(minItems !== undefined ? { minItems } : {}),
    ...(maxItems !== undefined ? { maxItems } : {}),
  };
}

/** The path as the loader's issues write it: `tiers.2.serviceHours`. */
export const pathKey = (path: JsonPath): string => path.join('.');
