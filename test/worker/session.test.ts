// The worker's game logic, driven directly in Node: the page sees exactly what the engine
// computes (same hashes as the command line's replay), refused plans change nothing, the
// customer database shows observed data only, and exported run files verify and import.
import { describe, expect, it } from 'vitest';
import { parseRunFile, verifyRun } from '../../src/scenario/runFile';
import { hashState, validateDecisions } from '../../src/sim/index';
import { STAGE_NAMES } from '../../src/sim/state';
import { EV_FAILURE } from '../../src/sim/report';
import { advance, exportRun, importRun, loadSource, preview, query, record, rewind, snapshot, table } from '../../src/worker/session';
import { BUILTIN_IDS } from '../../src/worker/builtins';
import { transferableCopy } from '../../src/worker/customers';
import { builtin, play } from '../helpers';
import { startBuiltinSession } from './sessions';

const start = startBuiltinSession;
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('worker session', () => {
  it('knows every built-in scenario', () => {
    expect(BUILTIN_IDS).toEqual(['ad-agency', 'hotel', 'hotel-district', 'retail-bank', 'tutorial']);
  });

  it('reports, quarter by quarter, the same state hashes as a replay outside the worker', async () => {
    const ref = play(builtin('ad-agency'), 'class-7', 'value-based');
    const s = await start('ad-agency', 'class-7');
    for (const [i, d] of ref.decisions.slice(0, 5).entries()) {
      const r = advance(s, d);
      expect(r.ok).toBe(true);
      if (r.ok) {
        expect(r.summary.hash).toBe(ref.reports[i]!.hash);
        expect(r.view.hash).toBe(ref.reports[i]!.hash);
        expect(r.summary.round).toBe(i + 1);
        expect(r.view.round).toBe(i + 1);
      }
    }
    expect(hashState(s.state)).toBe(ref.reports[4]!.hash);
  });

  it('previews with the engine\'s own reasons, and a refused quarter changes nothing', async () => {
    const s = await start('ad-agency', 'p');
    const d = structuredClone(s.state.lastDecisions);
    d.brandSpend = s.state.firm.budget * 10;
    const p = preview(s, d, 'zh-CN');
    expect(p.problems.map((x) => x.code)).toEqual(['overBudget']);
    expect(p.problems).toEqual(validateDecisions(s.scenario, s.state, d).map((x) => ({ ...x, text: expect.any(String) })));
    expect(p.problems[0]!.text).toMatch(/超过本季度预算/);
    expect(p.use!.spend).toBeGreaterThan(p.use!.budget);
    const before = hashState(s.state);
    const r = advance(s, d);
    expect(r.ok).toBe(false);
    expect(hashState(s.state)).toBe(before);
    expect(s.summaries).toHaveLength(0);
    expect(s.decisions).toHaveLength(0);
  });

  it('reports each objective\'s value when it is checked, agreeing with what the engine scored as met', async () => {
    const sc = builtin('tutorial');
    const ref = play(sc, 'obj', 'value-based');
    const s = await start('tutorial', 'obj', ref.decisions);
    // Objectives on true KPIs (satisfaction...) come with the truth of the finished game.
    const checked = [...s.summaries.flatMap((x) => x.objectives), ...snapshot(s).truth!.rounds.flatMap((x) => x.objectives)];
    expect(checked.map((o) => o.id).sort()).toEqual(sc.objectives.map((o) => o.id).sort());
    for (const o of sc.objectives) {
      const v = checked.find((c) => c.id === o.id)!.value;
      const met = v !== null && (o.op === '>=' ? v >= o.target : v <= o.target);
      expect(met, o.id).toBe(s.state.objectivesMet.includes(o.id));
    }
  });

  it('hands the page a copy of the customer table that shares no memory with the cache', async () => {
    const s = await start('ad-agency', 'copy');
    const t = table(s);
    const { table: copy, buffers } = transferableCopy(t);
    expect(buffers).toHaveLength(16);
    expect(copy.count).toBe(t.count);
    expect([...copy.revenue]).toEqual([...t.revenue]);
    for (const b of buffers) for (const a of [t.tier, t.revenue, t.cumRevenue, t.referredBy]) expect(b).not.toBe(a.buffer);
  });

  it('previews how many customers land in each tier', async () => {
    const s = await start('hotel', 'tiers');
    const d = structuredClone(s.state.lastDecisions);
    const p = preview(s, d);
    expect(p.problems).toEqual([]);
    expect(p.use!.tierCounts.reduce((a, b) => a + b, 0)).toBe(s.state.initialCount);
    // A value out of range: the plan cannot be costed, and the preview says so rather than show zeros.
    d.tiers[0]!.serviceHours = 20_000;
    const bad = preview(s, d);
    expect(bad.use).toBeNull();
    expect(bad.problems.map((x) => `${x.code}:${x.path}`)).toEqual(['outOfRange:tiers.0.serviceHours']);
  });

  it('shows only what the firm can observe in the customer database', async () => {
    const ref = play(builtin('ad-agency'), 'db', 'value-based');
    const s = await start('ad-agency', 'db', ref.decisions.slice(0, 3));
    const t = table(s);
    for (const hidden of ['satisfaction', 'loyalty', 'shareOfWallet', 'expectation', 'wallet', 'orientation']) expect(Object.keys(t)).not.toContain(hidden);
    expect(t.count).toBe(s.state.customers.count);
    // Lapsed customers are in no tier of the firm's.
    const lapsed = [...t.status.keys()].filter((i) => t.status[i] === 1);
    expect(lapsed.length).toBeGreaterThan(0);
    for (const i of lapsed) expect(t.tier[i]).toBe(255);
    // Sorted by trailing revenue, highest first, ties by id.
    const order = query(s, 'revenue', true, {});
    expect(order.length).toBe(t.count);
    for (let k = 1; k < order.length; k++) {
      const a = t.revenue[order[k - 1]!]!;
      const b = t.revenue[order[k]!]!;
      expect(a > b || (a === b && order[k - 1]! < order[k]!)).toBe(true);
    }
    // Filters: one tier, active only.
    const top = query(s, 'id', false, { tier: 0, status: 0 });
    expect(top.length).toBeGreaterThan(0);
    for (const i of top) expect([t.tier[i], t.status[i]]).toEqual([0, 0]);
    expect(STAGE_NAMES[t.stage[top[0]!]!]).toBeDefined();
  });

  it('gives each customer\'s history: tier every quarter and its failures', async () => {
    const ref = play(builtin('ad-agency'), 'rec', 'value-based');
    const s = await start('ad-agency', 'rec', ref.decisions.slice(0, 4));
    const failing = s.traces.flatMap((tr, r) => {
      const ev = tr.events;
      const out: { id: number; round: number }[] = [];
      for (let e = 0; e < ev.count; e++) if (ev.kind[e] === EV_FAILURE) out.push({ id: ev.customer[e]!, round: r + 1 });
      return out;
    });
    expect(failing.length).toBeGreaterThan(0);
    const { id, round } = failing[0]!;
    const rec = record(s, id)!;
    expect(rec.tiers).toHaveLength(4);
    expect(rec.events.some((e) => e.kind === EV_FAILURE && e.round === round)).toBe(true);
    expect(rec.tiers[3]).toBe(s.state.customers.tier[id]);
    expect(record(s, -1)).toBeNull();
    expect(record(s, s.state.customers.count)).toBeNull();
  });

  it('rewinds by replaying: the same hashes as before', async () => {
    const ref = play(builtin('tutorial'), 'rw', 'uniform');
    const s = await start('tutorial', 'rw', ref.decisions.slice(0, 4));
    const back = rewind(s, 2);
    expect(back.summaries.map((x) => x.hash)).toEqual(s.summaries.slice(0, 2).map((x) => x.hash));
    expect(snapshot(back).view.round).toBe(2);
  });

  it('exports a run file that the command line\'s verify accepts, and imports it back', async () => {
    const ref = play(builtin('tutorial'), 'exp', 'value-based');
    const s = await start('tutorial', 'exp', ref.decisions.slice(0, 3));
    const { text, fileName } = exportRun(s);
    expect(fileName).toMatch(/^tutorial-exp-q3\.crm-run\.json$/);
    const parsed = parseRunFile(text, fileName);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const v = verifyRun(builtin('tutorial'), parsed.run);
    expect(v).toEqual({ ok: true, score: s.state.score, finalHash: s.summaries[2]!.hash, rounds: 3 });
    const back = await importRun(utf8(text), fileName, 'en');
    expect(back.ok).toBe(true);
    if (back.ok) expect(back.session.summaries.map((x) => x.hash)).toEqual(s.summaries.map((x) => x.hash));
  });

  it('refuses a tampered, foreign or broken save file with a reason', async () => {
    const ref = play(builtin('tutorial'), 'bad', 'value-based');
    const s = await start('tutorial', 'bad', ref.decisions.slice(0, 2));
    const good = JSON.parse(exportRun(s).text);
    good.seed = 'someone-else';
    const tampered = await importRun(utf8(JSON.stringify(good, null, 2)), 'x.json', 'en');
    expect(tampered.ok).toBe(false);
    if (!tampered.ok && tampered.failure.kind === 'runFile') expect(tampered.failure.errors.map((e) => e.path)).toContain('claim.finalHash');
    else expect.unreachable('expected the claim to fail');
    const foreign = await importRun(utf8('{"hello": 1}'), 'other.json', 'zh-CN');
    expect(foreign.ok).toBe(false);
    if (!foreign.ok && foreign.failure.kind === 'runFile') {
      expect(foreign.failure.errors[0]!.file).toBe('other.json');
      expect(foreign.failure.errors[0]!.message).toContain('crm-sandbox-run');
    } else expect.unreachable('expected a run-file error');
    const syntax = await importRun(utf8('{"format": '), 'cut.json', 'en');
    expect(syntax.ok).toBe(false);
    if (!syntax.ok && syntax.failure.kind === 'runFile') expect(syntax.failure.errors[0]!.line).toBe(1);
  });

  it('reports a broken scenario file with file, line and path', async () => {
    const text = JSON.stringify({ ...JSON.parse(JSON.stringify(builtin('tutorial'))), rounds: 'twelve' }, null, 2);
    const r = await loadSource({ kind: 'file', name: 'mine.json', text }, 'en');
    expect(r.ok).toBe(false);
    if (!r.ok && r.failure.kind === 'scenario') {
      const e = r.failure.errors.find((x) => x.path === 'rounds');
      expect(e?.file).toBe('mine.json');
      expect(e?.line).toBeGreaterThan(1);
    } else expect.unreachable('expected scenario errors');
  });
});
