/**
 * What the game reports to the LMS's gradebook (SCORM 1.2 `cmi.core.score.raw` 0-100 and
 * `cmi.core.lesson_status`), from the end of a game. The game's own score has no fixed scale
 * (points of profit, satisfaction and customer equity, plus the objectives' points), so the
 * grade is made of two halves a teacher can check on the end screen:
 *
 * - the scenario's objectives: the share of their points the student met;
 * - the game's score against the value-based reference strategy played on the same world
 *   (scenario, class variant and seed): reaching it gives the whole half, half its score
 *   half the half, and a score at or below zero nothing.
 *
 * Without objectives the score against value-based is the whole grade, and without a usable
 * reference (its score not above zero) the objectives are. `passed` needs a grade at or above
 * the mastery score; a bankrupt firm fails whatever its grade.
 */

export type LessonStatus = 'incomplete' | 'completed' | 'passed' | 'failed';

export interface GameOutcome {
  status: 'running' | 'finished' | 'bankrupt';
  /** The game's score (the engine's). */
  score: number;
  /** Points of the objectives met, and of all the scenario's objectives. */
  objectivePoints: number;
  totalObjectivePoints: number;
  /** The value-based reference's score on the same world, or null when it is not known. */
  benchmark: number | null;
  /** The grade (0-100) that passes. */
  mastery: number;
}

export interface LmsResult {
  lessonStatus: LessonStatus;
  /** 0-100, or null while the game runs (or when nothing can grade it). */
  raw: number | null;
  /** The two halves (0-1 each), as the student's result screen explains the grade; null when a half does not count. */
  objectives: number | null;
  versusBenchmark: number | null;
}

const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);

/** The package's mastery score when the LMS sets none. */
export const DEFAULT_MASTERY = 60;

export function lmsResult(o: GameOutcome): LmsResult {
  if (o.status === 'running') return { lessonStatus: 'incomplete', raw: null, objectives: null, versusBenchmark: null };
  const objectives = o.totalObjectivePoints > 0 ? clamp01(o.objectivePoints / o.totalObjectivePoints) : null;
  const versusBenchmark = o.benchmark !== null && o.benchmark > 0 ? clamp01(o.score / o.benchmark) : null;
  const parts = [objectives, versusBenchmark].filter((x): x is number => x !== null);
  const raw = parts.length === 0 ? null : Math.round((100 * parts.reduce((a, b) => a + b, 0)) / parts.length);
  const lessonStatus: LessonStatus = o.status === 'bankrupt' ? 'failed' : raw === null ? 'completed' : raw >= o.mastery ? 'passed' : 'failed';
  return { lessonStatus, raw, objectives, versusBenchmark };
}

/** A mastery score as the LMS gives it (`cmi.student_data.mastery_score`: "" when the course sets none), else `fallback`. */
export function masteryOf(lmsValue: string, fallback: number): number {
  const t = lmsValue.trim();
  if (t === '') return fallback;
  const n = Number(t);
  return Number.isFinite(n) && n >= 0 && n <= 100 ? n : fallback;
}

/** A duration as SCORM 1.2's CMITimespan (HHHH:MM:SS, hours of at least two digits, at most 9999). */
export function sessionTime(ms: number): string {
  const total = Math.max(0, Math.min(Math.floor(ms / 1000), 9999 * 3600 + 59 * 60 + 59));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(h)}:${two(m)}:${two(s)}`;
}
