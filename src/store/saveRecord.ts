/**
 * The saved-game record and its reader. IndexedDB holds whatever was put there (an older
 * build, a browser extension, a half-finished write, a hand edit in the developer tools), so
 * every field is checked when a save is read; a record that does not fit is listed as damaged,
 * with every reason, instead of breaking the home screen.
 *
 * Hand-written rather than zod: the home screen, which lists the saves, is in the first
 * bundle, and zod would add about 60 kB to it; zod stays in the worker's bundle.
 *
 * Fields are in two groups. The *game* (format, version, scenario source, seed, decisions) is
 * what resuming replays: if any of it is wrong, the save cannot be played. The *summary*
 * (title, quarter, score, status, time, links to other saves) is only what the list shows,
 * recomputed by the replay: a save whose game is intact but whose summary is damaged can still
 * be continued, and is written again, repaired, as soon as it is. Unknown fields are ignored
 * (they cannot break anything, and a save is never refused for carrying more than we read).
 */
import type { Decisions } from '../sim/config';
import type { LocalText } from '../sim/text';
import { CLASS_CODE } from '../scenario/classCodeShape';
import type { ClassPlay, GameSource } from '../worker/protocol';

/** The value of `format` in every save record. */
export const SAVE_FORMAT = 'crm-sandbox-save';
/** The save-record version this code writes and reads. */
export const SAVE_VERSION = 1;

/** A saved game. */
export interface SaveRecord {
  /** Stable id of the game (random, made when the game starts); also its key in IndexedDB. */
  id: string;
  /** Format marker, so a foreign value in the database is never mistaken for a save. */
  format: typeof SAVE_FORMAT;
  version: typeof SAVE_VERSION;
  title: LocalText;
  scenarioId: string;
  source: GameSource;
  seed: string;
  /** A game played for a class: resuming plays the class's variant again (absent: a game of one's own). */
  classPlay?: ClassPlay;
  decisions: Decisions[];
  round: number;
  rounds: number;
  score: number;
  status: 'running' | 'finished' | 'bankrupt';
  /** Milliseconds since 1970 (the page's clock; never read by the sim). */
  updatedAt: number;
  /**
   * How many times this record was written. A tab writes only over the revision it last read
   * or wrote (compare-and-set in one IndexedDB transaction), so two tabs never overwrite each
   * other's quarters. Absent in saves written before it existed: read as 0.
   */
  revision?: number;
  /** A "what if" branch: the game it branched from and the quarters it kept (absent: an original game). */
  branch?: { of: string; fromRound: number };
  /** A copy made because the game was open or changed in another tab: the save it was copied from and the quarters it had then. */
  copyOf?: { of: string; round: number };
}

/** What the home screen lists. */
export type SaveMeta = Omit<SaveRecord, 'decisions' | 'source'>;

/** What a damaged field should have been. */
export type SaveExpectation =
  | 'object' | 'saveFormat' | 'version' | 'text' | 'localText' | 'count' | 'number' | 'date' | 'status'
  | 'source' | 'decisions' | 'decision' | 'key' | 'roundInGame' | 'link' | 'classPlay'
  // A saved market game (marketSave.ts): the console's and a team's device's.
  | 'marketSave' | 'marketFormat' | 'teamSave' | 'teamFormat' | 'seats' | 'seat' | 'quarters' | 'plans' | 'boolean'
  | 'marketFile' | 'seatOrNone' | 'firmOrNone' | 'codeOrNone';

/** What a damaged field was (language-neutral; the screen puts it in words). */
export type SaveFound =
  | { kind: 'missing' }
  | { kind: 'null' }
  | { kind: 'text'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'list'; count: number }
  | { kind: 'object' }
  | { kind: 'other'; type: string };

/** One reason a save record is damaged. */
export interface SaveProblem {
  /** Dot-separated path in the record ('' for the whole record), e.g. `updatedAt`, `source.kind`. */
  path: string;
  expected: SaveExpectation;
  found: SaveFound;
  /** Part of the game itself (the save cannot be played), rather than of its summary. */
  game: boolean;
}

/** A record of the saves store as the home screen lists it. */
export type SaveEntry =
  | { kind: 'save'; key: string; meta: SaveMeta }
  | {
      kind: 'damaged';
      /** Its key in IndexedDB (any key type: a foreign value may use any). */
      key: IDBValidKey;
      problems: SaveProblem[];
      /** What could be read of it, for the row. */
      title: LocalText | null;
      scenarioId: string | null;
      seed: string | null;
      updatedAt: number | null;
      /** The game is intact (only its summary is damaged): it can be continued, which repairs it. */
      resumable: boolean;
      /** Written by a newer version of CRM Sandbox: never overwritten or repaired here. */
      newer: boolean;
    };

/** The outcome of {@link readSave}: the record (repaired if only its summary was damaged), and every problem. */
export interface ReadSave {
  /** The record to play, or null when the game itself is damaged. */
  record: SaveRecord | null;
  problems: SaveProblem[];
  newer: boolean;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
/** A time Date can show (ECMAScript's range of ±8.64e15 ms). */
const isTime = (v: unknown): v is number => isFiniteNumber(v) && Math.abs(v) <= 8.64e15;
const STATUSES = ['running', 'finished', 'bankrupt'] as const;

/** What a value was, briefly (texts cut to 60 characters). */
export function foundOf(v: unknown): SaveFound {
  if (v === undefined) return { kind: 'missing' };
  if (v === null) return { kind: 'null' };
  if (typeof v === 'string') return { kind: 'text', value: v.length > 60 ? `${v.slice(0, 60)}…` : v };
  if (typeof v === 'number') return { kind: 'number', value: v };
  if (typeof v === 'boolean') return { kind: 'boolean', value: v };
  if (Array.isArray(v)) return { kind: 'list', count: v.length };
  if (v instanceof Date) return { kind: 'other', type: 'Date' };
  if (isObj(v)) return { kind: 'object' };
  return { kind: 'other', type: typeof v };
}

function localText(v: unknown): LocalText | null {
  if (!isObj(v)) return null;
  const out: LocalText = {};
  if (typeof v.en === 'string') out.en = v.en;
  if (typeof v['zh-CN'] === 'string') out['zh-CN'] = v['zh-CN'];
  return out.en || out['zh-CN'] ? out : null;
}

function source(v: unknown): GameSource | null {
  if (!isObj(v)) return null;
  if (v.kind === 'builtin' && isText(v.id)) return { kind: 'builtin', id: v.id };
  if (v.kind === 'file' && typeof v.name === 'string' && typeof v.text === 'string') return { kind: 'file', name: v.name, text: v.text };
  if (v.kind === 'url' && typeof v.url === 'string' && typeof v.text === 'string') return { kind: 'url', url: v.url, text: v.text };
  return null;
}

/** The revision a stored value carries (0 when it has none: saves written before revisions). */
export function revisionOf(v: unknown): number {
  return isObj(v) && isCount(v.revision) ? v.revision : 0;
}

/**
 * Reads the value stored under `key`: every field checked. The decisions are checked to be a
 * list of objects; what each holds is the engine's to judge when the game is replayed (a
 * refused quarter is reported then, naming it).
 */
export function readSave(key: IDBValidKey, v: unknown): ReadSave {
  const problems: SaveProblem[] = [];
  const bad = (path: string, expected: SaveExpectation, value: unknown, game: boolean): void => void problems.push({ path, expected, found: foundOf(value), game });
  if (!isObj(v)) {
    bad('', 'object', v, true);
    return { record: null, problems, newer: false };
  }
  if (v.format !== SAVE_FORMAT) bad('format', 'saveFormat', v.format, true);
  const newer = isCount(v.version) && v.version > SAVE_VERSION;
  if (v.version !== SAVE_VERSION) bad('version', 'version', v.version, true);
  // Game: what resuming replays.
  const src = source(v.source);
  if (!src) bad(isObj(v.source) ? 'source.kind' : 'source', 'source', isObj(v.source) ? v.source.kind : v.source, true);
  if (!isText(v.seed)) bad('seed', 'text', v.seed, true);
  const classPlay = classPlayOf(v.classPlay);
  if (v.classPlay !== undefined && !classPlay) bad('classPlay', 'classPlay', v.classPlay, true);
  let decisions: Decisions[] | null = null;
  if (!Array.isArray(v.decisions)) bad('decisions', 'decisions', v.decisions, true);
  else {
    const i = v.decisions.findIndex((d) => !isObj(d));
    if (i >= 0) bad(`decisions.${i}`, 'decision', v.decisions[i], true);
    else decisions = v.decisions as Decisions[];
  }
  // Summary: what the list shows (recomputed by the replay).
  if (typeof key !== 'string' || v.id !== key) bad('id', 'key', v.id, typeof key !== 'string');
  const title = localText(v.title);
  if (!title) bad('title', 'localText', v.title, false);
  if (!isText(v.scenarioId)) bad('scenarioId', 'text', v.scenarioId, false);
  if (!isCount(v.rounds)) bad('rounds', 'count', v.rounds, false);
  if (!isCount(v.round)) bad('round', 'count', v.round, false);
  else if (isCount(v.rounds) && v.round > v.rounds) bad('round', 'roundInGame', v.round, false);
  if (!isFiniteNumber(v.score)) bad('score', 'number', v.score, false);
  const status = STATUSES.find((x) => x === v.status);
  if (!status) bad('status', 'status', v.status, false);
  if (!isTime(v.updatedAt)) bad('updatedAt', 'date', v.updatedAt, false);
  if (v.revision !== undefined && !isCount(v.revision)) bad('revision', 'count', v.revision, false);
  const branch = isObj(v.branch) && isText(v.branch.of) && isCount(v.branch.fromRound) ? { of: v.branch.of, fromRound: v.branch.fromRound } : null;
  if (v.branch !== undefined && !branch) bad('branch', 'link', v.branch, false);
  const copyOf = isObj(v.copyOf) && isText(v.copyOf.of) && isCount(v.copyOf.round) ? { of: v.copyOf.of, round: v.copyOf.round } : null;
  if (v.copyOf !== undefined && !copyOf) bad('copyOf', 'link', v.copyOf, false);

  if (problems.some((p) => p.game) || !src || !decisions || typeof key !== 'string' || !isText(v.seed)) return { record: null, problems, newer };
  const scenarioId = isText(v.scenarioId) ? v.scenarioId : src.kind === 'builtin' ? src.id : '';
  const record: SaveRecord = {
    id: key,
    format: SAVE_FORMAT,
    version: SAVE_VERSION,
    title: title ?? { en: scenarioId || (src.kind === 'file' ? src.name : src.kind === 'url' ? src.url : src.id) },
    scenarioId,
    source: src,
    seed: v.seed,
    ...(classPlay ? { classPlay } : {}),
    decisions,
    round: isCount(v.round) ? Math.min(v.round, decisions.length) : decisions.length,
    rounds: isCount(v.rounds) ? v.rounds : Math.max(decisions.length, isCount(v.round) ? v.round : 0),
    score: isFiniteNumber(v.score) ? v.score : 0,
    status: status ?? 'running',
    updatedAt: isTime(v.updatedAt) ? v.updatedAt : 0,
    revision: revisionOf(v),
    ...(branch ? { branch } : {}),
    ...(copyOf ? { copyOf } : {}),
  };
  return { record, problems, newer };
}

/** A saved class: its code as the tools record it (upper case, the seed's shape) and the player's name or null. */
function classPlayOf(v: unknown): ClassPlay | null {
  if (!isObj(v) || typeof v.code !== 'string' || !CLASS_CODE.test(v.code)) return null;
  if (v.player !== null && !isText(v.player)) return null;
  return { code: v.code, player: v.player };
}

/** The list entry for the value stored under `key`. */
export function saveEntry(key: IDBValidKey, v: unknown): SaveEntry {
  const r = readSave(key, v);
  if (r.record && r.problems.length === 0 && typeof key === 'string') {
    const { decisions: _d, source: _s, ...meta } = r.record;
    void _d;
    void _s;
    return { kind: 'save', key, meta };
  }
  const o = isObj(v) ? v : {};
  return {
    kind: 'damaged',
    key,
    problems: r.problems,
    title: localText(o.title),
    scenarioId: isText(o.scenarioId) ? o.scenarioId : null,
    seed: isText(o.seed) ? o.seed : null,
    updatedAt: isTime(o.updatedAt) ? o.updatedAt : null,
    resumable: r.record !== null && !r.newer,
    newer: r.newer,
  };
}

/**
 * What a write expects to find: `null` no record (a new game), a number the revision this tab
 * last read or wrote, `'any'` whatever is there (replacing a save on purpose: the tab that had
 * it open finds the revision moved on at its next write).
 */
export type Expected = number | null | 'any';

/** The outcome of {@link writeSave}. */
export type WriteResult = { ok: true; revision: number } | { ok: false; conflict: { found: number | null } };

/**
 * Whether a write that expects `expected` may go over `old` (the stored value, undefined if
 * none), and the revision it then gets. A record deleted meanwhile (in another tab) is written
 * again: the game being played must not be lost.
 */
export function casDecision(old: unknown, expected: Expected): WriteResult {
  const found = old === undefined ? null : revisionOf(old);
  if (expected === 'any') return { ok: true, revision: (found ?? 0) + 1 };
  if (expected === null) return found === null ? { ok: true, revision: 1 } : { ok: false, conflict: { found } };
  if (found !== null && found !== expected) return { ok: false, conflict: { found } };
  return { ok: true, revision: expected + 1 };
}

/** When an entry was last written, for sorting (damaged ones without a time last). */
export function entryTime(e: SaveEntry): number {
  return e.kind === 'save' ? e.meta.updatedAt : (e.updatedAt ?? -Infinity);
}

/**
 * A stored value as JSON text, whatever it holds (structured clones can carry what JSON
 * cannot: undefined, NaN, big integers, dates, maps, sets, typed arrays, cycles), so a damaged
 * save can always be exported and kept.
 */
export function rawText(v: unknown): string {
  const seen = new WeakSet<object>();
  const walk = (x: unknown): unknown => {
    if (x === undefined) return null;
    if (typeof x === 'number') return Number.isFinite(x) ? x : String(x);
    if (typeof x === 'bigint') return `${x}n`;
    if (typeof x !== 'object' || x === null) return typeof x === 'function' || typeof x === 'symbol' ? String(x) : x;
    if (seen.has(x)) return '[cycle]';
    seen.add(x);
    if (x instanceof Date) return Number.isNaN(x.getTime()) ? 'Invalid Date' : x.toISOString();
    if (ArrayBuffer.isView(x)) return Array.from(new Uint8Array(x.buffer, x.byteOffset, x.byteLength));
    if (x instanceof ArrayBuffer) return Array.from(new Uint8Array(x));
    if (x instanceof Map) return { $map: [...x.entries()].map(([k, val]) => [walk(k), walk(val)]) };
    if (x instanceof Set) return { $set: [...x.values()].map(walk) };
    if (Array.isArray(x)) return x.map(walk);
    const out: Record<string, unknown> = {};
    for (const [k, val] of Object.entries(x)) out[k] = walk(val);
    return out;
  };
  return `${JSON.stringify(walk(v), null, 2)}\n`;
}
