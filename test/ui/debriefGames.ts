/**
 * For the debrief's tests: whole games played in Node with the engine, every quarter explained
 * by the attribution (newExplainer + explainNext) and summarized as the worker does; synthetic
 * attributions; and the `lessons` messages rendered in both languages.
 */
import i18next, { type TFunction } from 'i18next';
import { builtin } from '../helpers';
import { policyById, policyDecisions, type PolicyId } from '../../src/policies/index';
import {
  attributedKpis, explainNext, newExplainer, newGame, problemsText, step,
  type AttributedKpi, type Decisions, type GroupId, type QuarterAttribution, type RoundReport, type ScenarioConfig,
} from '../../src/sim/index';
import type { RoundSummary, RoundTruth } from '../../src/worker/protocol';
import { summarize } from '../../src/worker/summary';
import type { LessonsInput } from '../../src/ui/debrief/lessonHelpers';
import { lessonsMessages } from '../../src/ui/debrief/lessonsMessages';
import type { Msg } from '../../src/ui/debrief/msg';
import { renderMsg, type RenderContext } from '../../src/ui/debrief/render';

export type Change = (d: Decisions, round: number) => Decisions;

/** Plays a whole game of `policy` (with `change` applied each quarter), explaining every quarter. */
export function playExplained(id: string, seed: string, policy: PolicyId, change: Change = (d) => d): LessonsInput {
  const scenario = builtin(id);
  const p = policyById(policy)!;
  const ex = newExplainer(newGame(scenario, seed));
  let last: RoundReport | null = null;
  const decisions: Decisions[] = [];
  const attributions: QuarterAttribution[] = [];
  const summaries: RoundSummary[] = [];
  const truths: RoundTruth[] = [];
  while (ex.state.status === 'running') {
    const d = change(policyDecisions(p, scenario, ex.state, last), ex.state.round + 1);
    const r = step(scenario, ex.state, d);
    if (!r.ok) throw new Error(`quarter ${ex.state.round + 1} refused: ${problemsText(r.problems)}`);
    const { attribution } = explainNext(scenario, ex, d, { state: r.state, report: r.report });
    decisions.push(d);
    attributions.push(attribution);
    const { summary, truth } = summarize(scenario, r.report, r.state);
    summaries.push(summary);
    truths.push(truth);
    last = r.report;
  }
  return { scenario, decisions, attributions, summaries, truth: { rounds: truths } };
}

const cache = new Map<string, LessonsInput>();
/** A game played once per test file and kept. */
export function game(key: string, make: () => LessonsInput): LessonsInput {
  let g = cache.get(key);
  if (!g) {
    g = make();
    cache.set(key, g);
  }
  return g;
}

/** Training and wages to the minimum the engine accepts, from quarter `from` on. */
export const cutFrom = (from: number): Change => (d, r) => (r >= from ? { ...d, people: { ...d.people, trainingSpend: 0, wageIndex: 0.5 } } : d);

/** A KPI vector of a scenario with `tiers` tiers: the given values, zero elsewhere. */
export function vector(tiers: number, values: Partial<Record<AttributedKpi, number>>): number[] {
  return attributedKpis(tiers).map((k) => values[k] ?? 0);
}

/** A quarter's attribution with the given parts (KPI values by name; everything else zero). */
export function attribution(
  scenario: ScenarioConfig,
  round: number,
  groups: { group: GroupId; parts: Partial<Record<AttributedKpi, number>> }[],
  late: { fromRound: number; group: GroupId; parts: Partial<Record<AttributedKpi, number>> }[] = [],
  mergedTiering = false,
): QuarterAttribution {
  const k = scenario.tiers.length;
  const zero = vector(k, {});
  return {
    round, kpis: attributedKpis(k), previous: round > 1 ? zero : null, outside: round > 1 ? zero : null, valuation: round > 1 ? zero : null, baseline: zero, actual: zero, interaction: zero,
    groups: groups.map((g) => ({ group: g.group, parts: vector(k, g.parts) })),
    late: late.map((l) => ({ fromRound: l.fromRound, group: l.group, parts: vector(k, l.parts) })),
    mergedTiering, untraced: [],
  };
}

const instance = i18next.createInstance();
void instance.init({
  lng: 'en',
  fallbackLng: false,
  ns: ['lessons'],
  defaultNS: 'lessons',
  resources: { en: { lessons: lessonsMessages.en }, 'zh-CN': { lessons: lessonsMessages['zh-CN'] } },
  interpolation: { escapeValue: false },
  initAsync: false,
});
export const tFor = (lang: 'en' | 'zh-CN'): TFunction<'lessons'> => instance.getFixedT(lang, 'lessons') as TFunction<'lessons'>;
export const ctxFor = (lang: 'en' | 'zh-CN', scenario: ScenarioConfig): RenderContext => ({ t: tFor(lang), lang, scenario });
/** A message in English. */
export const en = (m: Msg, scenario: ScenarioConfig): string => renderMsg(m, ctxFor('en', scenario));
