/**
 * Issue 13: the built-in scenarios' objectives are reachable by good play and say what they
 * check. An objective nobody can meet teaches nothing; one whose sentence names another number
 * than its target misleads.
 */
import { describe, expect, it } from 'vitest';
import { newGame, type Objective } from '../../src/sim/index';
import { playGame, policyById } from '../../src/policies/index';
import { builtin, seeds } from '../helpers';

const SCENARIOS = ['tutorial', 'ad-agency', 'hotel', 'hotel-district', 'retail-bank'];

/** How a target reads in each language's sentence: 79, 95%, 96.5%, CNY 13 million / 1300万元, 250 million / 2.5亿元. */
function spelled(o: Objective): { en: string; zh: string } {
  const t = o.target;
  if (o.kpi === 'retention' || o.kpi === 'shareOfWallet' || o.kpi === 'loyalty') {
    const pct = `${Math.round(t * 1000) / 10}%`;
    return { en: pct, zh: pct };
  }
  if (Math.abs(t) >= 1e6) return { en: `${t / 1e6} million`, zh: Math.abs(t) >= 1e8 ? `${t / 1e8}亿` : `${t / 1e4}万` };
  return { en: String(t), zh: String(t) };
}

describe('the built-in objectives', () => {
  for (const id of SCENARIOS) {
    const sc = builtin(id);
    it(`${id}: each objective's sentence names its target, in both languages`, () => {
      for (const o of sc.objectives) {
        const s = spelled(o);
        if (o.kpi === 'profit' && o.target === 0) continue; // "a profit" says it
        expect(o.text.en, `${o.id} (en)`).toContain(s.en);
        expect(o.text['zh-CN'], `${o.id} (zh-CN)`).toContain(s.zh);
      }
    });

    it(`${id}: the value-based reference meets every objective on most seeds, and beats the cost-cutter on objective points`, () => {
      const n = 10;
      const met = new Map<string, number>();
      let better = 0;
      const points = (ids: readonly string[]): number => ids.reduce((a, x) => a + (sc.objectives.find((o) => o.id === x)?.points ?? 0), 0);
      for (const seed of seeds(n)) {
        const good = playGame(sc, newGame(sc, seed), policyById('value-based')!).state;
        const bad = playGame(sc, newGame(sc, seed), policyById('cost-cutter')!).state;
        for (const o of good.objectivesMet) met.set(o, (met.get(o) ?? 0) + 1);
        if (points(good.objectivesMet) > points(bad.objectivesMet)) better++;
      }
      for (const o of sc.objectives) expect(met.get(o.id) ?? 0, `${id}: ${o.id} met on ${met.get(o.id) ?? 0} of ${n} seeds`).toBeGreaterThanOrEqual(6);
      expect(better).toBeGreaterThanOrEqual(9);
    });
  }
});
