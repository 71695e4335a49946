/**
 * A game as one CSV table for Excel: one row per quarter played with the firm's KPIs, the
 * per-tier KPIs, the quarter's decisions and, once the game is over, the hidden truths.
 *
 * Excel-safe: UTF-8 with a BOM (so Chinese opens correctly), CRLF line ends, RFC 4180
 * quoting, and no formula injection: a text cell that Excel could read as a formula (it
 * starts with = + - @, a tab or a carriage return, also after leading whitespace) gets a
 * leading single quote. Numbers are written by this code as plain numbers (negative ones
 * too), never as text; non-finite numbers become empty cells.
 */
import { LEVER_NAMES, type Decisions, type Lever, type SystemsSpend, type TierDecision, type TieringWeights } from '../../sim/config';
import { pickText, type Lang } from '../../sim/text';
import type { GameSnapshot, RoundSummary } from '../../worker/protocol';
import type { commonMessages } from '../i18n/common';
import { kpiById, measuredNps, measuredSatisfaction, type KpiId } from '../shell/kpis';
import type { exportsMessages } from './exportsMessages';

/** A value of one cell: text, a number, a yes/no, or nothing. */
export type CsvValue = string | number | boolean | null;

/** Dotted paths of every message of a tree. */
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** A message key the export uses: its own (`exports:`) or the screens' terms (`common:`). */
export type CsvKey = `exports:${Leaves<(typeof exportsMessages)['en']>}` | `common:${Leaves<(typeof commonMessages)['en']>}`;

/** i18next's `t` fixed to the learner's language (namespaces `exports` and `common`). */
export type CsvTranslate = (key: CsvKey, vars?: Record<string, string | number>) => string;

/** Text Excel would run as a formula (also full-width = + - @, which some IMEs type). */
const FORMULA_START = /^[\t\r]|^\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * One RFC 4180 field, neutralised against formula injection. A `;` is quoted too: Excel in
 * locales whose list separator is `;` (German, French…) splits on it when it opens a CSV.
 */
export function csvCell(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV text of `rows`: a UTF-8 BOM first, CRLF after every row. */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return `\uFEFF${rows.map((r) => `${r.map(csvCell).join(',')}\r\n`).join('')}`;
}

/** One quarter as the columns read it. */
interface Quarter {
  n: number;
  s: RoundSummary;
  /** The decisions the quarter was played with (absent only in a malformed snapshot). */
  d: Decisions | undefined;
}

interface Column {
  header: string;
  value: (q: Quarter) => CsvValue;
}

const FIRM_KPIS: readonly KpiId[] = [
  'operatingProfit', 'revenue', 'customers', 'retention', 'customerEquity', 'acquired',
  'churned', 'failures', 'complaints', 'headcount', 'turnover', 'workload', 'cash',
];

const WEIGHTS: readonly (keyof TieringWeights)[] = ['revenue', 'margin', 'influence', 'potential', 'tenure'];
const MODULES: readonly (keyof SystemsSpend)[] = ['salesAutomation', 'marketingAutomation', 'serviceDesk', 'dataPlatform'];
const TIER_LEVERS: readonly [keyof TierDecision, Lever][] = [
  ['serviceHours', 'service'],
  ['relationshipSpend', 'relationship'],
  ['priceIndex', 'price'],
  ['retentionBudget', 'retention'],
  ['acquisitionSpend', 'acquisition'],
  ['winBackSpend', 'winBack'],
];
const PEOPLE: readonly [keyof Decisions['people'], Lever][] = [
  ['hires', 'people'],
  ['layoffs', 'people'],
  ['wageIndex', 'wages'],
  ['trainingSpend', 'training'],
];

/** Tier positions used in any quarter (by the reports or the decisions): 0..n-1. */
function tierSlots(game: GameSnapshot): number {
  let n = 1;
  for (const s of game.summaries) n = Math.max(n, s.tiers.length);
  for (const d of game.decisions.slice(0, game.summaries.length)) {
    n = Math.max(n, d.tiering.tierCount, d.tiers.length, d.research.surveySample.length);
  }
  return n;
}

/** The column headers and readers of `game`'s table. */
function columns(game: GameSnapshot, lang: Lang, includeTruth: boolean, t: CsvTranslate): Column[] {
  const sc = game.scenario;
  const tierName = (k: number) => pickText(sc.tiers[k]?.name, lang) || t('common:quarter.tierN', { n: k + 1 });
  const sub = (name: string, part: string) => t('exports:col.sub', { name, sub: part });
  const decision = (lever: Lever, name: string) => t('exports:col.decision', { lever: pickText(LEVER_NAMES[lever], lang), name });
  const yesNo = (v: boolean | undefined) => (v === undefined ? null : t(v ? 'exports:value.yes' : 'exports:value.no'));
  const tiers = Array.from({ length: tierSlots(game) }, (_, k) => k);
  const cols: Column[] = [];
  const add = (header: string, value: Column['value']) => cols.push({ header, value });

  // Identification.
  add(t('exports:col.scenarioId'), () => sc.id);
  add(t('exports:col.scenario'), () => pickText(sc.title, lang));
  add(t('exports:col.seed'), () => game.seed);
  add(t('exports:col.quarter'), (q) => q.n);

  // The firm's KPIs, as the learner saw them.
  for (const id of FIRM_KPIS) add(t(`common:kpi.name.${id}`), (q) => kpiById(id).read(q.s));
  add(t('exports:col.roundScore'), (q) => q.s.roundScore);
  add(t('exports:col.totalScore'), (q) => q.s.score);
  const satisfaction = t('common:kpi.name.measuredSatisfaction');
  add(satisfaction, (q) => measuredSatisfaction(q.s)?.mean ?? null);
  add(t('exports:col.moe', { kpi: satisfaction }), (q) => measuredSatisfaction(q.s)?.moe ?? null);
  const nps = t('common:kpi.name.measuredNps');
  add(nps, (q) => measuredNps(q.s)?.value ?? null);
  add(t('exports:col.moe', { kpi: nps }), (q) => measuredNps(q.s)?.moe ?? null);
  const employees = t('common:kpi.name.measuredEmployeeSatisfaction');
  add(employees, (q) => q.s.employeeSurvey?.mean ?? null);
  add(t('exports:col.moe', { kpi: employees }), (q) => q.s.employeeSurvey?.marginOfError ?? null);
  add(t('exports:col.hash'), (q) => q.s.hash);

  // Per tier; empty when the tier was not in use that quarter.
  const tierKpis: [string, (k: RoundSummary['tiers'][number]) => number][] = [
    [t('common:kpi.name.customers'), (k) => k.customers],
    [t('common:kpi.name.revenue'), (k) => k.revenue],
    [t('common:report.row.profit'), (k) => k.profit],
    [t('common:kpi.name.retention'), (k) => k.retention],
    [t('exports:col.clv'), (k) => k.clv],
  ];
  for (const [name, read] of tierKpis) {
    for (const k of tiers) add(sub(name, tierName(k)), (q) => (q.s.tiers[k] ? read(q.s.tiers[k]) : null));
  }

  // The quarter's decisions.
  add(decision('tiering', t('common:quarter.tierCount')), (q) => q.d?.tiering.tierCount ?? null);
  for (const w of WEIGHTS) add(decision('tiering', sub(t('common:quarter.weights'), t(`common:quarter.dim.${w}`))), (q) => q.d?.tiering.weights[w] ?? null);
  add(decision('tiering', t('common:quarter.cutMode')), (q) =>
    q.d ? t(q.d.tiering.cutoffs.mode === 'share' ? 'common:quarter.cutShare' : 'common:quarter.cutScore') : null);
  for (const k of tiers) {
    add(decision('tiering', sub(t('exports:col.cutoff'), tierName(k))), (q) => {
      const c = q.d?.tiering.cutoffs;
      return (c ? (c.mode === 'share' ? c.shares[k] : c.thresholds[k]) : undefined) ?? null;
    });
  }
  add(decision('tiering', t('exports:col.oneVote')), (q) => q.d?.tiering.topIfRevenueAbove ?? null);
  for (const [field, lever] of TIER_LEVERS) {
    for (const k of tiers) add(decision(lever, sub(t(`common:quarter.field.${field}`), tierName(k))), (q) => q.d?.tiers[k]?.[field] ?? null);
  }
  for (const [field, lever] of PEOPLE) add(decision(lever, t(`common:quarter.field.${field}`)), (q) => q.d?.people[field] ?? null);
  for (const m of MODULES) add(decision('systems', t(`common:quarter.module.${m}`)), (q) => q.d?.systems[m] ?? null);
  add(decision('brand', t('common:quarter.field.brandSpend')), (q) => q.d?.brandSpend ?? null);
  for (const k of tiers) add(decision('research', t('common:quarter.sampleOf', { tier: tierName(k) })), (q) => q.d?.research.surveySample[k] ?? null);
  add(decision('research', t('common:quarter.employeeSurvey')), (q) => yesNo(q.d?.research.employeeSurvey));
  add(decision('research', t('common:quarter.nps')), (q) => yesNo(q.d?.research.nps));
  add(decision('recovery', t('common:quarter.field.budgetPerFailure')), (q) => q.d?.recovery.budgetPerFailure ?? null);
  add(decision('recovery', t('common:quarter.field.empowerment')), (q) => q.d?.recovery.empowerment ?? null);
  add(t('exports:col.choices'), (q) => (q.d ? q.d.choices.map((c) => `${c.event}:${c.option}`).join('; ') : null));

  // The truth the model hides until the debrief.
  if (includeTruth) {
    add(t('common:end.trueSatisfaction'), (q) => q.s.firm.satisfaction);
    add(t('common:end.trueLoyalty'), (q) => q.s.firm.loyalty);
    add(t('exports:col.trueNps'), (q) => q.s.firm.nps);
    add(t('exports:col.trueEmployeeSatisfaction'), (q) => q.s.employees.satisfaction);
  }
  return cols;
}

/**
 * The rows of `game`'s table: a header row, then one row per quarter played. `t` must be
 * in `lang` (tier and scenario names are picked in `lang`). Pass `includeTruth` only once
 * the game is over: the truths stay hidden from the learner until the debrief.
 */
export function gameRows(game: GameSnapshot, lang: Lang, opts: { includeTruth: boolean }, t: CsvTranslate): CsvValue[][] {
  const cols = columns(game, lang, opts.includeTruth, t);
  const rows: CsvValue[][] = [cols.map((c) => c.header)];
  game.summaries.forEach((s, i) => {
    const q: Quarter = { n: s.round, s, d: game.decisions[i] };
    rows.push(cols.map((c) => c.value(q)));
  });
  return rows;
}

/** The CSV text of `game` (see {@link gameRows}). */
export function gameCsv(game: GameSnapshot, lang: Lang, opts: { includeTruth: boolean }, t: CsvTranslate): string {
  return toCsv(gameRows(game, lang, opts, t));
}

/** The file name: `<scenario id>-<seed>-q<quarters played>.csv`, safe characters only. */
export function csvFileName(game: GameSnapshot): string {
  const safe = (s: string, fallback: string) => s.replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^[_-]+|[_-]+$/g, '').slice(0, 40) || fallback;
  return `${safe(game.scenario.id, 'scenario')}-${safe(game.seed, 'seed')}-q${game.summaries.length}.csv`;
}
