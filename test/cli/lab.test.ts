/** Issue 15: `lab`, the balance lab on the command line (its JSON shape is what other tools read). */
import { describe, expect, it } from 'vitest';
import { POLICIES } from '../../src/policies/index';
import { SWEPT_LEVERS } from '../../src/policies/lab';
import { STACK_LINE, cli } from './harness';

interface Spread {
  mean: number;
  min: number;
  max: number;
}
interface LabDoc {
  scenario: string;
  seeds: number;
  games: number;
  policies: { policy: string; games: number; score: Spread; cumulativeProfit: Spread; customerEquity: Spread; satisfaction: Spread; bankrupt: number }[];
  levers: { lever: string; factors: number[]; score: number[] }[];
  market: { firms: number; policies: { policy: string; score: Spread }[] } | null;
  flags: { kind: string; message: string }[];
}

describe('npm run sim -- lab', () => {
  it('--json: every strategy with its score, profit, equity and satisfaction spreads, the lever sweeps and the flags; the same document in one worker and in two', async () => {
    const one = await cli(['lab', 'tutorial', '--seeds', '2', '--json', '--workers', '1']);
    const two = await cli(['lab', 'tutorial', '--seeds', '2', '--json', '--workers', '2']);
    expect(one.code, one.err).toBe(0);
    expect(two.code, two.err).toBe(0);
    expect(two.err).toContain('on 2 threads');
    expect(two.out).toBe(one.out);
    const doc = JSON.parse(one.out) as LabDoc;
    expect(doc.scenario).toBe('tutorial');
    expect(doc.seeds).toBe(2);
    expect(doc.policies.map((p) => p.policy)).toEqual(POLICIES.map((p) => p.id));
    for (const p of doc.policies) {
      expect(p.games).toBe(2);
      for (const s of [p.score, p.cumulativeProfit, p.customerEquity, p.satisfaction]) {
        expect(s.min).toBeLessThanOrEqual(s.mean);
        expect(s.mean).toBeLessThanOrEqual(s.max);
      }
    }
    expect(doc.levers.map((l) => l.lever)).toEqual([...SWEPT_LEVERS]);
    for (const l of doc.levers) expect(l.factors).toEqual([1, 2, 4, 8]);
    expect(doc.market).toBeNull();
    for (const f of doc.flags) expect(f.message.length).toBeGreaterThan(10);
    // 5 strategies x 2 seeds, lesson 2's cut x 2, 8 levers x 4 levels x 2.
    expect(doc.games).toBe(10 + 2 + 64);
  });

  it('a market scenario also plays each strategy against value-based rivals; the table names strategies, levers and flags (zh-CN sentences with --lang zh-CN)', async () => {
    const r = await cli(['lab', 'hotel-district', '--seeds', '1', '--lang', 'zh-CN']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^value-based +\S+/m);
    expect(r.out).toContain('market: each strategy in seat A of 4 firms against value-based rivals');
    expect(r.out).toContain('relationship programme');
    expect(r.out).toContain('flags:');
    expect(r.err).toContain('实验室');
    expect(r.out).not.toMatch(STACK_LINE);
  }, 120_000);

  it('a bad --seeds or --workers is a usage error (exit 64), an unknown scenario exit 1, never a stack trace', async () => {
    for (const args of [['--seeds', '0'], ['--seeds', 'many'], ['--workers', '0'], ['--seeds', '1.5']]) {
      const r = await cli(['lab', 'tutorial', ...args]);
      expect(r.code).toBe(64);
      expect(r.err).toMatch(/--(seeds|workers) "/);
      expect(r.err).not.toMatch(STACK_LINE);
    }
    const missing = await cli(['lab', 'no-such-scenario']);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('no-such-scenario');
  });
});
