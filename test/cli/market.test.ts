/** Issue 14: `market`, and `verify`/`replay` of a market game's run file (the JSON shape other tools rely on). */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseRunFile } from '../../src/scenario/runFile';
import { STACK_LINE, cli, tempDir } from './harness';

type Json = Record<string, unknown>;
interface FirmRow {
  seat: number;
  name: string;
  policy: string;
  customers: number;
  marketShare: number;
  revenue: number;
  profit: number;
  score: number;
}
interface MarketDoc {
  rounds: { round: number; hash: string; firms: FirmRow[] }[];
  final: { hash: string; firms: { seat: number; name: string; policy: string; score: number; rank: number }[] };
}

const FIRMS = 'value-based,uniform,cost-cutter,discounter';

describe('npm run sim -- market', () => {
  let dir = '';
  let saved = '';
  let doc: MarketDoc = { rounds: [], final: { hash: '', firms: [] } };

  beforeAll(async () => {
    dir = tempDir();
    saved = join(dir, 'market.run.json');
    const r = await cli(['market', 'ad-agency', '--seed', 'class-3', '--firms', FIRMS, '--save', saved, '--json']);
    expect(r.err).toContain(`wrote ${saved}`);
    expect(r.code).toBe(0);
    doc = JSON.parse(r.out) as MarketDoc;
  });

  /** A modified copy of the saved run file. */
  function tamper(name: string, change: (d: Json & { decisions: (Json | null)[][]; firms: Json[] }) => void): string {
    const d = JSON.parse(readFileSync(saved, 'utf8')) as Json & { decisions: (Json | null)[][]; firms: Json[] };
    change(d);
    const path = join(dir, name);
    writeFileSync(path, JSON.stringify(d, null, 2));
    return path;
  }

  it('--json prints the rounds and the final standings in the documented shape', () => {
    expect(Object.keys(doc)).toEqual(['rounds', 'final']);
    expect(doc.rounds.length).toBe(12);
    for (const [i, q] of doc.rounds.entries()) {
      expect(Object.keys(q)).toEqual(['round', 'hash', 'firms']);
      expect(q.round).toBe(i + 1);
      expect(q.hash).toMatch(/^[0-9a-f]{16}$/);
      expect(q.firms.map((f) => [f.seat, f.name, f.policy])).toEqual([[0, 'A', 'value-based'], [1, 'B', 'uniform'], [2, 'C', 'cost-cutter'], [3, 'D', 'discounter']]);
      for (const f of q.firms) expect(Object.keys(f)).toEqual(['seat', 'name', 'policy', 'customers', 'marketShare', 'revenue', 'profit', 'score']);
      // Market shares are each firm's share of the customers the market's firms serve.
      const total = q.firms.reduce((s, f) => s + f.customers, 0);
      expect(q.firms.reduce((s, f) => s + f.marketShare, 0)).toBeCloseTo(1, 12);
      for (const f of q.firms) expect(f.marketShare).toBeCloseTo(f.customers / total, 12);
    }
    expect(doc.final.hash).toBe(doc.rounds.at(-1)!.hash);
    const last = doc.rounds.at(-1)!.firms;
    expect(doc.final.firms.map((f) => f.score)).toEqual(last.map((f) => f.score));
    const byRank = [...doc.final.firms].sort((a, b) => a.rank - b.rank);
    expect(byRank.map((f) => f.rank)).toEqual([1, 2, 3, 4]);
    for (let k = 1; k < 4; k++) expect(byRank[k - 1]!.score).toBeGreaterThanOrEqual(byRank[k]!.score);
    expect(byRank[0]!.policy).toBe('value-based');
  });

  it('the table names every firm each quarter, the standings and the final hash', async () => {
    const r = await cli(['market', 'ad-agency', '--seed', 'class-3', '--firms', FIRMS, '--names', 'Lotus,Peony,Orchid,Bamboo']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('market of 4 firms');
    expect(r.out).toMatch(/^\s+1\s+Lotus\s/m);
    expect(r.out).toMatch(/^rank\s+firm\s+strategy\s+score\s+status$/m);
    // The standings: every firm once, with its strategy, ranked by score.
    const standings = [...r.out.matchAll(/^\s+(\d)\s+(\S+)\s+(\S+)\s+(-?\d+\.\d\d)\s+(finished|bankrupt)$/gm)];
    expect(standings.map((m) => Number(m[1]))).toEqual([1, 2, 3, 4]);
    const strategyOf = Object.fromEntries(['Lotus', 'Peony', 'Orchid', 'Bamboo'].map((name, i) => [name, FIRMS.split(',')[i]]));
    expect(standings.map((m) => m[3])).toEqual(standings.map((m) => strategyOf[m[2]!]));
    expect(standings.map((m) => m[2]).sort()).toEqual(['Bamboo', 'Lotus', 'Orchid', 'Peony']);
    const scores = standings.map((m) => Number(m[4]));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    // Other names are other firms: their draws differ, so the market does too.
    expect(r.out).not.toContain(`finalHash  ${doc.final.hash}`);
  });

  it('verify says OK for the saved game, with every firm\'s score, and replay --json gives the same rounds', async () => {
    const v = await cli(['verify', saved]);
    expect(v.code).toBe(0);
    const scores = doc.final.firms.map((f) => `${f.name} ${f.score.toFixed(2)}`).join(', ');
    expect(v.out.trim()).toBe(`OK ${saved} market of 4 firms, scores ${scores} hash ${doc.final.hash} (12 rounds)`);
    const r = await cli(['replay', saved, '--json']);
    expect(r.code).toBe(0);
    const replayed = JSON.parse(r.out) as MarketDoc & { claim: { holds: boolean } };
    expect(replayed.rounds).toEqual(doc.rounds);
    expect(replayed.final).toEqual(doc.final);
    expect(replayed.claim.holds).toBe(true);
  });

  it('tampering with one firm\'s plan fails verify: the claim no longer holds, for that firm and its rivals', async () => {
    const file = tamper('tampered.json', (d) => {
      const plan = d.decisions[4]![0] as { tiers: { serviceHours: number }[] };
      plan.tiers[0]!.serviceHours += 10;
    });
    const v = await cli(['verify', file]);
    expect(v.code).toBe(1);
    expect(v.out).toMatch(/^FAIL .*tampered\.json:\d+:\d+ at claim\.scores\.0: the claimed score of firm "A"/m);
    expect(v.out).toContain('at claim.scores.3');
    expect(v.out).toContain('at claim.finalHash');
    expect(v.out + v.err).not.toMatch(STACK_LINE);
  });

  it('a broken market file gets a sentence naming the field: a missing plan, a plan too few, a twice-used name, a bad value', async () => {
    const cases: [string, (d: Json & { decisions: (Json | null)[][]; firms: Json[] }) => void, RegExp][] = [
      ['null.json', (d) => (d.decisions[4]![1] = null), /at decisions\.4\.1: firm "B" still plays in quarter 5 and needs a plan/],
      ['short.json', (d) => d.decisions[2]!.pop(), /at decisions\.2: quarter 3 holds 3 plans, but the market has 4 firms/],
      ['names.json', (d) => (d.firms[2]!.name = 'A'), /at firms\.2\.name: the firm in seat 1 is already named "A"/],
      ['value.json', (d) => ((d.decisions[0]![3] as { people: Json }).people.wageIndex = 9), /at decisions\.0\.3\.people\.wageIndex: expected a number from 0\.5 to 2, found 9/],
      ['firms.json', (d) => (d.firms = []), /at firms: /],
    ];
    for (const [name, change, expected] of cases) {
      const v = await cli(['verify', tamper(name, change)]);
      expect(v.code, name).toBe(1);
      expect(v.out, name).toMatch(expected);
      expect(v.out + v.err, name).not.toMatch(STACK_LINE);
    }
    const zh = await cli(['--lang', 'zh-CN', 'verify', join(dir, 'null.json')]);
    expect(zh.out).toContain('企业“B”在第 5 季度仍在经营，需要一份决策');
  });

  it('the solo game\'s reader (the app\'s import) says a market file is a market game\'s, at "firms"', () => {
    const r = parseRunFile(readFileSync(saved, 'utf8'), 'market.run.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]!.message).toContain('at firms: this is the run file of a market game (4 firms), not of a solo game');
  });

  it('usage mistakes are sentences with exit 64', async () => {
    const cases: [string[], string][] = [
      [['market', 'ad-agency', '--seed', '1'], '"market" needs --firms'],
      [['market', 'ad-agency', '--seed', '1', '--firms', 'value-based,valu'], 'unknown policy "valu"'],
      [['market', 'ad-agency', '--seed', '1', '--firms', Array(9).fill('uniform').join(',')], 'needs 1 to 8 strategies'],
      [['market', 'ad-agency', '--seed', '1', '--firms', 'uniform,uniform', '--names', 'X'], '--names gives 1 name for 2 firms'],
      [['market', 'ad-agency', '--seed', '1', '--firms', 'uniform,uniform', '--names', 'X,X'], 'two firms are named "X"'],
    ];
    for (const [args, message] of cases) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(64);
      expect(r.err, args.join(' ')).toContain(message);
    }
  });
});
