/**
 * The shape of a plan, built once from the catalogue's paths: objects, per-tier lists and
 * leaves. The engine's checks, the zod schema and the copy of a plan all walk this one tree,
 * so they cannot disagree about which keys a plan has.
 */
import { DECISION_FIELDS, DECISION_NODE_DOCS, type CutoffMode, type DecisionField, type DecisionScope } from './catalogue';

/** A node of the plan's shape. `id` is its dotted path with `*` for list items ('' for the root). */
export type DecisionNode = ObjectNode | ListNode | LeafNode | ChoicesNode;

export interface ObjectNode {
  kind: 'object';
  id: string;
  doc: string;
  /** Children in catalogue order. */
  children: { key: string; node: DecisionNode }[];
}

export interface ListNode {
  kind: 'list';
  id: string;
  doc: string;
  /** One item per tier in use, or per boundary between them. */
  scope: Exclude<DecisionScope, 'firm'>;
  item: DecisionNode;
}

export interface LeafNode {
  kind: 'leaf';
  id: string;
  field: DecisionField;
}

/** The answers to the quarter's choice cards (not a lever: checked against the cards open). */
export interface ChoicesNode {
  kind: 'choices';
  id: 'choices';
  doc: string;
}

/** Whether a child is required, optional, or only present under one cut-off mode. */
export interface ChildRule {
  optional: boolean;
  when: CutoffMode | null;
}

const rules = new WeakMap<DecisionNode, ChildRule>();

/** How a node sits in its parent: optional, or only under one cut-off mode. */
export function ruleOf(node: DecisionNode): ChildRule {
  return rules.get(node) ?? { optional: false, when: null };
}

function build(): ObjectNode {
  const root: ObjectNode = { kind: 'object', id: '', doc: DECISION_NODE_DOCS[''] ?? '', children: [] };
  for (const f of DECISION_FIELDS) {
    let parent: ObjectNode | ListNode = root;
    f.path.forEach((seg, i) => {
      const id = f.path.slice(0, i + 1).join('.');
      const last = i === f.path.length - 1;
      const nextIsItem = f.path[i + 1] === '*';
      const make = (): DecisionNode => {
        if (last) return { kind: 'leaf', id, field: f };
        const doc = DECISION_NODE_DOCS[id] ?? '';
        if (nextIsItem) return { kind: 'list', id, doc, scope: f.scope === 'boundary' ? 'boundary' : 'tier', item: placeholder };
        return { kind: 'object', id, doc, children: [] };
      };
      if (seg === '*') {
        if (parent.kind !== 'list') throw new Error(`catalogue: ${f.id}: * outside a list`);
        if (parent.item === placeholder) parent.item = make();
        const item = parent.item;
        if (item.kind === 'object' || item.kind === 'list') parent = item;
        return;
      }
      if (parent.kind !== 'object') throw new Error(`catalogue: ${f.id}: a key inside a list of values`);
      let child = parent.children.find((c) => c.key === seg)?.node;
      if (!child) {
        child = make();
        parent.children.push({ key: seg, node: child });
        const optional = last && (f.kind === 'number' || f.kind === 'boolean') && f.optional === true;
        const when = f.kind === 'number' && f.when !== undefined && (last || nextIsItem) ? f.when : null;
        rules.set(child, { optional, when });
      }
      if (child.kind === 'object' || child.kind === 'list') parent = child;
    });
  }
  root.children.push({ key: 'choices', node: { kind: 'choices', id: 'choices', doc: DECISION_NODE_DOCS.choices ?? '' } });
  return root;
}

const placeholder: DecisionNode = { kind: 'choices', id: 'choices', doc: '' };

/** The shape of every plan. */
export const DECISION_TREE: ObjectNode = build();

/** The children of an object node allowed under cut-off mode `mode` (null: the node has no mode). */
export function childrenFor(node: ObjectNode, mode: CutoffMode | null): { key: string; node: DecisionNode }[] {
  return node.children.filter((c) => {
    const w = ruleOf(c.node).when;
    return w === null || w === mode;
  });
}

/** The mode field of an object node (the cut-offs), if it has one. */
export function modeChild(node: ObjectNode): { key: string; values: readonly CutoffMode[] } | null {
  for (const c of node.children) if (c.node.kind === 'leaf' && c.node.field.kind === 'mode') return { key: c.key, values: c.node.field.values };
  return null;
}
