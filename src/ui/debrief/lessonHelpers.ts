/** What the lessons share: their input and result, and the facts several of them read. Pure. */
import type { GroupId } from '../../sim/attribution';
import type { Decisions } from '../../sim/config';
import type { DecisionGroup } from '../../sim/decisions/catalogue';
import type { GameTruth, RoundTruth } from '../../worker/protocol';
import { changeMsg, mergedChanges } from './changes';
import { verdictOf, type Part, type Verdict } from './lessonParts';
import { before, type DebriefInput, type Move } from './moves';
import { msg, quarter, type Msg } from './msg';
import { minValue } from './topDecisions';

/** What the lessons read: the debrief's input and the game's truth (a game that is over has one). */
export interface LessonsInput extends DebriefInput {
  truth: GameTruth;
}

export type LessonId = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

export interface LessonVerdict {
  lesson: LessonId;
  /** `verdictOf(parts)`: nothing else decides it. */
  verdict: Verdict;
  /** The lesson's statement (MODEL.md section 6), as a message. */
  title: Msg;
  /** The evidence: each claim of the lesson with its stance and sentences, and context. */
  parts: Part[];
  /** The parts' sentences in order (what the screen shows). */
  evidence: Msg[];
}

/** A lesson's verdict and sentences from its parts. */
export function judged(lesson: LessonId, parts: Part[]): LessonVerdict {
  return { lesson, verdict: verdictOf(parts), title: msg(`lesson.l${lesson}.title`), parts, evidence: parts.flatMap((p) => p.says) };
}

/** The truth of quarter `q` (1-based), if the truth covers it. */
export const truthAt = (input: LessonsInput, q: number): RoundTruth | undefined => input.truth.rounds.find((x) => x.round === q);

export const hoursOf = (d: Decisions, t: number): number => d.tiers[t]?.serviceHours ?? 0;

/** Differentiated service: more than one tier, and more service hours per customer for the top tier than for the bottom. */
export function differentiated(d: Decisions): boolean {
  return d.tiering.tierCount > 1 && d.tiers.length > 1 && hoursOf(d, 0) > hoursOf(d, d.tiers.length - 1);
}

export const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/** Money below which an effect reads as none: {@link minValue}. */
export const materiality = minValue;

/** Whether quarter q changed the number of tiers (the attribution then counts every per-tier lever in the tiering group). */
export const mergedAt = (input: DebriefInput, q: number): boolean => input.decisions[q - 1]!.tiering.tierCount !== before(input, q).tiering.tierCount;

/** The quarters that changed the number of tiers and, with it, a per-tier lever of one of `groups` (what the learner decided). */
export function mergedWith(input: DebriefInput, groups: readonly DecisionGroup[]): number[] {
  const out: number[] = [];
  for (let q = 1; q <= input.decisions.length; q++) {
    if (!mergedAt(input, q)) continue;
    if (mergedChanges(before(input, q), input.decisions[q - 1]!).some((c) => c.group !== undefined && groups.includes(c.group))) out.push(q);
  }
  return out;
}

/**
 * "In Qn you changed the number of tiers, and with it: <the per-tier levers of `groups` set
 * anew>": what the learner changed in a quarter the attribution cannot split (context).
 */
export function mergedMsg(input: DebriefInput, q: number, groups: readonly DecisionGroup[]): Msg {
  const b = before(input, q);
  const a = input.decisions[q - 1]!;
  const changes = mergedChanges(b, a).filter((c) => c.group !== undefined && groups.includes(c.group));
  return msg('lesson.merged', {
    quarter: quarter(q),
    from: { kind: 'number', value: b.tiering.tierCount },
    to: { kind: 'number', value: a.tiering.tierCount },
    changes: { kind: 'list', items: changes.map(changeMsg) },
  });
}

/** Moves at quarter q of the tiering and service groups. */
export function tieringMoves(moves: readonly Move[], q: number): Move[] {
  return moves.filter((m) => m.round === q && (m.group === 'tiering' || m.group.startsWith('service:')));
}

export const isRetentionGroup = (g: GroupId): boolean => g === 'relationship' || g.startsWith('service:');

