import { newGame, step, ACTIVE } from '../../src/sim/index';
import { policyById, policyDecisions } from '../../src/policies/index';
import { builtin } from '../../test/helpers';
const sc = builtin('ad-agency');
const bins = new Map<number, [number, number, number]>();
for (let k = 1; k <= 10; k++) {
  let s = newGame(sc, String(k));
  const p = policyById('uniform')!;
  for (let r = 0; r < 6; r++) {
    const was = Uint8Array.from(s.customers.status.subarray(0, s.customers.count));
    const res = step(sc, s, policyDecisions(p, sc, s, null)); if (!res.ok) throw 1; s = res.state;
    for (let i = 0; i < was.length; i++) {
      if (was[i] !== ACTIVE) continue;
      const b = Math.floor(s.customers.satisfaction[i]! / 10);
      const e = bins.get(b) ?? [0, 0, 0]; e[0]++; if (s.customers.status[i] !== ACTIVE) e[1]++; e[2] += s.customers.churnP[i]!; bins.set(b, e);
    }
  }
}
for (const [b, [n, ch, p]] of [...bins].sort((a, b) => a[0] - b[0])) console.log(`S ${b * 10}-${b * 10 + 9}: n ${n} churn ${(ch / n).toFixed(3)} meanP ${(p / n).toFixed(3)}`);
