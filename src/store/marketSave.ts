/**
 * The market game in play on this screen, saved in IndexedDB (its own database, apart from the
 * solo saves) after every submitted plan and every quarter, so that a reload or a crash of the
 * facilitator's browser loses nothing: the scenario source, the seed, the seats, every quarter's
 * plans as they played, and the plans already in for the quarter being decided. The markets are
 * replayed on resume. One market per browser: a new one replaces it (home asks first).
 */
import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import type { Decisions } from '../sim/config';
import type { LocalText } from '../sim/text';
import type { GameSource, MarketSeat } from '../worker/protocol';

export interface MarketSaveRecord {
  format: 'crm-sandbox-market-save';
  version: 1;
  title: LocalText;
  source: GameSource;
  seed: string;
  seats: MarketSeat[];
  /** Each quarter played: its plans in seat order as they played (null: the firm had stopped). */
  played: (Decisions | null)[][];
  /** The plans in for the quarter being decided (null: not yet). */
  plans: (Decisions | null)[];
  round: number;
  rounds: number;
  over: boolean;
  updatedAt: number;
}

/** What home finds: the saved market, or why it cannot be read (it is kept until the facilitator deletes it). */
export type MarketSaveFound = { ok: true; record: MarketSaveRecord } | { ok: false; reasons: string[] };

const KEY = 'current';
let db: UseStore | null = null;
const store = (): UseStore => (db ??= createStore('crm-sandbox-market', 'market'));

export async function writeMarketSave(rec: MarketSaveRecord): Promise<void> {
  await set(KEY, rec, store());
}

export async function clearMarketSave(): Promise<void> {
  await del(KEY, store());
}

/** The saved market (null: none), read field by field. */
export async function readMarketSave(): Promise<MarketSaveFound | null> {
  const raw: unknown = await get(KEY, store());
  if (raw === undefined) return null;
  return checkMarketSave(raw);
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is LocalText => isObj(v) && typeof v.en === 'string';

function sourceProblem(v: unknown): string | null {
  if (!isObj(v)) return 'source: expected a scenario source';
  if (v.kind === 'builtin') return typeof v.id === 'string' ? null : 'source.id: expected a built-in id';
  if (v.kind === 'file') return typeof v.name === 'string' && typeof v.text === 'string' ? null : 'source: expected a file name and its text';
  if (v.kind === 'url') return typeof v.url === 'string' && typeof v.text === 'string' ? null : 'source: expected a URL and its text';
  return `source.kind: expected "builtin", "file" or "url", found ${JSON.stringify(v.kind)}`;
}

/** A stored value read as a market save, with every reason it does not fit (path: what was expected). */
export function checkMarketSave(raw: unknown): MarketSaveFound {
  if (!isObj(raw)) return { ok: false, reasons: ['expected a saved market game (an object)'] };
  const reasons: string[] = [];
  if (raw.format !== 'crm-sandbox-market-save') reasons.push(`format: expected "crm-sandbox-market-save", found ${JSON.stringify(raw.format)}`);
  if (raw.version !== 1) reasons.push(`version: expected 1, found ${JSON.stringify(raw.version)}`);
  if (!isText(raw.title)) reasons.push('title: expected a title in English and Chinese');
  const sp = sourceProblem(raw.source);
  if (sp) reasons.push(sp);
  if (typeof raw.seed !== 'string') reasons.push('seed: expected text');
  const seats = raw.seats;
  if (!Array.isArray(seats) || seats.length < 1) reasons.push('seats: expected a list of firms');
  else
    seats.forEach((s: unknown, i) => {
      if (!isObj(s) || typeof s.name !== 'string' || !(s.policy === null || typeof s.policy === 'string')) reasons.push(`seats.${i}: expected a name and a strategy or null (a team)`);
    });
  const n = Array.isArray(seats) ? seats.length : 0;
  const plansOk = (p: unknown): boolean => Array.isArray(p) && p.length === n && p.every((d) => d === null || isObj(d));
  if (!Array.isArray(raw.played)) reasons.push('played: expected the quarters played');
  else
    raw.played.forEach((q: unknown, r) => {
      if (!plansOk(q)) reasons.push(`played.${r}: expected ${n} plans (or null), one per seat`);
    });
  if (!plansOk(raw.plans)) reasons.push(`plans: expected ${n} plans (or null), one per seat`);
  for (const f of ['round', 'rounds', 'updatedAt'] as const) if (typeof raw[f] !== 'number') reasons.push(`${f}: expected a number`);
  if (typeof raw.over !== 'boolean') reasons.push('over: expected true or false');
  return reasons.length > 0 ? { ok: false, reasons } : { ok: true, record: raw as unknown as MarketSaveRecord };
}

/**
 * A team's own device (one device per team): the last market file the facilitator gave back,
 * which firm is the team's, and the decision code of the plan it sent for the quarter being
 * decided. Resuming loads the market file again (verified and replayed as on the first load).
 */
export interface TeamSaveRecord {
  format: 'crm-sandbox-team-save';
  version: 1;
  title: LocalText;
  file: { name: string; text: string };
  own: number | null;
  firm: string | null;
  code: { round: number; text: string } | null;
  round: number;
  rounds: number;
  updatedAt: number;
}

export type TeamSaveFound = { ok: true; record: TeamSaveRecord } | { ok: false; reasons: string[] };

const TEAM_KEY = 'team';

export async function writeTeamSave(rec: TeamSaveRecord): Promise<void> {
  await set(TEAM_KEY, rec, store());
}

export async function clearTeamSave(): Promise<void> {
  await del(TEAM_KEY, store());
}

export async function readTeamSave(): Promise<TeamSaveFound | null> {
  const raw: unknown = await get(TEAM_KEY, store());
  if (raw === undefined) return null;
  return checkTeamSave(raw);
}

/** A stored value read as a team's save, with every reason it does not fit. */
export function checkTeamSave(raw: unknown): TeamSaveFound {
  if (!isObj(raw)) return { ok: false, reasons: ["expected a team's saved market (an object)"] };
  const reasons: string[] = [];
  if (raw.format !== 'crm-sandbox-team-save') reasons.push(`format: expected "crm-sandbox-team-save", found ${JSON.stringify(raw.format)}`);
  if (raw.version !== 1) reasons.push(`version: expected 1, found ${JSON.stringify(raw.version)}`);
  if (!isText(raw.title)) reasons.push('title: expected a title in English and Chinese');
  if (!isObj(raw.file) || typeof raw.file.name !== 'string' || typeof raw.file.text !== 'string') reasons.push("file: expected the market file's name and text");
  if (!(raw.own === null || (typeof raw.own === 'number' && Number.isInteger(raw.own) && raw.own >= 0))) reasons.push("own: expected the team's seat or null");
  if (!(raw.firm === null || typeof raw.firm === 'string')) reasons.push("firm: expected the team's firm name or null");
  if (!(raw.code === null || (isObj(raw.code) && typeof raw.code.round === 'number' && typeof raw.code.text === 'string'))) reasons.push('code: expected a quarter and its decision code, or null');
  for (const f of ['round', 'rounds', 'updatedAt'] as const) if (typeof raw[f] !== 'number') reasons.push(`${f}: expected a number`);
  return reasons.length > 0 ? { ok: false, reasons } : { ok: true, record: raw as unknown as TeamSaveRecord };
}
