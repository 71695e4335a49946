// The one test that runs the real entry point in a child process (slow: it starts tsx).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, STACK_LINE } from './harness';

describe('src/cli/main.ts as a process', () => {
  it('validate on a broken file: exit 1, the error on stderr, no stack trace', () => {
    const tsx = join(ROOT, 'node_modules/.bin/tsx');
    const r = spawnSync(tsx, ['src/cli/main.ts', 'validate', 'test/fixtures/bad-scenarios/wrong-type.json'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, LANG: 'C', CRM_DEBUG: '', INIT_CWD: ROOT },
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('test/fixtures/bad-scenarios/wrong-type.json:10:13 at rounds: expected an integer from 4 to 40, found "four"');
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.stdout).toBe('');
  });
});
