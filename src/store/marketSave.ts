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
import { foundOf, type SaveExpectation, type SaveProblem } from './saveRecord';

export interface MarketSaveRecord {
  format: 'crm-sandbox-market-save';
  version: 1;
  title: LocalText;
  source: GameSource;
  seed: string;
  /** A class's market: its code (absent: a plain seed). */
  classCode?: string;
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
export type MarketSaveFound = { ok: true; record: MarketSaveRecord } | { ok: false; problems: SaveProblem[] };

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

/** Records the problem at `path` (what was expected, and what the record held there). */
type Push = (path: string, expected: SaveExpectation, value: unknown) => void;
function collector(): { problems: SaveProblem[]; push: Push } {
  const problems: SaveProblem[] = [];
  return { problems, push: (path, expected, value) => void problems.push({ path, expected, found: foundOf(value), game: true }) };
}

function checkSource(v: unknown, push: Push): void {
  if (!isObj(v)) return push('source', 'source', v);
  if (v.kind === 'builtin') {
    if (typeof v.id !== 'string') push('source.id', 'text', v.id);
  } else if (v.kind === 'file' || v.kind === 'url') {
    const where = v.kind === 'file' ? 'name' : 'url';
    if (typeof v[where] !== 'string') push(`source.${where}`, 'text', v[where]);
    if (typeof v.text !== 'string') push('source.text', 'text', v.text);
  } else push('source.kind', 'source', v.kind);
}

/** A stored value read as a market save, with every problem at its path (what was expected, what was found). */
export function checkMarketSave(raw: unknown): MarketSaveFound {
  const { problems, push } = collector();
  if (!isObj(raw)) {
    push('', 'marketSave', raw);
    return { ok: false, problems };
  }
  if (raw.format !== 'crm-sandbox-market-save') push('format', 'marketFormat', raw.format);
  if (raw.version !== 1) push('version', 'version', raw.version);
  if (!isText(raw.title)) push('title', 'localText', raw.title);
  checkSource(raw.source, push);
  if (typeof raw.seed !== 'string') push('seed', 'text', raw.seed);
  if (raw.classCode !== undefined && typeof raw.classCode !== 'string') push('classCode', 'text', raw.classCode);
  const seats = raw.seats;
  if (!Array.isArray(seats) || seats.length < 1) push('seats', 'seats', seats);
  else
    seats.forEach((s: unknown, i) => {
      if (!isObj(s) || typeof s.name !== 'string' || !(s.policy === null || typeof s.policy === 'string')) push(`seats.${i}`, 'seat', s);
    });
  const n = Array.isArray(seats) ? seats.length : 0;
  const plansOk = (p: unknown): boolean => Array.isArray(p) && p.length === n && p.every((d) => d === null || isObj(d));
  if (!Array.isArray(raw.played)) push('played', 'quarters', raw.played);
  else
    raw.played.forEach((q: unknown, r) => {
      if (!plansOk(q)) push(`played.${r}`, 'plans', q);
    });
  if (!plansOk(raw.plans)) push('plans', 'plans', raw.plans);
  for (const f of ['round', 'rounds'] as const) if (!Number.isInteger(raw[f]) || (raw[f] as number) < 0) push(f, 'count', raw[f]);
  if (typeof raw.updatedAt !== 'number') push('updatedAt', 'date', raw.updatedAt);
  if (typeof raw.over !== 'boolean') push('over', 'boolean', raw.over);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, record: raw as unknown as MarketSaveRecord };
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

export type TeamSaveFound = { ok: true; record: TeamSaveRecord } | { ok: false; problems: SaveProblem[] };

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

/** A stored value read as a team's save, with every problem at its path. */
export function checkTeamSave(raw: unknown): TeamSaveFound {
  const { problems, push } = collector();
  if (!isObj(raw)) {
    push('', 'teamSave', raw);
    return { ok: false, problems };
  }
  if (raw.format !== 'crm-sandbox-team-save') push('format', 'teamFormat', raw.format);
  if (raw.version !== 1) push('version', 'version', raw.version);
  if (!isText(raw.title)) push('title', 'localText', raw.title);
  if (!isObj(raw.file) || typeof raw.file.name !== 'string' || typeof raw.file.text !== 'string') push('file', 'marketFile', raw.file);
  if (!(raw.own === null || (typeof raw.own === 'number' && Number.isInteger(raw.own) && raw.own >= 0))) push('own', 'seatOrNone', raw.own);
  if (!(raw.firm === null || typeof raw.firm === 'string')) push('firm', 'firmOrNone', raw.firm);
  if (!(raw.code === null || (isObj(raw.code) && typeof raw.code.round === 'number' && typeof raw.code.text === 'string'))) push('code', 'codeOrNone', raw.code);
  for (const f of ['round', 'rounds'] as const) if (!Number.isInteger(raw[f]) || (raw[f] as number) < 0) push(f, 'count', raw[f]);
  if (typeof raw.updatedAt !== 'number') push('updatedAt', 'date', raw.updatedAt);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, record: raw as unknown as TeamSaveRecord };
}
