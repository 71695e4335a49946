/**
 * `npm run bench` (second part): the cost of "why did it change?" and the size of the
 * interaction remainder, printed, never asserted.
 *
 * For each built-in scenario, whole games are explained quarter by quarter (the explainer the
 * worker runs after each quarter): time per quarter, counterfactual quarters replayed, the
 * memory its traced worlds hold, and how much of each quarter's decision effect is
 * interaction (|interaction| / (Σ|parts| + |interaction|)) for profit and score. Two
 * players: `value-based` (a steady plan, few changes after the first quarter) and `random`
 * (every lever changes every quarter: the worst case). The target: a quarter of the
 * 50,000-customer retail bank explained in under 300 ms.
 *
 * `--json` prints one JSON document; `--only <scenario>` limits the scenarios.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../src/scenario/index';
import { explainerBytes, explainNext, newExplainer, newGame, prepareNext, type QuarterAttribution, type RoundReport, type ScenarioConfig } from '../src/sim/index';
import { step } from '../src/sim/index';
import { policyById, policyDecisions, type PolicyId } from '../src/policies/index';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const json = args.includes('--json');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const SCENARIOS = ['tutorial', 'ad-agency', 'hotel', 'retail-bank'].filter((id) => !only || id === only);
const PLAYERS: PolicyId[] = ['value-based', 'random'];

function load(id: string): ScenarioConfig {
  const r = loadScenario(readFileSync(`${root}scenarios/${id}.json`, 'utf8'), `${id}.json`);
  if (!r.ok) throw new Error(`${id}: ${r.errors.map((e) => e.message).join('; ')}`);
  return r.scenario;
}

interface Row {
  scenario: string;
  player: PolicyId;
  customers: number;
  quarters: number;
  /** After "Play quarter": explaining it, with the work between quarters done. */
  msMedian: number;
  msMax: number;
  /** Between quarters (while the learner decides): the baseline and the traced worlds' momentum. */
  prepareMsMedian: number;
  replaysMean: number;
  criticalReplaysMean: number;
  msPerReplay: number;
  changedGroupsMean: number;
  keptMBMax: number;
  interactionProfitMean: number;
  interactionProfitMax: number;
  interactionScoreMean: number;
  interactionScoreMax: number;
}

const share = (a: QuarterAttribution, k: number): number | null => {
  const parts = a.groups.reduce((s, g) => s + Math.abs(g.parts[k]!), 0);
  const inter = Math.abs(a.interaction[k]!);
  return parts + inter > 0 ? inter / (parts + inter) : null;
};
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const mean = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

function run(id: string, player: PolicyId): Row {
  const sc = load(id);
  const policy = policyById(player)!;
  const ex = newExplainer(newGame(sc, 'bench'));
  const ms: number[] = [];
  const prepMs: number[] = [];
  const replays: number[] = [];
  const critical: number[] = [];
  const out: QuarterAttribution[] = [];
  let keptMax = 0;
  const last: RoundReport | null = null;
  while (ex.state.status === 'running') {
    const d = policyDecisions(policy, sc, ex.state, last);
    const r0 = ex.replays;
    const p0 = performance.now();
    while (prepareNext(sc, ex));
    prepMs.push(performance.now() - p0);
    const r1 = ex.replays;
    keptMax = Math.max(keptMax, explainerBytes(ex));
    // The real quarter is played outside the timing: the game has played it already.
    const real = step(sc, ex.state, d);
    if (!real.ok) throw new Error('refused');
    const t0 = performance.now();
    const { attribution } = explainNext(sc, ex, d, { state: real.state, report: real.report });
    ms.push(performance.now() - t0);
    replays.push(ex.replays - r0);
    critical.push(ex.replays - r1);
    out.push(attribution);
    keptMax = Math.max(keptMax, explainerBytes(ex));
  }
  const iProfit = out.map((a) => share(a, a.kpis.indexOf('profit'))).filter((x): x is number => x !== null);
  const iScore = out.map((a) => share(a, a.kpis.indexOf('score'))).filter((x): x is number => x !== null);
  // Time per counterfactual quarter, from the explanations that replayed something.
  const perReplay = mean(ms.flatMap((m, i) => (critical[i]! > 0 ? [m / critical[i]!] : [])));
  return {
    scenario: id,
    player,
    customers: ex.state.customers.count,
    quarters: out.length,
    msMedian: median(ms),
    msMax: Math.max(...ms),
    prepareMsMedian: median(prepMs),
    replaysMean: mean(replays),
    criticalReplaysMean: mean(critical),
    msPerReplay: perReplay,
    changedGroupsMean: mean(out.map((a) => a.groups.length)),
    keptMBMax: keptMax / 1e6,
    interactionProfitMean: mean(iProfit),
    interactionProfitMax: iProfit.length ? Math.max(...iProfit) : 0,
    interactionScoreMean: mean(iScore),
    interactionScoreMax: iScore.length ? Math.max(...iScore) : 0,
  };
}

const rows: Row[] = [];
for (const id of SCENARIOS) for (const p of PLAYERS) rows.push(run(id, p));

if (json) console.log(JSON.stringify({ node: process.version, rows }, null, 2));
else {
  console.log(`\nCRM Sandbox attribution bench (Node ${process.version}, one thread; explaining every quarter of a whole game)`);
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  for (const r of rows) {
    console.log(
      `  ${r.scenario.padEnd(11)} ${r.player.padEnd(11)} ${String(r.customers).padStart(6)} customers: ${r.msMedian.toFixed(0).padStart(4)} ms after the quarter (max ${r.msMax.toFixed(0)}; ${r.criticalReplaysMean.toFixed(1)} replays of ${r.msPerReplay.toFixed(1)} ms) + ${r.prepareMsMedian.toFixed(0)} ms before it; ` +
        `${r.replaysMean.toFixed(1)} replays in all, ${r.changedGroupsMean.toFixed(1)} groups changed, worlds kept ≤ ${r.keptMBMax.toFixed(1)} MB; ` +
        `interaction share profit ${pct(r.interactionProfitMean)} (max ${pct(r.interactionProfitMax)}), score ${pct(r.interactionScoreMean)} (max ${pct(r.interactionScoreMax)})`,
    );
  }
  const bank = rows.filter((r) => r.scenario === 'retail-bank');
  for (const r of bank) console.log(`  target: a quarter of the 50,000-customer bank explained in < 300 ms after it is played; ${r.player}: median ${r.msMedian.toFixed(0)} ms, max ${r.msMax.toFixed(0)} ms (${(r.msMedian / 300).toFixed(2)} of the target)`);
}
