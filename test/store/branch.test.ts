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
const { answerCards } = await import('./answer');
/** Plays the quarter as drafted, each open choice card answered with its default. */
const advance = async () => {
  answerCards(useStore);
  return useStore.getState().advance();
};

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
      expect(await advance()).toBe(true);
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
    expect(await advance()).toBe(true);
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
    expect(await advance()).toBe(true);
    expect(await advance()).toBe(true);
    const originalId = useStore.getState().gameId!;
    expect(await useStore.getState().branch(0)).toBe(true);
    expect(useStore.getState().screen).toBe('briefing');
    const branchId = useStore.getState().gameId!;
    db.delete(originalId);
    expect(await useStore.getState().resume(branchId)).toBe(true);
    expect(useStore.getState().timeline).toBeNull();
    expect(useStore.getState().notice).toBeNull();
    // Its save still says it is a branch after it is played on (the link does not hang on the replayed original).
    expect(await advance()).toBe(true);
    expect(db.get(branchId)!.branch).toEqual({ of: originalId, fromRound: 0 });
  });

  it('refuses a branch from a quarter not played', async () => {
    const { client } = inProcessClient();
    setSimClient(client);
    await useStore.getState().startGame({ kind: 'builtin', id: 'tutorial' }, 'branch-3');
    const ok = await advance();
    expect(useStore.getState().notice).toBeNull();
    expect(ok).toBe(true);
    expect(await useStore.getState().branch(1)).toBe(false);
    expect(await useStore.getState().branch(-1)).toBe(false);
    expect(useStore.getState().timeline).toBeNull();
  });
});

describe('store: the truth of a game that is over', () => {
  const truthKpis = ['satisfaction', 'loyalty', 'employeeSatisfaction'];
  const hasTruthKpi = (a: { kpis: string[] } | undefined) => a !== undefined && truthKpis.some((k) => a.kpis.includes(k));

  it('holds observed explanations while the game runs, the truth and whole explanations once it is over, and none again in a branch', async () => {
    const { client } = inProcessClient();
    setSimClient(client);
    await useStore.getState().startGame({ kind: 'builtin', id: 'tutorial' }, 'truth-store');
    const rounds = useStore.getState().game!.scenario.rounds;
    for (let r = 1; r < rounds; r++) expect(await advance()).toBe(true);
    await explained(rounds - 1);
    let st = useStore.getState();
    expect(st.game!.truth).toBeNull();
    expect(st.explanationsRevealed).toBe(false);
    expect(st.explanations.some(hasTruthKpi)).toBe(false);

    // The last quarter: the truth comes with it, and the explanations are asked for again whole.
    expect(await advance()).toBe(true);
    st = useStore.getState();
    expect(st.game!.view.status).toBe('finished');
    expect(st.game!.truth!.rounds).toHaveLength(rounds);
    for (let i = 0; i < 200 && !useStore.getState().explanationsRevealed; i++) await new Promise((r) => setTimeout(r, 10));
    expect(useStore.getState().explanationsRevealed).toBe(true);
    await useStore.getState().explain(rounds, 1);
    st = useStore.getState();
    expect(st.explanations).toHaveLength(rounds);
    expect(st.explanations.every(hasTruthKpi)).toBe(true);

    // A branch of the finished game is in play again: no truth, no whole explanations.
    expect(await useStore.getState().branch(2)).toBe(true);
    st = useStore.getState();
    expect(st.game!.view.status).toBe('running');
    expect(st.game!.truth).toBeNull();
    expect(st.explanationsRevealed).toBe(false);
    expect(st.explanations).toEqual([]);
    await useStore.getState().explain(2, 1);
    expect(useStore.getState().explanations.some(hasTruthKpi)).toBe(false);
    // Played to its own end, it gets its own truth.
    for (let r = 3; r <= rounds; r++) expect(await advance()).toBe(true);
    expect(useStore.getState().game!.truth!.rounds).toHaveLength(rounds);

    // Resuming the finished original brings its truth with the replay.
    const originalId = useStore.getState().branchOf!.of;
    expect(await useStore.getState().resume(originalId)).toBe(true);
    expect(useStore.getState().screen).toBe('end');
    expect(useStore.getState().game!.truth!.rounds).toHaveLength(rounds);
  });
});
