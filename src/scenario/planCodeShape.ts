/**
 * The light part of decision codes (planCode.ts): the limits, a market's id and what a code is
 * offered to, without the decisions' schema (zod), so the page's first bundle can hold them and
 * load the codes' reader only when a code is made or read.
 */
import { hashJson } from '../sim/hash';

/** The longest code read (a plan of eight tiers is far below it). */
export const MAX_CODE_LENGTH = 20_000;

/** The id of a market: its scenario (hash), seed and firms' names, in 12 hex digits. */
export function marketId(scenarioHash: string, seed: string, names: readonly string[]): string {
  return hashJson([scenarioHash, seed, names]).slice(0, 12);
}

/** The market a code is offered to: its id, the quarter it decides and its firms. */
export interface CodeTarget {
  market: string;
  /** The quarter being decided (1-based). */
  round: number;
  firms: readonly { name: string; team: boolean; playing: boolean }[];
}
