/**
 * `market <scenario> --seed S --firms P1,P2,...`: a market game (MODEL.md section 8) of computer
 * firms, each playing a reference strategy, printed as a table or as the JSON document other
 * tools read: `{ rounds: [{ round, hash, firms: [{ seat, name, policy, customers, marketShare,
 * revenue, profit, score }] }], final: { hash, firms: [{ seat, name, policy, score, rank }] } }`.
 */
import { policyById } from '../../policies/index';
import { playMarketGame } from '../../policies/market';
import type { ReplayedQuarter } from '../../scenario/marketRun';
import { renderMarketRunFile } from '../../scenario/runFile';
import { defaultFirmName, hashMarket, marketFirms, marketSizeProblem, type MarketState } from '../../sim/index';
import type { Lang } from '../../sim/text';
import type { Command } from '../args';
import { CliError, writeUserFile, type CliIo } from '../io';
import { MESSAGES } from '../messages';
import { prepareScenario, recordedScenario, resolveScenario } from '../scenarios';
import { aligned, scoreText } from '../table';

type MarketArgs = Extract<Command, { name: 'market' }>;

/** A firm as the output names it: its seat, name and the strategy that ran it (null: a team). */
export interface SeatInfo {
  name: string;
  policy: string | null;
}

/** One quarter of a firm in the JSON output. A firm that no longer plays has customers, revenue and profit 0 and keeps its last score. */
interface FirmQuarterJson {
  seat: number;
  name: string;
  policy: string | null;
  customers: number;
  marketShare: number;
  revenue: number;
  profit: number;
  score: number;
}

/** Competition ranks by score, highest first (equal scores share a rank: 1, 1, 3). */
export function ranks(scores: readonly number[]): number[] {
  return scores.map((s) => 1 + scores.filter((o) => o > s).length);
}

/** The rounds of the JSON document: each quarter's firms in seat order. */
function roundsJson(seats: readonly SeatInfo[], quarters: readonly ReplayedQuarter[]): { round: number; hash: string; firms: FirmQuarterJson[] }[] {
  const last = seats.map(() => 0);
  return quarters.map((q) => ({
    round: q.round.round,
    hash: q.round.hash,
    firms: q.round.firms.map((f, seat) => {
      const r = q.reports[seat] ?? null;
      if (r) last[seat] = r.score;
      return {
        seat,
        name: f.name,
        policy: seats[seat]!.policy,
        customers: r ? f.customers : 0,
        marketShare: r ? f.marketShare : 0,
        revenue: r ? r.firm.revenue + r.finance.secondaryRevenue : 0,
        profit: r ? r.finance.operatingProfit : 0,
        score: last[seat]!,
      };
    }),
  }));
}

/** The JSON document of a market game. */
export function marketJson(seats: readonly SeatInfo[], quarters: readonly ReplayedQuarter[], market: MarketState): Record<string, unknown> {
  const scores = market.firms.map((f) => f.state.score);
  const rank = ranks(scores);
  return {
    rounds: roundsJson(seats, quarters),
    final: { hash: hashMarket(market), firms: market.firms.map((f, seat) => ({ seat, name: f.name, policy: seats[seat]!.policy, score: scores[seat]!, rank: rank[seat]! })) },
  };
}

/** The table of a market game: a line per firm and quarter (customers, market share, revenue, profit, score), the market's hash after each quarter, then the standings. */
export function marketLines(seats: readonly SeatInfo[], quarters: readonly ReplayedQuarter[], market: MarketState, currency: string): string[] {
  const money = new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 });
  const int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
  const pct = new Intl.NumberFormat('en-US', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const rows: string[][] = [['quarter', 'firm', 'customers', 'share', 'revenue', 'profit', 'score', 'market hash']];
  for (const q of roundsJson(seats, quarters)) {
    q.firms.forEach((f, seat) => {
      const playing = quarters[q.round - 1]?.reports[seat] != null;
      rows.push([
        seat === 0 ? int.format(q.round) : '',
        f.name,
        playing ? int.format(f.customers) : '—',
        playing ? pct.format(f.marketShare) : '—',
        playing ? money.format(f.revenue) : '—',
        playing ? money.format(f.profit) : '—',
        scoreText(f.score),
        seat === 0 ? q.hash : '',
      ]);
    });
  }
  const scores = market.firms.map((f) => f.state.score);
  const rank = ranks(scores);
  const order = market.firms.map((_, i) => i).sort((a, b) => rank[a]! - rank[b]! || a - b);
  const standings = aligned(
    [['rank', 'firm', 'strategy', 'score', 'status'], ...order.map((seat) => {
      const st = market.firms[seat]!.state;
      return [String(rank[seat]), market.firms[seat]!.name, seats[seat]!.policy ?? 'team', scoreText(scores[seat]!), st.status === 'bankrupt' ? 'bankrupt' : st.status];
    })],
    [false, true, true, false, true],
  );
  return [...aligned(rows, [false, true, false, false, false, false, false, true]), '', ...standings, '', `finalHash  ${hashMarket(market)}`];
}

/** Plays the market game, prints it (table or `--json`) and records it with `--save`. */
export function marketCommand(cmd: MarketArgs, io: CliIo, lang: Lang): number {
  const src = resolveScenario(io, cmd.scenario, lang);
  const prepared = prepareScenario(src, cmd.sets, lang);
  const { scenario } = prepared;
  for (const w of prepared.warnings) io.err(w);
  const size = marketFirms(scenario);
  if (marketSizeProblem(scenario, cmd.firms.length)) throw new CliError([MESSAGES[lang].marketSize(src.label, size.min, size.max, cmd.firms.length)], 1);
  // Names are the firms' identities (their draws follow them): the scenario's English names, so a market plays the same in every language.
  const names = cmd.names ?? cmd.firms.map((_, seat) => defaultFirmName(scenario, seat, 'en'));
  const seats = cmd.firms.map((id, i) => {
    const policy = policyById(id);
    if (!policy) throw new Error(`no policy ${id} after argument checks`);
    return { name: names[i]!, policy };
  });
  const game = playMarketGame(scenario, cmd.seed, seats);
  const info: SeatInfo[] = seats.map((s) => ({ name: s.name, policy: s.policy.id }));
  const quarters: ReplayedQuarter[] = game.rounds.map((r) => ({ round: r.market, reports: r.reports }));
  if (cmd.save !== null) {
    const text = renderMarketRunFile({
      scenario: recordedScenario(src, prepared),
      overrides: cmd.sets,
      seed: cmd.seed,
      firms: info.map((s) => ({ name: s.name, policy: s.policy ?? undefined })),
      decisions: game.rounds.map((r) => r.decisions),
      scores: game.market.firms.map((f) => f.state.score),
      finalHash: hashMarket(game.market),
    });
    writeUserFile(io, cmd.save, text, lang);
    io.err(MESSAGES[lang].wrote(cmd.save));
  }
  if (cmd.json) {
    io.out(JSON.stringify(marketJson(info, quarters, game.market), null, 2));
    return 0;
  }
  io.out(`scenario ${scenario.id} (${src.label})  seed ${cmd.seed}  market of ${seats.length} firm${seats.length === 1 ? '' : 's'}`);
  for (const s of info) io.out(`  ${s.name}: ${s.policy}`);
  for (const s of cmd.sets) io.out(`--set ${s}`);
  io.out('');
  for (const line of marketLines(info, quarters, game.market, scenario.currency)) io.out(line);
  return 0;
}
