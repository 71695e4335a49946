/**
 * The engine runs on the language alone: the scenario loader, the engine, the reference
 * strategies and the run-file check, bundled into one script, run in QuickJS (compiled to
 * WebAssembly: another engine, an interpreter, and no host APIs: no `structuredClone`, no
 * `Intl`, no console) and give the same state hashes as Node, quarter by quarter, on every
 * built-in scenario; a run file saved in Node verifies there.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { getQuickJS, type QuickJSContext } from 'quickjs-emscripten';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policyById } from '../../src/policies/index';
import { playMarketGame } from '../../src/policies/market';
import { renderRunFile } from '../../src/scenario/runFile';
import { hashJson, hashState } from '../../src/sim/index';
import { utf16 } from '../bytes';
import { builtin, play } from '../helpers';
import { BUILTINS } from '../sim/scaled';

const root = fileURLToPath(new URL('../..', import.meta.url));
const golden = JSON.parse(readFileSync(`${root}test/golden/hashes.json`, 'utf8')) as Record<string, string[]>;
const text = (id: string): string => readFileSync(`${root}scenarios/${id}.json`, 'utf8');

let vm: QuickJSContext;

/** Calls `crm.play(...args)` inside QuickJS; its JSON answer, parsed. */
function call(fn: 'play' | 'playMarket', ...args: (string | number)[]): Record<string, unknown> {
  const handles = args.map((a) => (typeof a === 'string' ? vm.newString(a) : vm.newNumber(a)));
  const crm = vm.getProp(vm.global, 'crm');
  const f = vm.getProp(crm, fn);
  const r = vm.callFunction(f, crm, ...handles);
  for (const h of [...handles, f, crm]) h.dispose();
  const out = vm.dump(vm.unwrapResult(r)) as string;
  return JSON.parse(out) as Record<string, unknown>;
}

/** Checks a run file's bytes inside QuickJS (the reader is asynchronous: the pending jobs run, then the verdict is read). */
function verifyIn(bytes: Uint8Array, id: string): Record<string, unknown> {
  vm.setProp(vm.global, 'BYTES', vm.unwrapResult(vm.evalCode(`[${[...bytes].join(',')}]`)));
  vm.setProp(vm.global, 'ID', vm.newString(id));
  vm.setProp(vm.global, 'TEXT', vm.newString(text(id)));
  vm.unwrapResult(vm.evalCode('globalThis.verdict = undefined; crm.verify(BYTES, ID, TEXT)')).dispose();
  vm.runtime.executePendingJobs();
  return JSON.parse(vm.dump(vm.unwrapResult(vm.evalCode('globalThis.verdict'))) as string) as Record<string, unknown>;
}

describe('QuickJS replays the engine bit for bit', () => {
  beforeAll(async () => {
    const bundle = await build({
      entryPoints: [`${root}test/golden/quickjs/entry.ts`], bundle: true, write: false, format: 'iife', platform: 'neutral', target: 'es2022', mainFields: ['module', 'main'],
    });
    const QuickJS = await getQuickJS();
    const rt = QuickJS.newRuntime();
    rt.setMemoryLimit(1024 * 1024 * 1024);
    vm = rt.newContext();
    vm.unwrapResult(vm.evalCode(bundle.outputFiles[0]!.text, 'crm.js')).dispose();
  }, 120_000);
  afterAll(() => vm?.dispose());

  it('has no host API: no structuredClone, no Intl, no console, no TextDecoder', () => {
    const missing = vm.dump(vm.unwrapResult(vm.evalCode('[typeof structuredClone, typeof Intl, typeof console, typeof TextDecoder].join()')));
    expect(missing).toBe('undefined,undefined,undefined,undefined');
  });

  for (const id of BUILTINS) {
    it(`${id}: a whole game of value-based gives Node's state hashes quarter by quarter`, () => {
      const q = call('play', text(id), 'value-based', '1', 0);
      const node = play(builtin(id), '1', 'value-based');
      expect(q.error).toBeUndefined();
      expect(q.hashes).toEqual(node.reports.map((r) => r.hash));
      expect(q.hashes).toEqual(golden[`${id}/value-based/1`]);
      expect(q.score).toBe(node.state.score);
    }, 300_000);
  }

  it('random decisions on the tutorial and the ad agency too (every lever moves)', () => {
    for (const id of ['tutorial', 'ad-agency']) {
      for (const seed of ['2', 'class-7']) expect(call('play', text(id), 'random', seed, 0).hashes, `${id}/${seed}`).toEqual(golden[`${id}/random/${seed}`]);
    }
  }, 120_000);

  it('a market of four firms gives the golden market hashes and Node\'s scores', () => {
    const market = JSON.parse(readFileSync(`${root}test/golden/market-hashes.json`, 'utf8')) as Record<string, string[]>;
    const firms = 'value-based,uniform,cost-cutter,discounter';
    const q = call('playMarket', text('ad-agency'), firms, '1');
    expect(q.error).toBeUndefined();
    expect(q.hashes).toEqual(market[`ad-agency/${firms}/1`]);
    const seats = firms.split(',').map((p, i) => ({ name: String.fromCharCode(65 + i), policy: policyById(p)! }));
    expect(q.scores).toEqual(playMarketGame(builtin('ad-agency'), '1', seats).market.firms.map((f) => f.state.score));
  }, 120_000);

  it('verifies a run file saved in Node with the one reader (UTF-8 and UTF-16 bytes), with Node\'s score and final hash', () => {
    const sc = builtin('ad-agency');
    const g = play(sc, 'quickjs', 'uniform');
    const run = renderRunFile({ scenario: { id: 'ad-agency', hash: hashJson(sc) }, overrides: [], seed: 'quickjs', decisions: g.decisions, score: g.state.score, finalHash: hashState(g.state) });
    const want = { ok: true, score: g.state.score, finalHash: hashState(g.state), rounds: g.decisions.length };
    expect(verifyIn(new TextEncoder().encode(run), 'ad-agency')).toEqual(want);
    expect(verifyIn(utf16(run, true), 'ad-agency')).toEqual(want);
    // A claim that does not hold is caught there as well.
    const forged = run.replace(`"score": ${g.state.score}`, `"score": ${g.state.score + 1}`);
    expect(verifyIn(new TextEncoder().encode(forged), 'ad-agency')).toMatchObject({ ok: false, stage: 'claim' });
  }, 120_000);
});
