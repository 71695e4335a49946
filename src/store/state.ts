/** The store's shape: one interface per slice, combined into {@link StoreState}. */
import type { StateCreator } from 'zustand';
import type { QuarterAttribution } from '../sim/attribution';
import type { Decisions } from '../sim/config';
import type { Lang } from '../sim/text';
import type { PlanUse } from '../sim/validate';
import type { ShownProblem } from '../scenario/decisionMessages';
import type { ScenarioIssue } from '../scenario/load';
import type {
  ClassPlay, CustomerAnalytics, CustomerBaseFrame, CustomerColumn, CustomerFilter, CustomerRecord, CustomerTable, GameSnapshot, GameSource, MarketRefusal, MarketSeat, MarketSnapshot, RoundSummary, StartFailure,
} from '../worker/protocol';
import type { MarketSaveFound, TeamSaveFound } from './marketSave';
import type { WhaleCurve } from '../worker/whaleTypes';
import type { Expected } from './saveRecord';
import type { SaveEntry, SaveMeta, SaveRecord } from './saveRecord';

export type Screen = 'home' | 'briefing' | 'quarter' | 'report' | 'firm' | 'database' | 'chain' | 'timelines' | 'end' | 'marketSetup' | 'market' | 'classResults' | 'workbench';

/** What the firm view (the Phaser scenes) shows. */
export interface SceneView {
  /** The quarter whose transition it shows (0: the firm before the first quarter). */
  round: number;
  /** Playback speed (0.5, 1, 2 or 4). */
  speed: number;
  /** The latest quarter whose transition the learner has seen: it opens at its end, not playing again. */
  watched: number;
}

/** Something to tell the learner in a banner or dialog. */
export type Notice =
  | { kind: 'startFailed'; failure: StartFailure }
  | { kind: 'importFailed'; failure: StartFailure; fileName: string }
  | { kind: 'fileUnreadable'; fileName: string }
  /** A picked or linked file that is not text the reader accepts (too large, not UTF-8…). */
  | { kind: 'fileRejected'; fileName: string; errors: ScenarioIssue[] }
  | { kind: 'saveMissing' }
  /** The save cannot be played (its game is damaged); the home screen lists it with its reasons. */
  | { kind: 'saveDamaged' }
  | { kind: 'storageFailed'; message: string }
  | { kind: 'bug'; message: string }
  | { kind: 'imported'; title: string }
  /** The save is open in another tab: this tab plays a copy (`why`: opening it, or importing over it). */
  | { kind: 'openElsewhere'; why: 'resume' | 'import' }
  /** Another tab saved this game since this tab loaded it: this tab's game was saved as a copy. */
  | { kind: 'forked' }
  /** A save whose summary was damaged was replayed and written again, repaired. */
  | { kind: 'repaired' };

/** The game a "what if" branch came from, kept beside it (the original is never lost: it stays saved). */
export interface Timeline {
  /** Its save. */
  gameId: string;
  summaries: RoundSummary[];
  score: number;
  /** Quarters the branch shares with it; the branch differs from quarter fromRound + 1 on. */
  fromRound: number;
}

/** Which save a "what if" branch came from, and the quarters it kept (as its save record says). */
export type BranchOf = NonNullable<SaveRecord['branch']>;
/** Which save a copy was made from (open or changed in another tab), and the quarters it had then. */
export type CopyOf = NonNullable<SaveRecord['copyOf']>;

/** A long task in the worker, with its progress. */
export interface Busy {
  what: 'start' | 'advance' | 'replay' | 'import' | 'export' | 'branch';
  done: number;
  total: number;
}

/** An import the worker checked and holds aside, waiting for the learner to say whether it may replace a save. */
export interface PendingImport {
  /** The worker's token for it (`adoptImport`). */
  token: number;
  game: GameSnapshot;
  source: GameSource;
  fileName: string;
  /** The save it would replace (same scenario and seed). */
  conflict: SaveMeta;
}

/** Where this tab's game stands with its save: what the next write expects to find, and the quarters saved. */
export interface SaveState {
  expect: Expected;
  round: number;
}

export interface UiSlice {
  lang: Lang;
  screen: Screen;
  /** The round the report screen shows (1-based). */
  reportRound: number;
  /** The customer the database shows, or null. */
  customerId: number | null;
  scene: SceneView;
  busy: Busy | null;
  notice: Notice | null;
  /**
   * The home screen without the saved games: set when the home screen itself crashed, so that
   * "Back to home" shows a home that cannot crash on the same saved data again.
   */
  safeHome: boolean;
  /** The built-in scenario home selects: the learner's last pick there, or the last game's; null: the first. Outlives the game. */
  homeScenario: string | null;
  setLang(lang: Lang): void;
  /** Home selects built-in scenario `id`. */
  pickScenario(id: string): void;
  go(screen: Screen): void;
  openReport(round: number): void;
  openCustomer(id: number | null): void;
  /** Opens the firm view on quarter `round`. */
  openFirm(round: number): void;
  setSceneSpeed(speed: number): void;
  markWatched(round: number): void;
  notify(notice: Notice): void;
  dismiss(): void;
  setSafeHome(on: boolean): void;
}

export interface GameSlice {
  gameId: string | null;
  source: GameSource | null;
  game: GameSnapshot | null;
  /** This tab's game and its save record (null: no game). */
  saved: SaveState | null;
  /** With `classPlay`, a game for a class: the code is the seed and sets the class's variant. */
  /** With `autoplay` (a play-test from quarter autoplay + 1) the value-based strategy plays the first quarters, and the game opens on the next one's decisions. */
  startGame(source: GameSource, seed: string, classPlay?: ClassPlay, autoplay?: number): Promise<boolean>;
  advance(): Promise<boolean>;
  resume(id: string): Promise<boolean>;
  /**
   * Plays `decisions` again on a new game (a new save in this browser): a game the LMS kept
   * (its suspend data), resumed on this computer. False (with a notice) if it does not replay.
   */
  replayGame(source: GameSource, seed: string, decisions: Decisions[], classPlay?: ClassPlay): Promise<boolean>;
  exportRun(): Promise<{ text: string; fileName: string } | null>;
  /** Checks a run file's bytes in the worker; adopts it at once unless it would replace a save (then `pendingImport`). */
  importRun(bytes: ArrayBuffer, fileName: string): Promise<boolean>;
  /** Settles a pending import: replace the conflicting save, keep both, or drop the import (the game in play was never touched). */
  settleImport(choice: 'replace' | 'both' | 'cancel'): Promise<void>;
  pendingImport: PendingImport | null;
  quit(): void;
  /**
   * Attributions of the quarters explained so far (index 0 = quarter 1; holes: not asked for yet);
   * recomputed by the worker, not saved. While the game runs they lack the true KPIs; once it is
   * over the worker sends them whole (`explanationsRevealed`), and the observed ones are replaced.
   */
  explanations: (QuarterAttribution | undefined)[];
  /** Whether `explanations` are the whole attributions of a game that is over. */
  explanationsRevealed: boolean;
  /** Quarters being explained (progress), or null. */
  explaining: { from: number; upTo: number; done: number; total: number } | null;
  /** Asks the worker for the attributions of quarters from..upTo (default: all of them up to upTo), in the background: nothing waits for it. */
  explain(upTo: number, from?: number): Promise<void>;
  /** The save this game branched from (null: an original game); kept in its save record. */
  branchOf: BranchOf | null;
  /** The save this game is a copy of (null: not a copy); kept in its save record. */
  copyOf: CopyOf | null;
  /** The timeline this game branched from, once replayed (null: not a branch, not replayed yet, or its save is gone). */
  timeline: Timeline | null;
  /**
   * "What if": a new game that keeps quarters 1..round of this one and is played on from
   * there. The current game stays saved as it is and is shown beside the branch.
   */
  branch(round: number): Promise<boolean>;
}

export interface DraftSlice {
  draft: Decisions | null;
  preview: { use: PlanUse | null; problems: ShownProblem[] } | null;
  /** Applies an Immer recipe to the draft and asks the engine for a new preview. */
  edit(recipe: (d: Decisions) => void): void;
  resetDraft(): void;
}

/** What the screens ask the worker through the store (typed arrays never enter the store: they go to the screen that asked). */
export interface DataSlice {
  /** Starts the worker, so that it has loaded the engine before it is needed. */
  warmUp(): void;
  /** The observed customer table of the current state and its charts. */
  customerData(): Promise<{ table: CustomerTable; analytics: CustomerAnalytics }>;
  /** The rows of the customer table for a sort and filter. */
  queryCustomers(sort: CustomerColumn, descending: boolean, filter: CustomerFilter): Promise<Int32Array>;
  customerRecord(id: number): Promise<CustomerRecord | null>;
  whaleCurve(): Promise<WhaleCurve>;
  /** The customer base of quarter `round` for the firm view's scene (fresh typed arrays each call), or null out of range. */
  customerBaseFrame(round: number): Promise<CustomerBaseFrame | null>;
}

export interface SavesSlice {
  /** Every record of the saves store, newest first: saves, and damaged ones with their reasons. */
  saves: SaveEntry[];
  refreshSaves(): Promise<void>;
  /** Deletes the record stored under `key` (a save or a damaged record). */
  removeSave(key: IDBValidKey): Promise<void>;
  /** The raw text of a damaged record and a file name for it, or null if it is gone. */
  rawSave(key: IDBValidKey): Promise<{ text: string; fileName: string } | null>;
  /** Keeps the list up to date with what other tabs save; returns the remover. */
  watchOtherTabs(): () => void;
}

/** The round timer of the console: running until `deadline` (epoch ms), or paused with `left` ms (0: not set). */
export interface RoundTimer {
  deadline: number | null;
  left: number;
}

/** The market game the facilitator runs on this screen. */
export interface MarketPlay {
  /** The standings (and, once over, the reveal). */
  snapshot: MarketSnapshot;
  source: GameSource;
  /** Every quarter's plans as they played (the save replays them). */
  played: (Decisions | null)[][];
  /** The plans the teams have submitted for the quarter being decided (seat order; null: not yet). */
  plans: (Decisions | null)[];
  /** The team at the screen (its firm is `game`), or null: the console. */
  seat: number | null;
  /** The team the privacy screen waits for, or null. */
  calling: number | null;
  /** The plans the last resolve refused, with the engine's reasons. */
  refused: MarketRefusal[] | null;
  timer: RoundTimer;
  /**
   * Whose screen this is: the facilitator's console (every team on this screen in turn, or each
   * team on its own device sending a decision code), or one team's own device, which holds the
   * market of the last market file the facilitator gave back and shows only that team's firm.
   */
  role: 'console' | 'team';
  /** On a team's device: the team's seat (null until the team says which firm is theirs). */
  own: number | null;
  /** On a team's device: the decision code of the plan submitted for the quarter being decided. */
  code: { round: number; text: string } | null;
  /** On a team's device: the market file it holds (saved, so a reload or another day resumes it). */
  file: { name: string; text: string } | null;
  /** On the console: the plans that came in as decision codes or plan files (seat order). */
  byCode: boolean[];
  /** On the console: the codes and plan files last offered that were refused, and why. */
  codeErrors: { from: string; reason: string }[];
}

export interface MarketSlice {
  market: MarketPlay | null;
  /** The market saved in this browser, as home last read it (null: none, or not read yet). */
  marketSave: MarketSaveFound | null;
  /** With `classCode` the market is the class's: the code is the seed and the class's variant of the scenario plays. */
  startMarket(source: GameSource, seed: string, seats: MarketSeat[], classCode?: string): Promise<boolean>;
  loadMarketSave(): Promise<void>;
  resumeMarket(): Promise<boolean>;
  forgetMarketSave(): Promise<void>;
  /** The privacy screen for team `seat` ("the others look away"). */
  callTeam(seat: number): void;
  /** Team `seat` at the screen: its firm becomes `game` (on its last report if `to` says so, or if it has no plan in yet). */
  openTeam(seat: number, to?: 'report'): Promise<boolean>;
  /** The draft becomes the team's plan (if the engine accepts it) and the team's firm leaves the screen. */
  submitPlan(): Promise<boolean>;
  withdrawPlan(seat: number): void;
  resolveQuarter(): Promise<boolean>;
  /** Back to the console (the team's firm leaves the screen). */
  toConsole(): void;
  exportMarket(): Promise<{ text: string; fileName: string } | null>;
  setTimer(timer: RoundTimer): void;
  leaveMarket(): void;
  /** The console takes the decision codes in `text` (one or more, as pasted from chat messages). */
  acceptCodes(text: string): Promise<void>;
  /** The console takes plan files (each holds one decision code). */
  acceptPlanFiles(files: readonly File[]): Promise<void>;
  /** A team's device loads the facilitator's market file (a market run file): the market is verified and replayed. */
  joinMarket(file: { name: string; text: string }): Promise<boolean>;
  /** On a team's device: this firm is ours (its screens open). */
  claimSeat(seat: number): Promise<boolean>;
  /** The team's device saved in this browser, as home last read it. */
  teamSave: TeamSaveFound | null;
  resumeTeam(): Promise<boolean>;
  forgetTeamSave(): Promise<void>;
}

export type StoreState = UiSlice & GameSlice & DraftSlice & DataSlice & SavesSlice & MarketSlice;
export type Slice<T> = StateCreator<StoreState, [['zustand/subscribeWithSelector', never], ['zustand/immer', never]], [], T>;
