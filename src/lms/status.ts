/**
 * What the page shows of its link with the LMS (a small store of its own, like the
 * references': only the SCORM build has it, and the first bundle does not carry it).
 */
import { create } from 'zustand';
import type { LmsError } from './api';
import type { LmsResult } from './result';
import type { SuspendProblem } from './suspend';

/** Why the package's own configuration or scenario could not be read (the file and what was wrong). */
export interface PackageProblem {
  file: string;
  /** The field path in the file ('' for the file as a whole). */
  path: string;
  expected: string;
}

export interface LmsState {
  phase: 'connecting' | 'connected' | 'noLms' | 'failed' | 'finished';
  /** The LMS calls that failed, in order (the first is what the page shows). */
  errors: LmsError[];
  /** The package's configuration or scenario did not load. */
  packageProblem: PackageProblem | null;
  /** The course kept a game this page could not resume (it starts a new one and says so). */
  resumeProblem: SuspendProblem | 'scenarioChanged' | 'replayFailed' | null;
  /** The game was resumed from the course at this quarter (null: a new game). */
  resumedAt: number | null;
  /** The save id of the game the course follows. */
  gameId: string | null;
  /** The quarters the course keeps (less than those played when a game is too long for the LMS's 4,096 characters). */
  keptQuarters: number;
  played: number;
  /** The grade reported at the end of the game. */
  result: LmsResult | null;
  mastery: number;
  /** Reported at the end while waiting for the value-based reference to finish. */
  grading: boolean;
}

export const useLms = create<LmsState>()(() => ({
  phase: 'connecting',
  errors: [],
  packageProblem: null,
  resumeProblem: null,
  resumedAt: null,
  gameId: null,
  keptQuarters: 0,
  played: 0,
  result: null,
  mastery: 0,
  grading: false,
}));
