import { describe, expect, it } from 'vitest';
import type { ScenarioConfig } from '../sim/config';
import { minimalJson } from '../../test/scenario/helpers';
import { validateScenarioJson } from './load';
import { checkScenarioSemantics } from './semantics';

type Doc = ReturnType<typeof minimalJson> & ScenarioConfig;

/** The errors (path: found) of the minimal scenario after `edit`. */
function problemsAfter(edit: (s: Doc) => void): string[] {
  const doc = minimalJson() as Doc;
  edit(doc);
  const r = validateScenarioJson(doc, 'x.json');
  return r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.expected} / ${e.found}`);
}

const card = (s: Doc) => s.events[0] as Required<Doc['events'][number]>;

describe('checkScenarioSemantics', () => {
  it('finds nothing wrong with the minimal scenario', () => {
    expect(checkScenarioSemantics(minimalJson() as Doc)).toEqual([]);
  });

  it.each<[string, (s: Doc) => void, string[]]>([
    ['segment shares summing to 0.9', (s) => { s.population.segments[1]!.share = 0.5; }, ['population.segments: shares that sum to 1 / a sum of 0.9']],
    ['shares within the tolerance', (s) => { s.population.segments[1]!.share = 0.6 + 1e-7; }, []],
    ['a tier id used twice', (s) => { s.tiers[1]!.id = 'gold'; }, ['tiers.1.id: an id not used before (already used at tiers.0.id) / "gold"']],
    ['a segment id used twice', (s) => { s.population.segments[1]!.id = 'business'; }, ['population.segments.1.id: an id not used before (already used at population.segments.0.id) / "business"']],
    ['an event id used twice', (s) => { s.events.push({ ...card(s), round: 3 }); }, ['events.1.id: an id not used before (already used at events.0.id) / "key-account-discount"']],
    ['an option id used twice', (s) => { card(s).options[1]!.id = 'grant'; card(s).defaultOption = 'grant'; }, ['events.0.options.1.id: an id not used before (already used at events.0.options.0.id) / "grant"']],
    ['an effect naming an unknown tier', (s) => { card(s).effects.push({ kind: 'satisfaction', delta: 5, target: { tier: 'silver' } }); }, ['events.0.effects.0.target.tier: a tier id of this scenario: "gold" or "iron" / "silver"']],
    ['an option effect naming an unknown segment', (s) => { card(s).options[0]!.effects.push({ kind: 'wallet', factor: 2, target: { segment: 'vip' } }); }, ['events.0.options.0.effects.1.target.segment: a segment id of this scenario: "business" or "household" / "vip"']],
    ['an objective naming an unknown tier', (s) => { s.objectives[0]!.tier = 'platinum'; }, ['objectives.0.tier: a tier id of this scenario: "gold" or "iron" / "platinum"']],
    ['an objective id used twice', (s) => { s.objectives.push({ ...s.objectives[0]! }); }, ['objectives.1.id: an id not used before (already used at objectives.0.id) / "keep-gold"']],
    ['a defaultOption naming no option', (s) => { card(s).defaultOption = 'maybe'; }, ['events.0.defaultOption: an option id of this choice card: "grant" or "refuse" / "maybe"']],
    ['a choice card without defaultOption', (s) => { delete (card(s) as Partial<Doc['events'][number]>).defaultOption; }, ['events.0.defaultOption: a defaultOption: a choice card names the option taken when the learner picks none / nothing']],
    ['a defaultOption without options', (s) => { delete (card(s) as Partial<Doc['events'][number]>).options; }, ['events.0.defaultOption: options: only a choice card has a defaultOption / "refuse"']],
    ['an event after the last round', (s) => { card(s).round = 5; }, ['events.0.round: a round from 1 to 4 (this scenario has 4 rounds) / 5']],
    ['news after the last round', (s) => { s.news[0]!.round = 40; }, ['news.0.round: a round from 1 to 4 (this scenario has 4 rounds) / 40']],
    ['an objective after the last round', (s) => { s.objectives[0]!.round = 6; }, ['objectives.0.round: a round from 1 to 4 (this scenario has 4 rounds) / 6']],
    ['an unlock after the last round', (s) => { s.unlocks = [{ round: 9, levers: ['price'] }]; }, ['unlocks.0.round: a round from 1 to 4 (this scenario has 4 rounds) / 9']],
    ['a first phase not from round 1', (s) => { s.scoring.phases[0]!.fromRound = 2; }, ['scoring.phases.0.fromRound: 1 (the first phase starts in round 1) / 2']],
    ['phases not ascending', (s) => { s.scoring.phases.push({ ...s.scoring.phases[0]!, fromRound: 3 }, { ...s.scoring.phases[0]!, fromRound: 3 }); }, ['scoring.phases.2.fromRound: a number above 3 (scoring.phases.1.fromRound) / 3']],
    ['a phase after the last round', (s) => { s.scoring.phases.push({ ...s.scoring.phases[0]!, fromRound: 7 }); }, ['scoring.phases.1.fromRound: a round from 1 to 4 (this scenario has 4 rounds) / 7']],
    ['more tiers in use than defined', (s) => {
      const d = s.initialDecisions;
      d.tiering.tierCount = 3;
      d.tiering.cutoffs = { mode: 'share', shares: [0.2, 0.3, 0.5] };
      d.tiers.push({ ...d.tiers[1]! });
      d.research.surveySample.push(5);
    }, ['initialDecisions.tiering.tierCount: at most 2, the number of tiers in this scenario / 3']],
    ['decisions for fewer tiers than tierCount', (s) => { s.initialDecisions.tiers.pop(); s.initialDecisions.research.surveySample.pop(); }, [
      'initialDecisions.tiers: a list of 2 items, one per tier in use (tiering.tierCount) / 1 item',
      'initialDecisions.research.surveySample: a list of 2 items, one per tier in use (tiering.tierCount) / 1 item',
    ]],
    ['cut-off shares of the wrong length (their sum is not judged then)', (s) => { s.initialDecisions.tiering.cutoffs = { mode: 'share', shares: [0.5] }; }, [
      'initialDecisions.tiering.cutoffs.shares: a list of 2 items, one per tier in use (tiering.tierCount) / 1 item',
    ]],
    ['cut-off shares that do not sum to 1', (s) => { s.initialDecisions.tiering.cutoffs = { mode: 'share', shares: [0.5, 0.4] }; }, [
      'initialDecisions.tiering.cutoffs.shares: shares that sum to 1 / a sum of 0.9',
    ]],
    ['score thresholds of the wrong length', (s) => { s.initialDecisions.tiering.cutoffs = { mode: 'score', thresholds: [] }; }, [
      'initialDecisions.tiering.cutoffs.thresholds: a list of 1 item, one per boundary between tiers (tierCount - 1) / 0 items',
    ]],
    ['score thresholds not descending', (s) => {
      s.initialDecisions.tiering.cutoffs = { mode: 'score', thresholds: [1, 2] };
    }, [
      'initialDecisions.tiering.cutoffs.thresholds: a list of 1 item, one per boundary between tiers (tierCount - 1) / 2 items',
      'initialDecisions.tiering.cutoffs.thresholds.1: a number at most 1 (initialDecisions.tiering.cutoffs.thresholds.0) / 2',
    ]],
    ['equal score thresholds (an empty tier between them is allowed, as in every quarter)', (s) => {
      const d = s.initialDecisions;
      d.tiering.cutoffs = { mode: 'score', thresholds: [1] };
    }, []],
    ['every tiering weight 0 with two tiers', (s) => {
      const w = s.initialDecisions.tiering.weights;
      w.revenue = 0; w.margin = 0; w.influence = 0; w.potential = 0; w.tenure = 0;
    }, ['initialDecisions.tiering.weights: at least one weight above 0 (more than one tier is in use) / an object']],
    ['more layoffs than staff', (s) => { s.initialDecisions.people.layoffs = s.firm.headcount + 1; }, ['initialDecisions.people.layoffs: at most 4, the headcount / 5']],
    ['a choice for an event that is no card', (s) => { s.initialDecisions.choices.push({ event: 'nope', option: 'grant' }); }, ['initialDecisions.choices.0.event: the id of a choice-card event: "key-account-discount" / "nope"']],
    ['a choice of an unknown option', (s) => { s.initialDecisions.choices.push({ event: 'key-account-discount', option: 'nope' }); }, ['initialDecisions.choices.0.option: an option id of this choice card: "grant" or "refuse" / "nope"']],
    ['a Pareto wallet with max not above min', (s) => { s.population.segments[0]!.wallet = { kind: 'pareto', min: 500, alpha: 2, max: 500 }; }, ['population.segments.0.wallet.max: a number above 500 (population.segments.0.wallet.min) / 500']],
  ])('reports %s', (_, edit, expected) => {
    expect(problemsAfter(edit)).toEqual(expected);
  });

  it('keeps population × rounds within the limit', () => {
    const s = minimalJson() as Doc;
    expect(checkScenarioSemantics(s, { maxCustomerRounds: 240 })).toEqual([]);
    const [p] = checkScenarioSemantics(s, { maxCustomerRounds: 239 });
    expect(p).toEqual({
      path: ['population', 'size'],
      anchor: 'value',
      detail: { kind: 'mismatch', expected: { kind: 'customerRounds', max: 239 }, found: { kind: 'product', size: 60, rounds: 4 } },
    });
    // The largest scenario the schema allows is within the default limit.
    s.population.size = 200_000;
    s.rounds = 40;
    expect(checkScenarioSemantics(s)).toEqual([]);
  });
});
