/**
 * The game as the LMS keeps it between sessions (SCORM 1.2 `cmi.suspend_data`, at most 4,096
 * characters): the scenario's hash, the seed, the class code and every quarter's decisions.
 * Resuming replays them (the engine is deterministic), so a student goes on from another
 * computer with the very game they left.
 *
 *     CRMS1.<base64url of the raw-deflated JSON { v: 1, h, s, c, d }>
 *
 * `d` holds the first quarter's decisions whole and each later quarter as a patch on the
 * quarter before (only the fields that changed), since a plan changes a few levers a quarter;
 * deflate then folds the repeated field names. Every text is read back before it is used
 * (`encodeSuspend` checks its own output), so a patch can never replay a different plan.
 */
import type { Decisions } from '../sim/config';
import { deflateRaw, fromBase64Url, inflateRaw, toBase64Url } from '../scenario/deflate';

/** SCORM 1.2's limit on `cmi.suspend_data` (CMIString4096). */
export const SUSPEND_LIMIT = 4096;

const PREFIX = 'CRMS1.';
/** Far more than any game unpacks to: a damaged text never inflates into a flood. */
const MAX_JSON_BYTES = 2_000_000;

/** What the LMS keeps of a game. */
export interface SuspendedGame {
  /** hashJson of the scenario the game was played on: a course whose scenario changed does not replay an old plan on it. */
  scenarioHash: string;
  seed: string;
  classCode: string | null;
  decisions: Decisions[];
}

/** Why a suspend text cannot be read. */
export type SuspendProblem = 'notOurs' | 'damaged' | 'version' | 'shape';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The patch that turns `a` into `b`, or undefined when they are equal. Objects patch key by
 * key (null deletes a key); arrays of the same length patch index by index (an object keyed by
 * index); anything else is replaced whole.
 */
export function diffJson(a: Json | undefined, b: Json): Json | undefined {
  if (isObject(a) && isObject(b)) {
    const out: JsonObject = {};
    for (const k of Object.keys(b)) {
      const d = diffJson(a[k], b[k]!);
      if (d !== undefined) out[k] = d;
    }
    for (const k of Object.keys(a)) if (!(k in b)) out[k] = null;
    return Object.keys(out).length > 0 ? out : undefined;
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    const out: JsonObject = {};
    b.forEach((x, i) => {
      const d = diffJson(a[i], x);
      if (d !== undefined) out[String(i)] = d;
    });
    return Object.keys(out).length > 0 ? out : undefined;
  }
  if (a !== undefined && JSON.stringify(a) === JSON.stringify(b)) return undefined;
  return b;
}

/** `base` with `patch` applied (the inverse of {@link diffJson}); `base` is not changed. */
export function patchJson(base: Json | undefined, patch: Json): Json {
  if (isObject(patch) && isObject(base)) {
    const out: JsonObject = { ...base };
    for (const [k, v] of Object.entries(patch)) {
      if (v === null) delete out[k];
      else out[k] = patchJson(base[k], v);
    }
    return out;
  }
  if (isObject(patch) && Array.isArray(base)) {
    const out = [...base];
    for (const [k, v] of Object.entries(patch)) out[Number(k)] = patchJson(base[Number(k)], v!);
    return out;
  }
  return JSON.parse(JSON.stringify(patch)) as Json;
}

const decisionsJson = (d: readonly Decisions[]): Json[] => JSON.parse(JSON.stringify(d)) as Json[];

function packDecisions(list: readonly Decisions[]): Json[] {
  const plain = decisionsJson(list);
  return plain.map((d, i) => (i === 0 ? d : (diffJson(plain[i - 1], d) ?? {})));
}

function unpackDecisions(packed: readonly Json[]): Json[] {
  const out: Json[] = [];
  packed.forEach((p, i) => out.push(i === 0 ? p : patchJson(out[i - 1], p)));
  return out;
}

async function pack(payload: unknown): Promise<string> {
  return PREFIX + toBase64Url(await deflateRaw(new TextEncoder().encode(JSON.stringify(payload))));
}

/**
 * The suspend text of `game`. Its length may pass {@link SUSPEND_LIMIT} (the caller decides
 * what to keep then); it always decodes to `game`: when a patch would not (a value JSON cannot
 * patch, such as a null field), every quarter is written whole instead.
 */
export async function encodeSuspend(game: SuspendedGame): Promise<string> {
  const base = { v: 1, h: game.scenarioHash, s: game.seed, c: game.classCode };
  const text = await pack({ ...base, d: packDecisions(game.decisions) });
  const back = await decodeSuspend(text);
  if (back.ok && JSON.stringify(back.game.decisions) === JSON.stringify(game.decisions)) return text;
  return pack({ ...base, w: 1, d: decisionsJson(game.decisions) });
}

/** The game in a suspend text, or why it cannot be read. */
export async function decodeSuspend(text: string): Promise<{ ok: true; game: SuspendedGame } | { ok: false; problem: SuspendProblem }> {
  if (!text.startsWith(PREFIX)) return { ok: false, problem: 'notOurs' };
  let payload: unknown;
  try {
    const bytes = await inflateRaw(fromBase64Url(text.slice(PREFIX.length)), MAX_JSON_BYTES);
    payload = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { ok: false, problem: 'damaged' };
  }
  if (!isObject(payload)) return { ok: false, problem: 'shape' };
  if (payload.v !== 1) return { ok: false, problem: 'version' };
  const { h, s, c, d, w } = payload;
  if (typeof h !== 'string' || typeof s !== 'string' || s === '' || !(c === null || typeof c === 'string') || !Array.isArray(d)) return { ok: false, problem: 'shape' };
  let decisions: Json[];
  try {
    decisions = w === 1 ? d : unpackDecisions(d);
  } catch {
    return { ok: false, problem: 'shape' };
  }
  // Each plan is checked by the engine when the game is replayed; here only that it is a plan at all.
  if (!decisions.every(isObject)) return { ok: false, problem: 'shape' };
  return { ok: true, game: { scenarioHash: h, seed: s, classCode: c, decisions: decisions as unknown as Decisions[] } };
}
