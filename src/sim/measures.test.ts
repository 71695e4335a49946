// The figures the worker derives for the screens with the engine's own rules: the firm-wide
// survey estimate (a stratified sample whose 95% margin of error covers the population's
// mean answer about 95% of the time, however unequally the tiers are sampled), and what one
// point of retention is worth by the valuation's CLV formula.
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { fixture, play } from '../../test/helpers';
import { equityPerRetentionPoint, pooledSurvey } from './measures';
import type { SurveyResult } from './report';
import { clvOf } from './model/valuation';

const result = (tier: number, responses: number, population: number, mean: number, moe: number, nps: number | null = null): SurveyResult => ({
  tier, responses, population, mean, marginOfError: moe, topTwoBox: mean / 5, nps, npsMarginOfError: nps === null ? null : 4,
});

/** One tier's survey of `pop` (answers 1..5): k drawn without replacement, mean and 95% margin of error with the finite-population correction, as the engine computes them. */
function survey(tier: number, pop: number[], k: number, rng: () => number): SurveyResult {
  const a = pop.slice();
  let sum = 0, sum2 = 0, top = 0;
  for (let j = 0; j < k; j++) {
    const pick = j + Math.floor(rng() * (a.length - j));
    [a[j], a[pick]] = [a[pick]!, a[j]!];
    const x = a[j]!;
    sum += x;
    sum2 += x * x;
    if (x >= 4) top++;
  }
  const N = pop.length;
  const mean = sum / k;
  const variance = (sum2 - k * mean * mean) / (k - 1);
  const moe = 1.96 * Math.sqrt(variance / k) * Math.sqrt((N - k) / (N - 1));
  return { tier, responses: k, population: N, mean, marginOfError: moe, topTwoBox: top / k, nps: null, npsMarginOfError: null };
}

describe('pooledSurvey', () => {
  it('is null without a response, and one tier\'s own result when only one tier answered', () => {
    expect(pooledSurvey([])).toBeNull();
    expect(pooledSurvey([result(0, 0, 100, 0, 0)])).toBeNull();
    const one = pooledSurvey([result(0, 0, 50, 0, 0), result(1, 30, 400, 3.7, 0.21, 12)])!;
    expect(one).toEqual({ tiers: [1], responses: 30, population: 400, mean: 3.7, marginOfError: 0.21, topTwoBox: 3.7 / 5, nps: 12, npsMarginOfError: 4 });
  });

  it('weights each tier by the customers it speaks for, not by how many answered', () => {
    const p = pooledSurvey([result(0, 30, 100, 4.5, 0.2), result(1, 30, 900, 3.0, 0.1)])!;
    expect(p.mean).toBeCloseTo(0.1 * 4.5 + 0.9 * 3.0, 12);
    expect(p.marginOfError).toBeCloseTo(Math.sqrt(0.01 * 0.04 + 0.81 * 0.01), 12);
    expect(p.population).toBe(1000);
    expect(p.responses).toBe(60);
    // NPS only when every pooled tier asked it.
    expect(p.nps).toBeNull();
    expect(pooledSurvey([result(0, 30, 100, 4.5, 0.2, 50), result(1, 30, 900, 3.0, 0.1, -10)])!.nps).toBeCloseTo(0.1 * 50 + 0.9 * -10, 12);
  });

  it('covers the whole base\'s mean answer about 95% of the time with a small, heavily sampled top tier (where weighting by responses fails)', () => {
    const rng = seedrandom('pooled-coverage');
    const answers = (n: number, p: number[]) =>
      Array.from({ length: n }, () => {
        const u = rng();
        let c = 0;
        for (let i = 0; i < p.length; i++) if (u < (c += p[i]!)) return i + 1;
        return 5;
      });
    // A delighted top tier of 60, a satisfied middle of 400, an unhappy bottom of 3000.
    const tiers = [answers(60, [0, 0.05, 0.1, 0.35, 0.5]), answers(400, [0.05, 0.1, 0.3, 0.4, 0.15]), answers(3000, [0.2, 0.3, 0.3, 0.15, 0.05])];
    const all = tiers.flat();
    const truth = all.reduce((a, b) => a + b, 0) / all.length;
    const trials = 2000;
    let pooledIn = 0, naiveIn = 0;
    for (let i = 0; i < trials; i++) {
      const results = tiers.map((pop, t) => survey(t, pop, 30, rng));
      const p = pooledSurvey(results)!;
      if (Math.abs(p.mean - truth) <= p.marginOfError) pooledIn++;
      const naive = results.reduce((a, r) => a + r.mean * r.responses, 0) / results.reduce((a, r) => a + r.responses, 0);
      if (Math.abs(naive - truth) <= p.marginOfError) naiveIn++;
    }
    // Binomial sd of the coverage at 95% over 2,000 trials is 0.5 points: 93..97% is four of them.
    expect(pooledIn / trials).toBeGreaterThan(0.93);
    expect(pooledIn / trials).toBeLessThan(0.97);
    expect(naiveIn / trials).toBeLessThan(0.2);
  });

  it('pools a played game\'s tier surveys into one figure inside the tiers\' range', () => {
    const g = play(fixture('minimal-scenario.json'), 'pool', 'value-based');
    const withSurvey = g.reports.filter((r) => r.survey.filter((x) => x.responses > 0).length > 1);
    expect(withSurvey.length).toBeGreaterThan(0);
    for (const r of withSurvey) {
      const used = r.survey.filter((x) => x.responses > 0);
      const p = pooledSurvey(r.survey)!;
      expect(p.mean).toBeGreaterThanOrEqual(Math.min(...used.map((x) => x.mean)) - 1e-12);
      expect(p.mean).toBeLessThanOrEqual(Math.max(...used.map((x) => x.mean)) + 1e-12);
      expect(p.marginOfError).toBeLessThanOrEqual(Math.max(...used.map((x) => x.marginOfError)) + 1e-12);
      // The sampled populations are the tiers' customers who stayed the quarter.
      for (const x of used) expect(x.population).toBeGreaterThanOrEqual(x.responses);
    }
  });
});

describe('equityPerRetentionPoint', () => {
  it('is what the equity gains when every customer\'s CLV is valued at one point more retention', () => {
    const margins = [120, 40, -15, 300, 75];
    const r = 0.86;
    const i = 0.02;
    const equity = margins.reduce((a, m) => a + clvOf(m, r, i), 0);
    const higher = margins.reduce((a, m) => a + clvOf(m, r + 0.01, i), 0);
    expect(equityPerRetentionPoint(equity, r, i)).toBeCloseTo(higher - equity, 9);
  });

  it('has no answer without retention or where the formula breaks down', () => {
    expect(equityPerRetentionPoint(1000, 0, 0.02)).toBeNull();
    expect(equityPerRetentionPoint(1000, 1.015, 0.02)).toBeNull();
    expect(equityPerRetentionPoint(1000, 0.9, 0.02)).toBeGreaterThan(0);
  });
});
