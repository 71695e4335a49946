/**
 * The reader of a market game's run file (MODEL.md section 8), the counterpart of readRun.ts:
 * decode, parse (runFile.ts's market schema), load the scenario as a solo run file's, replay every
 * quarter for all the firms at once, and check every part of the claim (quarters, each firm's
 * score, the market's hash). Every problem names the file, its line and column, and the path of
 * the field (`decisions[3][1]` is the plan of the firm in the second seat in quarter 4).
 */
import type { Decisions, ScenarioConfig } from '../sim/config';
import { hashMarket, newMarket, stepMarket, type MarketRound, type MarketState } from '../sim/market/market';
import type { RoundReport } from '../sim/report';
import type { Lang } from '../sim/text';
import { fileText } from './decode';
import type { ScenarioIssue } from './load';
import { formatNumber } from './messages';
import { RUN_MESSAGES, at, loadRunScenario, placed, type At, type RunHost, type RunScenario } from './readRun';
import { parseMarketRunFile, refusedText, type MarketRunFile } from './runFile';

/** A market run file read and its scenario loaded, before the replay. */
export interface ReadMarketRun extends RunScenario {
  run: MarketRunFile;
  text: string;
}

/** One replayed quarter: what the market did and each seat's report (null for a firm that no longer played). */
export interface ReplayedQuarter {
  round: MarketRound;
  reports: (RoundReport | null)[];
}

/** A replayed market game. */
export interface ReplayedMarket {
  market: MarketState;
  quarters: ReplayedQuarter[];
}

/** The replayed figures of a market game. */
export interface MarketActual {
  scores: number[];
  finalHash: string;
  rounds: number;
}

/** The verdict on a market run file, staged like {@link RunVerdict}. */
export type MarketRunVerdict =
  | { ok: true; read: ReadMarketRun; replay: ReplayedMarket; actual: MarketActual }
  | { ok: false; stage: 'file'; errors: ScenarioIssue[] }
  | { ok: false; stage: 'refused'; errors: ScenarioIssue[]; read: ReadMarketRun }
  | { ok: false; stage: 'claim'; errors: ScenarioIssue[]; read: ReadMarketRun; replay: ReplayedMarket; actual: MarketActual };

const MESSAGES = {
  en: {
    name: 'a name no other firm of the market has',
    noName: 'a firm needs a name',
    sameName: (name: string, seat: number) => `the firm in seat ${seat} is already named "${name}": each firm needs its own name (it is the firm's identity)`,
    plans: (n: number) => `${n} plan${n === 1 ? '' : 's'}, one per firm in seat order`,
    planCount: (q: number, n: number, k: number) => `quarter ${q} holds ${k} plan${k === 1 ? '' : 's'}, but the market has ${n} firms: one plan per firm, in seat order (null for a firm that no longer plays)`,
    aPlan: "the firm's plan",
    needsPlan: (name: string, q: number) => `firm "${name}" still plays in quarter ${q} and needs a plan`,
    noPlan: 'null (the firm no longer plays)',
    stopped: (name: string, q: number) => `firm "${name}" no longer plays in quarter ${q} (it went bankrupt): its plan must be null`,
    over: (k: number) => `no more quarters: the game ended after quarter ${k}`,
    overBody: (k: number, n: number) => `the game ended after quarter ${k}, but the file holds plans for ${n} quarters`,
    firmRefused: (name: string, why: string) => `firm "${name}": ${why}`,
    scoreCount: (n: number) => `${n} score${n === 1 ? '' : 's'}, one per firm`,
    scoreCountBody: (claimed: number, n: number) => `the file claims ${claimed} score${claimed === 1 ? '' : 's'}, but the market has ${n} firms`,
    scoreBody: (name: string, claimed: string, actual: string) => `the claimed score of firm "${name}", ${claimed}, does not match the replay's ${actual}`,
  },
  'zh-CN': {
    name: '市场中其他企业都没有用过的名称',
    noName: '企业需要一个名称',
    sameName: (name: string, seat: number) => `第 ${seat} 席的企业已使用名称“${name}”：每家企业需要自己的名称（名称即企业的身份）`,
    plans: (n: number) => `${n} 份决策，按席位顺序每家企业一份`,
    planCount: (q: number, n: number, k: number) => `第 ${q} 季度含 ${k} 份决策，但市场中有 ${n} 家企业：每家企业一份，按席位顺序（已退出的企业为 null）`,
    aPlan: '该企业的决策',
    needsPlan: (name: string, q: number) => `企业“${name}”在第 ${q} 季度仍在经营，需要一份决策`,
    noPlan: 'null（该企业已退出）',
    stopped: (name: string, q: number) => `企业“${name}”在第 ${q} 季度已退出（破产）：其决策必须为 null`,
    over: (k: number) => `没有更多季度：游戏在第 ${k} 季度后结束`,
    overBody: (k: number, n: number) => `游戏在第 ${k} 季度后结束，但文件含 ${n} 个季度的决策`,
    firmRefused: (name: string, why: string) => `企业“${name}”：${why}`,
    scoreCount: (n: number) => `${n} 个得分，每家企业一个`,
    scoreCountBody: (claimed: number, n: number) => `文件声称 ${claimed} 个得分，但市场中有 ${n} 家企业`,
    scoreBody: (name: string, claimed: string, actual: string) => `企业“${name}”声称的得分 ${claimed} 与重放得分 ${actual} 不符`,
  },
} as const;

/** Reads a market run file's bytes and loads its scenario; nothing is replayed yet. The firms' names are checked here. */
export async function readMarketRunFile(bytes: Uint8Array, fileName: string, lang: Lang, host: RunHost): Promise<{ ok: true; read: ReadMarketRun } | { ok: false; errors: ScenarioIssue[] }> {
  const l: Lang = lang === 'zh-CN' ? 'zh-CN' : 'en';
  const m = MESSAGES[l];
  const decoded = fileText(bytes, fileName, l);
  if (!decoded.ok) return decoded;
  const text = decoded.text;
  const parsed = parseMarketRunFile(text, fileName, l);
  if (!parsed.ok) return parsed;
  const run = parsed.run;
  const bad: At[] = [];
  const seen = new Map<string, number>();
  run.firms.forEach((f, seat) => {
    const path = ['firms', seat, 'name'];
    if (f.name.trim() === '') bad.push(at(path, { expected: m.name, found: `"${f.name}"`, body: m.noName }));
    const before = seen.get(f.name);
    if (before !== undefined) bad.push(at(path, { expected: m.name, found: `"${f.name}"`, body: m.sameName(f.name, before + 1) }));
    else seen.set(f.name, seat);
  });
  if (bad.length > 0) return { ok: false, errors: placed(bad, fileName, l, text) };
  const sc = await loadRunScenario(run, text, fileName, l, host);
  if (!sc.ok) return sc;
  return { ok: true, read: { run, text, ...sc.loaded } };
}

/** The outcome of {@link replayMarketRun}: the market game, or the first problem in the plans (at its path in the file). */
export type MarketReplayResult = { ok: true; replay: ReplayedMarket } | { ok: false; problem: At };

/** Replays a market run's plans on `scenario` (with the run's overrides applied). */
export function replayMarketRun(scenario: ScenarioConfig, run: Pick<MarketRunFile, 'seed' | 'firms' | 'decisions'>, lang: Lang = 'en'): MarketReplayResult {
  const m = MESSAGES[lang === 'zh-CN' ? 'zh-CN' : 'en'];
  let market = newMarket(scenario, run.seed, run.firms.map((f) => f.name));
  const n = market.firms.length;
  const quarters: ReplayedQuarter[] = [];
  for (const [r, plans] of run.decisions.entries()) {
    const q = r + 1;
    if (!market.firms.some((f) => f.state.status === 'running')) {
      return { ok: false, problem: at(['decisions', r], { expected: m.over(r), found: m.plans(plans.length), body: m.overBody(r, run.decisions.length) }) };
    }
    if (plans.length !== n) return { ok: false, problem: at(['decisions', r], { expected: m.plans(n), found: formatNumber(plans.length, lang), body: m.planCount(q, n, plans.length) }) };
    for (const [seat, f] of market.firms.entries()) {
      const plays = f.state.status === 'running';
      if (plays && plans[seat] === null) return { ok: false, problem: at(['decisions', r, seat], { expected: m.aPlan, found: 'null', body: m.needsPlan(f.name, q) }) };
      if (!plays && plans[seat] !== null) return { ok: false, problem: at(['decisions', r, seat], { expected: m.noPlan, found: m.aPlan, body: m.stopped(f.name, q) }) };
    }
    const res = stepMarket(scenario, market, plans as (Decisions | null)[]);
    if (!res.ok) {
      const first = res.problems[0]!;
      const why = refusedText(q, first.problems, lang);
      return { ok: false, problem: at(['decisions', r, first.seat], { expected: RUN_MESSAGES[lang === 'zh-CN' ? 'zh-CN' : 'en'].accepted, found: RUN_MESSAGES[lang === 'zh-CN' ? 'zh-CN' : 'en'].reasons(first.problems.length), body: m.firmRefused(first.name, why) }) };
    }
    market = res.market;
    quarters.push({ round: res.round, reports: res.reports });
  }
  return { ok: true, replay: { market, quarters } };
}

/** Every part of a market claim the replay does not bear out (quarters, each score, the market's hash), positioned at the claim's fields. */
export function marketClaimIssues(read: ReadMarketRun, actual: MarketActual, fileName: string, lang: Lang): ScenarioIssue[] {
  const l: Lang = lang === 'zh-CN' ? 'zh-CN' : 'en';
  const m = MESSAGES[l];
  const rm = RUN_MESSAGES[l];
  const claim = read.run.claim;
  const n = (x: number): string => formatNumber(x, l);
  const problems: At[] = [];
  if (claim.rounds !== undefined && claim.rounds !== actual.rounds) {
    problems.push(at(['claim', 'rounds'], { expected: rm.rounds(n(actual.rounds)), found: n(claim.rounds), body: rm.roundsBody(n(claim.rounds), n(actual.rounds)) }));
  }
  if (claim.scores.length !== actual.scores.length) {
    problems.push(at(['claim', 'scores'], { expected: m.scoreCount(actual.scores.length), found: n(claim.scores.length), body: m.scoreCountBody(claim.scores.length, actual.scores.length) }));
  } else {
    claim.scores.forEach((s, seat) => {
      const a = actual.scores[seat]!;
      if (s !== a) problems.push(at(['claim', 'scores', seat], { expected: rm.score(String(a)), found: String(s), body: m.scoreBody(read.run.firms[seat]!.name, String(s), String(a)) }));
    });
  }
  if (claim.finalHash !== actual.finalHash) {
    const found = claim.finalHash === '' ? '""' : claim.finalHash;
    problems.push(at(['claim', 'finalHash'], { expected: rm.hash(actual.finalHash), found, body: rm.hashBody(found, actual.finalHash) }));
  }
  return placed(problems, fileName, l, read.text);
}

/** The verdict on a market run file's bytes: read it, replay it and check its claim. */
export async function verifyMarketRunFile(bytes: Uint8Array, fileName: string, lang: Lang, host: RunHost): Promise<MarketRunVerdict> {
  const l: Lang = lang === 'zh-CN' ? 'zh-CN' : 'en';
  const r = await readMarketRunFile(bytes, fileName, l, host);
  if (!r.ok) return { ok: false, stage: 'file', errors: r.errors };
  const read = r.read;
  const played = replayMarketRun(read.scenario, read.run, l);
  if (!played.ok) return { ok: false, stage: 'refused', errors: placed([played.problem], fileName, l, read.text), read };
  const { market } = played.replay;
  const actual: MarketActual = { scores: market.firms.map((f) => f.state.score), finalHash: hashMarket(market), rounds: read.run.decisions.length };
  const errors = marketClaimIssues(read, actual, fileName, l);
  return errors.length > 0 ? { ok: false, stage: 'claim', errors, read, replay: played.replay, actual } : { ok: true, read, replay: played.replay, actual };
}
