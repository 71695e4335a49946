/**
 * `lab <scenario> [--seeds N] [--workers K] [--json]`: the balance lab (src/policies/lab.ts) on
 * the command line. Every reference strategy over seeds 1..N, the lever sweeps, the end-game
 * and lesson checks, in worker threads; printed as tables and flag sentences, or as one JSON
 * document: `{ scenario, seeds, games, policies: [{ policy, games, score: { mean, min, max },
 * cumulativeProfit, customerEquity, satisfaction, bankrupt }], levers: [{ lever, factors, score }],
 * market: { firms, policies: [{ policy, score }] } | null, flags: [{ kind, ..., message }] }`.
 * The document is the same whatever the number of workers.
 */
import { labJobs, labReport, runLabJob, SWEEP_SEEDS, type LabFlag, type LabReport, type LabResult, type Spread } from '../../policies/lab';
import { LEVER_NAMES, newGame } from '../../sim/index';
import { playableIssues } from '../../scenario/index';
import { pickText, type Lang } from '../../sim/text';
import type { Command } from '../args';
import { CliError, type CliIo } from '../io';
import { defaultWorkers, runInWorkers } from '../lab/pool';
import { MESSAGES } from '../messages';
import { prepareScenario, resolveScenario } from '../scenarios';
import { aligned } from '../table';

type LabArgs = Extract<Command, { name: 'lab' }>;

const points = (x: number): string => x.toFixed(1);

/** A flag as a sentence in `lang`. */
export function flagText(f: LabFlag, lang: Lang): string {
  const m = MESSAGES[lang].lab;
  switch (f.kind) {
    case 'dominant':
      return m.dominant(f.policy, points(f.score), points(f.valueBased), f.market);
    case 'bankrupt':
      return m.bankrupt(f.policy, f.seeds);
    case 'endGameExploit':
      return m.endGame(f.policy, f.seeds.length, f.games, points(f.gain));
    case 'noDiminishingReturns':
      return m.lever(pickText(LEVER_NAMES[f.lever], lang), f.scores.map(points).join(' / '));
    case 'lesson':
      return f.lesson === 1 ? m.lesson1(f.held, f.games, f.needed) : m.lesson2(f.held, f.games, f.needed, f.from ?? 3);
  }
}

/** The lab's tables and flags as lines. */
export function labLines(r: LabReport, currency: string, lang: Lang): string[] {
  const money = new Intl.NumberFormat('en-US', { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 });
  const range = (s: Spread, f: (x: number) => string): string[] => [f(s.mean), f(s.min), f(s.max)];
  const rows = [
    ['strategy', 'score', 'min', 'max', 'cum. profit', 'min', 'max', 'customer equity', 'min', 'max', 'satisfaction', 'bankrupt'],
    ...r.policies.map((p) => [
      p.policy, ...range(p.score, points), ...range(p.cumulativeProfit, (x) => money.format(x)), ...range(p.customerEquity, (x) => money.format(x)),
      points(p.satisfaction.mean), `${p.bankrupt}/${p.games}`,
    ]),
  ];
  const sweepSeeds = Math.min(SWEEP_SEEDS, r.seeds);
  const out = [
    `${r.scenario}: ${r.seeds} seed${r.seeds === 1 ? '' : 's'} (means, with the lowest and highest)`,
    ...aligned(rows, [true, false, false, false, false, false, false, false, false, false, false, false]),
    '',
    `levers: value-based's mean score with one lever at 1, 2, 4 and 8 times its spend (the rest scaled to the budget; seeds 1-${sweepSeeds})`,
    ...aligned([['lever', '1x', '2x', '4x', '8x'], ...r.levers.map((l) => [pickText(LEVER_NAMES[l.lever], 'en'), ...l.score.map(points)])], [true, false, false, false, false]),
  ];
  if (r.market) {
    out.push('', `market: each strategy in seat A of ${r.market.firms} firms against value-based rivals (seeds 1-${sweepSeeds}): mean score`);
    out.push(...aligned([['strategy', 'score', 'min', 'max'], ...r.market.policies.map((p) => [p.policy, ...range(p.score, points)])], [true, false, false, false]));
  }
  out.push('', 'flags:');
  if (r.flags.length === 0) out.push(`  ${MESSAGES[lang].lab.noFlags}`);
  for (const f of r.flags) out.push(`  - ${flagText(f, lang)}`);
  return out;
}

export async function labCommand(cmd: LabArgs, io: CliIo, lang: Lang): Promise<number> {
  const src = resolveScenario(io, cmd.scenario, lang);
  const prepared = prepareScenario(src, cmd.sets, lang);
  for (const w of prepared.warnings) io.err(w);
  const { scenario } = prepared;
  // A scenario whose first quarter no plan fits has nothing to balance: say why, as validate does.
  const unplayable = playableIssues(scenario, newGame(scenario, '1'), src.label, lang);
  if (unplayable.length > 0) throw new CliError(unplayable.map((e) => e.message), 1);
  const jobs = labJobs(scenario, cmd.seeds);
  const workers = Math.min(cmd.workers ?? defaultWorkers(), jobs.length);
  const { results, threads } = await runInWorkers<(typeof jobs)[number], LabResult>({ kind: 'lab', scenario }, jobs, workers, (j) => runLabJob(scenario, j), cmd.workers !== null);
  io.err(MESSAGES[lang].lab.running(jobs.length, threads));
  const report = labReport(scenario, cmd.seeds, jobs, results);
  if (cmd.json) io.out(JSON.stringify({ ...report, games: jobs.length, flags: report.flags.map((f) => ({ ...f, message: flagText(f, lang) })) }, null, 2));
  else for (const line of labLines(report, scenario.currency, lang)) io.out(line);
  return 0;
}
