import { newGame, step, ACTIVE, EV_FAILURE } from '../../src/sim/index';
import { resolveParams } from '../../src/sim/params';
import { likertAnswer } from '../../src/sim/systems/surveys';
import { gauss4, streamKey } from '../../src/sim/rng';
import { policyById, policyDecisions } from '../../src/policies/index';
import { builtin, seeds, mean } from '../../test/helpers';
const sc = builtin('ad-agency');
const P = resolveParams(sc.model);
const g: Record<number, { s: number[]; l: number[] }> = { 3: { s: [], l: [] }, 4: { s: [], l: [] }, 5: { s: [], l: [] } };
const tally = new Map<number, [number, number]>();
for (const seed of seeds(10)) {
  let s = newGame(sc, seed);
  for (let r = 0; r < 6; r++) {
    const res = step(sc, s, policyDecisions(policyById('value-based')!, sc, s, null)); if (!res.ok) throw 1;
    const ev = res.report.events;
    for (let k = 0; k < ev.count; k++) { if (ev.kind[k] !== EV_FAILURE) continue; const e = tally.get(ev.other[k]!) ?? [0, 0]; e[0]++; if (res.state.customers.status[ev.customer[k]!] === ACTIVE) e[1]++; tally.set(ev.other[k]!, e); }
    s = res.state;
  }
  const k = streamKey(seed, 999, 'survey');
  for (let i = 0; i < s.customers.count; i++) {
    if (s.customers.status[i] !== ACTIVE) continue;
    const a = likertAnswer(s.customers.satisfaction[i]!, gauss4(k, s.customers.key[i]!, 0), P.survey);
    if (g[a]) { g[a].s.push(s.customers.satisfaction[i]!); g[a].l.push(s.customers.loyalty[i]!); }
  }
}
for (const a of [3, 4, 5]) console.log(a, g[a]!.s.length, 'S', mean(g[a]!.s).toFixed(1), 'L', mean(g[a]!.l).toFixed(3), 'committed', mean(g[a]!.l.map((x) => (x >= 0.5 ? 1 : 0))).toFixed(3));
console.log([...tally].sort((a, b) => a[0] - b[0]).map(([o, [n, st]]) => `${o}: n${n} stay ${(st / n).toFixed(2)}`).join('\n'));
