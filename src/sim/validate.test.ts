import { describe, expect, it } from 'vitest';
import { fixture, play, withOverrides } from '../../test/helpers';
import type { Decisions } from './config';
import { cloneDecisions } from './decisions/plans';
import { hashState } from './hash';
import { newGame } from './newGame';
import { step } from './step';
import { planUse, validateDecisions } from './validate';

const sc = fixture('minimal-scenario.json');
const start = newGame(sc, '3');
const quo = (): Decisions => cloneDecisions(sc.initialDecisions);
const codes = (d: Decisions, s = start, scenario = sc) => validateDecisions(scenario, s, d).map((p) => `${p.code}:${p.path}`);

describe('decision validation', () => {
  it('accepts the status quo', () => {
    expect(validateDecisions(sc, start, quo())).toEqual([]);
  });
  it('refuses spending over the budget, with the amounts', () => {
    const d = quo();
    d.brandSpend = start.firm.budget + 1;
    const p = validateDecisions(sc, start, d);
    expect(p.map((x) => x.code)).toEqual(['overBudget']);
    const over = p[0]!;
    if (over.code !== 'overBudget') throw new Error('not over budget');
    expect(over.value).toBeGreaterThan(over.limit);
    expect(over.limit).toBe(start.firm.budget);
  });
  it('refuses more staff time than the staff can give, even with overtime', () => {
    const d = quo();
    const use = planUse(sc, start, d);
    d.tiers[1]!.serviceHours *= (2 * use.staffLimit) / use.staffHours;
    expect(codes(d)).toEqual(['overStaff:']);
  });
  it('allows overload up to the overtime limit (overload is a lesson, not an error)', () => {
    const d = quo();
    const use = planUse(sc, start, d);
    const k = (1.1 * use.contracted) / use.staffHours;
    d.tiers.forEach((t) => (t.serviceHours *= k));
    expect(planUse(sc, start, d).staffHours).toBeGreaterThan(use.contracted);
    expect(validateDecisions(sc, start, d)).toEqual([]);
  });
  it('names every out-of-range, non-finite or malformed field', () => {
    const d = quo();
    d.tiers[0]!.priceIndex = 3;
    d.tiers[1]!.serviceHours = Number.NaN;
    d.people.layoffs = 1.5;
    d.recovery.empowerment = -1;
    expect(codes(d)).toEqual([
      'outOfRange:tiers.0.priceIndex', 'outOfRange:tiers.1.serviceHours', 'outOfRange:people.layoffs', 'outOfRange:recovery.empowerment',
    ]);
    const e = quo();
    e.tiering.cutoffs = { mode: 'share', shares: [0.5, 0.6] };
    expect(codes(e)).toEqual(['sharesSum:tiering.cutoffs.shares']);
    const f = quo();
    f.tiers.pop();
    expect(codes(f)).toContain('count:tiers');
    expect(codes({} as Decisions)).toEqual([
      'notObject:tiering', 'notList:tiers', 'notObject:people', 'notObject:systems', 'notObject:research', 'outOfRange:brandSpend', 'notObject:recovery', 'notList:choices',
    ]);
    expect(codes(null as unknown as Decisions)).toEqual(['notObject:']);
    const g = quo() as Decisions & { extra?: number };
    g.extra = 1;
    expect(codes(g)).toEqual(['unknownField:extra']);
  });
  it('refuses a choice that is not a card of this quarter, and an unknown option', () => {
    const d = quo();
    d.choices = [{ event: 'nope', option: 'x' }];
    expect(codes(d)).toEqual(['choiceUnknown:choices.0.event']);
  });
  it('keeps locked levers at the status quo (tutorial unlocks)', () => {
    const locked = withOverrides(sc, { unlocks: [{ round: 1, levers: ['service'] }, { round: 3, levers: ['price', 'tiering'] }] });
    const d = quo();
    d.tiers[0]!.priceIndex = 0.95;
    const p = validateDecisions(locked, start, d);
    expect(p).toEqual([{ code: 'locked', path: 'price', lever: 'price', until: 3 }]);
    const ok = quo();
    ok.tiers[0]!.serviceHours += 1;
    expect(validateDecisions(locked, start, ok)).toEqual([]);
  });
  it('a rejected decision changes nothing', () => {
    const before = hashState(start);
    const d = quo();
    d.brandSpend = 1e11;
    const res = step(sc, start, d);
    expect(res.ok).toBe(false);
    expect(hashState(start)).toBe(before);
  });
  it('refuses to play after the end', () => {
    const s = play(withOverrides(sc, { firm: { insolvency: { mode: 'loan', maxDebt: 1e12 } } }), '3', 'uniform').state;
    expect(s.status).toBe('finished');
    expect(s.round).toBe(sc.rounds);
    expect(codes(quo(), s)).toEqual(['gameOver:']);
  });
});
