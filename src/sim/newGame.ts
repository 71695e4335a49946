import type { ScenarioConfig } from './config';
import { allocCustomers } from './customers';
import { hashJson } from './hash';
import { selectKth } from './math';
import { resolveParams } from './params';
import { birthKey, streamKey } from './rng';
import { ACTIVE, NO_TIER, SOURCE_INITIAL, type SimState } from './state';
import { assignTiers, dataQualityOf } from './model/tiers';
import { birthWallet, writeCustomer, type Birth } from './traits';
import { clonePlain } from './decisions/plans';

/**
 * A new game of `scenario` on `seed` (any string; required: there is no clock default).
 * Draws the initial customers from the scenario's population, as if they had been
 * customers in steady state for their tenure, and tiers them by the status-quo rule.
 */
export function newGame(scenario: ScenarioConfig, seed: string): SimState {
  const P = resolveParams(scenario.model);
  const n = scenario.population.size;
  const segs = scenario.population.segments;
  const pop = streamKey(seed, 0, 'population');
  // First pass: each customer's segment and wallet (the median wallet is every need's reference).
  const b: Birth = {
    key: 0, stream: pop, round: 0, source: SOURCE_INITIAL, refWallet: 1,
    needBase: P.service.needBase, needElasticity: P.service.needElasticity, start: null, segment: -1, walletQuantile: -1, wallet: -1,
  };
  const wallets = new Float64Array(n);
  const quantiles = new Float64Array(n);
  const segment = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    b.key = birthKey(pop, 0, SOURCE_INITIAL, i);
    const w = birthWallet(segs, b);
    wallets[i] = w.wallet;
    quantiles[i] = w.q;
    segment[i] = w.segment;
  }
  const sorted = wallets.slice();
  const refWallet = n > 0 ? selectKth(sorted, n, n >>> 1) : 1;
  const c = allocCustomers(Math.max(64, Math.ceil(n * 1.25)));
  b.refWallet = refWallet;
  for (let i = 0; i < n; i++) {
    b.key = birthKey(pop, 0, SOURCE_INITIAL, i);
    b.segment = segment[i]!;
    b.walletQuantile = quantiles[i]!;
    b.wallet = wallets[i]!;
    writeCustomer(c, i, segs, b);
    // Steady-state revenue history for the rounds it has been a customer.
    const rev = c.wallet[i]! * c.shareOfWallet[i]!;
    for (let k = 0; k < 4; k++) c.revenue[i * 4 + k] = c.tenure[i]! > k ? rev : 0;
    c.tier[i] = NO_TIER;
  }
  c.count = n;
  const f = scenario.firm;
  const state: SimState = {
    seed,
    scenarioHash: hashJson(scenario),
    round: 0,
    status: 'running',
    customers: c,
    initialCount: n,
    refWallet,
    firm: {
      cash: f.cash,
      debt: 0,
      budget: Math.max(0, Math.min(f.cash, f.budget.base)),
      headcount: f.headcount,
      experience: f.experience,
      employeeSatisfaction: f.employeeSatisfaction,
      employeeSatisfactionLag: f.employeeSatisfaction,
      trainingStock: f.trainingStock,
      brandStock: f.brandStock,
      systems: { ...f.systems },
      serviceStandard: 1,
      adoptionStrain: 0,
      lastOperatingProfit: 0,
      lastWorkload: 0,
      lastTurnover: 0,
      lastWageIndex: scenario.initialDecisions.people.wageIndex,
      lastAcquired: 0,
      lastFailures: 0,
      wordOfMouth: 0,
      cumulativeProfit: 0,
      loans: 0,
      valuedPrice: [],
      valuedServe: [],
    },
    tiering: clonePlain(scenario.initialDecisions.tiering),
    lastDecisions: clonePlain(scenario.initialDecisions),
    effects: [],
    score: 0,
    objectivesMet: [],
  };
  assignTiers(P, state, scenario.initialDecisions.tiering, dataQualityOf(P, state), c.tier);
  for (let i = 0; i < n; i++) {
    c.prevTier[i] = c.tier[i]!;
    if (c.status[i] !== ACTIVE) c.tier[i] = 0;
  }
  return state;
}
