// The references store: follows the main store's game, asks the reference worker for each new
// scenario and seed, caches finished runs by key, and ignores the answers of superseded requests.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useStore } from '../../src/store/index';
import { referenceKey, setReferenceWorker, startReferences, useReferences, type ReferenceEndpoint } from '../../src/store/references';
import type { GameSnapshot, GameSource } from '../../src/worker/protocol';
import type { ReferenceReply, ReferenceRequest, ReferenceRun } from '../../src/worker/referenceProtocol';

function fakeWorkers() {
  const made: ReferenceEndpoint[] = [];
  const sent: ReferenceRequest[] = [];
  const holds: boolean[] = [];
  const factory = (): ReferenceEndpoint => {
    const ep: ReferenceEndpoint = { onmessage: null, onerror: null, postMessage: (m) => void ('kind' in m ? holds.push(m.hold) : sent.push(m)) };
    made.push(ep);
    return ep;
  };
  const reply = (m: ReferenceReply) => made.at(-1)!.onmessage?.({ data: m } as MessageEvent<ReferenceReply>);
  return { factory, made, sent, holds, reply };
}

const SOURCE: GameSource = { kind: 'builtin', id: 'ad-agency' };
const game = (scenarioHash: string, seed: string) => ({ scenarioHash, seed, summaries: [], decisions: [] }) as unknown as GameSnapshot;
const setGame = (g: GameSnapshot | null, source: GameSource | null = g ? SOURCE : null) => useStore.setState({ game: g, source });
const run = (policy: ReferenceRun['policy'], score: number): ReferenceRun => ({ policy, summaries: [], score, status: 'finished', finalHash: `h${score}` });

let w: ReturnType<typeof fakeWorkers>;

beforeEach(() => {
  setGame(null);
  w = fakeWorkers();
  setReferenceWorker(w.factory);
});
afterEach(() => {
  setReferenceWorker(null);
  setGame(null);
});

describe('useReferences', () => {
  it('holds the reference worker while the page waits for the simulation worker, and lets it go on after', () => {
    startReferences();
    setGame(game('A', 's1'));
    useStore.setState({ busy: { what: 'advance', done: 0, total: 1 } });
    useStore.setState({ busy: null });
    expect(w.holds).toEqual([true, false]);
    expect(w.sent).toHaveLength(1);
  });

  it('starts no worker without a game, and requests the game it follows (source, seed, language)', () => {
    startReferences();
    expect(w.made).toHaveLength(0);
    expect(useReferences.getState().status).toBe('idle');
    useStore.setState({ lang: 'zh-CN' });
    setGame(game('A', 's1'));
    expect(w.made).toHaveLength(1);
    expect(w.sent).toEqual([{ id: expect.any(Number), source: SOURCE, seed: 's1', lang: 'zh-CN' }]);
    expect(useReferences.getState()).toMatchObject({ key: referenceKey('A', 's1'), runs: [], status: 'running' });
    useStore.setState({ lang: 'en' });
  });

  it('picks up a game that was there before it started, once however often it is started', () => {
    setGame(game('A', 's1'));
    startReferences();
    startReferences();
    expect(w.sent).toHaveLength(1);
    setGame(game('B', 's1'));
    expect(w.sent).toHaveLength(2);
  });

  it('collects the runs as they arrive, then is done', () => {
    startReferences();
    setGame(game('A', 's1'));
    const id = w.sent[0]!.id;
    w.reply({ id, kind: 'run', run: run('uniform', 1) });
    expect(useReferences.getState()).toMatchObject({ status: 'running', runs: [run('uniform', 1)] });
    w.reply({ id, kind: 'run', run: run('value-based', 2) });
    w.reply({ id, kind: 'done' });
    expect(useReferences.getState()).toMatchObject({ status: 'done', runs: [run('uniform', 1), run('value-based', 2)] });
  });

  it('does not request again for the same scenario and seed: a new round, or the same game again later, uses the cache', () => {
    startReferences();
    setGame(game('A', 's1'));
    const id = w.sent[0]!.id;
    w.reply({ id, kind: 'run', run: run('uniform', 1) });
    w.reply({ id, kind: 'done' });
    // Another snapshot of the same game (a quarter played): same key.
    setGame(game('A', 's1'));
    expect(w.sent).toHaveLength(1);
    setGame(game('A', 's2'));
    expect(w.sent).toHaveLength(2);
    expect(useReferences.getState()).toMatchObject({ status: 'running', runs: [] });
    setGame(null);
    expect(useReferences.getState()).toMatchObject({ key: null, status: 'idle', runs: [] });
    setGame(game('A', 's1'));
    expect(w.sent).toHaveLength(2);
    expect(useReferences.getState()).toMatchObject({ key: referenceKey('A', 's1'), status: 'done', runs: [run('uniform', 1)] });
  });

  it('ignores the answers of a superseded request; the new request has a higher id', () => {
    startReferences();
    setGame(game('A', 's1'));
    const old = w.sent[0]!.id;
    w.reply({ id: old, kind: 'run', run: run('uniform', 1) });
    setGame(game('B', 's1'));
    const now = w.sent[1]!.id;
    expect(now).toBeGreaterThan(old);
    w.reply({ id: old, kind: 'run', run: run('value-based', 9) });
    w.reply({ id: old, kind: 'done' });
    expect(useReferences.getState()).toMatchObject({ key: referenceKey('B', 's1'), status: 'running', runs: [] });
    w.reply({ id: now, kind: 'run', run: run('cost-cutter', 3) });
    w.reply({ id: now, kind: 'done' });
    expect(useReferences.getState()).toMatchObject({ status: 'done', runs: [run('cost-cutter', 3)] });
    // The superseded game was not cached from its partial answers: going back asks again.
    setGame(game('A', 's1'));
    expect(w.sent).toHaveLength(3);
    expect(w.sent[2]!.id).toBeGreaterThan(now);
  });

  it('keeps a request in flight while there is no game, and adopts it when the same game comes back', () => {
    startReferences();
    setGame(game('A', 's1'));
    const id = w.sent[0]!.id;
    setGame(null);
    w.reply({ id, kind: 'run', run: run('uniform', 1) });
    expect(useReferences.getState().runs).toEqual([]);
    setGame(game('A', 's1'));
    expect(w.sent).toHaveLength(1);
    expect(useReferences.getState()).toMatchObject({ status: 'running', runs: [run('uniform', 1)] });
    w.reply({ id, kind: 'done' });
    expect(useReferences.getState().status).toBe('done');
  });

  it('fails on a failed answer or a dead worker, and asks again (a fresh worker) next time', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    startReferences();
    setGame(game('A', 's1'));
    w.reply({ id: w.sent[0]!.id, kind: 'failed', message: 'boom' });
    expect(useReferences.getState().status).toBe('failed');
    setGame(game('B', 's1'));
    expect(w.sent).toHaveLength(2);
    w.made[0]!.onerror?.({ message: 'crashed', preventDefault: () => undefined } as ErrorEvent);
    expect(useReferences.getState().status).toBe('failed');
    setGame(game('A', 's1'));
    expect(w.made).toHaveLength(2);
    expect(w.sent).toHaveLength(3);
    expect(logged).toHaveBeenCalledTimes(2);
    logged.mockRestore();
  });

  it('show is on by default and can be switched', () => {
    expect(useReferences.getState().show).toBe(true);
    useReferences.getState().setShow(false);
    expect(useReferences.getState().show).toBe(false);
    useReferences.getState().setShow(true);
  });
});
