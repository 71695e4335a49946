/** Issue 14: a team's plan as a decision code (src/scenario/planCode.ts), what the facilitator's console accepts and refuses. */
import { describe, expect, it } from 'vitest';
import { acceptPlanCode, decodePlanCode, encodePlanCode, marketId, planFileName, type CodeTarget } from '../../src/scenario/planCode';
import { hashJson } from '../../src/sim/hash';
import { builtin } from '../helpers';

const names = ['Team A', 'Team B', 'Team C', 'Team D'];
const id = marketId(hashJson(builtin('hotel')), 'CRM-2026-A', names);
const target: CodeTarget = {
  market: id,
  round: 3,
  firms: names.map((name, i) => ({ name, team: i < 3, playing: i !== 2 })),
};
const plan = { market: id, firm: 'Team B', round: 3, decisions: structuredClone(builtin('hotel').initialDecisions) };

describe('decision codes', () => {
  it('carry a plan exactly, and are short enough for a chat message', async () => {
    for (const sc of ['tutorial', 'ad-agency', 'hotel', 'retail-bank']) {
      const d = structuredClone(builtin(sc).initialDecisions);
      const code = await encodePlanCode({ ...plan, decisions: d });
      expect(code).toMatch(/^CRM1\.[A-Za-z0-9_-]+\.[0-9a-f]{8}$/);
      // A WeChat or Teams message takes thousands of characters; these are well under one.
      expect(code.length, sc).toBeLessThan(1000);
      const back = await decodePlanCode(code);
      expect(back).toEqual({ ok: true, plan: { ...plan, decisions: d } });
    }
  });

  it('survive the spaces and line breaks a chat app adds', async () => {
    const code = await encodePlanCode(plan);
    const wrapped = `  ${code.slice(0, 40)}\n${code.slice(40, 90)} \r\n${code.slice(90)}\n`;
    expect(await decodePlanCode(wrapped)).toEqual({ ok: true, plan });
  });

  it('say so when a code is cut short, mistyped or not a code at all', async () => {
    const code = await encodePlanCode(plan);
    const at = 30;
    const typo = code.slice(0, at) + (code[at] === 'A' ? 'B' : 'A') + code.slice(at + 1);
    expect(await decodePlanCode(typo)).toEqual({ ok: false, reason: expect.stringContaining('damaged') });
    expect(await decodePlanCode(code.slice(0, code.length - 20))).toMatchObject({ ok: false });
    expect(await decodePlanCode('hello team')).toEqual({ ok: false, reason: expect.stringContaining('not a decision code') });
    expect(await decodePlanCode('')).toEqual({ ok: false, reason: expect.stringContaining('no code') });
    expect(await decodePlanCode('CRM2.abc.12345678')).toEqual({ ok: false, reason: expect.stringContaining('version 2') });
    expect(await decodePlanCode(typo, 'zh-CN')).toEqual({ ok: false, reason: expect.stringContaining('损坏') });
  });

  it('refuse a payload that checks out but is not a plan of this game', async () => {
    // A checksum is not a signature: a payload made by hand passes it, and the plan's own check catches it.
    const bad = await encodePlanCode({ ...plan, decisions: { ...plan.decisions, tiers: 'many' } as never });
    expect(await decodePlanCode(bad)).toEqual({ ok: false, reason: expect.stringContaining('not a plan of this game') });
  });

  it('go to the seat of the team that sent them, in this market and this quarter only', async () => {
    const code = await encodePlanCode(plan);
    expect(await acceptPlanCode(code, target)).toEqual({ ok: true, seat: 1, plan });
    const other = { ...target, market: marketId(hashJson(builtin('hotel')), 'another seed', names) };
    expect(await acceptPlanCode(code, other)).toEqual({ ok: false, reason: expect.stringContaining('another market') });
    expect(await acceptPlanCode(code, { ...target, round: 4 })).toEqual({ ok: false, reason: expect.stringContaining('quarter 3, but the market is deciding quarter 4') });
    expect(await acceptPlanCode(await encodePlanCode({ ...plan, firm: 'Team D' }), target)).toEqual({ ok: false, reason: expect.stringContaining('run by the computer') });
    expect(await acceptPlanCode(await encodePlanCode({ ...plan, firm: 'Team C' }), target)).toEqual({ ok: false, reason: expect.stringContaining('no longer plays') });
    expect(await acceptPlanCode(await encodePlanCode({ ...plan, firm: 'Team E' }), target)).toEqual({ ok: false, reason: expect.stringContaining('no team of this market') });
  });

  it('name their files after the firm and the quarter', () => {
    expect(planFileName('Team A', 2)).toBe('Team_A-q2.crm-plan.txt');
    expect(planFileName('红队/1', 10)).toBe('红队_1-q10.crm-plan.txt');
  });

  it('tie a market to its scenario, seed and firms', () => {
    const h = hashJson(builtin('hotel'));
    expect(marketId(h, 's', names)).toMatch(/^[0-9a-f]{12}$/);
    expect(marketId(h, 's', names)).toBe(marketId(h, 's', [...names]));
    expect(marketId(h, 's', names)).not.toBe(marketId(h, 's', [names[1]!, names[0]!, names[2]!, names[3]!]));
    expect(marketId(h, 's', names)).not.toBe(marketId(hashJson(builtin('tutorial')), 's', names));
  });
});
