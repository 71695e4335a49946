/**
 * Why a plan cannot be played: codes and values, never sentences. The messages layer
 * (`src/scenario/decisionMessages.ts`) writes them in the learner's language; the UI shows the
 * same reasons beside the fields they name (matched by `path`).
 */
import type { Lever } from '../config';
import type { CutoffMode, DecisionBound } from './catalogue';

/** What a field held instead of what it should (a number, a text, nothing, ...). */
export type Found =
  | { kind: 'number'; value: number }
  | { kind: 'text'; value: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'missing' }
  | { kind: 'null' }
  | { kind: 'object' }
  | { kind: 'list' };

/** The {@link Found} of a value (texts cut to 60 characters). */
export function foundOf(x: unknown): Found {
  if (x === undefined) return { kind: 'missing' };
  if (x === null) return { kind: 'null' };
  if (typeof x === 'number') return { kind: 'number', value: x };
  if (typeof x === 'string') return { kind: 'text', value: x.length > 60 ? `${x.slice(0, 60)}…` : x };
  if (typeof x === 'boolean') return { kind: 'boolean', value: x };
  return Array.isArray(x) ? { kind: 'list' } : { kind: 'object' };
}

/** One reason a plan is refused. `path` names the field, e.g. `tiers.1.serviceHours`; `''` the whole plan. */
export type DecisionProblem =
  /** The game is over: no more quarters. */
  | { code: 'gameOver'; path: '' }
  /** An object (or list) is missing or is something else; `found` is what was there. */
  | { code: 'notObject'; path: string; found: Found }
  | { code: 'notList'; path: string; found: Found }
  /** A key the plan format does not have. */
  | { code: 'unknownField'; path: string; key: string }
  /**
   * A number outside its range (or not a number, or not whole where it must be). `field` is the
   * catalogue id; `max` is this quarter's limit where the game's state sets a lower one.
   */
  | { code: 'outOfRange'; path: string; field: string; min: number; max: number; integer: boolean; found: Found }
  | { code: 'notBoolean'; path: string; found: Found }
  | { code: 'notMode'; path: string; values: CutoffMode[]; found: Found }
  /** Above a limit the game's state sets (`bound`): the scenario's tiers, the labour market, the headcount. */
  | { code: 'overLimit'; path: string; field: string; bound: DecisionBound; value: number; limit: number }
  /** A per-tier list of the wrong length: one per tier in use (`tier`) or per boundary (`boundary`). */
  | { code: 'count'; path: string; per: 'tier' | 'boundary'; value: number; expected: number }
  /** With more than one tier, every tiering weight is 0. */
  | { code: 'noWeight'; path: string }
  /** The tier shares do not sum to 1. */
  | { code: 'sharesSum'; path: string; value: number }
  /** A score threshold above the one before it (`limit`). */
  | { code: 'thresholdOrder'; path: string; value: number; limit: number }
  /** More answers to choice cards than a plan may hold. */
  | { code: 'tooManyChoices'; path: string; value: number; limit: number }
  /** An answer to a card that is not open this quarter, a card answered twice, an option the card lacks. */
  | { code: 'choiceUnknown'; path: string; event: string }
  | { code: 'choiceTwice'; path: string; event: string }
  | { code: 'optionUnknown'; path: string; event: string; option: string }
  /** The competitor benchmark bought in a game with no rival firm (the solo game). */
  | { code: 'noRivals'; path: string }
  /** A locked lever changed from the status quo; `until`: the quarter it opens (null: never in this scenario). */
  | { code: 'locked'; path: string; lever: Lever; until: number | null }
  /** The plan spends more than the budget (`value` > `limit`, money). */
  | { code: 'overBudget'; path: ''; value: number; limit: number }
  /** The plan needs more staff hours than the staff can give with overtime. */
  | { code: 'overStaff'; path: ''; value: number; limit: number };

export type DecisionProblemCode = DecisionProblem['code'];

/** Problems of the plan's form (a field out of range, a list of the wrong length...), as against its fit (locks, budget, staff). */
export const FORM_CODES: ReadonlySet<DecisionProblemCode> = new Set<DecisionProblemCode>([
  'notObject', 'notList', 'unknownField', 'outOfRange', 'notBoolean', 'notMode', 'overLimit', 'count', 'noWeight', 'sharesSum',
  'thresholdOrder', 'tooManyChoices', 'choiceUnknown', 'choiceTwice', 'optionUnknown',
]);

/** Whether a problem is about the plan's form (the plan cannot even be costed). */
export const isFormProblem = (p: DecisionProblem): boolean => FORM_CODES.has(p.code);
