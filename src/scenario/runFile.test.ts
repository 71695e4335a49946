import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MINIMAL_TEXT } from '../../test/scenario/helpers';
import { hashState, newGame, step, type Decisions, type ScenarioConfig } from '../sim/index';
import { loadScenario } from './load';
import { parseRunFile, renderRunFile, replayRun, verifyFailureText, verifyRun, type RunFile, type VerifyFailure } from './runFile';

function minimal(): ScenarioConfig {
  const r = loadScenario(MINIMAL_TEXT, 'minimal.json');
  if (!r.ok) throw new Error(r.errors[0]?.message);
  return r.scenario;
}

/** A game played with the status-quo decisions for as long as the engine accepts them. */
function recorded(scenario: ScenarioConfig, seed = 's1'): RunFile {
  let state = newGame(scenario, seed);
  const decisions: Decisions[] = [];
  while (state.status === 'running') {
    const r = step(scenario, state, scenario.initialDecisions);
    if (!r.ok) break;
    decisions.push(scenario.initialDecisions);
    state = r.state;
  }
  const text = renderRunFile({ scenario: { id: 'minimal', hash: state.scenarioHash }, overrides: [], seed, decisions, score: state.score, finalHash: hashState(state) });
  const p = parseRunFile(text, 'run.json');
  if (!p.ok) throw new Error(p.errors[0]?.message);
  return p.run;
}

const scenario = minimal();
const run = recorded(scenario);
const text = renderRunFile({ scenario: run.scenario, overrides: run.overrides, seed: run.seed, decisions: run.decisions, score: run.claim.score, finalHash: run.claim.finalHash });

/** The text with `change` applied to its parsed document. */
function edited(change: (doc: Record<string, unknown>) => void): string {
  const doc = JSON.parse(text) as Record<string, unknown>;
  change(doc);
  return JSON.stringify(doc, null, 2);
}

function errorsOf(t: string, lang: 'en' | 'zh-CN' = 'en') {
  const r = parseRunFile(t, 'run.json', lang);
  if (r.ok) throw new Error('expected errors');
  return r.errors;
}

describe('parseRunFile', () => {
  it('reads back what renderRunFile wrote', () => {
    const r = parseRunFile(text, 'run.json');
    expect(r).toEqual({ ok: true, run });
    expect(run.decisions.length).toBeGreaterThan(0);
    expect(run.claim.rounds).toBe(run.decisions.length);
  });

  it('defaults the overrides to none', () => {
    const r = parseRunFile(edited((d) => delete d.overrides), 'run.json');
    expect(r.ok && r.run.overrides).toEqual([]);
  });

  it('gives a syntax error its line and column', () => {
    const [e] = errorsOf('{\n  "format": "crm-sandbox-run",\n  "version": 1\n  "seed": "x"\n}');
    expect(e?.message).toBe("run.json:4:3: invalid JSON: expected ',' or '}', found '\"'");
  });

  it('says when a file is empty, another JSON file, or a scenario', () => {
    expect(errorsOf('  ')[0]?.message).toBe('run.json: expected an object, found an empty file');
    expect(errorsOf('[1, 2]')[0]?.message).toBe('run.json:1:1: this is not a CRM Sandbox run file: expected "format": "crm-sandbox-run", found a list of 2 items');
    expect(errorsOf('{"name": "crm-sandbox"}')[0]?.message).toBe('run.json:1:1: this is not a CRM Sandbox run file: expected "format": "crm-sandbox-run", found no "format" field');
    expect(errorsOf('{"format": "tldraw"}')[0]?.message).toBe('run.json:1:12 at format: this is not a CRM Sandbox run file: expected "format": "crm-sandbox-run", found "tldraw"');
    expect(errorsOf(MINIMAL_TEXT)[0]?.message).toBe('run.json:1:1: this is a scenario file, not a run file; use it with "run" or "validate"');
  });

  it('refuses a newer version, and names a wrong one', () => {
    expect(errorsOf(edited((d) => (d.version = 2)))[0]?.message).toMatch(/^run\.json:3:14 at version: this run file has version 2, but this CRM Sandbox reads only version 1/);
    expect(errorsOf(edited((d) => (d.version = '1')))[0]?.message).toBe('run.json:3:14 at version: expected 1, found "1"');
  });

  it('names the path, the line, what was expected and what was found', () => {
    const errors = errorsOf(edited((d) => {
      const first = (d.decisions as Record<string, unknown>[])[0] as { tiers: Record<string, unknown>[] };
      (first.tiers[0] as Record<string, unknown>).priceIndex = 3;
      (d.claim as Record<string, unknown>).score = null;
      d.seeds = 'x';
    }));
    const byPath = new Map(errors.map((e) => [e.path, e]));
    const price = byPath.get('decisions.0.tiers.0.priceIndex');
    expect(price?.expected).toBe('a number from 0.5 to 1.5');
    expect(price?.found).toBe('3');
    expect(price?.line).toBeGreaterThan(1);
    expect(price?.message).toMatch(/^run\.json:\d+:\d+ at decisions\.0\.tiers\.0\.priceIndex: expected a number from 0\.5 to 1\.5, found 3$/);
    expect(byPath.get('claim.score')?.message).toMatch(/expected a number, found null$/);
    expect(byPath.get('seeds')?.message).toMatch(/unknown field "seeds"; did you mean "seed"\?$/);
    // In document order.
    expect(errors.map((e) => e.line)).toEqual([...errors.map((e) => e.line)].sort((a, b) => a - b));
  });

  it('checks the scenario reference: an id with a hash, or an inline object', () => {
    expect(errorsOf(edited((d) => (d.scenario = { id: 'minimal' })))[0]?.message).toMatch(/at scenario\.hash: required field is missing/);
    expect(errorsOf(edited((d) => (d.scenario = { inline: 3 })))[0]?.message).toMatch(/at scenario\.inline: expected an object, found 3$/);
  });

  it('reports a duplicate key', () => {
    const t = text.replace('"seed": "s1"', '"seed": "s1", "seed": "s2"');
    expect(errorsOf(t)[0]?.message).toMatch(/^run\.json:\d+:\d+ at seed: field "seed" appears twice/);
  });

  it('speaks Chinese', () => {
    expect(errorsOf('{"a": 1}', 'zh-CN')[0]?.message).toBe('run.json 第1行第1列：这不是客户关系经营沙盘的运行记录文件：应有 "format": "crm-sandbox-run"，实际为 没有 "format" 字段');
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (t) => {
        const r = parseRunFile(t, 'x.json');
        return r.ok || r.errors.length > 0;
      }),
      { numRuns: 300 },
    );
  });
});

describe('replayRun and verifyRun', () => {
  it('replays to the claimed score and hash', () => {
    const r = replayRun(scenario, run);
    expect(r.ok && r.reports.length).toBe(run.decisions.length);
    expect(verifyRun(scenario, run)).toEqual({ ok: true, score: run.claim.score, finalHash: run.claim.finalHash, rounds: run.decisions.length });
  });

  it('reports a refused decision with its round and the engine\'s reasons', () => {
    const over = { ...run, decisions: [...run.decisions, scenario.initialDecisions] };
    const r = replayRun(scenario, over);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.round).toBe(run.decisions.length + 1);
    expect(r.problems.length).toBeGreaterThan(0);
    const v = verifyRun(scenario, over);
    expect(v.ok === false && v.failure.kind).toBe('refused');
  });

  it('fails a wrong score, hash or round count', () => {
    const fail = (claim: Partial<RunFile['claim']>) => {
      const v = verifyRun(scenario, { ...run, claim: { ...run.claim, ...claim } });
      return v.ok ? null : v.failure.kind;
    };
    expect(fail({ score: run.claim.score + 1e-9 })).toBe('score');
    expect(fail({ finalHash: '0000000000000000' })).toBe('finalHash');
    expect(fail({ rounds: 99 })).toBe('rounds');
    expect(fail({ rounds: undefined })).toBeNull();
  });

  it('notices another seed', () => {
    const v = verifyRun(scenario, { ...run, seed: 's2' });
    expect(v.ok).toBe(false);
  });

  it('explains each failure in both languages', () => {
    const failures: VerifyFailure[] = [
      { kind: 'refused', round: 3, problems: [{ code: 'overBudget', path: '', value: 1200, limit: 1000 }] },
      { kind: 'rounds', claimed: 4, actual: 3 },
      { kind: 'score', claimed: 1.5, actual: 2 },
      { kind: 'finalHash', claimed: 'aa', actual: 'bb' },
    ];
    expect(failures.map((f) => verifyFailureText(f, 'en'))).toEqual([
      "the engine refused the decisions of round 3: The plan spends 1,200, more than this quarter's budget of 1,000.",
      'the file claims 4 rounds, but it holds decisions for 3',
      "the claimed score 1.5 does not match the replay's 2",
      "the claimed final hash aa does not match the replay's bb",
    ]);
    expect(verifyFailureText(failures[0] as VerifyFailure, 'zh-CN')).toBe('引擎拒绝了第 3 回合的决策：计划支出 1,200，超过本季度预算 1,000。');
  });
});
