/**
 * The customer table's columns: what each shows, how wide it is, which way it sorts first,
 * and the text of one cell. Cell text is computed from the typed columns with cached
 * `Intl` formatters (format.ts) and labels translated once per language, so a row costs
 * string work only.
 */
import type { TFunction } from 'i18next';
import { STAGE_NAMES } from '../../sim/state';
import { type Lang, type LocalText } from '../../sim/text';
import type { CustomerColumn, CustomerTable } from '../../worker/protocol';
import { fmtMoney, fmtNumber, fmtPercent } from '../format';
import { labelWords, textWidth } from '../charts/text';
import { tierName as nameOfTier } from '../shell/tierName';

/** Columns the table shows (the lapse quarter is in the record only). */
export type TableColumn = Exclude<CustomerColumn, 'left'>;

export interface ColumnDef {
  key: TableColumn;
  /** Minimum width in px; wider screens share the extra room in proportion. */
  width: number;
  /** Right-aligned tabular figures. */
  numeric: boolean;
  /** The first click sorts descending (largest first): money, counts and estimates. */
  firstDescending: boolean;
}

const col = (key: TableColumn, width: number, numeric: boolean, firstDescending: boolean): ColumnDef => ({ key, width, numeric, firstDescending });

export const COLUMNS: readonly ColumnDef[] = [
  col('id', 60, true, false),
  col('tier', 116, false, false),
  col('status', 72, false, false),
  col('stage', 80, false, false),
  col('revenue', 92, true, true),
  col('lastRevenue', 92, true, true),
  col('profit', 92, true, true),
  col('cumRevenue', 92, true, true),
  col('influence', 84, true, true),
  col('potential', 84, true, true),
  col('tenure', 84, true, true),
  col('joined', 64, true, false),
  col('source', 84, false, false),
  col('failures', 72, true, true),
  col('complaints', 92, true, true),
];

/** CSS grid-template-columns of a row: each column at least its width, extra room shared. */
export function gridTemplate(cols: readonly ColumnDef[] = COLUMNS): string {
  return cols.map((c) => `minmax(${c.width}px, ${c.width}fr)`).join(' ');
}

/** Heading text in px (0.8rem, bold), its padding and the sort mark; a cell's text (0.875rem) and padding. */
const HEAD_FONT = 12.8;
const HEAD_PAD = 12 + 14;
const CELL_FONT = 14;
const CELL_PAD = 16;

/**
 * The columns widened where their heading's longest word (a Chinese word as Intl.Segmenter
 * finds it: 利润|贡献) or the widest text the column can hold (a tier's name) needs it, so a
 * heading never breaks inside a word and no tier name is cut short.
 */
export function fitColumns(cols: readonly ColumnDef[], heading: (key: TableColumn) => string, texts: Partial<Record<TableColumn, readonly string[]>>): ColumnDef[] {
  return cols.map((c) => {
    const word = Math.max(0, ...labelWords(heading(c.key)).map((w) => textWidth(w.word, HEAD_FONT, true)));
    const cell = Math.max(0, ...(texts[c.key] ?? []).map((x) => textWidth(x, CELL_FONT)));
    return { ...c, width: Math.ceil(Math.max(c.width, word + HEAD_PAD, cell + CELL_PAD)) };
  });
}

/** The texts of the columns that show words (not figures), for {@link fitColumns}. */
export function columnTexts(ctx: CellContext, rounds: number): Partial<Record<TableColumn, readonly string[]>> {
  return {
    tier: [...ctx.tierNames, ctx.status[1], ctx.noTier],
    status: ctx.status,
    stage: ctx.stage,
    source: ctx.source,
    joined: [ctx.joinedInitial, ctx.quarter(Math.max(1, rounds))],
  };
}

/** Sum of the minimum widths (the row's minimum width). */
export function minRowWidth(cols: readonly ColumnDef[] = COLUMNS): number {
  return cols.reduce((s, c) => s + c.width, 0);
}

/** The table's order. */
export interface SortState {
  column: TableColumn;
  descending: boolean;
}

export const DEFAULT_SORT: SortState = { column: 'revenue', descending: true };

/** The order after a click on `clicked`'s header: the same column reverses, another starts in its natural direction. */
export function nextSort(current: SortState, clicked: TableColumn): SortState {
  if (current.column === clicked) return { column: clicked, descending: !current.descending };
  const def = COLUMNS.find((c) => c.key === clicked);
  return { column: clicked, descending: def?.firstDescending ?? false };
}

/** Translated labels and number settings for cell text, built once per language and scenario. */
export interface CellContext {
  lang: Lang;
  currency: string;
  tierNames: readonly string[];
  tierFallback: (tier: number) => string;
  noTier: string;
  status: readonly [active: string, lapsed: string];
  stage: readonly string[];
  source: readonly string[];
  joinedInitial: string;
  quarter: (n: number) => string;
}

/** What a cell context needs of the scenario. */
export interface ScenarioLabels {
  currency: string;
  tiers: readonly { name: LocalText }[];
}

/** A cell context in `lang`, with `t` of the database namespace, for customers in `tierCount` tiers. */
export function makeCellContext(t: TFunction<'database'>, lang: Lang, scenario: ScenarioLabels, tierCount: number = scenario.tiers.length): CellContext {
  const quarters = new Map<number, string>();
  const fallback = new Map<number, string>();
  return {
    lang,
    currency: scenario.currency,
    tierNames: Array.from({ length: tierCount }, (_, k) => nameOfTier(scenario, k, tierCount, lang)),
    tierFallback: (tier) => {
      let s = fallback.get(tier);
      if (s === undefined) fallback.set(tier, (s = t('tierFallback', { n: tier + 1 })));
      return s;
    },
    noTier: t('noTier'),
    status: [t('status.active'), t('status.lapsed')],
    stage: STAGE_NAMES.map((s) => t(`stage.${s}`)),
    source: [t('source.initial'), t('source.acquired'), t('source.referred'), t('source.switched')],
    joinedInitial: t('joinedInitial'),
    quarter: (n) => {
      let s = quarters.get(n);
      if (s === undefined) quarters.set(n, (s = t('quarter', { n })));
      return s;
    },
  };
}

/** The name of tier position `tier` (255: no tier). Lapsed customers keep their last tier in the data, so callers check status first. */
export function tierName(tier: number, ctx: CellContext): string {
  if (tier === 255) return ctx.noTier;
  return ctx.tierNames[tier] ?? ctx.tierFallback(tier);
}

/** What the tier column shows: "lapsed" for lapsed customers, else the tier's name. */
export function tierCell(t: CustomerTable, i: number, ctx: CellContext): string {
  return t.status[i] === 1 ? ctx.status[1] : tierName(t.tier[i]!, ctx);
}

/** An estimated influence 0..1 with two decimals, so the column's figures line up. */
export function fmtInfluence(x: number, lang: Lang): string {
  const s = fmtNumber(x, lang, { digits: 2 });
  // Both languages write a decimal point; fmtNumber drops trailing zeros.
  if (!/\d/.test(s)) return s;
  const dot = s.indexOf('.');
  return dot < 0 ? `${s}.00` : s.length - dot === 2 ? `${s}0` : s;
}

/** A potential (growth per year) with its sign. */
export function fmtPotential(x: number, lang: Lang): string {
  // Rounded first, so a tiny decline reads 0%, not -0%.
  const r = Math.round(x * 100) / 100;
  const s = fmtPercent(r === 0 ? 0 : r, lang, 0);
  return r > 0 ? `+${s}` : s;
}

/** The text of customer `i`'s cell in column `key`. */
export function cellText(key: TableColumn, t: CustomerTable, i: number, ctx: CellContext): string {
  const { lang, currency } = ctx;
  switch (key) {
    case 'id':
      return String(i);
    case 'tier':
      return tierCell(t, i, ctx);
    case 'status':
      return ctx.status[t.status[i] === 1 ? 1 : 0];
    case 'stage':
      return ctx.stage[t.stage[i]!] ?? '';
    case 'revenue':
      return fmtMoney(t.revenue[i]!, currency, lang);
    case 'lastRevenue':
      return fmtMoney(t.lastRevenue[i]!, currency, lang);
    case 'profit':
      return fmtMoney(t.profit[i]!, currency, lang);
    case 'cumRevenue':
      return fmtMoney(t.cumRevenue[i]!, currency, lang);
    case 'influence':
      return fmtInfluence(t.influence[i]!, lang);
    case 'potential':
      return fmtPotential(t.potential[i]!, lang);
    case 'tenure':
      return fmtNumber(t.tenure[i]!, lang);
    case 'joined': {
      const q = t.joined[i]!;
      return q === 0 ? ctx.joinedInitial : ctx.quarter(q);
    }
    case 'source':
      return ctx.source[t.source[i]!] ?? '';
    case 'failures':
      return fmtNumber(t.failures[i]!, lang);
    case 'complaints':
      return fmtNumber(t.complaints[i]!, lang);
    default: {
      const never: never = key;
      return String(never);
    }
  }
}

/** Every cell of customer `i`, in column order. */
export function rowTexts(t: CustomerTable, i: number, ctx: CellContext, cols: readonly ColumnDef[] = COLUMNS): string[] {
  return cols.map((c) => cellText(c.key, t, i, ctx));
}
