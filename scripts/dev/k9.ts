import { step, type Decisions } from '../../src/sim/index';
import { policyById, policyDecisions } from '../../src/policies/index';
import { builtin, seeds, playWith, withOverrides } from '../../test/helpers';
const sc = builtin(process.argv[2] ?? 'ad-agency');
let eWon = 0, eKept = 0, sA = 0, sR = 0;
for (const seed of seeds(20)) {
  const g = playWith(withOverrides(sc, { rounds: 2 }), seed, 'value-based', (d) => d);
  const s0 = g.state; const s0r = { ...s0, status: 'running' as const };
  const d = policyDecisions(policyById('value-based')!, sc, s0r, null);
  const add = 40000;
  const fund = (x: Decisions): Decisions => ({ ...x, brandSpend: Math.max(0, x.brandSpend - add) });
  const moreA = structuredClone(d); moreA.tiers[0]!.acquisitionSpend += add;
  const moreR = structuredClone(d); moreR.tiers[0]!.retentionBudget += add;
  const b = step(sc, s0r, fund(d)), a = step(sc, s0r, fund(moreA)), r = step(sc, s0r, fund(moreR));
  if (!b.ok || !a.ok || !r.ok) { console.log(!b.ok && b.problems, !a.ok && a.problems); continue; }
  eWon += a.report.firm.acquired - b.report.firm.acquired; sA += add;
  let dp = 0; for (let i = 0; i < s0.customers.count; i++) dp += b.state.customers.churnP[i]! - r.state.customers.churnP[i]!;
  eKept += dp; sR += r.report.finance.retention - b.report.finance.retention;
}
console.log({ eWon, eKept, costWin: sA / eWon, costKeep: sR / eKept, ratio: (sA / eWon) / (sR / eKept) });
