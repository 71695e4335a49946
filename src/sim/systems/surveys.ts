import type { RoundContext } from '../context';
import { clamp } from '../math';
import { likertAnswer, npsAnswer } from '../model/answers';
import { definePass } from '../pass';
import type { SurveyResult } from '../report';
import { gauss4, u01 } from '../rng';
import { ACTIVE } from '../state';

/**
 * Step 15: measurement (C22). Each tier's survey samples its active customers without
 * replacement (seeded survey stream), who answer with response noise; the firm sees the
 * mean with its 95% margin of error (finite-population corrected), never the truth.
 */
function runSurveys(ctx: Pick<RoundContext, 'P' | 's' | 'd' | 'key' | 'tierCount' | 'members' | 'memberStart' | 'tiers'>): SurveyResult[] {
  const { P, s, d } = ctx;
  const c = s.customers;
  const key = ctx.key.survey;
  const out: SurveyResult[] = [];
  for (let t = 0; t < ctx.tierCount; t++) {
    const want = d.research.surveySample[t] ?? 0;
    if (want <= 0) continue;
    // The tier's members of the start of the quarter; those who left since are skipped when drawn.
    const pool = ctx.members.slice(ctx.memberStart[t]!, ctx.memberStart[t + 1]!);
    const M = pool.length;
    const N = ctx.tiers.count[t]! - ctx.tiers.churned[t]!;
    const k = Math.min(want, N);
    if (k === 0) {
      out.push({ tier: t, responses: 0, population: N, mean: 0, marginOfError: 0, topTwoBox: 0, nps: d.research.nps ? 0 : null, npsMarginOfError: d.research.nps ? 0 : null });
      continue;
    }
    let sum = 0, sum2 = 0, top = 0, prom = 0, detr = 0;
    // Partial Fisher-Yates without replacement, on the seeded survey stream.
    for (let j = 0, got = 0; got < k && j < M; j++) {
      const pick = j + Math.floor(u01(key, t, j) * (M - j));
      const i = pool[pick]!;
      pool[pick] = pool[j]!;
      pool[j] = i;
      if (c.status[i] !== ACTIVE) continue;
      got++;
      const who = c.key[i]!;
      const a = likertAnswer(c.satisfaction[i]!, gauss4(key, who, 100), P.survey);
      sum += a;
      sum2 += a * a;
      if (a >= 4) top++;
      const q = npsAnswer(c.satisfaction[i]!, c.loyalty[i]!, gauss4(key, who, 200));
      if (q >= 9) prom++;
      else if (q <= 6) detr++;
    }
    const mean = sum / k;
    const variance = k > 1 ? Math.max(0, (sum2 - k * mean * mean) / (k - 1)) : 0;
    const fpc = N > 1 ? Math.sqrt((N - k) / (N - 1)) : 0;
    const moe = 1.96 * Math.sqrt(variance / k) * fpc;
    const pp = prom / k, pd = detr / k;
    const npsVar = Math.max(0, pp + pd - (pp - pd) * (pp - pd));
    out.push({
      tier: t,
      responses: k,
      population: N,
      mean,
      marginOfError: moe,
      topTwoBox: top / k,
      nps: d.research.nps ? 100 * (pp - pd) : null,
      npsMarginOfError: d.research.nps ? 196 * Math.sqrt(npsVar / k) * fpc : null,
    });
  }
  return out;
}

/** The employee survey: measured satisfaction with its margin of error, or null if not bought. */
function runEmployeeSurvey(ctx: Pick<RoundContext, 'P' | 's' | 'd' | 'key'>): { mean: number; marginOfError: number } | null {
  if (!ctx.d.research.employeeSurvey) return null;
  const se = ctx.P.survey.employeeNoise;
  const z = gauss4(ctx.key.survey, 0x5eed, 300);
  return { mean: clamp(ctx.s.firm.employeeSatisfaction + se * z, 0, 100), marginOfError: 1.96 * se };
}

/** Step 15 as a pass: the satisfaction surveys per tier and the employee survey. */
export const measurementPass = definePass({
  name: 'measurement',
  steps: [15],
  doc: 'The surveys the plan bought: each tier\'s satisfaction (and NPS) with its margin of error, the employee survey.',
  reads: ['P', 'd', 'key', 'tierCount', 'members', 'memberStart', 'tiers', 'customers.status', 'customers.key', 'customers.satisfaction', 'customers.loyalty', 'firm.employeeSatisfaction'],
  writes: ['survey', 'employeeSurvey'],
  run(ctx) {
    ctx.survey = runSurveys(ctx);
    ctx.employeeSurvey = runEmployeeSurvey(ctx);
  },
});
