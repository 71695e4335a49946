#!/usr/bin/env node
// `npm test`: typecheck, lint, unit tests, browser tests, in that order.
//
// Every step runs even if an earlier one failed, so one run shows all failures.
// Each step's output is streamed as it happens. The last line printed is
//   N passed, N failed
// (summed over all steps) and the exit code is 1 if anything failed.
//
// To add a runner (e.g. browser tests), append a step to STEPS: `args` is the
// command line (binary from node_modules/.bin), `count` turns the exit code
// into { passed, failed }.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'node_modules', '.bin');
// Vitest JSON reports, relative to ROOT (the cwd of every step).
const VITEST_JSON_ARG = 'test-results/vitest.json';
const BROWSER_JSON_ARG = 'test-results/vitest-browser.json';

/** A step that is a single check: exit code 0 = 1 passed, otherwise 1 failed. */
const singleCheck = (exitCode) => (exitCode === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 });

/**
 * Counts from Vitest's JSON report at `reportArg`. Failed files that have no failed test
 * (e.g. an import error) and a crash (no report, or a non-zero exit with no failures in it)
 * are counted as failures too, so they can never pass silently.
 */
const vitestCount = (reportArg) => (exitCode) => {
  const reportPath = join(ROOT, reportArg);
  if (!existsSync(reportPath)) {
    console.error(`[test] ${reportPath} was not written: counting Vitest as 1 failed.`);
    return { passed: 0, failed: 1 };
  }
  let report;
  try {
    report = JSON.parse(readFileSync(reportPath, 'utf8'));
  } catch (error) {
    console.error(`[test] cannot read ${reportPath}: ${error.message}; counting Vitest as 1 failed.`);
    return { passed: 0, failed: 1 };
  }
  const passed = Number(report.numPassedTests) || 0;
  let failed = Number(report.numFailedTests) || 0;
  const brokenFiles = (report.testResults ?? []).filter(
    (file) => file.status === 'failed' && !(file.assertionResults ?? []).some((t) => t.status === 'failed'),
  ).length;
  failed += brokenFiles;
  if (exitCode !== 0 && failed === 0) failed = 1;
  return { passed, failed };
};

/** A stale report from an earlier run must not be mistaken for this one. */
const removeReport = (reportArg) => () => {
  const reportPath = join(ROOT, reportArg);
  rmSync(reportPath, { force: true });
  mkdirSync(dirname(reportPath), { recursive: true });
};

/** `vitest run` with the default reporter on the console and a JSON report for counting. */
const vitestStep = (name, reportArg, extraArgs = []) => ({
  name,
  args: ['vitest', 'run', ...extraArgs, '--reporter=default', '--reporter=json', `--outputFile=${reportArg}`],
  before: removeReport(reportArg),
  count: vitestCount(reportArg),
});

/** @type {Array<{ name: string, args: string[], before?: () => void, count: (exitCode: number) => { passed: number, failed: number } }>} */
const STEPS = [
  { name: 'typecheck', args: ['tsc', '--noEmit', '-p', 'tsconfig.json'], count: singleCheck },
  { name: 'lint', args: ['eslint', '.'], count: singleCheck },
  vitestStep('unit tests', VITEST_JSON_ARG),
  // Builds the app and drives Chromium (test/browser/globalSetup.ts installs it if missing).
  vitestStep('browser tests', BROWSER_JSON_ARG, ['-c', 'vitest.browser.config.ts']),
];

/** Runs node_modules/.bin/<args[0]> with inherited stdio; resolves to its exit code. */
function run([bin, ...args]) {
  const isWindows = process.platform === 'win32';
  const command = join(BIN, isWindows ? `${bin}.cmd` : bin);
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', shell: isWindows });
    child.on('error', (error) => {
      console.error(`[test] cannot start ${command}: ${error.message}`);
      resolve(127);
    });
    child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

let passed = 0;
let failed = 0;
for (const step of STEPS) {
  console.log(`\n[test] ${step.name}: ${step.args.join(' ')}`);
  step.before?.();
  const exitCode = await run(step.args);
  const result = step.count(exitCode);
  passed += result.passed;
  failed += result.failed;
  console.log(`[test] ${step.name}: exit ${exitCode}, ${result.passed} passed, ${result.failed} failed`);
}

console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
