/**
 * Figures the learner's screens show that follow from the model's own rules: the firm-wide
 * survey estimate pooled from the tiers' samples, and what the valuation says one point of
 * retention is worth. The worker computes them with these functions and sends the numbers,
 * so the page never copies a formula of the model. Pure and deterministic like the rest of
 * `src/sim`.
 */
import type { SurveyResult } from './report';
import { clvOf } from './model/valuation';

export { pressedTime } from './model/pressure';

/**
 * The firm-wide survey estimate: the surveyed tiers pooled as strata. Its figures read like a
 * tier's (the mean and top-two box weighted by each tier's population; the margins combined).
 */
export interface PooledSurvey extends Omit<SurveyResult, 'tier'> {
  /** The tiers it pools (those with at least one response), in tier order. */
  tiers: number[];
}

/**
 * The tiers' surveys pooled into one firm-wide estimate, as a stratified sample (each tier a
 * stratum, weighted by the customers it was drawn from, W_t = N_t / N): mean = sum W_t m_t and
 * margin of error = sqrt(sum W_t^2 e_t^2), e_t the tier's 95% margin (already finite-population
 * corrected). Weighting by respondents instead would let a heavily sampled small tier pull the
 * firm's figure toward its own. Null when no tier had a response.
 */
export function pooledSurvey(results: readonly SurveyResult[]): PooledSurvey | null {
  const used = results.filter((r) => r.responses > 0 && r.population > 0);
  if (used.length === 0) return null;
  let population = 0;
  let responses = 0;
  for (const r of used) {
    population += r.population;
    responses += r.responses;
  }
  let mean = 0, v = 0, top = 0, nps = 0, npsV = 0;
  const asked = used.every((r) => r.nps !== null);
  for (const r of used) {
    const w = r.population / population;
    mean += w * r.mean;
    v += w * w * r.marginOfError * r.marginOfError;
    top += w * r.topTwoBox;
    if (asked) {
      const e = r.npsMarginOfError ?? 0;
      nps += w * r.nps!;
      npsV += w * w * e * e;
    }
  }
  return {
    tiers: used.map((r) => r.tier),
    responses,
    population,
    mean,
    marginOfError: Math.sqrt(v),
    topTwoBox: top,
    nps: asked ? nps : null,
    npsMarginOfError: asked ? Math.sqrt(npsV) : null,
  };
}

/**
 * What customer equity would gain, money, if every customer's retention were one point
 * (0.01) higher, by the valuation's CLV = m r / (1 + i - r) (Gupta & Lehmann) at the firm's
 * mean retention `retention` (0..1) and the discount rate `discountRate` per round: the
 * equity scales by CLV(r + 0.01) / CLV(r). Null when the formula has no finite answer
 * there (no retention, or r + 0.01 at or above 1 + i).
 */
export function equityPerRetentionPoint(equity: number, retention: number, discountRate: number): number | null {
  const r = retention;
  if (!(r > 0) || r + 0.01 >= 1 + discountRate) return null;
  return equity * (clvOf(1, r + 0.01, discountRate) / clvOf(1, r, discountRate) - 1);
}
