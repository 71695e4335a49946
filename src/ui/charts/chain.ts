/** The service-profit chain's order, changes and layout (pure: ChainDiagram draws them). */
import type { ChainLinks } from '../../sim/report';
import type { Lang } from '../../sim/text';
import { fmtDelta, type Delta, type DeltaMode } from '../format';
import type { ChartsT } from './useChartsT';

/** A link of the chain (the keys of the engine's ChainLinks). */
export type ChainKey = keyof ChainLinks;

/** What the screen shows of one link: the measured value, or null when it is not measured. */
export interface ChainLinkView {
  value: number | null;
  /** Last quarter's value (absent or null: no change is shown). */
  previous?: number | null;
  format: (v: number) => string;
  /** A short remark under the value, e.g. a survey's margin of error. */
  note?: string;
  /** How the change is written (default: relative, in percent of last quarter). */
  deltaMode?: DeltaMode;
  /**
   * The relative size of this quarter's change that ranks the links (default: |value − previous| / |previous|).
   * A rate such as revenue growth gives the change of what it measures (the growth itself), not the change of the rate.
   */
  relative?: number | null;
}

/** Heskett's order; a Record so that a new link in ChainLinks fails to compile until placed here. */
const POSITION: Record<ChainKey, number> = {
  internalServiceQuality: 0,
  employeeSatisfaction: 1,
  employeeRetention: 2,
  productivity: 3,
  serviceValue: 4,
  customerSatisfaction: 5,
  customerLoyalty: 6,
  revenue: 7,
  profit: 8,
};

/** The links in the order of the chain, from internal service quality to profitability. */
export const CHAIN_ORDER: readonly ChainKey[] = (Object.keys(POSITION) as ChainKey[]).sort((a, b) => POSITION[a] - POSITION[b]);

/** |now − previous| / |previous|; Infinity from zero to non-zero; null when either value is missing. */
export function relativeChange(value: number | null, previous: number | null | undefined): number | null {
  if (value === null || previous === null || previous === undefined || !Number.isFinite(value) || !Number.isFinite(previous)) return null;
  if (previous === 0) return value === 0 ? 0 : Infinity;
  return Math.abs(value - previous) / Math.abs(previous);
}

/** Changes below this share of the previous value count as none (as fmtDelta's "flat"). */
const MIN_CHANGE = 1e-6;

/**
 * The link with the largest relative change since last quarter, or null if nothing
 * measured changed. On a tie the link earlier in the chain wins: that is where a change entered.
 */
export function biggestChange(links: Readonly<Record<ChainKey, ChainLinkView>>): ChainKey | null {
  let best: ChainKey | null = null;
  let bestChange = MIN_CHANGE;
  for (const k of CHAIN_ORDER) {
    const c = rankOf(links[k]);
    if (c !== null && c > bestChange) {
      best = k;
      bestChange = c;
    }
  }
  return best;
}

/** The relative change a link is ranked by. */
const rankOf = (v: ChainLinkView): number | null => (v.relative !== undefined ? (v.relative === null ? null : Math.abs(v.relative)) : relativeChange(v.value, v.previous));

/** Whether any link has both values, so a change can be told at all. */
export function anyComparable(links: Readonly<Record<ChainKey, ChainLinkView>>): boolean {
  return CHAIN_ORDER.some((k) => rankOf(links[k]) !== null);
}

/** The change of a link as fmtDelta gives it, or null when there is no value or no previous one. */
export function linkDelta(view: ChainLinkView, lang: Lang): Delta | null {
  if (view.value === null || view.previous === null || view.previous === undefined) return null;
  return fmtDelta(view.value, view.previous, view.deltaMode ?? { kind: 'relative' }, lang);
}

/** The spoken change: "▲ +3.1% since last quarter", "no change since last quarter", or "no previous quarter". */
export function changeText(t: ChartsT, view: ChainLinkView, lang: Lang): string {
  const d = linkDelta(view, lang);
  if (!d) return view.value === null ? '' : t('chain.noPrevious');
  return d.dir === 'flat' ? t('chain.noChange') : t('chain.change', { arrow: d.arrow, text: d.text });
}

/** What a focused box says: name, value, change, note, and whether it changed most. */
export function linkLabel(t: ChartsT, key: ChainKey, view: ChainLinkView, lang: Lang, biggest: boolean): string {
  const parts = [
    t('nameValue', { name: t(`chain.links.${key}`), value: view.value === null ? t('notMeasured') : view.format(view.value) }),
    changeText(t, view, lang),
    view.note ?? '',
    biggest ? t('chain.biggest') : '',
  ];
  return parts.filter(Boolean).join(t('listSep'));
}

/** The diagram's text alternative. */
export function chainSummary(t: ChartsT, links: Readonly<Record<ChainKey, ChainLinkView>>, lang: Lang): string {
  const big = biggestChange(links);
  if (big) return t('chain.summary', { name: t(`chain.links.${big}`), change: changeText(t, links[big], lang) });
  return anyComparable(links) ? t('chain.summaryFlat') : t('chain.summaryFirst');
}

const MIN_BOX = 120;

export interface ChainLayout {
  /** Boxes per row. */
  cols: number;
  /** Horizontal space for an arrow between boxes, px. */
  gap: number;
  /** Padding inside a box, px. */
  pad: number;
  boxWidth: number;
}

/**
 * All nine boxes in one row from 1000 px (tighter gaps and padding); narrower, boxes of at
 * least 120 px wrap onto as few rows as fit (two rows of up to 5 down to about 700 px), the
 * rows balanced (3 x 3 rather than 4 + 4 + 1).
 */
export function chainLayout(width: number, n: number = CHAIN_ORDER.length): ChainLayout {
  const one = width >= 1000;
  const gap = one ? 18 : 24;
  const pad = one ? 5 : 8;
  const fit = Math.max(2, Math.min(5, n, Math.floor((width + gap) / (MIN_BOX + gap))));
  const cols = one ? n : Math.ceil(n / Math.ceil(n / fit));
  return { cols, gap, pad, boxWidth: (width - (cols - 1) * gap) / cols };
}
