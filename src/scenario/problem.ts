/**
 * The language-neutral description of one problem in a scenario file. Validators produce
 * {@link Problem}s; `messages.ts` turns them into sentences in English or Chinese, and
 * `load.ts` adds the file name and the line and column.
 */
import type { Lang } from '../sim/text';

/** One step of a path into the JSON document: an object key or an array index. */
export type PathSegment = string | number;

/** A JSON primitive, as named in "one of …" expectations. */
export type Primitive = string | number | boolean | null;

/** What the file should have had at a place. */
export type Expectation =
  /** A number in `[min, max]` (null: unbounded); `exclusiveMin` makes the lower bound strict. */
  | { kind: 'number'; min: number | null; max: number | null; int: boolean; exclusiveMin?: boolean }
  /** An amount of money, 0..`max`. */
  | { kind: 'money'; max: number }
  | { kind: 'text'; maxLength: number | null }
  | { kind: 'id' }
  | { kind: 'currency' }
  | { kind: 'boolean' }
  | { kind: 'oneOf'; values: readonly Primitive[] }
  | { kind: 'object' }
  | { kind: 'localText' }
  | { kind: 'list'; min: number | null; max: number | null }
  /** An event target: `{all: true}`, `{tier}`, `{segment}` or `{largest}`. */
  | { kind: 'target' }
  /** JSON syntax: one of these punctuation tokens. */
  | { kind: 'token'; tokens: readonly string[] }
  | { kind: 'jsonValue' }
  | { kind: 'fieldName' }
  | { kind: 'digit' }
  | { kind: 'escape' }
  | { kind: 'closeString' }
  | { kind: 'endOfText' }
  /** An id not used before in the same list (`firstPath` holds the first use). */
  | { kind: 'unique'; firstPath: string }
  /** The id of something defined elsewhere in the scenario. */
  | { kind: 'ref'; what: 'tier' | 'segment' | 'option' | 'event'; ids: readonly string[] }
  /** A round of this scenario, 1..rounds. */
  | { kind: 'round'; rounds: number }
  | { kind: 'sumTo1' }
  /** A list with exactly `n` items, one per tier in use (or one fewer). */
  | { kind: 'count'; n: number; per: 'tier' | 'tierBoundary' }
  | { kind: 'atMostTiers'; n: number }
  | { kind: 'firstRound' }
  /** A number above `value`, the value at path `of`. */
  | { kind: 'above'; value: number; of: string }
  /** A number at most `value`, the value at path `of`. */
  | { kind: 'notAbove'; value: number; of: string }
  /** A number at least `value`, the value at path `of`. */
  | { kind: 'notBelow'; value: number; of: string }
  /** A market of `min` to `max` firms, as the scenario's market section (or the default) allows. */
  | { kind: 'firmRange'; min: number; max: number }
  /** Exactly `n` firms: the number of starting shares a market declares (market.start.shares). */
  | { kind: 'firmsOfShares'; n: number }
  /** The path of a number in this scenario (a class variant's parameter). */
  | { kind: 'numberPath' }
  /** Tiering weights of which at least one is above 0 (more than one tier is in use). */
  | { kind: 'someWeight' }
  /** At most `limit`: the most hires the labour market gives, or the headcount for layoffs. */
  | { kind: 'decisionLimit'; bound: 'hiring' | 'headcount' | 'scenarioTiers'; limit: number }
  /** A choice card: `options` and `defaultOption` come together. */
  | { kind: 'choicePair'; has: 'options' | 'defaultOption' }
  | { kind: 'choiceEvent' }
  | { kind: 'customerRounds'; max: number }
  /** A first-quarter budget of at least `spend`: what the starting plan spends on levers still locked then. */
  | { kind: 'lockedSpend'; spend: number }
  | { kind: 'schemaVersion'; max: number };

/** What the file had instead. */
export type Found =
  | { kind: 'value'; value: unknown }
  | { kind: 'missing' }
  | { kind: 'sum'; sum: number }
  | { kind: 'count'; n: number }
  /** JSON syntax: the text at the error (a character or a word). */
  | { kind: 'text'; text: string }
  | { kind: 'end' }
  | { kind: 'lineBreak' }
  | { kind: 'product'; size: number; rounds: number };

/** What went wrong; each kind has its own sentence in `messages.ts`. */
export type Detail =
  | { kind: 'mismatch'; expected: Expectation; found: Found }
  | { kind: 'missing'; expected: Expectation }
  | { kind: 'unknownKey'; key: string; suggestion: string | null; known: readonly string[] }
  | { kind: 'duplicateKey'; key: string }
  | { kind: 'syntax'; expected: Expectation; found: Found }
  | { kind: 'tooLarge'; chars: number; max: number }
  | { kind: 'tooDeep'; max: number }
  | { kind: 'empty' }
  | { kind: 'notText' }
  | { kind: 'newerVersion'; version: number; max: number }
  | { kind: 'tooMany'; more: number }
  | { kind: 'internal' }
  /** Warning: the file was upgraded from an older format on load. */
  | { kind: 'migrated'; from: number; to: number }
  /** Warning: a text has no translation into `lang`. */
  | { kind: 'missingTranslation'; lang: Lang };

/** One problem, before it gets a file name, a position and a language. */
export interface Problem {
  /** Where in the (migrated) document; `[]` for the whole file. */
  readonly path: readonly PathSegment[];
  /** Point at the key of the member (unknown and duplicate keys) or at its value. */
  readonly anchor: 'key' | 'value';
  /** A direct text offset (JSON syntax errors), used instead of the path. */
  readonly offset?: number;
  readonly detail: Detail;
}

/** `tiers.2.serviceHours`; `''` for the root. */
export function pathText(path: readonly PathSegment[]): string {
  return path.map(String).join('.');
}

/** A problem at a value. */
export function mismatch(path: readonly PathSegment[], expected: Expectation, found: Found): Problem {
  return { path, anchor: 'value', detail: { kind: 'mismatch', expected, found } };
}

/** A problem about a value in the document. */
export function foundValue(value: unknown): Found {
  return value === undefined ? { kind: 'missing' } : { kind: 'value', value };
}
