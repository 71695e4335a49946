/**
 * The schema of {@link Decisions} (one quarter's plan), derived from the decision catalogue
 * (`src/sim/decisions`): the same fields, ranges and lists the engine checks, so a plan the
 * engine plays is a plan a run file may hold. Used for a scenario's `initialDecisions` and the
 * decisions of run files; the JSON Schema editors use comes from it.
 */
import { z } from 'zod';
import { CRM_MODULES, MAX_CHOICES, MAX_TIERS, type DecisionField } from '../sim/decisions/catalogue';
import { DECISION_TREE, childrenFor, modeChild, ruleOf, type DecisionNode, type ObjectNode } from '../sim/decisions/tree';
import type { Decisions, SystemsSpend } from '../sim/config';
import { bool, id, int, listOf, money, num, oneOf } from './fields';

export { MAX_TIERS };

/** Money per CRM module, as a stock or an investment (`what` says which). */
export const systemsSpend = (what: string) =>
  z.strictObject(Object.fromEntries(CRM_MODULES.map(([key, name]) => [key, money(`${name}: ${what}`)])) as { [K in keyof SystemsSpend]: z.ZodNumber }).describe(`Money per CRM module: ${what}.`);

function leafSchema(f: DecisionField): z.ZodType {
  switch (f.kind) {
    case 'boolean': return bool(f.doc);
    case 'mode': return oneOf(f.values as unknown as [string, ...string[]], f.doc);
    case 'number': return f.integer ? int(f.min, f.max, f.doc) : num(f.min, f.max, f.doc);
    default: {
      const never: never = f;
      return never;
    }
  }
}

function shapeOf(children: readonly { key: string; node: DecisionNode }[], literal?: { key: string; value: string; doc: string }): Record<string, z.ZodType> {
  const shape: Record<string, z.ZodType> = {};
  for (const c of children) {
    if (literal && c.key === literal.key) shape[c.key] = z.literal(literal.value).describe(literal.doc);
    else shape[c.key] = ruleOf(c.node).optional ? schemaOf(c.node).optional() : schemaOf(c.node);
  }
  return shape;
}

/** The cut-offs: one strict object per mode, told apart by the mode. */
function unionOf(node: ObjectNode, mode: { key: string; values: readonly string[] }): z.ZodType {
  const doc = (node.children.find((c) => c.key === mode.key)?.node as { field?: DecisionField } | undefined)?.field?.doc ?? '';
  const variants = mode.values.map((value) =>
    z.strictObject(shapeOf(childrenFor(node, value as 'share' | 'score'), { key: mode.key, value, doc })).describe(`${node.doc} Mode "${value}".`),
  );
  return z.discriminatedUnion(mode.key, variants as unknown as [z.ZodObject, z.ZodObject]).describe(node.doc);
}

function schemaOf(node: DecisionNode): z.ZodType {
  switch (node.kind) {
    case 'leaf':
      return leafSchema(node.field);
    case 'list':
      return node.scope === 'tier' ? listOf(schemaOf(node.item), 1, MAX_TIERS, node.doc) : listOf(schemaOf(node.item), 0, MAX_TIERS - 1, node.doc);
    case 'object': {
      const mode = modeChild(node);
      if (mode) return unionOf(node, mode);
      return z.strictObject(shapeOf(node.children)).describe(node.doc);
    }
    case 'choices':
      return listOf(
        z.strictObject({ event: id('The choice-card event.'), option: id('The option taken.') }).describe('An option chosen on a choice card.'),
        0,
        MAX_CHOICES,
        node.doc,
      );
    default: {
      const never: never = node;
      return never;
    }
  }
}

/**
 * The schema of one round's decisions. Its output is a {@link Decisions} (the catalogue and the
 * type agree: `src/sim/decisions/catalogue.test.ts` checks every field of the type is in the
 * catalogue, and the property tests that the schema and the engine accept the same values).
 */
export const decisionsSchema = schemaOf(DECISION_TREE) as z.ZodType<Decisions>;
