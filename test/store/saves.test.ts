// Nothing saved is lost: two tabs on one save (each tab a store of its own over one database),
// where the second tab's write finds that the first moved the save on and keeps its own game
// as a copy; a damaged save that is continued and repaired; an import checked in the worker
// and cancelled without replaying anything; and quit clearing everything that is a game's.
// The worker is the real session code in-process; IndexedDB is a Map with the real
// compare-and-set rule and record reader (memorySaves.ts). Node has no Web Locks, so these
// are the tabs of a browser without them: the revision check alone keeps both games.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { readSave } from '../../src/store/saveRecord';
import type { SaveRecord } from '../../src/store/saveRecord';
import { answerCards } from './answer';

const db = new Map<IDBValidKey, unknown>();
vi.mock('../../src/store/saves', async () => (await import('./memorySaves')).memorySaves(db));

/** A tab: a fresh store module with its own worker. */
async function openTab() {
  vi.resetModules();
  const { useStore } = await import('../../src/store/index');
  const { setSimClient } = await import('../../src/store/workerClient');
  const { inProcessClient } = await import('./inProcessClient');
  const worker = inProcessClient();
  setSimClient(worker.client);
  await useStore.getState().refreshSaves();
  return { store: useStore, worker };
}
type Tab = Awaited<ReturnType<typeof openTab>>;

const rec = (id: string | null): SaveRecord => db.get(id!) as SaveRecord;
async function play(tab: Tab, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    tab.store.getState().edit((d) => void (d.tiers[0]!.serviceHours += 1 + i));
    answerCards(tab.store);
    expect(await tab.store.getState().advance(), 'advance').toBe(true);
  }
}

beforeEach(() => db.clear());

describe('two tabs on one save', () => {
  it('the tab whose save moved on elsewhere keeps its quarter as a copy; the other tab\'s quarters stay in the original', async () => {
    const a = await openTab();
    expect(await a.store.getState().startGame({ kind: 'builtin', id: 'tutorial' }, 'tabs-1')).toBe(true);
    await play(a, 1);
    const id = a.store.getState().gameId!;
    expect(rec(id).revision).toBe(2);

    const b = await openTab();
    expect(await b.store.getState().resume(id)).toBe(true);
    expect(b.store.getState().game!.summaries).toHaveLength(1);
    expect(b.store.getState().notice).toBeNull();

    await play(a, 2);
    expect(rec(id).decisions).toHaveLength(3);
    const aDecisions = structuredClone(rec(id).decisions);

    await play(b, 1);
    const bs = b.store.getState();
    expect(bs.notice).toEqual({ kind: 'forked' });
    expect(bs.gameId).not.toBe(id);
    expect(bs.copyOf).toEqual({ of: id, round: 1 });
    expect(rec(id).decisions).toEqual(aDecisions);
    expect(rec(bs.gameId).decisions).toHaveLength(2);
    expect(rec(bs.gameId).copyOf).toEqual({ of: id, round: 1 });
    expect(bs.saves.filter((e) => e.kind === 'save')).toHaveLength(2);

    // Both play on, each into its own save, with no more notices.
    await play(a, 1);
    await play(b, 1);
    expect(a.store.getState().notice).toBeNull();
    expect(b.store.getState().notice).toBeNull();
    expect(rec(id).decisions).toHaveLength(4);
    expect(rec(b.store.getState().gameId).decisions).toHaveLength(3);
  });

  it('two tabs on different saves both save, and a reloaded tab writes over the latest revision', async () => {
    const a = await openTab();
    const b = await openTab();
    await a.store.getState().startGame({ kind: 'builtin', id: 'tutorial' }, 'tabs-a');
    await b.store.getState().startGame({ kind: 'builtin', id: 'tutorial' }, 'tabs-b');
    await play(a, 2);
    await play(b, 1);
    expect(a.store.getState().notice).toBeNull();
    expect(b.store.getState().notice).toBeNull();
    const idA = a.store.getState().gameId!;
    // Tab A reloads: a new store that resumes the save and plays on over its revision.
    const a2 = await openTab();
    expect(await a2.store.getState().resume(idA)).toBe(true);
    await play(a2, 1);
    expect(a2.store.getState().notice).toBeNull();
    expect(a2.store.getState().gameId).toBe(idA);
    expect(rec(idA).decisions).toHaveLength(3);
    expect(db.size).toBe(2);
  });
});

describe('damaged saves', () => {
  it('a save whose summary is damaged (a date that is text, a title that is an object) is continued and written again, repaired', async () => {
    const a = await openTab();
    await a.store.getState().startGame({ kind: 'builtin', id: 'tutorial' }, 'damaged-1');
    await play(a, 2);
    const id = a.store.getState().gameId!;
    const decisions = structuredClone(rec(id).decisions);
    db.set(id, { ...rec(id), updatedAt: 'yesterday', title: { en: { nested: true } } });

    const b = await openTab();
    const entry = b.store.getState().saves.find((e) => e.key === id);
    expect(entry).toMatchObject({ kind: 'damaged', resumable: true });
    expect(await b.store.getState().resume(id)).toBe(true);
    expect(b.store.getState().notice).toEqual({ kind: 'repaired' });
    expect(b.store.getState().gameId).toBe(id);
    expect(readSave(id, db.get(id)).problems).toEqual([]);
    expect(rec(id).decisions).toEqual(decisions);
    expect(rec(id).title.en).toBe('Tutorial: Bluebridge IT Services');
    expect(b.store.getState().saves.find((e) => e.key === id)?.kind).toBe('save');
  });

  it('a save whose game is damaged is not played, and stays stored as it was', async () => {
    const damaged = { format: 'crm-sandbox-save', version: 1, id: 'x', seed: 's', source: { kind: 'builtin', id: 'tutorial' }, decisions: 'lost' };
    db.set('x', structuredClone(damaged));
    const a = await openTab();
    expect(a.store.getState().saves).toMatchObject([{ kind: 'damaged', key: 'x', resumable: false }]);
    expect(await a.store.getState().resume('x')).toBe(false);
    expect(a.store.getState().notice).toEqual({ kind: 'saveDamaged' });
    expect(db.get('x')).toEqual(damaged);
    expect(JSON.parse((await a.store.getState().rawSave('x'))!.text)).toEqual(damaged);
    await a.store.getState().removeSave('x');
    expect(db.has('x')).toBe(false);
  });
});

describe('import', () => {
  it('is checked without replacing the game in play: cancel replays nothing; keep both and replace adopt it', async () => {
    const a = await openTab();
    await a.store.getState().startGame({ kind: 'builtin', id: 'tutorial' }, 'import-1');
    await play(a, 2);
    const id = a.store.getState().gameId!;
    const file = (await a.store.getState().exportRun())!;
    await play(a, 1);
    const playing = a.worker.current();
    const before = structuredClone(a.store.getState().game);

    // Same scenario and seed as the save: it asks. Cancel: nothing was replaced, nothing is replayed.
    const bytes = () => new TextEncoder().encode(file.text).buffer as ArrayBuffer;
    expect(await a.store.getState().importRun(bytes(), file.fileName)).toBe(true);
    expect(a.store.getState().pendingImport?.conflict.id).toBe(id);
    expect(a.worker.current()).toBe(playing);
    const calls = a.worker.calls.length;
    await a.store.getState().settleImport('cancel');
    expect(a.worker.calls.slice(calls)).toEqual(['dropImport']);
    expect(a.worker.current()).toBe(playing);
    expect(a.store.getState().game).toEqual(before);
    await play(a, 1);
    expect(rec(id).decisions).toHaveLength(4);

    // Keep both: a new save with the file's two quarters.
    await a.store.getState().importRun(bytes(), file.fileName);
    await a.store.getState().settleImport('both');
    expect(a.store.getState().gameId).not.toBe(id);
    expect(a.store.getState().game!.summaries).toHaveLength(2);
    expect(db.size).toBe(2);

    // Replace: the file's game goes over the save (whatever revision it had).
    await a.store.getState().importRun(bytes(), file.fileName);
    expect(a.store.getState().pendingImport?.conflict).toBeDefined();
    const target = a.store.getState().pendingImport!.conflict.id;
    await a.store.getState().settleImport('replace');
    expect(a.store.getState().gameId).toBe(target);
    expect(rec(target).decisions).toHaveLength(2);
    expect(a.store.getState().notice).toMatchObject({ kind: 'imported' });
  });

  it('a file the worker refuses changes nothing', async () => {
    const a = await openTab();
    await a.store.getState().startGame({ kind: 'builtin', id: 'tutorial' }, 'import-2');
    const playing = a.worker.current();
    const utf16NoBom = new Uint8Array([0x7b, 0, 0x7d, 0]).buffer;
    expect(await a.store.getState().importRun(utf16NoBom, 'notepad.json')).toBe(false);
    expect(a.store.getState().notice).toMatchObject({ kind: 'importFailed', fileName: 'notepad.json', failure: { kind: 'runFile' } });
    expect(a.worker.current()).toBe(playing);
    expect(a.worker.calls).not.toContain('adoptImport');
  });
});

describe('quit', () => {
  it('clears everything that belongs to a game, as a fresh page has it', async () => {
    const a = await openTab();
    await a.store.getState().startGame({ kind: 'builtin', id: 'tutorial' }, 'quit-1');
    await play(a, 2);
    expect(await a.store.getState().branch(1)).toBe(true);
    a.store.getState().openCustomer(3);
    a.store.getState().openFirm(1);
    a.store.getState().quit();
    const fresh = (await openTab()).store.getState();
    // The home screen keeps the scenario last played selected: a choice of the page, not of the game.
    expect(a.store.getState().homeScenario).toBe('tutorial');
    const data = (s: object) => Object.fromEntries(Object.entries(s).filter(([k, v]) => typeof v !== 'function' && !['saves', 'notice', 'busy', 'homeScenario'].includes(k)));
    expect(data(a.store.getState())).toEqual(data(fresh));
  });
});
