/**
 * Issue 14: a saved market game (the facilitator's console) and a team's saved seat are read back
 * field by field: a damaged one is listed with every problem at its path (what was expected and
 * what was found, put in words by the home screen in the learner's language), never thrown.
 */
import { describe, expect, it } from 'vitest';
import { checkMarketSave, checkTeamSave, type MarketSaveRecord, type TeamSaveRecord } from '../../src/store/marketSave';
import { builtin } from '../helpers';

const plan = builtin('tutorial').initialDecisions;
const market: MarketSaveRecord = {
  format: 'crm-sandbox-market-save', version: 1, title: { en: 'Tutorial', 'zh-CN': '教程' }, source: { kind: 'builtin', id: 'tutorial' }, seed: 'CRM-2026-A',
  seats: [{ name: 'Team A', policy: null }, { name: 'Team B', policy: 'value-based' }],
  played: [[plan, plan]], plans: [plan, null], round: 1, rounds: 8, over: false, updatedAt: 1_765_000_000_000,
};
const team: TeamSaveRecord = {
  format: 'crm-sandbox-team-save', version: 1, title: { en: 'Tutorial' }, file: { name: 'market-q1.crm-run.json', text: '{}' }, own: 0, firm: 'Team A', code: { round: 2, text: 'CRM1.x.y' }, round: 1, rounds: 8, updatedAt: 1,
};
const where = (r: { ok: boolean; problems?: { path: string; expected: string; found: unknown }[] }) => (r.ok ? [] : r.problems!.map((p) => [p.path, p.expected, p.found]));

describe('a saved market game read back', () => {
  it('a whole record reads as it was written', () => {
    expect(checkMarketSave(structuredClone(market))).toEqual({ ok: true, record: market });
    expect(checkTeamSave(structuredClone(team))).toEqual({ ok: true, record: team });
  });

  it('a damaged console save lists every problem at its path, with what was found', () => {
    const bad = { ...structuredClone(market), format: 'crm-sandbox-save', seats: [{ name: 'Team A', policy: null }, { name: 7 }], played: [[plan]], plans: 'none', round: -1, over: 'no', source: { kind: 'file', name: 'x.json' } } as unknown;
    expect(where(checkMarketSave(bad))).toEqual([
      ['format', 'marketFormat', { kind: 'text', value: 'crm-sandbox-save' }],
      ['source.text', 'text', { kind: 'missing' }],
      ['seats.1', 'seat', { kind: 'object' }],
      ['played.0', 'plans', { kind: 'list', count: 1 }],
      ['plans', 'plans', { kind: 'text', value: 'none' }],
      ['round', 'count', { kind: 'number', value: -1 }],
      ['over', 'boolean', { kind: 'text', value: 'no' }],
    ]);
    expect(where(checkMarketSave(null))).toEqual([['', 'marketSave', { kind: 'null' }]]);
  });

  it("a damaged team's save lists its problems the same way", () => {
    const bad = { ...structuredClone(team), file: null, own: 1.5, code: { round: 2 } } as unknown;
    expect(where(checkTeamSave(bad))).toEqual([
      ['file', 'marketFile', { kind: 'null' }],
      ['own', 'seatOrNone', { kind: 'number', value: 1.5 }],
      ['code', 'codeOrNone', { kind: 'object' }],
    ]);
    expect(where(checkTeamSave('{"format":"crm-sandbox-team-save"}'))).toEqual([['', 'teamSave', { kind: 'text', value: '{"format":"crm-sandbox-team-save"}' }]]);
  });
});
