/**
 * The scenario workbench (issue 15): the draft an instructor writes (its text, the loader's
 * reading of it and the preview of its game, from the draft worker) and the balance lab run on it
 * (lab workers, one per core). A small store of its own, like the class results': no game is
 * needed, and a game in play is left alone. The draft is kept in IndexedDB as it is typed, so a
 * reload or a closed tab loses nothing.
 */
import { get as idbGet, set as idbSet } from 'idb-keyval';
import { create } from 'zustand';
import type { LabJob, LabReport, LabResult } from '../policies/lab';
import { fileText } from '../scenario/decode';
import { appendJsonItem, removeJsonItem, setJsonText } from '../scenario/jsonEdit';
import type { ScenarioIssue } from '../scenario/load';
import type { PathSegment } from '../scenario/problem';
import type { Lang } from '../sim/text';
import type { DraftReading } from '../worker/draft';
import type { DraftReply, DraftRequest } from '../worker/draftWorker';
import type { LabReply, LabRequest } from '../worker/labWorker';
import { builtinText } from '../worker/builtins';
import { draftWorker as makeDraftWorker, labWorker } from './workers';

export type { DraftPreview, DraftReading, ValueBands } from '../worker/draft';
export type { LabFlag, LabReport, LabPolicyRow, Spread } from '../policies/lab';

/** Where the draft came from. */
export type DraftOrigin = { kind: 'builtin'; id: string } | { kind: 'file' } | { kind: 'saved' };

export interface LabRun {
  status: 'idle' | 'running' | 'done';
  seeds: number;
  done: number;
  total: number;
  workers: number;
  report: LabReport | null;
  error: string | null;
  /** The text the report is of: a report of an older draft is marked as such. */
  text: string | null;
}

export interface WorkbenchState {
  /** The file name the draft saves as (and the loader's errors name). */
  name: string;
  text: string;
  origin: DraftOrigin | null;
  /** The seed the preview (and the play-test) uses. */
  seed: string;
  /** The loader's reading of `readOf` (the text as it was when read). */
  reading: DraftReading | null;
  readOf: string | null;
  /** The draft parsed as JSON (null while it is not well-formed): the form shows it. */
  doc: unknown;
  /** A file that could not be opened (not text), with the reader's error; the draft is kept. */
  openErrors: ScenarioIssue[] | null;
  lab: LabRun;
}

const NO_LAB: LabRun = { status: 'idle', seeds: 10, done: 0, total: 0, workers: 0, report: null, error: null, text: null };

export const useWorkbench = create<WorkbenchState>()(() => ({
  name: 'my-scenario.json',
  text: '',
  origin: null,
  seed: '1',
  reading: null,
  readOf: null,
  doc: null,
  openErrors: null,
  lab: NO_LAB,
}));

const DRAFT_KEY = 'crm-sandbox:workbench-draft';
interface SavedDraft {
  name: string;
  text: string;
  seed: string;
}

const parse = (text: string): unknown => {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown;
  } catch {
    return null;
  }
};

// ------------------------------------------------------------------------------ reading --

interface DraftEndpoint {
  postMessage(msg: DraftRequest): void;
  onmessage: ((e: MessageEvent<DraftReply>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}

let draftWorker: DraftEndpoint | null = null;
let inFlight: string | null = null;
let wanted: { text: string; lang: Lang } | null = null;
let nextId = 0;
let timer: ReturnType<typeof setTimeout> | null = null;
let saveTimer: ReturnType<typeof setTimeout> | null = null;

function worker(): DraftEndpoint {
  if (draftWorker) return draftWorker;
  const w = makeDraftWorker() as unknown as DraftEndpoint;
  w.onmessage = (e) => {
    const m = e.data;
    const of = inFlight;
    inFlight = null;
    if ('reading' in m && of !== null) useWorkbench.setState({ reading: m.reading, readOf: of });
    else if ('error' in m && of !== null) {
      useWorkbench.setState({ reading: { ok: false, errors: [{ file: useWorkbench.getState().name, path: '', line: 0, column: 0, expected: '', found: '', message: m.error }] }, readOf: of });
    }
    pump();
  };
  w.onerror = () => {
    inFlight = null;
  };
  draftWorker = w;
  return w;
}

function pump(): void {
  if (inFlight !== null || !wanted) return;
  const { text, lang } = wanted;
  wanted = null;
  const s = useWorkbench.getState();
  if (s.readOf === text && s.reading) return pump();
  inFlight = text;
  worker().postMessage({ id: ++nextId, text, name: s.name, lang, seed: s.seed || '1' });
}

/** Reads the draft as it is now, soon (typing waits for a pause of 150 ms). */
export function readDraftSoon(lang: Lang, delay = 150): void {
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => {
    timer = null;
    wanted = { text: useWorkbench.getState().text, lang };
    pump();
  }, delay);
}

function keep(): void {
  if (saveTimer) clearTimeout(saveTimer);
  saveTimer = setTimeout(() => {
    saveTimer = null;
    const { name, text, seed } = useWorkbench.getState();
    void idbSet(DRAFT_KEY, { name, text, seed } satisfies SavedDraft).catch(() => undefined);
  }, 400);
}

// ------------------------------------------------------------------------------ editing --

/** The draft's text, as the editor typed it. */
export function setDraftText(text: string, lang: Lang): void {
  if (text === useWorkbench.getState().text) return;
  useWorkbench.setState({ text, doc: parse(text) });
  keep();
  readDraftSoon(lang);
}

/** The form's edit of one field: the value written into the text where it is (the rest of the text as it was). */
export function setDraftField(path: readonly PathSegment[], value: unknown, lang: Lang): boolean {
  const next = setJsonText(useWorkbench.getState().text, path, value);
  if (next === null) return false;
  setDraftText(next, lang);
  return true;
}

/** The form's removal of a list's item (an event, an objective). */
export function removeDraftItem(path: readonly PathSegment[], lang: Lang): boolean {
  const next = removeJsonItem(useWorkbench.getState().text, path);
  if (next === null) return false;
  setDraftText(next, lang);
  return true;
}

/** The form's new item at the end of a list (an event, a choice card, an objective). */
export function appendDraftItem(path: readonly PathSegment[], value: unknown, lang: Lang): boolean {
  const next = appendJsonItem(useWorkbench.getState().text, path, value);
  if (next === null) return false;
  setDraftText(next, lang);
  return true;
}

export function setDraftName(name: string): void {
  useWorkbench.setState({ name });
  keep();
}

/** Reads the draft again (the page's language changed: the loader's sentences follow it). */
export function rereadDraft(lang: Lang): void {
  useWorkbench.setState({ readOf: null });
  readDraftSoon(lang, 0);
}

export function setDraftSeed(seed: string, lang: Lang): void {
  useWorkbench.setState({ seed, readOf: null });
  keep();
  readDraftSoon(lang, 0);
}

function adopt(name: string, text: string, origin: DraftOrigin, lang: Lang): void {
  useWorkbench.setState({ name, text, origin, doc: parse(text), openErrors: null, reading: null, readOf: null });
  keep();
  readDraftSoon(lang, 0);
}

/** Opens built-in scenario `id` as the template of a new draft (saved as `<id>-copy.json`). */
export async function openTemplate(id: string, lang: Lang): Promise<boolean> {
  const text = await builtinText(id);
  if (text === null) return false;
  adopt(`${id}-copy.json`, text, { kind: 'builtin', id }, lang);
  return true;
}

/** Opens a file as the draft. A file that is not text leaves the draft as it was and says why. */
export function openDraftFile(name: string, bytes: Uint8Array, lang: Lang): boolean {
  const r = fileText(bytes, name, lang);
  if (!r.ok) {
    useWorkbench.setState({ openErrors: r.errors });
    return false;
  }
  adopt(name, r.text, { kind: 'file' }, lang);
  return true;
}

/** The draft kept from the last visit (true), or none. */
export async function restoreDraft(lang: Lang): Promise<boolean> {
  const saved = (await idbGet<SavedDraft>(DRAFT_KEY).catch(() => undefined)) ?? null;
  if (!saved || typeof saved.text !== 'string' || saved.text === '') return false;
  adopt(typeof saved.name === 'string' ? saved.name : 'my-scenario.json', saved.text, { kind: 'saved' }, lang);
  if (typeof saved.seed === 'string') useWorkbench.setState({ seed: saved.seed });
  return true;
}

/** The draft as a file to save: with `$schema` (for editors), as typed otherwise. */
export function draftFileText(): string {
  const { text, doc } = useWorkbench.getState();
  if (doc && typeof doc === 'object' && !Array.isArray(doc) && !('$schema' in doc)) {
    const withRef = text.replace(/^(\uFEFF?\s*\{)(\s*)/, (_m, open: string, ws: string) => `${open}${ws || ' '}"$schema": "./scenario.schema.json",${ws || ' '}`);
    if (parse(withRef) !== null) return withRef;
  }
  return text;
}

// ---------------------------------------------------------------------------------- lab --

interface LabEndpoint {
  postMessage(msg: LabRequest): void;
  onmessage: ((e: MessageEvent<LabReply>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
  terminate(): void;
}

const makeLabWorker = (): LabEndpoint => labWorker() as unknown as LabEndpoint;

let labRun = 0;
let labPool: LabEndpoint[] = [];

function ask(w: LabEndpoint, msg: LabRequest): Promise<LabReply> {
  return new Promise((resolve, reject) => {
    w.onmessage = (e) => (e.data.kind === 'error' ? reject(new Error(e.data.message)) : resolve(e.data));
    w.onerror = (e) => reject(new Error(e.message || 'a lab worker failed'));
    w.postMessage(msg);
  });
}

export function stopLab(): void {
  labRun++;
  for (const w of labPool) w.terminate();
  labPool = [];
  const lab = useWorkbench.getState().lab;
  if (lab.status === 'running') useWorkbench.setState({ lab: { ...lab, status: 'idle' } });
}

/**
 * Runs the balance lab on the draft: `seeds` seeds, on one worker per core (each handed the next
 * job as it finishes one). The report is the command line's `lab` for the same file and seeds.
 */
export async function runLab(seeds: number, cores = navigator.hardwareConcurrency || 2): Promise<void> {
  stopLab();
  const id = ++labRun;
  const { text, name } = useWorkbench.getState();
  const set = (lab: Partial<LabRun>) => {
    if (id === labRun) useWorkbench.setState((s) => ({ lab: { ...s.lab, ...lab } }));
  };
  set({ status: 'running', seeds, done: 0, total: 0, workers: 0, report: null, error: null, text });
  const first = makeLabWorker();
  labPool = [first];
  try {
    const planned = await ask(first, { kind: 'jobs', text, name, seeds });
    if (planned.kind !== 'jobs' || id !== labRun) return;
    const jobs: LabJob[] = planned.jobs;
    const n = Math.max(1, Math.min(cores, jobs.length));
    for (let k = 1; k < n; k++) labPool.push(makeLabWorker());
    set({ total: jobs.length, workers: n });
    const results = new Array<LabResult>(jobs.length);
    let next = 0;
    let done = 0;
    await Promise.all(
      labPool.map(async (w) => {
        while (next < jobs.length && id === labRun) {
          const i = next++;
          const r = await ask(w, { kind: 'run', text, name, i, job: jobs[i]! });
          if (r.kind !== 'result') throw new Error('a lab worker answered out of turn');
          results[r.i] = r.result;
          set({ done: ++done });
        }
      }),
    );
    if (id !== labRun) return;
    const reported = await ask(first, { kind: 'report', text, name, seeds, jobs, results });
    if (reported.kind === 'report') set({ status: 'done', report: reported.report });
  } catch (e) {
    set({ status: 'done', error: e instanceof Error ? e.message : String(e) });
  } finally {
    if (id === labRun) {
      for (const w of labPool) w.terminate();
      labPool = [];
    }
  }
}
