/** Issue 15: class codes on the command line (`run --class --player`) and grading a folder (`class`): the JSON shape other tools read. */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyOverrides } from '../../src/scenario/override';
import { parseRunFile, renderRunFile, replayRun } from '../../src/scenario/runFile';
import { validateScenarioJson } from '../../src/scenario/load';
import { hashJson, hashState, newGame } from '../../src/sim/index';
import { playGame, policyById } from '../../src/policies/index';
import { ROOT, STACK_LINE, cli, tempDir } from './harness';

interface ClassDoc {
  class: string;
  files: { file: string; player: string | null; status: string; score: number | null; rank: number | null; copyOf: string | null; reason: string | null }[];
}

let dir: string;
const save = async (file: string, ...args: string[]) => {
  const r = await cli(['run', 'tutorial', '--policy', ...args, '--save', join(dir, file)]);
  expect(r.code, r.err).toBe(0);
};

beforeAll(async () => {
  dir = tempDir();
  await save('honest-a.json', 'value-based', '--class', 'crm-2026-a', '--player', 'Li Wei');
  await save('honest-b.json', 'uniform', '--class', 'CRM-2026-A', '--player', '王芳');
  await save('other-class.json', 'value-based', '--class', 'CRM-2026-B', '--player', 'Zhang');
  // A copy: Li Wei's game under another name, one plan value nudged and the claim replayed, so that it verifies.
  const a = parseRunFile(readFileSync(join(dir, 'honest-a.json'), 'utf8'), 'honest-a.json');
  if (!a.ok) throw new Error('honest-a.json does not parse');
  const decisions = a.run.decisions.map((d, q) => (q === 5 ? { ...d, brandSpend: d.brandSpend + 500 } : d));
  const applied = applyOverrides(JSON.parse(readFileSync(join(ROOT, 'scenarios/tutorial.json'), 'utf8')), a.run.overrides);
  const loaded = applied.ok ? validateScenarioJson(applied.json, 'tutorial.json') : null;
  if (!loaded?.ok) throw new Error('the class variant does not load');
  const replayed = replayRun(loaded.scenario, { seed: a.run.seed, decisions });
  if (!replayed.ok) throw new Error('the nudged copy is refused');
  writeFileSync(join(dir, 'copy.json'), renderRunFile({
    scenario: a.run.scenario, overrides: a.run.overrides, seed: a.run.seed, classCode: a.run.classCode, player: 'Copycat', decisions, score: replayed.state.score, finalHash: hashState(replayed.state),
  }));
  // Tampered: a better score claimed.
  const b = JSON.parse(readFileSync(join(dir, 'honest-b.json'), 'utf8')) as { claim: { score: number }; player: string; overrides: string[] };
  writeFileSync(join(dir, 'tampered.json'), JSON.stringify({ ...b, player: 'Cheater', claim: { ...b.claim, score: b.claim.score + 10 } }, null, 2));
  // Tampered another way: the class's variant replaced by an easier rival, with the scenario hash and the claim made to match.
  const easy = ['rival.pressure=0.7', ...b.overrides.slice(1)];
  const easier = applyOverrides(JSON.parse(readFileSync(join(ROOT, 'scenarios/tutorial.json'), 'utf8')), easy);
  const easyScenario = easier.ok ? validateScenarioJson(easier.json, 'tutorial.json') : null;
  if (!easyScenario?.ok) throw new Error('the easier variant does not load');
  const easyGame = playGame(easyScenario.scenario, newGame(easyScenario.scenario, 'CRM-2026-A'), policyById('uniform')!);
  writeFileSync(join(dir, 'variant.json'), renderRunFile({
    scenario: { id: 'tutorial', hash: hashJson(easyScenario.scenario) }, overrides: easy, seed: 'CRM-2026-A', classCode: 'CRM-2026-A', player: 'Easy',
    decisions: easyGame.rounds.map((r) => r.decisions), score: easyGame.state.score, finalHash: hashState(easyGame.state),
  }));
  writeFileSync(join(dir, 'broken.json'), '{"format": "crm-sandbox-run"');
  mkdirSync(join(dir, 'drafts'));
}, 120_000);

describe('npm run sim -- run --class', () => {
  it('the class code is the seed and sets the class\'s variant, recorded as the first overrides with the code and the player; verify accepts the file', async () => {
    const run = JSON.parse(readFileSync(join(dir, 'honest-a.json'), 'utf8')) as { seed: string; classCode: string; player: string; overrides: string[] };
    expect(run.seed).toBe('CRM-2026-A');
    expect(run.classCode).toBe('CRM-2026-A');
    expect(run.player).toBe('Li Wei');
    expect(run.overrides.map((o) => o.split('=')[0])).toEqual(['rival.pressure', 'rival.priceIndex', 'firm.budget.base']);
    const again = JSON.parse(readFileSync(join(dir, 'honest-b.json'), 'utf8')) as { overrides: string[] };
    expect(again.overrides).toEqual(run.overrides);
    const v = await cli(['verify', join(dir, 'honest-a.json')]);
    expect(v.code, v.err).toBe(0);
  });
  it('--class with --seed, or a code of the wrong shape, is a usage error', async () => {
    for (const args of [['--class', 'A-1', '--seed', '3'], ['--class', 'no spaces'], ['--class', 'x']]) {
      const r = await cli(['run', 'tutorial', '--policy', 'uniform', ...args]);
      expect(r.code).toBe(64);
      expect(r.err).toContain('--class');
      expect(r.err).not.toMatch(STACK_LINE);
    }
  });
});

describe('npm run sim -- class', () => {
  it('--json: each file verified, copy (naming whose: both of a pair), tampered, foreign-class or invalid, ranked by score; the same in one worker and two', async () => {
    const one = await cli(['class', dir, '--class', 'crm-2026-a', '--json', '--workers', '1']);
    const two = await cli(['class', dir, '--class', 'CRM-2026-A', '--json', '--workers', '2']);
    expect(one.code, one.err).toBe(0);
    expect(two.out).toBe(one.out);
    const doc = JSON.parse(one.out) as ClassDoc;
    expect(doc.class).toBe('CRM-2026-A');
    const by = Object.fromEntries(doc.files.map((f) => [f.file, f]));
    expect(Object.keys(by).sort()).toEqual(['broken.json', 'copy.json', 'honest-a.json', 'honest-b.json', 'other-class.json', 'tampered.json', 'variant.json']);
    expect(by['honest-a.json']).toMatchObject({ player: 'Li Wei', status: 'copy', copyOf: 'Copycat' });
    expect(by['honest-b.json']).toMatchObject({ player: '王芳', status: 'verified' });
    expect(by['copy.json']).toMatchObject({ player: 'Copycat', status: 'copy', copyOf: 'Li Wei' });
    expect(by['other-class.json']).toMatchObject({ status: 'foreign-class', score: null, rank: null });
    expect(by['other-class.json']!.reason).toContain('CRM-2026-B');
    expect(by['tampered.json']).toMatchObject({ status: 'tampered', rank: null });
    expect(by['tampered.json']!.reason).toContain('claim.score');
    expect(by['variant.json']).toMatchObject({ status: 'tampered' });
    expect(by['variant.json']!.reason).toContain('variant');
    expect(by['broken.json']).toMatchObject({ status: 'invalid', player: null });
    expect(by['broken.json']!.reason).toContain('broken.json');
    // Ranks by score among the games that stand (a copy is ranked, and said to be one).
    const ranked = doc.files.filter((f) => f.rank !== null).sort((x, y) => x.rank! - y.rank!);
    expect(ranked.map((f) => f.file).sort()).toEqual(['copy.json', 'honest-a.json', 'honest-b.json']);
    for (let i = 1; i < ranked.length; i++) expect(ranked[i]!.score!).toBeLessThanOrEqual(ranked[i - 1]!.score!);
  }, 120_000);
  it('--csv writes the gradebook with a byte-order mark and headers in the instructor\'s language', async () => {
    const csv = join(dir, '..', `grades-${Date.now()}.csv`);
    const r = await cli(['class', dir, '--class', 'CRM-2026-A', '--csv', csv, '--lang', 'zh-CN']);
    expect(r.code, r.err).toBe(0);
    const text = readFileSync(csv, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [head, ...rows] = text.slice(1).trimEnd().split('\r\n');
    expect(head).toBe('玩家,班级,状态,得分,名次,客户资产,累计利润,客户满意度,抄袭自,文件,原因');
    expect(rows).toHaveLength(7);
    expect(rows.find((l) => l.startsWith('Copycat,'))).toContain(',抄袭,');
    expect(r.out).toContain('copy of Li Wei');
  }, 120_000);
  it('a folder that does not exist, or no --class, is a clear error', async () => {
    const none = await cli(['class', join(dir, 'nope'), '--class', 'CRM-2026-A']);
    expect(none.code).toBe(1);
    expect(none.err).toContain('nope');
    const noCode = await cli(['class', dir]);
    expect(noCode.code).toBe(64);
    expect(noCode.err).toContain('--class');
  });
});
