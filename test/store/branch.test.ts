// "What if" and "why": the store explains each quarter after it is played (in the
// background), branches from a past quarter into a new saved game while the original stays
// saved as it was, keeps the original beside the branch, and finds it again on resume.
// The worker is the real session code in-process; saves are an in-memory IndexedDB stand-in.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SaveRecord } from '../../src/store/saves';

const db = new Map<string, SaveRecord>();
vi.mock('../../src/store/saves', async () => (await import('./memorySaves')).memorySaves(db));

const { useStore } = await import('../../src/store/index');
const { setSimClient } = await import('../../src/store/workerClient');
const { inProcessClient } = await import('./inProcessClient');

/** Waits until the store's background explanation is in. */
async function explained(n: number): Promise<void> {
  for (let i = 0; i < 200 && useStore.getState().explanations.length < n; i++) await new Promise((r) => setTimeout(r, 10));
  expect(useStore.getState().explanations).toHaveLength(n);
}

beforeEach(() => {
  db.clear();
  useStore.getState().quit();
});

describe('store: explain and branch', () => {
  it('explains each quarter after it is played, branches from a past quarter, and keeps the original saved as it was', async () => {
    const { client, calls } = inProcessClient();
    setSimClient(client);
    expect(await useStore.getState().startGame({ kind: 'builtin', id: 'tutorial' }, 'branch-1')).toBe(true);
    for (let r = 1; r <= 3; r++) {
      useStore.getState().edit((d) => void (d.tiers[0]!.serviceHours += r));
      expect(await useStore.getState().advance()).toBe(true);
    }
    await explained(3);
    // The report never waited for it: every explain came after its quarter's advance.
    expect(calls.filter((c) => c === 'advance' || c === 'explain').slice(0, 2)).toEqual(['advance', 'explain']);
    const original = useStore.getState();
    const originalId = original.gameId!;
    const originalDecisions = structuredClone(original.game!.decisions);
    expect(db.get(originalId)!.decisions).toHaveLength(3);

    expect(await useStore.getState().branch(1)).toBe(true);
    const b = useStore.getState();
    expect(b.gameId).not.toBe(originalId);
    expect(b.screen).toBe('quarter');
    expect(b.game!.summaries).toHaveLength(1);
    expect(b.explanations).toHaveLength(1);
    expect(b.explanations[0]).toEqual(original.explanations[0]);
    expect(b.timeline).toMatchObject({ gameId: originalId, fromRound: 1, score: original.game!.view.score });
    expect(b.timeline!.summaries).toHaveLength(3);
    expect(db.get(b.gameId!)!.branch).toEqual({ of: originalId, fromRound: 1 });

    // Play the branch on differently: the original save does not change.
    useStore.getState().edit((d) => void (d.tiers[0]!.serviceHours += 40));
    expect(await useStore.getState().advance()).toBe(true);
    await explained(2);
    expect(useStore.getState().game!.summaries[1]!.hash).not.toBe(original.game!.summaries[1]!.hash);
    expect(db.get(originalId)!.decisions).toEqual(originalDecisions);
    expect(db.size).toBe(2);

    // Resuming the branch finds its original again; resuming the original has no timeline.
    const branchId = useStore.getState().gameId!;
    expect(await useStore.getState().resume(branchId)).toBe(true);
    expect(useStore.getState().branchOf).toEqual({ of: originalId, fromRound: 1 });
    expect(useStore.getState().timeline?.summaries.map((s) => s.hash)).toEqual(original.game!.summaries.map((s) => s.hash));
    expect(useStore.getState().explanations).toEqual([]);
    expect(await useStore.getState().resume(originalId)).toBe(true);
    expect(useStore.getState().timeline).toBeNull();
    expect(useStore.getState().game!.summaries).toHaveLength(3);
  });

  it('a branch whose original was deleted plays on by itself', async () => {
    const { client } = inProcessClient();
    setSimClient(client);
    await useStore.getState().startGame({ kind: 'builtin', id: 'tutorial' }, 'branch-2');
    expect(await useStore.getState().advance()).toBe(true);
    expect(await useStore.getState().advance()).toBe(true);
    const originalId = useStore.getState().gameId!;
    expect(await useStore.getState().branch(0)).toBe(true);
    expect(useStore.getState().screen).toBe('briefing');
    const branchId = useStore.getState().gameId!;
    db.delete(originalId);
    expect(await useStore.getState().resume(branchId)).toBe(true);
    expect(useStore.getState().timeline).toBeNull();
    expect(useStore.getState().notice).toBeNull();
    // Its save still says it is a branch after it is played on (the link does not hang on the replayed original).
    expect(await useStore.getState().advance()).toBe(true);
    expect(db.get(branchId)!.branch).toEqual({ of: originalId, fromRound: 0 });
  });

  it('refuses a branch from a quarter not played', async () => {
    const { client } = inProcessClient();
    setSimClient(client);
    await useStore.getState().startGame({ kind: 'builtin', id: 'tutorial' }, 'branch-3');
    const ok = await useStore.getState().advance();
    expect(useStore.getState().notice).toBeNull();
    expect(ok).toBe(true);
    expect(await useStore.getState().branch(1)).toBe(false);
    expect(await useStore.getState().branch(-1)).toBe(false);
    expect(useStore.getState().timeline).toBeNull();
  });
});
