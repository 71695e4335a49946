// What the LMS's gradebook receives: the grade's two halves (objectives met, score against the
// value-based reference on the same world), passed/failed against the mastery score, and a
// grade that orders the reference strategies as a teacher would (value-based passes, the
// cost-cutter fails).
import { describe, expect, it } from 'vitest';
import { lmsResult, masteryOf, sessionTime, type GameOutcome } from '../../src/lms/result';
import { playReference } from '../../src/worker/references';
import { REFERENCE_POLICIES } from '../../src/worker/referenceProtocol';
import { builtin, play } from '../helpers';

const base: GameOutcome = { status: 'finished', score: 50, objectivePoints: 20, totalObjectivePoints: 40, benchmark: 100, mastery: 60 };

describe('lmsResult', () => {
  it('is half the objectives and half the score against value-based, rounded', () => {
    expect(lmsResult(base)).toEqual({ lessonStatus: 'failed', raw: 50, objectives: 0.5, versusBenchmark: 0.5 });
    expect(lmsResult({ ...base, score: 130, objectivePoints: 40 })).toMatchObject({ lessonStatus: 'passed', raw: 100, versusBenchmark: 1 });
    expect(lmsResult({ ...base, score: -20 })).toMatchObject({ raw: 25, versusBenchmark: 0 });
    expect(lmsResult({ ...base, score: 70, objectivePoints: 20 })).toMatchObject({ raw: 60, lessonStatus: 'passed' });
    expect(lmsResult({ ...base, score: 69, objectivePoints: 20 })).toMatchObject({ raw: 60 });
    expect(lmsResult({ ...base, score: 68, objectivePoints: 20 })).toMatchObject({ raw: 59, lessonStatus: 'failed' });
  });

  it('uses the half it has when the other cannot count, and reports completed when neither can', () => {
    expect(lmsResult({ ...base, totalObjectivePoints: 0, objectivePoints: 0 })).toMatchObject({ raw: 50, objectives: null });
    expect(lmsResult({ ...base, benchmark: null })).toMatchObject({ raw: 50, versusBenchmark: null });
    expect(lmsResult({ ...base, benchmark: -5 })).toMatchObject({ raw: 50, versusBenchmark: null });
    expect(lmsResult({ ...base, benchmark: null, totalObjectivePoints: 0 })).toEqual({ lessonStatus: 'completed', raw: null, objectives: null, versusBenchmark: null });
  });

  it('is incomplete while the game runs, and failed for a bankrupt firm whatever its grade', () => {
    expect(lmsResult({ ...base, status: 'running' })).toEqual({ lessonStatus: 'incomplete', raw: null, objectives: null, versusBenchmark: null });
    expect(lmsResult({ ...base, status: 'bankrupt', score: 100, objectivePoints: 40, mastery: 10 })).toMatchObject({ lessonStatus: 'failed', raw: 100 });
  });

  it('takes the LMS\'s mastery score when it sets one', () => {
    expect(masteryOf('', 60)).toBe(60);
    expect(masteryOf(' 75 ', 60)).toBe(75);
    expect(masteryOf('abc', 60)).toBe(60);
    expect(masteryOf('150', 60)).toBe(60);
  });

  it('writes the session time as SCORM 1.2\'s HH:MM:SS', () => {
    expect(sessionTime(0)).toBe('00:00:00');
    expect(sessionTime(59_999)).toBe('00:00:59');
    expect(sessionTime((3 * 3600 + 7 * 60 + 5) * 1000 + 400)).toBe('03:07:05');
    expect(sessionTime(125 * 3600 * 1000)).toBe('125:00:00');
    expect(sessionTime(-5)).toBe('00:00:00');
    expect(sessionTime(1e13)).toBe('9999:59:59');
  });
});

describe('the grade of the reference strategies', () => {
  // The tutorial (easy) and the hotel (16 quarters), two seeds each.
  for (const id of ['tutorial', 'hotel']) {
    it(`${id}: value-based passes and grades highest; the cost-cutter fails`, () => {
      const sc = builtin(id);
      const total = sc.objectives.reduce((a, o) => a + o.points, 0);
      for (const seed of ['1', '2']) {
        const benchmark = playReference(sc, seed, 'value-based').score;
        const grades = new Map<string, number>();
        for (const p of REFERENCE_POLICIES) {
          const run = playReference(sc, seed, p);
          const met = play(sc, seed, p).state.objectivesMet;
          const points = sc.objectives.reduce((a, o) => a + (met.includes(o.id) ? o.points : 0), 0);
          const r = lmsResult({ status: run.status === 'bankrupt' ? 'bankrupt' : 'finished', score: run.score, objectivePoints: points, totalObjectivePoints: total, benchmark, mastery: 60 });
          grades.set(p, r.raw!);
          if (p === 'value-based') expect(r.lessonStatus, `${id} ${seed} ${p}`).toBe('passed');
          if (p === 'cost-cutter') expect(r.lessonStatus, `${id} ${seed} ${p}`).toBe('failed');
        }
        expect(Math.max(...grades.values())).toBe(grades.get('value-based'));
      }
    });
  }
});
