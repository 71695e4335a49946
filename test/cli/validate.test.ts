import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MINIMAL, STACK_LINE, WRONG_TYPE, cli, tempDir } from './harness';

describe('validate', () => {
  it('accepts a good file with exit 0', async () => {
    const r = await cli(['validate', MINIMAL]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`OK ${MINIMAL}`);
    expect(r.err).toBe('');
  });

  it('rejects a broken file with exit 1, naming file, line:column, path, expected and found', async () => {
    const r = await cli(['validate', 'test/fixtures/bad-scenarios/wrong-type.json']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('test/fixtures/bad-scenarios/wrong-type.json:10:13 at rounds: expected an integer from 4 to 40, found "four"');
    expect(r.err).not.toMatch(STACK_LINE);
    expect(r.out).toBe('');
  });

  it('reports every error of every file, and keeps going past a missing one', async () => {
    const dir = tempDir();
    const two = join(dir, 'two.json');
    const doc = JSON.parse(readFileSync(MINIMAL, 'utf8')) as Record<string, unknown>;
    writeFileSync(two, JSON.stringify({ ...doc, rounds: 'x', currency: 7 }, null, 2));
    const r = await cli(['validate', join(dir, 'missing.json'), two, MINIMAL]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`cannot read ${join(dir, 'missing.json')}: no such file`);
    expect(r.err).toMatch(/two\.json:\d+:\d+ at rounds: expected/);
    expect(r.err).toMatch(/two\.json:\d+:\d+ at currency: expected/);
    expect(r.out).toContain(`OK ${MINIMAL}`);
  });

  it('reports a JSON syntax error with its position', async () => {
    const r = await cli(['validate', 'test/fixtures/bad-scenarios/syntax-missing-comma.json']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/syntax-missing-comma\.json:\d+:\d+: invalid JSON: expected/);
  });

  it('speaks Chinese with --lang zh-CN or LANG=zh_CN.UTF-8', async () => {
    const a = await cli(['validate', '--lang', 'zh-CN', WRONG_TYPE]);
    const b = await cli(['validate', WRONG_TYPE], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(a.err).toContain('第10行第13列，rounds：应为');
    expect(b.err).toBe(a.err);
    const en = await cli(['validate', '--lang=en', WRONG_TYPE], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(en.err).toContain('expected an integer');
  });

  it('validates a built-in by id', async () => {
    const r = await cli(['validate', 'ad-agency']);
    expect(r.out).toContain('OK scenarios/ad-agency.json');
    expect(r.code).toBe(0);
  });

  it('resolves relative paths from the working directory, not the project', async () => {
    const r = await cli(['validate', 'minimal-scenario.json'], { cwd: join(MINIMAL, '..') });
    expect(r.code).toBe(0);
  });
});
