/**
 * Saved games in IndexedDB (idb-keyval): one record per game, written after every quarter.
 * A save holds the scenario source, seed and decisions; the state is replayed on resume.
 */
import { createStore, del, entries, get, set, type UseStore } from 'idb-keyval';
import type { Decisions } from '../sim/config';
import type { LocalText } from '../sim/text';
import type { GameSource } from '../worker/protocol';

/** A saved game. */
export interface SaveRecord {
  /** Stable id of the game (random, made when the game starts). */
  id: string;
  /** Format marker, so a foreign value in the database is never mistaken for a save. */
  format: 'crm-sandbox-save';
  version: 1;
  title: LocalText;
  scenarioId: string;
  source: GameSource;
  seed: string;
  decisions: Decisions[];
  round: number;
  rounds: number;
  score: number;
  status: 'running' | 'finished' | 'bankrupt';
  /** Milliseconds since 1970 (the page's clock; never read by the sim). */
  updatedAt: number;
  /** A "what if" branch: the game it branched from and the quarters it kept (absent: an original game). */
  branch?: { of: string; fromRound: number };
}

/** What the home screen lists. */
export type SaveMeta = Omit<SaveRecord, 'decisions' | 'source'>;

let db: UseStore | null = null;
const store = (): UseStore => (db ??= createStore('crm-sandbox', 'saves'));

function isSave(v: unknown): v is SaveRecord {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Partial<SaveRecord>;
  return s.format === 'crm-sandbox-save' && s.version === 1 && typeof s.id === 'string' && Array.isArray(s.decisions) && typeof s.seed === 'string' && typeof s.source === 'object';
}

export async function putSave(s: SaveRecord): Promise<void> {
  await set(s.id, s, store());
}

export async function getSave(id: string): Promise<SaveRecord | null> {
  const v: unknown = await get(id, store());
  return isSave(v) ? v : null;
}

export async function deleteSave(id: string): Promise<void> {
  await del(id, store());
}

/** Every save, newest first (unreadable records are skipped, never deleted). */
export async function listSaves(): Promise<SaveMeta[]> {
  const all = await entries(store());
  return all
    .map(([, v]) => v as unknown)
    .filter(isSave)
    .map(({ decisions: _d, source: _s, ...meta }) => {
      void _d;
      void _s;
      return meta;
    })
    .sort((a, b) => b.updatedAt - a.updatedAt);
}

/** A fresh game id. */
export function newGameId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `g${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;
}
