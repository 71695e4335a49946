// The reference strategies played in the background: each run is the very game `playGame`
// (and the command line) plays for that policy and seed, summarized round by round as the
// page's worker summarizes the learner's rounds; the worker's loop stops when superseded.
import { beforeAll, describe, expect, it } from 'vitest';
import { hashJson, type ScenarioConfig } from '../../src/sim/index';
import type { PolicyId } from '../../src/policies/index';
import { builtin, play } from '../helpers';
import { cli } from '../cli/harness';
import { startBuiltinSession } from './sessions';
import { classWorld, loadSource, openSession } from '../../src/worker/session';
import { playReference, REFERENCE_POLICIES, serveReferences, type ReferenceHost } from '../../src/worker/references';
import type { ReferenceReply } from '../../src/worker/referenceProtocol';

const ID = 'ad-agency';
const SEED = 'ref-1';
let scenario: ScenarioConfig;

beforeAll(async () => {
  // Loaded the way the reference worker loads it.
  const loaded = await loadSource({ kind: 'builtin', id: ID }, 'en');
  if (!loaded.ok) throw new Error(`cannot load ${ID}`);
  scenario = loaded.scenario;
});

describe('playReference', () => {
  it('loads the same scenario as the test helpers', () => {
    expect(hashJson(scenario)).toBe(hashJson(builtin(ID)));
  });

  it.each(REFERENCE_POLICIES)('%s: the score, status and final hash of playGame; one summary per round played', (policy) => {
    const run = playReference(scenario, SEED, policy);
    const direct = play(builtin(ID), SEED, policy);
    expect(run.policy).toBe(policy);
    expect(run.score).toBe(direct.state.score);
    expect(run.status).toBe(direct.state.status);
    expect(run.finalHash).toBe(direct.reports.at(-1)!.hash);
    expect(run.finalHash).toMatch(/^[0-9a-f]{16}$/);
    expect(run.summaries).toHaveLength(direct.reports.length);
    expect(run.summaries.map((s) => s.round)).toEqual(direct.reports.map((r) => r.round));
    expect(run.summaries.map((s) => s.hash)).toEqual(direct.reports.map((r) => r.hash));
    expect(run.summaries.at(-1)!.score).toBe(run.score);
  });

  it('summarizes each round as the page worker does for the same decisions (event counts and objectives per round)', async () => {
    const policy: PolicyId = 'value-based';
    const run = playReference(scenario, SEED, policy);
    const direct = play(builtin(ID), SEED, policy);
    const session = await startBuiltinSession(ID, SEED, direct.decisions);
    expect(session.summaries).toHaveLength(run.summaries.length);
    expect(run.summaries).toEqual(session.summaries);
    // Not a trivial equality: event counts change from round to round.
    expect(new Set(run.summaries.map((s) => JSON.stringify(s.eventCounts.firm))).size).toBeGreaterThan(1);
  });

  it('gives what the command line gives: npm run sim -- run <id> --seed S --policy P --json', async () => {
    const r = await cli(['run', ID, '--seed', SEED, '--policy', 'discounter', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as { score: number; finalHash: string; status: string; rounds: unknown[] };
    const run = playReference(scenario, SEED, 'discounter');
    expect(run.score).toBe(doc.score);
    expect(run.finalHash).toBe(doc.finalHash);
    expect(run.status).toBe(doc.status);
    expect(run.summaries).toHaveLength(doc.rounds.length);
  });

  it('another seed gives another game; the same seed the same one', () => {
    const a = playReference(scenario, SEED, 'uniform');
    const again = playReference(scenario, SEED, 'uniform');
    const b = playReference(scenario, 'ref-2', 'uniform');
    expect(again.finalHash).toBe(a.finalHash);
    expect(again.score).toBe(a.score);
    expect(b.finalHash).not.toBe(a.finalHash);
    expect(b.summaries.map((s) => s.finance.operatingProfit)).not.toEqual(a.summaries.map((s) => s.finance.operatingProfit));
  });

  it('refuses an unknown strategy', () => {
    expect(() => playReference(scenario, SEED, 'nope' as PolicyId)).toThrow(/unknown reference strategy/);
  });
});

describe('serveReferences (the reference worker loop)', () => {
  const host = (superseded: (id: number, posted: ReferenceReply[]) => boolean = () => false) => {
    const posted: ReferenceReply[] = [];
    const h: ReferenceHost = { post: (m) => void posted.push(m), superseded: (id) => superseded(id, posted), pause: () => Promise.resolve() };
    return { h, posted };
  };

  it('posts one run per strategy, in order, then done', async () => {
    const { h, posted } = host();
    await serveReferences({ id: 3, source: { kind: 'builtin', id: ID }, seed: SEED, lang: 'en' }, h);
    expect(posted.map((m) => m.kind)).toEqual(['run', 'run', 'run', 'run', 'done']);
    expect(posted.every((m) => m.id === 3)).toBe(true);
    expect(posted.flatMap((m) => (m.kind === 'run' ? [m.run.policy] : []))).toEqual([...REFERENCE_POLICIES]);
    const first = posted[0]!;
    expect(first.kind === 'run' && first.run.finalHash).toBe(playReference(scenario, SEED, 'uniform').finalHash);
  });

  it('plays a class game\'s references on the class\'s world (its variant of the scenario), not on the plain scenario', async () => {
    const CODE = 'CRM-2026-A';
    const { h, posted } = host();
    await serveReferences({ id: 6, source: { kind: 'builtin', id: ID }, seed: CODE, classCode: CODE, lang: 'en' }, h);
    const loaded = await loadSource({ kind: 'builtin', id: ID }, 'en');
    if (!loaded.ok) throw new Error('cannot load');
    const world = classWorld(loaded, CODE, { kind: 'builtin', id: ID }, 'en');
    if (!world.ok) throw new Error('no class world');
    expect(world.overrides.length).toBeGreaterThan(0);
    // The learner's class game is played on the same scenario the references were played on.
    const session = await openSession({ kind: 'builtin', id: ID }, CODE, [], 'en', undefined, { code: CODE, player: null });
    if (!session.ok) throw new Error('no session');
    expect(hashJson(session.session.scenario)).toBe(hashJson(world.scenario));
    const runs = posted.flatMap((m) => (m.kind === 'run' ? [m.run] : []));
    expect(runs).toHaveLength(REFERENCE_POLICIES.length);
    for (const run of runs) {
      expect(run.finalHash).toBe(playReference(world.scenario, CODE, run.policy).finalHash);
      expect(run.finalHash).not.toBe(playReference(scenario, CODE, run.policy).finalHash);
    }
  });

  it('lets the page go first before every round: nothing is played while the host holds it', async () => {
    const posted: ReferenceReply[] = [];
    let pauses = 0;
    let release: (() => void) | null = null;
    const h: ReferenceHost = {
      post: (m) => void posted.push(m),
      superseded: () => false,
      pause: () => {
        pauses++;
        // Held on the third pause (inside the first strategy's game) until released.
        return pauses === 3 ? new Promise<void>((r) => (release = r)) : Promise.resolve();
      },
    };
    const done = serveReferences({ id: 5, source: { kind: 'builtin', id: ID }, seed: SEED, lang: 'en' }, h);
    await new Promise((r) => setTimeout(r, 50));
    expect(pauses).toBe(3);
    expect(posted).toEqual([]);
    release!();
    await done;
    // One pause before each round and one before each game's end, for every strategy.
    const rounds = posted.flatMap((m) => (m.kind === 'run' ? [m.run.summaries.length] : [])).reduce((a, b) => a + b, 0);
    expect(pauses).toBe(rounds + REFERENCE_POLICIES.length);
  });

  it('stops between strategies once superseded, and sends nothing more', async () => {
    const { h, posted } = host((_id, p) => p.length >= 2);
    await serveReferences({ id: 1, source: { kind: 'builtin', id: ID }, seed: SEED, lang: 'en' }, h);
    expect(posted.map((m) => m.kind)).toEqual(['run', 'run']);
  });

  it('answers failed for a scenario that does not load', async () => {
    const { h, posted } = host();
    await serveReferences({ id: 2, source: { kind: 'builtin', id: 'no-such-scenario' }, seed: SEED, lang: 'en' }, h);
    expect(posted).toEqual([{ id: 2, kind: 'failed', message: expect.stringContaining('no-such-scenario') }]);
    const bad = host();
    await serveReferences({ id: 4, source: { kind: 'file', name: 'bad.json', text: '{"rounds": "four"}' }, seed: SEED, lang: 'en' }, bad.h);
    expect(bad.posted).toHaveLength(1);
    expect(bad.posted[0]!.kind).toBe('failed');
  });
});
