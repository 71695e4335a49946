/**
 * How a lesson's verdict follows from its evidence. Each lesson's function computes its
 * evidence from this run's numbers as parts: a part is one claim of the lesson (for lesson 3,
 * "merely satisfied customers still defect" and "loyalty rises steeply only at the top") with
 * the stance the numbers take on it and the sentences that say so, or context (what the
 * learner did, the figures). The verdict reads only the parts' stances ({@link verdictOf}), and
 * every sentence that takes a stance has it written beside its key ({@link KEY_STANCE}), so a
 * verdict cannot say "shown" beside a sentence that says "does not show". Pure data.
 */
import type { LessonsKey, Msg } from './msg';

/** What the run's numbers say about one claim of a lesson. */
export type Stance =
  /** They show it. */
  | 'for'
  /** They contradict it. */
  | 'against'
  /** The run tested it, but the numbers read neither way (too small, mixed, or not separable). */
  | 'unclear'
  /** The run did nothing that tests it, or the debrief has no figures for it. */
  | 'untested';

/**
 * ✔ every claim shown; ◐ some shown, others not (contradicted, unclear or untested); ✘ some
 * contradicted and none shown; – none shown or contradicted.
 */
export type Verdict = 'shown' | 'partly' | 'broken' | 'notTested';

/** One claim of a lesson and what this run says about it; or context (`stance` null) that takes no side. */
export interface Part {
  stance: Stance | null;
  says: Msg[];
}

/** The verdict of a lesson from its parts' stances (context parts do not count). */
export function verdictOf(parts: readonly Pick<Part, 'stance'>[]): Verdict {
  const stances = parts.map((p) => p.stance).filter((s): s is Stance => s !== null);
  const shown = stances.includes('for');
  if (shown) return stances.every((s) => s === 'for') ? 'shown' : 'partly';
  return stances.includes('against') ? 'broken' : 'notTested';
}

/** A part of `stance` with its sentences. */
export const part = (stance: Stance | null, ...says: Msg[]): Part => ({ stance, says });

/**
 * The stance each of the lessons' sentences takes, by key. A sentence whose key is here may
 * only stand in a part of that stance (the tests check every run they play); keys not here
 * are context (what was decided, the figures) and may stand anywhere.
 */
export const KEY_STANCE: Partial<Record<LessonsKey, Stance>> = {
  'lesson.noAttribution': 'untested',
  'lesson.l1.neverOneTier': 'untested',
  'lesson.l1.neverSameHours': 'untested',
  'lesson.l1.always': 'untested',
  'lesson.l1.paid': 'for',
  'lesson.l1.didNotPay': 'against',
  'lesson.l1.even': 'unclear',
  'lesson.l1.notSplit': 'unclear',
  'lesson.l2.noCut': 'untested',
  'lesson.l2.tooLate': 'untested',
  'lesson.l2.profitUp': 'for',
  'lesson.l2.profitDown': 'against',
  'lesson.l2.profitShrank': 'for',
  'lesson.l2.profitHeld': 'unclear',
  'lesson.l2.lag': 'for',
  'lesson.l2.customersLater': 'for',
  'lesson.l2.together': 'unclear',
  'lesson.l2.customersFirst': 'unclear',
  'lesson.l2.customersAtOnce': 'unclear',
  'lesson.l2.employeesOnly': 'unclear',
  'lesson.l2.tooSmall': 'unclear',
  'lesson.l2.noHarm': 'against',
  'lesson.l3.noSatisfied': 'untested',
  'lesson.l3.satisfied': 'for',
  'lesson.l3.satisfiedNoneLeft': 'against',
  'lesson.l3.satisfiedTooFew': 'untested',
  'lesson.l3.highBetter': 'for',
  'lesson.l3.highSlightly': 'unclear',
  'lesson.l3.highNotBetter': 'against',
  'lesson.l3.noHigh': 'untested',
  'lesson.l4.noEquity': 'untested',
  'lesson.l4.more': 'for',
  'lesson.l4.notMore': 'against',
  'lesson.l4.keptRaised': 'for',
  'lesson.l4.keptLowered': 'against',
  'lesson.l4.lostLowered': 'for',
  'lesson.l4.lostRaised': 'against',
  'lesson.l5.never': 'untested',
  'lesson.l5.brief': 'untested',
  'lesson.l5.bothFell': 'for',
  'lesson.l5.rose': 'against',
  'lesson.l5.mixed': 'unclear',
  'lesson.l6.noProgramme': 'untested',
  'lesson.l6.programmeMerged': 'untested',
  'lesson.l6.programmeUntraced': 'untested',
  'lesson.l6.paidBack': 'for',
  'lesson.l6.payingBack': 'for',
  'lesson.l6.noPayback': 'against',
  'lesson.l6.programmeUnclear': 'unclear',
  'lesson.l6.orientation': 'untested',
  'lesson.l6.noDiscount': 'untested',
  'lesson.l6.allDiscounted': 'untested',
  'lesson.l6.marginLower': 'for',
  'lesson.l6.marginNotLower': 'against',
  'lesson.l7.cannotShow': 'untested',
  'lesson.l8.oneTier': 'untested',
  'lesson.l8.oneTierRange': 'untested',
  'lesson.l8.underServed': 'for',
  'lesson.l8.topHappier': 'against',
  'lesson.l8.noGap': 'unclear',
  'lesson.l8.noMoves': 'untested',
  'lesson.l8.movesMerged': 'untested',
  'lesson.l8.paid': 'for',
  'lesson.l8.didNotPay': 'against',
  'lesson.l8.even': 'unclear',
};
