import { describe, expect, it } from 'vitest';
import { makeContext } from '../../src/sim/context';
import { newGame } from '../../src/sim/index';
import { resolveParams } from '../../src/sim/params';
import { fixture } from '../helpers';

/** Every typed array of `o`, by name. */
const arraysOf = (o: object): [string, ArrayBufferView & { length: number }][] =>
  Object.entries(o).filter((e): e is [string, ArrayBufferView & { length: number }] => ArrayBuffer.isView(e[1]));

describe('a round\'s context', () => {
  it('gives each per-slot and per-tier array its own zeroed room of the right length, none overlapping another', () => {
    const sc = fixture('minimal-scenario.json');
    const s = newGame(sc, 'ctx');
    // Three tiers, so that arrays of 4-byte elements do not fill their 8-byte rounding.
    const d = structuredClone(sc.initialDecisions);
    d.tiering = { ...d.tiering, tierCount: 3 };
    d.tiers = [0, 1, 2].map(() => structuredClone(sc.initialDecisions.tiers[0]!));
    const ctx = makeContext(sc, resolveParams(sc.model), s, d);
    const slots = ['quality', 'outcome', 'eventChurn', 'offerGiven', 'atRisk', 'recoverySpent', 'members'] as const;
    for (const k of slots) expect(ctx[k].length).toBe(s.customers.capacity);
    const tiers = arraysOf(ctx.tiers);
    expect(tiers.length).toBe(16);
    for (const [, a] of tiers) expect(a.length).toBe(3);
    // Prices and programme spend are the plan's; everything else starts at zero.
    for (const [name, a] of [...slots.map((k) => [k, ctx[k]] as const), ...tiers]) {
      if (name !== 'price' && name !== 'relationship') expect(Array.from(a as unknown as ArrayLike<number>).every((x) => x === 0)).toBe(true);
    }
    // No two arrays share a byte: writing all of one leaves every other as it was.
    const all = [...slots.map((k) => ctx[k] as ArrayBufferView & { length: number }), ...tiers.map(([, a]) => a)];
    const before = all.map((a) => Array.from(a as unknown as ArrayLike<number>));
    for (const [i, a] of all.entries()) {
      (a as unknown as { fill(v: number): void }).fill(7);
      all.forEach((b, j) => {
        if (j !== i) expect(Array.from(b as unknown as ArrayLike<number>)).toEqual(before[j]);
      });
      (a as unknown as { set(v: ArrayLike<number>): void }).set(before[i]!);
    }
  });
});
