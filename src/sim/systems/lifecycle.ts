import { ACTIVE, STAGE_DECLINING, STAGE_GROWING, STAGE_MATURE, STAGE_NEW } from '../state';
import { definePass } from '../pass';

/**
 * Step 12: lifecycle stages (C18) from tenure, the revenue trend of the last rounds and
 * satisfaction: new, growing, mature, declining (lapsed is set by churn). Tenure grows.
 */
export const lifecyclePass = definePass({
  name: 'lifecycle',
  steps: [12],
  doc: 'Lifecycle stages from tenure, the revenue trend and satisfaction; tenure grows.',
  reads: ['P', 'r', 'customers.status', 'customers.joined', 'customers.revenue', 'customers.satisfaction'],
  writes: ['customers.tenure', 'customers.stage'],
  run(ctx) {
    const { P, s, r } = ctx;
    const L = P.lifecycle;
    const c = s.customers;
    const n = c.count;
    const s0 = r % 4, s1 = (r + 3) % 4, s2 = (r + 2) % 4, s3 = (r + 1) % 4;
    for (let i = 0; i < n; i++) {
      if (c.status[i] !== ACTIVE) continue;
      if (c.joined[i] === r && c.tenure[i] === 0) continue; // joined at the end of this round
      const tenure = c.tenure[i]! + 1;
      c.tenure[i] = tenure > 65535 ? 65535 : tenure;
      if (tenure <= L.newRounds) {
        c.stage[i] = STAGE_NEW;
        continue;
      }
      const o = i * 4;
      const recent = c.revenue[o + s0]! + c.revenue[o + s1]!;
      const before = c.revenue[o + s2]! + c.revenue[o + s3]!;
      const trend = before > 0 ? recent / before - 1 : 0;
      if (c.satisfaction[i]! < L.declineSatisfaction || trend < L.declineThreshold) c.stage[i] = STAGE_DECLINING;
      else if (trend > L.growthThreshold) c.stage[i] = STAGE_GROWING;
      else c.stage[i] = STAGE_MATURE;
    }
  },
});
