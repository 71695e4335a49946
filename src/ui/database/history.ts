/**
 * A customer's quarter-by-quarter history for the record panel: whether it was a customer,
 * its tier at the end of each quarter, moves between tiers (▲ up, ▼ down: a lower position
 * is a higher tier) and revenue. Lapsed customers keep their last tier in the data, so
 * the lapsed quarters come from the record's lapse and win-back events.
 */
import { EV_LAPSED, EV_WONBACK } from '../../sim/report';
import type { CustomerRecord } from '../../worker/protocol';

export type HistoryState = 'notYet' | 'active' | 'lapsed' | 'beforeGame';

export interface HistoryRow {
  /** The quarter (round, 1-based; 0 and below: the quarters before the game, as the firm's records hold them). */
  round: number;
  state: HistoryState;
  /** Tier position at the end of the quarter (active quarters only). */
  tier: number | null;
  /** Against the previous quarter, when both were active. */
  move: 'up' | 'down' | null;
  revenue: number;
}

const NO_TIER = 255;

/**
 * One row per quarter played, oldest first, after the quarters before the game that the
 * trailing 4 quarters' revenue still counts (an initial customer in the first three quarters).
 */
export function historyRows(rec: CustomerRecord): HistoryRow[] {
  const rows: HistoryRow[] = rec.before.map((b) => ({ round: b.round, state: 'beforeGame', tier: null, move: null, revenue: b.revenue }));
  let seen = false;
  let lapsed = false;
  let e = 0;
  let prev: HistoryRow | null = null;
  // (the rows before the game have no tier: no move is claimed from them)
  for (let r = 0; r < rec.tiers.length; r++) {
    const round = r + 1;
    const tier = rec.tiers[r]!;
    // Events of this quarter, in the order they happened: the last lapse or win-back wins.
    while (e < rec.events.length && rec.events[e]!.round <= round) {
      const kind = rec.events[e]!.kind;
      if (kind === EV_LAPSED) lapsed = true;
      else if (kind === EV_WONBACK) lapsed = false;
      e++;
    }
    if (tier !== NO_TIER) seen = true;
    const state: HistoryState = !seen ? 'notYet' : lapsed ? 'lapsed' : 'active';
    const shownTier = state === 'active' && tier !== NO_TIER ? tier : null;
    let move: HistoryRow['move'] = null;
    if (shownTier !== null && prev?.tier != null && prev.tier !== shownTier) move = shownTier < prev.tier ? 'up' : 'down';
    const row: HistoryRow = { round, state, tier: shownTier, move, revenue: rec.revenue[r] ?? 0 };
    rows.push(row);
    prev = row;
  }
  return rows;
}
