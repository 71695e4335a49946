import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MINIMAL, ROOT, STACK_LINE, cli, tempDir } from './harness';

type Json = Record<string, unknown>;
const read = (p: string): Json => JSON.parse(readFileSync(p, 'utf8')) as Json;
const decisionsOf = (doc: Json): Json[] => doc.decisions as Json[];

/** Writes a modified copy of a run file and returns its path. */
function tamper(dir: string, from: string, name: string, change: (doc: Json) => void): string {
  const doc = read(from);
  change(doc);
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(doc, null, 2));
  return path;
}

describe('run --save, replay and verify', () => {
  let dir = '';
  let agency = '';
  let minimal = '';
  let agencyRun = { score: 0, finalHash: '', rounds: 0 };

  beforeAll(async () => {
    dir = tempDir();
    agency = join(dir, 'agency.run.json');
    minimal = join(dir, 'minimal.run.json');
    const a = await cli(['run', 'ad-agency', '--seed', 'class-7', '--policy', 'random', '--set', 'model.churn.scale=1.5', '--save', agency, '--json']);
    expect(a.code).toBe(0);
    expect(a.err).toContain(`wrote ${agency}`);
    const doc = JSON.parse(a.out) as { score: number; finalHash: string; rounds: unknown[] };
    agencyRun = { score: doc.score, finalHash: doc.finalHash, rounds: doc.rounds.length };
    const m = await cli(['run', 'minimal-scenario.json', '--seed', '3', '--policy', 'uniform', '--save', minimal], { cwd: join(MINIMAL, '..') });
    expect(m.code).toBe(0);
  });

  it('records a built-in by id and hash, an inline scenario for a file, the overrides, seed, decisions and claim', () => {
    const a = read(agency);
    expect(a.format).toBe('crm-sandbox-run');
    expect(a.version).toBe(1);
    expect(a.scenario).toEqual({ id: 'ad-agency', hash: expect.stringMatching(/^[0-9a-f]{16}$/) as unknown });
    expect(a.overrides).toEqual(['model.churn.scale=1.5']);
    expect(a.seed).toBe('class-7');
    expect(decisionsOf(a).length).toBe(agencyRun.rounds);
    expect(a.claim).toEqual(agencyRun);
    const m = read(minimal);
    const inline = (m.scenario as { inline: Json }).inline;
    expect(inline.id).toBe('minimal');
    expect(inline.$schema).toBeUndefined();
    expect(m.overrides).toEqual([]);
  });

  it('verify says OK for untouched files, with score and hash', async () => {
    const r = await cli(['verify', agency, minimal]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`OK ${agency} score ${agencyRun.score.toFixed(2)} hash ${agencyRun.finalHash} (${agencyRun.rounds} rounds)`);
    expect(r.out).toMatch(new RegExp(`^OK ${minimal} score `, 'm'));
  });

  it('replay prints the same table as run and says the claim holds', async () => {
    const r = await cli(['replay', agency]);
    expect(r.code).toBe(0);
    const run = await cli(['run', 'ad-agency', '--seed', 'class-7', '--policy', 'random', '--set', 'model.churn.scale=1.5']);
    const table = (s: string): string => s.slice(s.indexOf('\nround'), s.indexOf('finalHash'));
    expect(table(r.out)).toBe(table(run.out));
    expect(r.out).toContain(`finalHash  ${agencyRun.finalHash}`);
    expect(r.out).toContain('the claim in the file holds');
    const json = await cli(['replay', agency, '--json']);
    const doc = JSON.parse(json.out) as { finalHash: string; claim: { holds: boolean } };
    expect(doc.finalHash).toBe(agencyRun.finalHash);
    expect(doc.claim.holds).toBe(true);
  });

  it('verify fails on a tampered score, and the exit code is 1 if any file fails', async () => {
    const bad = tamper(dir, agency, 'score.json', (d) => void ((d.claim as Json).score = agencyRun.score + 1));
    const r = await cli(['verify', minimal, bad]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^OK .*minimal\.run\.json/m);
    expect(r.out).toMatch(new RegExp(`^FAIL ${bad}:\\d+:\\d+ at claim\\.score: the claimed score ${agencyRun.score + 1} does not match the replay's ${agencyRun.score}$`, 'm'));
    // Only the score was changed: the rounds and the final hash still hold, so nothing else is reported.
    expect(r.out).not.toContain('claim.finalHash');
    expect(r.out).not.toContain('claim.rounds');
  });

  it('verify fails when one decision was changed', async () => {
    // The last round's, so that no later round is refused for a budget it changed.
    const bad = tamper(dir, agency, 'decision.json', (d) => {
      const people = decisionsOf(d).at(-1)?.people as Json;
      people.wageIndex = (people.wageIndex as number) === 1.2 ? 1.1 : 1.2;
    });
    const r = await cli(['verify', bad]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(new RegExp(`^FAIL ${bad}:\\d+:\\d+ at claim\\.(score|finalHash): the claimed (score|final hash)`, 'm'));
  });

  it('a decision the engine refuses is reported with its round and the engine\'s reason', async () => {
    const bad = tamper(dir, agency, 'refused.json', (d) => void ((decisionsOf(d)[4] as Json).brandSpend = 9e11));
    const r = await cli(['verify', bad]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(new RegExp(`^FAIL ${bad}:\\d+:\\d+ at decisions\\.4: the engine refused the decisions of round 5: .*budget`, 'm'));
    const replay = await cli(['replay', bad, '--lang', 'zh-CN']);
    expect(replay.code).toBe(1);
    expect(replay.err).toContain('引擎拒绝了第 5 回合的决策');
  });

  it('a built-in that changed since the recording is named', async () => {
    const bad = tamper(dir, agency, 'old.json', (d) => void ((d.scenario as Json).hash = '0123456789abcdef'));
    const r = await cli(['verify', bad]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(new RegExp(`^FAIL ${bad}:6:\\d+ at scenario\\.hash: the built-in scenario "ad-agency" \\(with this file's --set overrides\\) has changed since this run was recorded \\(scenario hash 0123456789abcdef, now [0-9a-f]{16}\\)`, 'm'));
  });

  it('the run file\'s overrides are part of the replay', async () => {
    const bad = tamper(dir, minimal, 'overrides.json', (d) => void (d.overrides = ['model.churn.scale=2']));
    const r = await cli(['verify', bad]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^FAIL .*overrides\.json:\d+:\d+ at claim\.score: the claimed/m);
  });

  it('broken, foreign and missing files fail with a reason and no stack', async () => {
    const broken = tamper(dir, minimal, 'broken.json', (d) => {
      (decisionsOf(d)[0]?.people as Json).hires = -1;
      (d.claim as Json).finalHash = 42;
    });
    const r = await cli(['verify', broken, join(ROOT, 'package.json'), MINIMAL, join(dir, 'none.json')]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^FAIL .*broken\.json:\d+:\d+ at decisions\.0\.people\.hires: expected an integer from 0 to 100,000, found -1$/m);
    expect(r.out).toMatch(/^ {2}.*broken\.json:\d+:\d+ at claim\.finalHash: expected .*found 42$/m);
    expect(r.out).toMatch(/^FAIL .*package\.json:1:1: this is not a CRM Sandbox run file/m);
    expect(r.out).toMatch(/^FAIL .*minimal-scenario\.json:1:1: this is a scenario file, not a run file/m);
    expect(r.out).toContain(`FAIL ${join(dir, 'none.json')}: cannot read`);
    expect(r.out + r.err).not.toMatch(STACK_LINE);
  });

  it('an inline scenario with a problem names the run file and the path', async () => {
    const bad = tamper(dir, minimal, 'inline.json', (d) => void ((d.scenario as { inline: Json }).inline.rounds = 1));
    const r = await cli(['verify', bad]);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`FAIL ${bad} (scenario.inline) at rounds: expected an integer from 4 to 40, found 1`);
  });
});
