import { describe, expect, it } from 'vitest';
import { MINIMAL, STACK_LINE, cli } from './harness';

interface RunJson {
  scenario: string;
  seed: string;
  rounds: { round: number; hash: string; kpis: Record<string, number>; score: number }[];
  score: number;
  finalHash: string;
}

async function runJson(args: string[]): Promise<RunJson> {
  const r = await cli(['run', ...args, '--json']);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as RunJson;
}

describe('run', () => {
  it('--json prints one JSON document with rounds, hashes, score and finalHash', async () => {
    const doc = await runJson(['ad-agency', '--seed', '1', '--policy', 'value-based']);
    expect(doc.scenario).toBe('ad-agency');
    expect(doc.rounds.length).toBeGreaterThan(1);
    for (const [i, r] of doc.rounds.entries()) {
      expect(r.round).toBe(i + 1);
      expect(r.hash).toMatch(/^[0-9a-f]{16}$/);
      expect(Object.keys(r.kpis)).toEqual(expect.arrayContaining(['customers', 'revenue', 'profit', 'cash', 'satisfaction', 'workload']));
    }
    expect(typeof doc.score).toBe('number');
    expect(doc.finalHash).toBe(doc.rounds.at(-1)?.hash);
    expect(doc.score).toBe(doc.rounds.at(-1)?.score);
  });

  it('is deterministic in the seed; another seed gives another game', async () => {
    const a = await runJson([MINIMAL, '--seed', '7', '--policy', 'uniform']);
    const b = await runJson([MINIMAL, '--seed', '7', '--policy', 'uniform']);
    const c = await runJson([MINIMAL, '--seed', '8', '--policy', 'uniform']);
    expect(b.finalHash).toBe(a.finalHash);
    expect(b.score).toBe(a.score);
    expect(c.finalHash).not.toBe(a.finalHash);
  });

  it('takes any text as a seed (a class code), and numbers as written', async () => {
    const doc = await runJson([MINIMAL, '--seed', 'MKT-2025-B', '--policy', 'random']);
    expect(doc.seed).toBe('MKT-2025-B');
    const neg = await runJson([MINIMAL, '--seed', '-5', '--policy', 'random']);
    expect(neg.seed).toBe('-5');
  });

  it('--set changes a model coefficient and so the game', async () => {
    const base = await runJson([MINIMAL, '--seed', '1', '--policy', 'uniform']);
    const what = await runJson([MINIMAL, '--seed', '1', '--policy', 'uniform', '--set', 'model.churn.scale=2']);
    expect(what.finalHash).not.toBe(base.finalHash);
  });

  it('--set on a field that does not exist is an error naming the path', async () => {
    const r = await cli(['run', MINIMAL, '--seed', '1', '--policy', 'uniform', '--set', 'model.nope.x=1']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('at model.nope: unknown field "nope"');
    expect(r.out).toBe('');
  });

  it('--set with a bad value or a malformed override says which', async () => {
    const r = await cli(['run', MINIMAL, '--seed', '1', '--policy', 'uniform', '--set', 'rounds=400', '--set', 'noequals']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('--set "noequals": expected path=value');
    const v = await cli(['run', MINIMAL, '--seed', '1', '--policy', 'uniform', '--set', 'rounds=400']);
    expect(v.err).toContain('at rounds: expected an integer from 4 to 40, found 400');
  });

  it('prints an aligned table, one line per round, then score and finalHash', async () => {
    const r = await cli(['run', 'ad-agency', '--seed', '1', '--policy', 'value-based']);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    const head = lines.find((l) => l.startsWith('round'));
    expect(head).toMatch(/round\s+customers\s+revenue\s+profit\s+cash\s+sat\.\(true\)\s+wallet share\s+retention\s+cust\. equity\s+emp\. sat\.\s+workload\s+hash/);
    const json = await runJson(['ad-agency', '--seed', '1', '--policy', 'value-based']);
    const rows = lines.filter((l) => /^\s*\d+\s/.test(l));
    expect(rows.length).toBe(json.rounds.length);
    expect(new Set(rows.map((l) => l.length)).size).toBe(1);
    expect(rows[0]).toContain('CN¥');
    for (const [i, row] of rows.entries()) expect(row.endsWith(json.rounds[i]?.hash ?? '?')).toBe(true);
    expect(r.out).toMatch(new RegExp(`^finalHash\\s+${json.finalHash}$`, 'm'));
    expect(r.out).toMatch(/^score\s+-?\d+\.\d\d$/m);
  });

  it('an unknown scenario id lists the built-ins', async () => {
    const r = await cli(['run', 'add-agency', '--seed', '1', '--policy', 'uniform']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/add-agency is neither a file nor a built-in scenario; the built-in scenarios are .*ad-agency/);
    expect(r.err).not.toContain('scenario.schema');
  });

  it('a missing file path says it cannot be read', async () => {
    const r = await cli(['run', 'scenarios/nope.json', '--seed', '1', '--policy', 'uniform']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('cannot read scenarios/nope.json: no such file');
  });
});

describe('usage errors (exit 64)', () => {
  const cases: [string, string[], RegExp][] = [
    ['missing --seed', ['run', 'ad-agency', '--policy', 'uniform'], /"run" needs --seed/],
    ['empty --seed', ['run', 'ad-agency', '--seed=', '--policy', 'uniform'], /--seed needs a non-empty value/],
    ['missing --policy', ['run', 'ad-agency', '--seed', '1'], /"run" needs --policy/],
    ['unknown policy', ['run', 'ad-agency', '--seed', '1', '--policy', 'greedy'], /unknown policy "greedy"; the policies are uniform, value-based/],
    ['unknown option', ['run', 'ad-agency', '--seed', '1', '--policy', 'uniform', '--sed', '2'], /unknown option --sed for "run"/],
    ['option without value', ['run', 'ad-agency', '--policy', 'uniform', '--seed'], /option --seed needs a value/],
    ['flag with a value', ['run', 'ad-agency', '--seed', '1', '--policy', 'uniform', '--json=yes'], /option --json takes no value/],
    ['option twice', ['run', 'ad-agency', '--seed', '1', '--seed', '2', '--policy', 'uniform'], /option --seed is given more than once/],
    ['two scenarios', ['run', 'ad-agency', 'x', '--seed', '1', '--policy', 'uniform'], /unexpected argument "x" for "run"/],
    ['no scenario', ['run', '--seed', '1', '--policy', 'uniform'], /"run" needs a scenario/],
    ['unknown command', ['play'], /unknown command "play"/],
    ['no command', [], /no command given/],
    ['bad language', ['validate', '--lang', 'fr', 'x.json'], /unknown language "fr"/],
    ['validate without files', ['validate'], /"validate" needs at least one file/],
  ];
  it.each(cases)('%s', async (_name, args, message) => {
    const r = await cli(args);
    expect(r.code).toBe(64);
    expect(r.err).toMatch(message);
    expect(r.err).toContain('Usage: npm run sim --');
    expect(r.out).toBe('');
  });

  it('speaks Chinese when asked', async () => {
    const r = await cli(['--lang', 'zh-CN', 'run', 'ad-agency', '--policy', 'uniform']);
    expect(r.code).toBe(64);
    expect(r.err).toContain('"run" 需要 --seed');
  });

  it('help and --help print the usage with exit 0', async () => {
    for (const args of [['help'], ['--help'], ['run', '--help'], ['-h']]) {
      const r = await cli(args);
      expect(r.code).toBe(0);
      expect(r.out).toContain('run <scenario> --seed S --policy P');
    }
  });
});

describe('internal errors', () => {
  const broken = { out: (): void => { throw new Error('disk on fire'); } };

  it('are one line and exit 2, without a stack', async () => {
    const r = await cli(['run', MINIMAL, '--seed', '1', '--policy', 'uniform'], { io: broken });
    expect(r.code).toBe(2);
    expect(r.err).toBe('internal error: disk on fire (please report)\n');
  });

  it('show the stack with CRM_DEBUG=1', async () => {
    const r = await cli(['run', MINIMAL, '--seed', '1', '--policy', 'uniform'], { io: broken, env: { CRM_DEBUG: '1' } });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(STACK_LINE);
  });
});
