/** Running the package builds (scripts/build-scorm.ts, build-offline.ts) from a browser test, into a folder of their own. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './server';

/** `tsx scripts/<script> ...args --out <a new temp folder>`: the exit code, what it printed, and the folder. */
export function runBuild(script: 'build-scorm.ts' | 'build-offline.ts', args: readonly string[] = []): { status: number | null; out: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'crm-build-'));
  const r = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), [join('scripts', script), ...args, '--out', dir], {
    cwd: ROOT,
    encoding: 'utf8',
    // What ships: React's production build (Vitest sets NODE_ENV=test).
    env: { ...process.env, NODE_ENV: 'production', NO_COLOR: '1', INIT_CWD: ROOT },
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}`, dir };
}
