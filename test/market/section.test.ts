/**
 * Issue 14: a scenario's `market` section (how many firms, their default names, the start):
 * the loader's checks with file, path and expectation; per-firm starting shares that give each
 * firm its share of every value band; the firm count enforced by the engine, the worker and the
 * command line; the default names on the command line.
 */
import { describe, expect, it } from 'vitest';
import { loadScenario, marketSizeIssues } from '../../src/scenario/load';
import { ACTIVE, defaultFirmName, newMarket, type ScenarioConfig, type SimState } from '../../src/sim/index';
import { builtin, withOverrides } from '../helpers';
import { cli } from '../cli/harness';

const base = builtin('ad-agency');
const text = (market: unknown) => JSON.stringify({ ...base, market }, null, 2);

/** Customers' value (wallet x margin) of a firm, highest first. */
function values(s: SimState): number[] {
  const c = s.customers;
  const out: number[] = [];
  for (let i = 0; i < c.count; i++) out.push(c.wallet[i]! * c.margin[i]!);
  return out.sort((a, b) => b - a);
}

describe("a scenario's market section", () => {
  it('a consistent section loads; every inconsistency names the file, the path and what was expected', () => {
    const ok = loadScenario(text({ firms: { min: 2, max: 6, default: 4 }, names: [{ en: 'Lotus', 'zh-CN': '莲花' }, { en: 'Peony' }], start: { kind: 'equal' } }), 'district.json');
    expect(ok.ok).toBe(true);
    const bad = loadScenario(
      text({ firms: { min: 5, max: 3, default: 2 }, names: [{ en: 'Lotus' }, { en: 'Lotus' }], start: { kind: 'shares', shares: [0.5, 0.3, 0.3] } }),
      'district.json',
    );
    expect(bad.ok).toBe(false);
    const messages = bad.ok ? [] : bad.errors.map((e) => e.message);
    expect(messages).toContainEqual(expect.stringMatching(/^district\.json:\d+:\d+ at market\.firms\.min: expected a number at most 3 \(market\.firms\.max\), found 5/));
    expect(messages).toContainEqual(expect.stringMatching(/at market\.names\.1\.en: expected .*market\.names\.0\.en.*found "Lotus"/));
    expect(messages).toContainEqual(expect.stringMatching(/at market\.start\.shares: expected shares that sum to 1, found/));
    expect(messages).toContainEqual(expect.stringMatching(/at market\.firms\.max: expected 3, one firm per starting share in market\.start\.shares, found 3|at market\.firms\.min: expected 3, one firm per starting share/));
    const zh = loadScenario(text({ firms: { min: 2, max: 9, default: 4 } }), 'district.json', 'zh-CN');
    expect(zh.ok ? '' : zh.errors[0]!.message).toMatch(/market\.firms\.max/);
    expect(zh.ok ? '' : zh.errors[0]!.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('starting shares give each firm its share of every value band; equal splits stay as they were', () => {
    const sc = withOverrides(base, { market: { firms: { min: 3, max: 3, default: 3 }, start: { kind: 'shares', shares: [0.5, 0.25, 0.25] } } });
    const m = newMarket(sc, '7', ['Incumbent', 'Challenger 1', 'Challenger 2']);
    const total = m.firms.reduce((s, f) => s + f.state.customers.count, 0);
    expect(total).toBe(base.population.size * 3);
    const counts = m.firms.map((f) => f.state.customers.count);
    expect(counts[0]! / total).toBeCloseTo(0.5, 3);
    expect(counts[1]! / total).toBeCloseTo(0.25, 3);
    // Each firm holds its share of every value band: its median and 90th-percentile customer are worth the same.
    for (const q of [0.5, 0.1]) {
      const at = m.firms.map((f) => {
        const v = values(f.state);
        return v[Math.floor(v.length * q)]!;
      });
      for (const x of at) expect(Math.abs(x / at[0]! - 1)).toBeLessThan(0.05);
    }
    // The seats' order does not favour anyone: the firm, its shares and its customers move together.
    const swapped = newMarket(withOverrides(sc, { market: { firms: { min: 3, max: 3, default: 3 }, start: { kind: 'shares', shares: [0.25, 0.5, 0.25] } } }), '7', ['Challenger 1', 'Incumbent', 'Challenger 2']);
    expect(swapped.firms[1]!.state.customers.count).toBe(counts[0]);
    expect(values(swapped.firms[1]!.state)).toEqual(values(m.firms[0]!.state));
    const active = (s: ScenarioConfig, names: string[]) => newMarket(s, '7', names).firms.map((f) => Array.from(f.state.customers.status).filter((x) => x === ACTIVE).length);
    // Without a section (or with "equal") the split is the one the golden hashes hold.
    expect(active(withOverrides(base, { market: { firms: { min: 2, max: 8, default: 4 }, start: { kind: 'equal' } } }), ['A', 'B'])).toEqual(active(base, ['A', 'B']));
  });

  it('the firm count is the scenario\'s: the engine, the worker\'s check and the command line refuse another', async () => {
    const sc = withOverrides(base, { market: { firms: { min: 2, max: 3, default: 2 }, names: [{ en: 'Lotus', 'zh-CN': '莲花' }, { 'zh-CN': '牡丹' }] } });
    expect(() => newMarket(sc, '1', ['A', 'B', 'C', 'D'])).toThrow(/takes 2 to 3 firms, not 4/);
    expect(newMarket(sc, '1', ['A']).firms.length).toBe(1); // one firm is the solo game
    const issues = marketSizeIssues(sc, 4, 'district.json', 'en');
    expect(issues.map((i) => i.message)).toEqual(['district.json at market.firms: expected 2 to 3 firms, as this scenario\'s market allows, found 4']);
    expect(marketSizeIssues(sc, 3, 'district.json', 'en')).toEqual([]);
    expect(defaultFirmName(sc, 0, 'zh-CN')).toBe('莲花');
    expect(defaultFirmName(sc, 1, 'en')).toBe('牡丹');
    expect(defaultFirmName(sc, 2, 'en')).toBe('C');
  });
});

describe('npm run sim -- market on a scenario with a market section', () => {
  it('names the firms as the scenario does, and refuses a count it does not allow', async () => {
    const { tempDir } = await import('../cli/harness');
    const { writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const file = join(tempDir(), 'district.json');
    writeFileSync(file, text({ firms: { min: 2, max: 3, default: 2 }, names: [{ en: 'Lotus', 'zh-CN': '莲花' }, { en: 'Peony', 'zh-CN': '牡丹' }] }));
    const r = await cli(['market', file, '--seed', '1', '--firms', 'value-based,uniform', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as { final: { firms: { name: string }[] } };
    expect(doc.final.firms.map((f) => f.name)).toEqual(['Lotus', 'Peony']);
    const four = await cli(['market', file, '--seed', '1', '--firms', 'uniform,uniform,uniform,uniform']);
    expect(four.code).toBe(1);
    expect(four.err).toContain('at market.firms: this scenario\'s market takes 2 to 3 firms, but --firms names 4');
  });
});
