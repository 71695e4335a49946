/**
 * Rules across fields, checked once the schema has passed: ids unique and references
 * resolved, rounds within the scenario, shares summing to 1, the initial decisions consistent
 * with the tiers, and the size of the run within limits.
 */
import type { Decisions, EventEffect, EventTarget, ScenarioConfig } from '../sim/config';
import { SHARE_SUM_TOLERANCE } from '../sim/decisions/catalogue';
import { checkPlanForm } from '../sim/decisions/check';
import { mismatch, pathText, type PathSegment, type Problem } from './problem';

/** Tolerance of sums that must be 1 (the same as the tier shares' in every quarter's plan). */
export const SUM_TOLERANCE = SHARE_SUM_TOLERANCE;

/** Limits of the size of a run. */
export interface ScenarioLimits {
  /** Most customer-rounds (population.size × rounds) a scenario may ask the sim to play. */
  readonly maxCustomerRounds: number;
}

/** The limits the app plays within: 200,000 customers for 40 rounds. */
export const DEFAULT_LIMITS: ScenarioLimits = { maxCustomerRounds: 200_000 * 40 };

type Path = readonly PathSegment[];

function sum(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

function sumTo1(xs: readonly number[], path: Path, out: Problem[]): void {
  const s = sum(xs);
  if (Math.abs(s - 1) > SUM_TOLERANCE) out.push(mismatch(path, { kind: 'sumTo1' }, { kind: 'sum', sum: s }));
}

/** Reports ids used twice in `items` (at `path.i.id`); returns the set of ids. */
function uniqueIds(items: readonly { id: string }[], path: Path, out: Problem[]): string[] {
  const first = new Map<string, number>();
  items.forEach((item, i) => {
    const at = first.get(item.id);
    if (at === undefined) first.set(item.id, i);
    else out.push(mismatch([...path, i, 'id'], { kind: 'unique', firstPath: pathText([...path, at, 'id']) }, { kind: 'value', value: item.id }));
  });
  return [...first.keys()];
}

function roundIn(r: number | undefined, rounds: number, path: Path, out: Problem[]): void {
  if (r !== undefined && (r < 1 || r > rounds)) out.push(mismatch(path, { kind: 'round', rounds }, { kind: 'value', value: r }));
}

interface Ids {
  readonly tiers: readonly string[];
  readonly segments: readonly string[];
}

function checkTarget(t: EventTarget, ids: Ids, path: Path, out: Problem[]): void {
  if ('tier' in t && !ids.tiers.includes(t.tier)) {
    out.push(mismatch([...path, 'tier'], { kind: 'ref', what: 'tier', ids: ids.tiers }, { kind: 'value', value: t.tier }));
  }
  if ('segment' in t && !ids.segments.includes(t.segment)) {
    out.push(mismatch([...path, 'segment'], { kind: 'ref', what: 'segment', ids: ids.segments }, { kind: 'value', value: t.segment }));
  }
}

function checkEffects(effects: readonly EventEffect[], ids: Ids, path: Path, out: Problem[]): void {
  effects.forEach((e, i) => {
    if ('target' in e) checkTarget(e.target, ids, [...path, i, 'target'], out);
  });
}

function checkEvents(s: ScenarioConfig, ids: Ids, out: Problem[]): void {
  uniqueIds(s.events, ['events'], out);
  s.events.forEach((ev, i) => {
    const at = ['events', i] as const;
    roundIn(ev.round, s.rounds, [...at, 'round'], out);
    checkEffects(ev.effects, ids, [...at, 'effects'], out);
    if (ev.options === undefined) {
      if (ev.defaultOption !== undefined) {
        out.push(mismatch([...at, 'defaultOption'], { kind: 'choicePair', has: 'defaultOption' }, { kind: 'value', value: ev.defaultOption }));
      }
      return;
    }
    const optionIds = uniqueIds(ev.options, [...at, 'options'], out);
    ev.options.forEach((o, j) => checkEffects(o.effects, ids, [...at, 'options', j, 'effects'], out));
    if (ev.defaultOption === undefined) {
      out.push({ path: [...at, 'defaultOption'], anchor: 'value', detail: { kind: 'missing', expected: { kind: 'choicePair', has: 'options' } } });
    } else if (!optionIds.includes(ev.defaultOption)) {
      out.push(mismatch([...at, 'defaultOption'], { kind: 'ref', what: 'option', ids: optionIds }, { kind: 'value', value: ev.defaultOption }));
    }
  });
}

/** A path of the plan's checks (`tiers.1.serviceHours`) as path segments under `initialDecisions`. */
function planPath(path: string): PathSegment[] {
  const at: PathSegment[] = ['initialDecisions'];
  if (path !== '') for (const seg of path.split('.')) at.push(/^\d+$/.test(seg) ? Number(seg) : seg);
  return at;
}

/**
 * The status quo by the same rules as every quarter's plan (`src/sim/decisions/check.ts`):
 * the tiers in use within the scenario's, one value per tier, shares summing to 1, thresholds
 * falling, some tiering weight, hires and layoffs the firm's staff allows. Its choices must
 * name a choice card of the scenario and one of its options (they are not played).
 */
function checkDecisions(d: Decisions, s: ScenarioConfig, out: Problem[]): void {
  for (const p of checkPlanForm(d, { scenarioTiers: s.tiers.length, headcount: s.firm.headcount })) {
    const at = planPath(p.path);
    switch (p.code) {
      case 'overLimit':
        out.push(mismatch(at, p.bound === 'scenarioTiers' ? { kind: 'atMostTiers', n: p.limit } : { kind: 'decisionLimit', bound: p.bound, limit: p.limit }, { kind: 'value', value: p.value }));
        break;
      case 'count':
        out.push(mismatch(at, { kind: 'count', n: p.expected, per: p.per === 'tier' ? 'tier' : 'tierBoundary' }, { kind: 'count', n: p.value }));
        break;
      case 'sharesSum':
        out.push(mismatch(at, { kind: 'sumTo1' }, { kind: 'sum', sum: p.value }));
        break;
      case 'thresholdOrder':
        out.push(mismatch(at, { kind: 'notAbove', value: p.limit, of: pathText(planPath(p.path.replace(/\d+$/, (i) => String(Number(i) - 1)))) }, { kind: 'value', value: p.value }));
        break;
      case 'noWeight':
        out.push(mismatch(at, { kind: 'someWeight' }, { kind: 'value', value: d.tiering.weights }));
        break;
      // The schema has checked the rest of the form; a choice's card is checked below.
      default:
        break;
    }
  }
  d.choices.forEach((c, i) => {
    const ev = s.events.find((e) => e.id === c.event);
    if (!ev?.options) {
      const cards = s.events.filter((e) => e.options).map((e) => e.id);
      out.push(mismatch(['initialDecisions', 'choices', i, 'event'], { kind: 'ref', what: 'event', ids: cards }, { kind: 'value', value: c.event }));
    } else if (!ev.options.some((o) => o.id === c.option)) {
      out.push(mismatch(['initialDecisions', 'choices', i, 'option'], { kind: 'ref', what: 'option', ids: ev.options.map((o) => o.id) }, { kind: 'value', value: c.option }));
    }
  });
}

function checkPopulation(s: ScenarioConfig, limits: ScenarioLimits, out: Problem[]): void {
  const segs = s.population.segments;
  sumTo1(segs.map((g) => g.share), ['population', 'segments'], out);
  segs.forEach((g, i) => {
    if (g.wallet.kind === 'pareto' && !(g.wallet.max > g.wallet.min)) {
      const at = ['population', 'segments', i, 'wallet'] as const;
      out.push(mismatch([...at, 'max'], { kind: 'above', value: g.wallet.min, of: pathText([...at, 'min']) }, { kind: 'value', value: g.wallet.max }));
    }
  });
  if (s.population.size * s.rounds > limits.maxCustomerRounds) {
    out.push(mismatch(['population', 'size'], { kind: 'customerRounds', max: limits.maxCustomerRounds }, { kind: 'product', size: s.population.size, rounds: s.rounds }));
  }
}

function checkScoring(s: ScenarioConfig, out: Problem[]): void {
  s.scoring.phases.forEach((p, i) => {
    const at = ['scoring', 'phases', i, 'fromRound'];
    const prev = s.scoring.phases[i - 1];
    if (i === 0 && p.fromRound !== 1) out.push(mismatch(at, { kind: 'firstRound' }, { kind: 'value', value: p.fromRound }));
    else if (prev && !(p.fromRound > prev.fromRound)) {
      out.push(mismatch(at, { kind: 'above', value: prev.fromRound, of: pathText(['scoring', 'phases', i - 1, 'fromRound']) }, { kind: 'value', value: p.fromRound }));
    } else roundIn(p.fromRound, s.rounds, at, out);
  });
}

function checkMarket(s: ScenarioConfig, out: Problem[]): void {
  const m = s.market;
  if (!m) return;
  const at = ['market', 'firms'] as const;
  const { min, max } = m.firms;
  if (min > max) out.push(mismatch([...at, 'min'], { kind: 'notAbove', value: max, of: pathText([...at, 'max']) }, { kind: 'value', value: min }));
  if (m.firms.default > max) out.push(mismatch([...at, 'default'], { kind: 'notAbove', value: max, of: pathText([...at, 'max']) }, { kind: 'value', value: m.firms.default }));
  else if (m.firms.default < min) out.push(mismatch([...at, 'default'], { kind: 'notBelow', value: min, of: pathText([...at, 'min']) }, { kind: 'value', value: m.firms.default }));
  for (const lang of ['en', 'zh-CN'] as const) {
    const first = new Map<string, number>();
    m.names?.forEach((n, i) => {
      const name = n[lang]?.trim();
      if (name === undefined) return;
      const seen = first.get(name);
      if (seen === undefined) first.set(name, i);
      else out.push(mismatch(['market', 'names', i, lang], { kind: 'unique', firstPath: pathText(['market', 'names', seen, lang]) }, { kind: 'value', value: n[lang] }));
    });
  }
  if (m.start?.kind === 'shares') {
    const { shares } = m.start;
    sumTo1(shares, ['market', 'start', 'shares'], out);
    for (const key of ['min', 'max', 'default'] as const) {
      if (m.firms[key] !== shares.length) out.push(mismatch([...at, key], { kind: 'firmsOfShares', n: shares.length }, { kind: 'value', value: m.firms[key] }));
    }
  }
}

/**
 * Problems of a scenario that passed the schema, each with the path to blame. An empty list
 * means the scenario is consistent.
 */
export function checkScenarioSemantics(s: ScenarioConfig, limits: ScenarioLimits = DEFAULT_LIMITS): Problem[] {
  const out: Problem[] = [];
  const ids: Ids = { tiers: uniqueIds(s.tiers, ['tiers'], out), segments: uniqueIds(s.population.segments, ['population', 'segments'], out) };
  checkPopulation(s, limits, out);
  checkEvents(s, ids, out);
  s.news.forEach((n, i) => roundIn(n.round, s.rounds, ['news', i, 'round'], out));
  uniqueIds(s.objectives, ['objectives'], out);
  s.objectives.forEach((o, i) => {
    roundIn(o.round, s.rounds, ['objectives', i, 'round'], out);
    if (o.tier !== undefined && !ids.tiers.includes(o.tier)) {
      out.push(mismatch(['objectives', i, 'tier'], { kind: 'ref', what: 'tier', ids: ids.tiers }, { kind: 'value', value: o.tier }));
    }
  });
  s.unlocks?.forEach((u, i) => roundIn(u.round, s.rounds, ['unlocks', i, 'round'], out));
  checkScoring(s, out);
  checkDecisions(s.initialDecisions, s, out);
  checkMarket(s, out);
  return out;
}
