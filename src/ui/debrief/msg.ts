/**
 * The debrief's sentences as data: a {@link Msg} is a key of the `lessons` namespace and its
 * values; `render.ts` turns it into text in the learner's language. Pure: no React, no engine.
 */
import type { GroupId } from '../../sim/attribution';
import type { LocalText } from '../../sim/text';
import type { lessonsMessages } from './lessonsMessages';

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** A plural message's base key (i18next picks `_one` or `_other` by the `count` value). */
type Base<K extends string> = K extends `${infer B}_one` ? B : K extends `${infer B}_other` ? B : K;

/** Every message key of the `lessons` namespace (plurals by their base key, used with a `count` value). */
export type LessonsKey = Base<Leaves<(typeof lessonsMessages)['en']>>;

/** A value to put into a message; {@link renderVal} formats it. `signed` adds + or − (never colour alone). */
export type Val =
  | { kind: 'money'; value: number; signed?: boolean }
  | { kind: 'number'; value: number; digits?: number; signed?: boolean }
  /** A share 0..1 shown as a percentage; signed: a change in percentage points. */
  | { kind: 'percent'; value: number; digits?: number; signed?: boolean }
  /** Quarter n (1-based). */
  | { kind: 'quarter'; value: number }
  /** A run of quarters (first..last, both 1-based). */
  | { kind: 'quarters'; from: number; to: number }
  /** Text from the scenario, in the learner's language. */
  | { kind: 'text'; text: LocalText }
  /** A tier position's name (with one tier in use: all customers). */
  | { kind: 'tier'; tier: number; tierCount: number }
  /** A decision group's name; `merged`: the tiering group holding every per-tier lever (the number of tiers changed). */
  | { kind: 'group'; group: GroupId; tierCount: number; merged?: boolean }
  /** One value per tier, named by the tiers ("A clients 5, B clients 3"); with one tier, "all customers 5". */
  | { kind: 'tierValues'; values: Val[]; tierCount: number }
  | { kind: 'msg'; msg: Msg }
  /** Quarters, runs of consecutive ones shortened to a range ("Q2, Q4–Q6"). */
  | { kind: 'quarterList'; quarters: number[] }
  /** Messages joined with the language's separator: `;` between clauses (default) or a comma. */
  | { kind: 'list'; items: Msg[]; comma?: boolean };

/** A sentence or phrase: a `lessons` key and its values. */
export interface Msg {
  key: LessonsKey;
  values?: Record<string, Val>;
}


export const msg = (key: LessonsKey, values?: Record<string, Val>): Msg => (values ? { key, values } : { key });
export const money = (value: number, signed = false): Val => ({ kind: 'money', value, signed });
export const num = (value: number, digits?: number, signed = false): Val => ({ kind: 'number', value, digits, signed });
export const pct = (value: number, digits?: number, signed = false): Val => ({ kind: 'percent', value, digits, signed });
export const quarter = (value: number): Val => ({ kind: 'quarter', value });
export const points = (value: number): Val => num(value, 1, true);
/** A score effect: one decimal, two below 1 so that small effects do not read as ±0. */
export const scoreVal = (value: number): Val => num(value, Math.abs(value) < 1 ? 2 : 1, true);
export const tierVal = (tier: number, tierCount: number): Val => ({ kind: 'tier', tier, tierCount });
export const quartersVal = (qs: readonly number[]): Val => ({ kind: 'quarterList', quarters: [...qs] });

/** Consecutive quarters joined into runs: [2, 4, 5, 6] → 2..2, 4..6. */
export function runsOf(qs: readonly number[]): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  for (const q of qs) {
    const lastRun = out[out.length - 1];
    if (lastRun && lastRun.to === q - 1) lastRun.to = q;
    else out.push({ from: q, to: q });
  }
  return out;
}
