/**
 * A verdict on each lesson of MODEL.md section 6 with the evidence of this run's numbers (the
 * decisions' effects from `moves.ts`, the quarters' summaries, and the truth the worker sends
 * once the game is over: lessons 2, 3, 5 and 8 read true satisfaction). Each lesson's function
 * (`lessons1to4.ts`, `lessons5to8.ts`) computes its evidence as parts, one per claim of the
 * lesson, each with its stance and its sentences; the verdict is read from the stances alone
 * (`lessonParts.ts`). Pure: no React, no engine.
 */
import type { LessonsInput, LessonVerdict } from './lessonHelpers';
import { lesson1, lesson2, lesson3, lesson4 } from './lessons1to4';
import { lesson5, lesson6, lesson7, lesson8 } from './lessons5to8';
import { collectMoves } from './moves';

export type { Stance, Verdict, Part } from './lessonParts';
export { verdictOf, KEY_STANCE } from './lessonParts';
export type { LessonId, LessonsInput, LessonVerdict } from './lessonHelpers';
export { differentiated } from './lessonHelpers';

/** The eight lessons of MODEL.md section 6, in order, each with its verdict on this run (a game that is over: it needs the truth). */
export function detectLessons(input: LessonsInput): LessonVerdict[] {
  const moves = collectMoves(input.attributions).filter((m) => m.round >= 1 && m.round <= input.decisions.length);
  return [
    lesson1(input, moves),
    lesson2(input, moves),
    lesson3(input),
    lesson4(input, moves),
    lesson5(input),
    lesson6(input, moves),
    lesson7(input),
    lesson8(input, moves),
  ];
}
