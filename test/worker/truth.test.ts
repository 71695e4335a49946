// The truth stays in the worker (MODEL.md section 15): while a game runs, nothing the session
// hands the page (snapshot, quarter, attribution, timeline, customer base, table, record,
// whale curve, reference runs) carries a true satisfaction, NPS, loyalty, share of wallet,
// delivered value or employee satisfaction, by name or by value; once the game is over (played
// to the end, resumed, imported, or a branch played to its own end) every quarter's truth
// arrives and is the engine's own.
import { beforeAll, describe, expect, it } from 'vitest';
import { TRUTH_KPIS } from '../../src/worker/protocol';
import type { GameSnapshot } from '../../src/worker/protocol';
import {
  advance, customerBase, explain, explainAnswer, exportRun, importRun, openSession, preview, record, rewind, snapshot, startSession, table, type Session,
} from '../../src/worker/session';
import { customerRecord } from '../../src/worker/customers';
import { whaleCurve } from '../../src/worker/whale';
import { playReference, REFERENCE_POLICIES } from '../../src/worker/references';
import type { Decisions, RoundReport } from '../../src/sim/index';
import { builtin, play, withOverrides } from '../helpers';
import { trueValues, truthByName, truthByValue } from '../truthScan';
import { startBuiltinSession } from './sessions';

const ID = 'tutorial';
const SEED = 'truth-1';
let game: { reports: RoundReport[]; decisions: Decisions[] };

/** Decisions that buy every survey (paid for out of the brand budget), so the page has measured figures to show. */
const surveyed = (d: Decisions): Decisions => ({
  ...structuredClone(d),
  brandSpend: Math.max(0, d.brandSpend - 30_000),
  research: { surveySample: d.research.surveySample.map(() => 30), employeeSurvey: true, nps: true },
});

/** `d` with acquisition spend cut by what it spends over the budget. */
function withinBudget(s: Session, d: Decisions): Decisions {
  const { spend, budget } = preview(s, d).use!;
  const over = spend - budget;
  const acquisition = d.tiers.reduce((a, t) => a + t.acquisitionSpend, 0);
  if (over <= 0 || acquisition <= 0) return d;
  const k = Math.max(0, 1 - over / acquisition) * 0.99;
  return { ...d, tiers: d.tiers.map((t) => ({ ...t, acquisitionSpend: Math.floor(t.acquisitionSpend * k) })) };
}

beforeAll(() => {
  const g = play(builtin(ID), SEED, 'value-based');
  game = { reports: g.reports, decisions: g.decisions };
});

/** What the page would receive of a session in play, every kind of answer. */
function everything(s: Session): Record<string, unknown> {
  const n = s.state.round;
  return {
    snapshot: snapshot(s),
    explain: explainAnswer(s, 1, explain(s, n, 1)),
    table: table(s),
    record: record(s, 0),
    frames: Array.from({ length: n + 1 }, (_, r) => customerBase(s, r)),
    whale: whaleCurve(s.state),
  };
}

function expectNoTruth(what: unknown, truths: Set<number>, label: string): void {
  expect(truthByName(what), `${label}: a truth by name`).toEqual([]);
  expect(truthByValue(what, truths), `${label}: a true value`).toEqual([]);
}

describe('while the game runs', () => {
  it('the scans find a truth where there is one (so a clean result means something)', async () => {
    const s = await startBuiltinSession(ID, SEED, game.decisions);
    const over = snapshot(s);
    expect(truthByName(over)).toContain('truth');
    expect(truthByName({ firm: game.reports[0]!.firm })).toEqual(expect.arrayContaining(['firm.satisfaction', 'firm.loyalty', 'firm.shareOfWallet', 'firm.nps', 'firm.value']));
    expect(truthByValue(over.truth, trueValues(game.reports)).length).toBeGreaterThan(0);
    expect(truthByName(explainAnswer(s, 1, explain(s, 2, 1)))).toEqual(expect.arrayContaining(['revealed', 'attributions[0].kpis']));
  });

  it('sends observed data only, quarter after quarter, by name and by value', async () => {
    const s = await startBuiltinSession(ID, SEED);
    expectNoTruth(everything(s), new Set(), 'before the first quarter');
    const last = game.decisions.length;
    for (let r = 1; r < last; r++) {
      // Research is locked in the tutorial's first quarter.
      const a = advance(s, r >= 2 ? withinBudget(s, surveyed(game.decisions[r - 1]!)) : game.decisions[r - 1]!);
      if (!a.ok) throw new Error(`quarter ${r}: ${a.problems.map((p) => p.path + ' ' + p.code).join(' ')}`);
      expect(a.truth).toBeNull();
      expect(a.view.status).toBe('running');
      // This game's own truths so far, as the worker keeps them.
      const truths = trueValues(s.truths);
      expect(truths.size).toBeGreaterThan(10 * r);
      expectNoTruth(a, truths, `quarter ${r}`);
      expectNoTruth(everything(s), truths, `after quarter ${r}`);
    }
    // Measured figures were there to be confused with the truth: surveys in every quarter but the first.
    expect(s.summaries.slice(1).every((x) => x.surveyFirm !== null && x.surveyFirm.nps !== null && x.employeeSurvey !== null)).toBe(true);
  });

  it('a summary holds exactly the observed fields, and the pooled survey and the valuation figure', async () => {
    const s = await startBuiltinSession(ID, SEED, game.decisions.slice(0, 1));
    const a = advance(s, surveyed(game.decisions[1]!));
    if (!a.ok) throw new Error('refused');
    const x = a.summary;
    expect(Object.keys(x.firm).sort()).toEqual(['acquired', 'churned', 'clv', 'complaints', 'customerEquity', 'customers', 'failures', 'profit', 'recovered', 'referred', 'retention', 'revenue', 'wonBack']);
    for (const t of x.tiers) expect(Object.keys(t).sort()).toEqual(Object.keys(x.firm).sort());
    expect(Object.keys(x.employees).sort()).toEqual(['headcount', 'hires', 'hiresAsked', 'internalServiceQuality', 'layoffs', 'leavers', 'productivity', 'serviceStandard', 'skill', 'timePerTask', 'turnover', 'workload']);
    expect(Object.keys(x.chain).sort()).toEqual(['employeeRetention', 'internalServiceQuality', 'productivity', 'profit', 'revenue', 'serviceValue']);
    expect(x.surveyFirm).not.toBeNull();
    expect(x.surveyFirm!.tiers).toEqual(x.survey.filter((r) => r.responses > 0).map((r) => r.tier));
    expect(x.surveyFirm!.nps).not.toBeNull();
    expect(x.equityPerRetentionPoint).toBeGreaterThan(0);
    // The truth of the round is kept in the worker, apart, and is the engine's.
    expect(s.truths[0]!.firm.satisfaction).toBe(game.reports[0]!.firm.satisfaction);
    expect(s.truths[1]!.firm.satisfaction).toBeGreaterThan(0);
  });

  it('leaves objectives on true KPIs out of the quarter view and the summaries until the end', () => {
    // The tutorial with one more objective on true satisfaction, checked in quarter 3 (the value-based game meets it).
    const base = builtin(ID);
    const early = { id: 'early', text: { en: 'Early', 'zh-CN': '早' }, kpi: 'satisfaction' as const, op: '>=' as const, target: 70, round: 3, points: 1 };
    const sc = withOverrides(base, { objectives: [...base.objectives, early] });
    const hidden = new Set(sc.objectives.filter((o) => ['satisfaction', 'loyalty', 'shareOfWallet', 'employeeSatisfaction'].includes(o.kpi)).map((o) => o.id));
    const started = startSession({ kind: 'file', name: 'early.json', text: JSON.stringify(sc) }, sc, sc, SEED, game.decisions.slice(0, -1));
    if (!started.ok) throw new Error('refused');
    const s = started.session;
    // Checked and met during the game: the engine knows, the page does not.
    expect(s.state.objectivesMet).toContain('early');
    const running = snapshot(s);
    expect(running.view.objectivesMet.filter((id) => hidden.has(id))).toEqual([]);
    expect(running.summaries.flatMap((x) => x.objectives).filter((o) => hidden.has(o.id))).toEqual([]);
    expect(s.truths[2]!.objectives).toEqual([{ id: 'early', value: s.truths[2]!.firm.satisfaction }]);
    const a = advance(s, game.decisions.at(-1)!);
    if (!a.ok) throw new Error('refused');
    expect(a.view.objectivesMet).toEqual(s.state.objectivesMet);
    expect(a.truth!.rounds.flatMap((x) => x.objectives).map((o) => o.id).sort()).toEqual([...hidden].sort());
  });

  it('takes the true KPIs out of every vector of an attribution, and leaves the rest exactly as computed', async () => {
    const s = await startBuiltinSession(ID, SEED, game.decisions.slice(0, 4));
    const whole = explain(s, 4, 1);
    const sent = explainAnswer(s, 1, whole);
    expect(sent.revealed).toBe(false);
    sent.attributions.forEach((o, q) => {
      const a = whole[q]!;
      const keep = a.kpis.map((k, i) => i).filter((i) => !(TRUTH_KPIS as readonly string[]).includes(a.kpis[i]!));
      expect(keep.length).toBe(a.kpis.length - TRUTH_KPIS.length);
      expect(o.kpis).toEqual(keep.map((i) => a.kpis[i]));
      const pickAll = (v: number[]) => keep.map((i) => v[i]);
      expect(o.actual).toEqual(pickAll(a.actual));
      expect(o.baseline).toEqual(pickAll(a.baseline));
      expect(o.interaction).toEqual(pickAll(a.interaction));
      expect(o.previous).toEqual(a.previous ? pickAll(a.previous) : null);
      expect(o.outside).toEqual(a.outside ? pickAll(a.outside) : null);
      expect(o.groups.map((g) => [g.group, g.parts])).toEqual(a.groups.map((g) => [g.group, pickAll(g.parts)]));
      expect(o.late.map((g) => [g.group, g.fromRound, g.parts])).toEqual(a.late.map((g) => [g.group, g.fromRound, pickAll(g.parts)]));
    });
  });

  it('replays another game (a branch\'s original) as observed summaries, even one that is over', async () => {
    const r = await openSession({ kind: 'builtin', id: ID }, SEED, game.decisions, 'en');
    if (!r.ok) throw new Error('refused');
    expect(r.session.state.status).not.toBe('running');
    // The worker answers `timeline` with the session's summaries.
    expectNoTruth(r.session.summaries, trueValues(game.reports), 'timeline');
  });

  it('plays the reference strategies with observed summaries only, and the ranking reads the same figures', () => {
    for (const policy of REFERENCE_POLICIES) {
      const run = playReference(builtin(ID), SEED, policy);
      const direct = play(builtin(ID), SEED, policy);
      expectNoTruth(run, trueValues(direct.reports), policy);
      expect(run.summaries.map((x) => x.firm.customerEquity)).toEqual(direct.reports.map((x) => x.firm.customerEquity));
      expect(run.summaries.map((x) => x.finance.operatingProfit)).toEqual(direct.reports.map((x) => x.finance.operatingProfit));
    }
  });
});

/** The truth each quarter must have: the engine's report. */
function expectTruthOf(g: GameSnapshot, reports: readonly RoundReport[]): void {
  expect(g.truth).not.toBeNull();
  expect(g.truth!.rounds.map((x) => x.round)).toEqual(reports.map((x) => x.round));
  g.truth!.rounds.forEach((t, i) => {
    const r = reports[i]!;
    expect(t.firm).toEqual({ satisfaction: r.firm.satisfaction, nps: r.firm.nps, loyalty: r.firm.loyalty, shareOfWallet: r.firm.shareOfWallet, value: r.firm.value });
    expect(t.tiers.map((x) => x.satisfaction)).toEqual(r.tiers.map((x) => x.satisfaction));
    expect(t.employees.satisfaction).toBe(r.employees.satisfaction);
    expect(t.chain).toEqual({ employeeSatisfaction: r.chain.employeeSatisfaction, customerSatisfaction: r.chain.customerSatisfaction, customerLoyalty: r.chain.customerLoyalty });
  });
}

describe('once the game is over', () => {
  it('the last quarter brings every quarter\'s truth, and the snapshot and the attributions have it', async () => {
    const s = await startBuiltinSession(ID, SEED, game.decisions.slice(0, -1));
    expect(snapshot(s).truth).toBeNull();
    const a = advance(s, game.decisions.at(-1)!);
    if (!a.ok) throw new Error('refused');
    expect(a.view.status).not.toBe('running');
    expectTruthOf({ ...snapshot(s), truth: a.truth }, game.reports);
    expectTruthOf(snapshot(s), game.reports);
    const ex = explainAnswer(s, 1, explain(s, game.decisions.length, 1));
    expect(ex.revealed).toBe(true);
    for (const k of TRUTH_KPIS) expect(ex.attributions[0]!.kpis).toContain(k);
    expect(customerBase(s, game.decisions.length)!.truth).not.toBeNull();
  });

  it('a resumed finished game (a replay of its decisions) and an imported one have their truth', async () => {
    const resumed = await startBuiltinSession(ID, SEED, game.decisions);
    expectTruthOf(snapshot(resumed), game.reports);
    const { text, fileName } = exportRun(resumed);
    const imported = await importRun(new TextEncoder().encode(text), fileName, 'en');
    expect(imported.ok).toBe(true);
    if (imported.ok) expectTruthOf(snapshot(imported.session), game.reports);
  });

  it('a "what if" branch taken after the end is a game in play again: no truth until it ends, then its own', async () => {
    const s = await startBuiltinSession(ID, SEED, game.decisions);
    const from = 3;
    const branch = rewind(s, from);
    const truths = trueValues(game.reports);
    expect(snapshot(branch).truth).toBeNull();
    expectNoTruth(everything(branch), truths, 'the branch in play');
    // Played on differently: the last quarters without any survey.
    const other = game.decisions.map((d, i) => (i < from ? d : { ...structuredClone(d), research: { ...d.research, surveySample: d.research.surveySample.map(() => 0) } }));
    let last: ReturnType<typeof advance> | null = null;
    for (const d of other.slice(from)) {
      expect(snapshot(branch).truth).toBeNull();
      last = advance(branch, d);
    }
    if (!last?.ok) throw new Error('refused');
    const fresh = await startBuiltinSession(ID, SEED, other);
    expect(last.truth).toEqual(snapshot(fresh).truth);
    expect(last.truth!.rounds).toHaveLength(game.decisions.length);
    expect(last.truth!.rounds.slice(0, from)).toEqual(snapshot(s).truth!.rounds.slice(0, from));
  });

  it('a bankrupt game is over too: its truth arrives with the quarter that ended it', () => {
    // The engine's own test of running out of cash, on a scenario that ends the game then.
    const agency = builtin('ad-agency');
    const strict = withOverrides(agency, {
      firm: { cash: 10_000, budget: { base: 0, reinvest: 0 }, insolvency: { mode: 'gameOver', maxDebt: 0 } },
      model: { purchase: { sowFloor: 0.01, sowCeiling: 0.05 } },
    });
    const d: Decisions = {
      ...structuredClone(strict.initialDecisions),
      tiers: strict.initialDecisions.tiers.map((t) => ({ ...t, acquisitionSpend: 0, relationshipSpend: 0 })),
      people: { ...strict.initialDecisions.people, trainingSpend: 0 },
      brandSpend: 0,
      research: { surveySample: [0], employeeSurvey: false, nps: false },
    };
    const started = startSession({ kind: 'file', name: 'broke.json', text: JSON.stringify(strict) }, strict, strict, '6', []);
    if (!started.ok) throw new Error('refused');
    const s = started.session;
    const a = advance(s, d);
    if (!a.ok) throw new Error(a.problems.map((p) => p.path + ' ' + p.code).join(' '));
    expect(a.view.status).toBe('bankrupt');
    expect(a.truth!.rounds).toHaveLength(1);
    expect(a.truth!.rounds[0]!.firm.satisfaction).toBe(s.truths[0]!.firm.satisfaction);
    expect(snapshot(s).truth).toEqual(a.truth);
  });
});

describe('customer records', () => {
  it('stay the firm\'s view in a finished game too (no true values in a record)', async () => {
    const s = await startBuiltinSession(ID, SEED, game.decisions);
    expect(truthByName(customerRecord(s.state, s.traces, 1))).toEqual([]);
  });
});
