/**
 * The typed events between the React host and the Phaser scenes, one Bus per game.
 * React -> scenes: `command`, `nav`, `reveal`. Scenes -> React: everything else.
 * Positions are canvas pixels (CSS px from the canvas's top-left corner).
 */
import type { PlaybackCommand, PlaybackState } from './playback';
import type { NavKey } from './base/nav';
import type { RendererChoice } from './renderer';
import type { FloorFrame } from './floor/model';

/** What the hover card and the keyboard focus show of a customer. */
export interface CustomerCard {
  id: number;
  x: number;
  y: number;
  /** Firm tier at the start and the end of the quarter (255: not a customer then). */
  from: number;
  to: number;
  arrival: number;
  /** The referrer's id, or -1. */
  referrerId: number;
  outcome: number;
  contactLeft: boolean;
  revenue: number;
  joined: number;
  source: number;
  /** True satisfaction, only in the end-of-game reveal. */
  truth: number | null;
  /** Shown by the keyboard (true) or the pointer. */
  focused: boolean;
}

/** Where the customer-base scene put its labels. */
export interface BaseLabels {
  /** `after`: customers in the band at the end of the quarter, in the picture. */
  tiers: { tier: number; x: number; y: number; after: number }[];
  market: { x: number; y: number };
  rival: { x: number; y: number; lapsed: number };
}

/** The customer base of the quarter being shown, for the text alternative. */
export interface BaseSummary {
  round: number;
  /** Customers drawn, of how many, and whether that is a sample. */
  shown: number;
  population: number;
  populationBefore: number;
  sampled: boolean;
  /** Tiers in use in the quarter, and in the one before (they differ when the tiering rule's tier count changed). */
  tierCount: number;
  tierCountBefore: number;
  /** Customers drawn per tier at the end. */
  perTier: number[];
  /** Whole-firm counts of the quarter's events (EVENT_KIND_NAMES order). */
  counts: number[];
  /** True satisfaction is available (finished game, last quarter). */
  canReveal: boolean;
}

/** Where the service-floor scene put its row labels. */
export interface FloorLabels {
  rows: { tier: number; x: number; y: number }[];
  /** Where hires come in and leavers go out. */
  door: { x: number; y: number };
  exit: { x: number; y: number };
  /** Staff each desk icon stands for. */
  perDesk: number;
}

export interface SceneEvents {
  // React -> scenes
  command: PlaybackCommand;
  nav: NavKey | 'Enter' | 'Escape';
  reveal: boolean;
  // scenes -> React
  ready: RendererChoice;
  playback: PlaybackState;
  hover: CustomerCard | null;
  open: { id: number };
  baseLabels: BaseLabels;
  baseSummary: BaseSummary;
  floorLabels: FloorLabels;
  floorSummary: FloorFrame;
  /** The scene could not get its data (the worker failed). */
  error: { message: string };
}
