import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hashJson } from '../sim/hash';
import { classVariant, normalizeClassCode } from './classCode';
import { loadScenario } from './load';

const tutorialText = readFileSync(new URL('../../scenarios/tutorial.json', import.meta.url), 'utf8');
const withVariants = (variants: unknown): string => JSON.stringify({ ...(JSON.parse(tutorialText) as object), variants });

describe('class codes', () => {
  it('are trimmed and upper-cased; other shapes are not codes', () => {
    expect(normalizeClassCode('  crm-2026-a ')).toBe('CRM-2026-A');
    expect(normalizeClassCode('Class_7')).toBe('CLASS_7');
    for (const bad of ['x', 'two words', '-A', 'é-1', 'A'.repeat(41)]) expect(normalizeClassCode(bad)).toBeNull();
  });
  it('give each parameter a value in its range, on its steps, the same every time, and different classes different values', () => {
    const variants = [{ path: 'rival.pressure', min: 0.7, max: 0.9, step: 0.01 }, { path: 'firm.budget.base', min: 240_000, max: 260_000, step: 10_000 }, { path: 'model.churn.base', min: 0.01, max: 0.02 }];
    const seen = variants.map(() => new Set<number>());
    for (let k = 0; k < 60; k++) {
      const code = `CRM-${k}`;
      const sets = classVariant(variants, code);
      expect(classVariant(variants, code)).toEqual(sets);
      sets.forEach((s, i) => {
        const [path, value] = s.split('=');
        const v = variants[i]!;
        expect(path).toBe(v.path);
        const x = Number(value);
        expect(x).toBeGreaterThanOrEqual(v.min);
        expect(x).toBeLessThanOrEqual(v.max);
        if (v.step !== undefined) expect(Math.abs((x - v.min) / v.step - Math.round((x - v.min) / v.step))).toBeLessThan(1e-6);
        seen[i]!.add(x);
      });
    }
    expect(seen[0]!.size).toBeGreaterThanOrEqual(10);
    expect(seen[1]!.size).toBe(3);
    expect(seen[2]!.size).toBeGreaterThanOrEqual(30);
  });
});

describe('a scenario\'s variants', () => {
  it('load beside the scenario, not into the config the engine plays (its hash does not change)', () => {
    const plain = JSON.parse(tutorialText) as Record<string, unknown>;
    delete plain.variants;
    const a = loadScenario(JSON.stringify(plain), 'plain.json');
    const b = loadScenario(tutorialText, 'tutorial.json');
    if (!a.ok || !b.ok) throw new Error('the tutorial does not load');
    expect(b.variants.map((v) => v.path)).toEqual(['rival.pressure', 'rival.priceIndex', 'firm.budget.base']);
    expect(a.variants).toEqual([]);
    expect('variants' in b.scenario).toBe(false);
    expect(hashJson(b.scenario)).toBe(hashJson(a.scenario));
  });
  it('a path to no number, a min above its max, and a value the field refuses are errors at the variant', () => {
    const cases: [unknown, string, string][] = [
      [[{ path: 'rival.nothing', min: 0, max: 1 }], 'variants.0.path', 'path of a number'],
      [[{ path: 'model.churn.noSuchCoefficient', min: 0, max: 1 }], 'variants.0.path', 'path of a number'],
      [[{ path: 'rival.pressure', min: 0.9, max: 0.7 }], 'variants.0.min', 'at most 0.7'],
      [[{ path: 'rival.pressure', min: 0.5, max: 3 }], 'variants.0.max', '2'],
    ];
    for (const [variants, path, words] of cases) {
      const r = loadScenario(withVariants(variants), 'v.json');
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.errors[0]!.path).toBe(path);
      expect(r.errors[0]!.message).toContain(words);
    }
    // A coefficient the scenario leaves at its default is a number of the scenario too.
    expect(loadScenario(withVariants([{ path: 'model.churn.base', min: 0.01, max: 0.02 }]), 'v.json').ok).toBe(true);
  });
});
