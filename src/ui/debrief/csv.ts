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
import './exportsMessages'; // registers the 'exports' messages (they load with this screen)
import { LEVER_NAMES, type Decisions, type Lever } from '../../sim/config';
import { DECISION_FIELDS, fieldValue } from '../../sim/decisions/catalogue';
import { pickText, type Lang } from '../../sim/text';
import type { GameSnapshot, RoundSummary, RoundTruth } from '../../worker/protocol';
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
  /** The quarter's truth: only in a game that is over (the snapshot has none before). */
  truth: RoundTruth | undefined;
}

interface Column {
  header: string;
  value: (q: Quarter) => CsvValue;
}

const FIRM_KPIS: readonly KpiId[] = [
  'operatingProfit', 'revenue', 'customers', 'retention', 'customerEquity', 'acquired',
  'churned', 'failures', 'complaints', 'headcount', 'turnover', 'workload', 'cash',
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
function columns(game: GameSnapshot, lang: Lang, t: CsvTranslate): Column[] {
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
  // A market: what rival firms' customers bought from this firm (not in the firm's revenue, which is its own customers').
  if (game.summaries.some((x) => x.finance.secondaryRevenue > 0)) {
    add(t('common:report.fin.secondaryRevenue'), (q) => q.s.finance.secondaryRevenue);
  }
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

  // The competitor benchmark (a market): each rival any quarter's benchmark saw, its figures; empty in a quarter it was not bought.
  const rivals = [...new Set(game.summaries.flatMap((s) => (s.benchmark ?? []).map((b) => b.name)))];
  const seen = (q: Quarter, name: string) => q.s.benchmark?.find((b) => b.name === name);
  for (const firm of rivals) {
    const col = (what: CsvKey, read: (b: NonNullable<RoundSummary['benchmark']>[number]) => number | null) =>
      add(t('exports:col.benchmark', { firm, what: t(what) }), (q) => {
        const b = seen(q, firm);
        return b ? read(b) : null;
      });
    col('exports:col.benchmarkPrice', (b) => b.priceIndex);
    col('exports:col.benchmarkService', (b) => b.serviceHours);
    col('exports:col.benchmarkCustomers', (b) => b.customers);
    col('exports:col.benchmarkSatisfaction', (b) => b.survey?.mean ?? null);
    col('exports:col.benchmarkMoe', (b) => b.survey?.marginOfError ?? null);
  }

  // The quarter's decisions: one column per catalogue field (per tier, or per boundary between tiers).
  // The competitor benchmark, newer than the plan format, only in a game whose plans name it (a market's).
  const named = (f: (typeof DECISION_FIELDS)[number]) => !(f.kind === 'boolean' && f.optional) || game.decisions.some((d) => fieldValue(d, f, 0) !== undefined);
  for (const f of DECISION_FIELDS.filter(named)) {
    const name = f.csv ? t(`exports:${f.csv}` as CsvKey) : t(`common:${f.label}` as CsvKey);
    const read = (i: number) => (q: Quarter): CsvValue => {
      if (!q.d) return null;
      const v = fieldValue(q.d, f, i);
      if (f.kind === 'boolean') return yesNo(typeof v === 'boolean' ? v : f.optional ? f.default : undefined);
      if (f.kind === 'mode') return typeof v === 'string' && v in f.valueLabels ? t(`common:${f.valueLabels[v as keyof typeof f.valueLabels]}` as CsvKey) : null;
      return typeof v === 'number' ? v : null;
    };
    if (f.scope === 'firm') add(decision(f.lever, name), read(0));
    else {
      const slots = f.scope === 'tier' ? tiers : tiers.slice(0, -1);
      for (const k of slots) add(decision(f.lever, sub(name, tierName(k))), read(k));
    }
  }
  add(t('exports:col.choices'), (q) => (q.d ? q.d.choices.map((c) => `${c.event}:${c.option}`).join('; ') : null));

  // The truth the model hides until the debrief: the worker sends it only once the game is over.
  if (game.truth) {
    add(t('common:end.trueSatisfaction'), (q) => q.truth?.firm.satisfaction ?? null);
    add(t('common:end.trueLoyalty'), (q) => q.truth?.firm.loyalty ?? null);
    add(t('exports:col.trueNps'), (q) => q.truth?.firm.nps ?? null);
    add(t('exports:col.trueEmployeeSatisfaction'), (q) => q.truth?.employees.satisfaction ?? null);
  }
  return cols;
}

/**
 * The rows of `game`'s table: a header row, then one row per quarter played. `t` must be
 * in `lang` (tier and scenario names are picked in `lang`). The truth columns come with the
 * game's truth, which only a game that is over has.
 */
export function gameRows(game: GameSnapshot, lang: Lang, t: CsvTranslate): CsvValue[][] {
  const cols = columns(game, lang, t);
  const rows: CsvValue[][] = [cols.map((c) => c.header)];
  game.summaries.forEach((s, i) => {
    const q: Quarter = { n: s.round, s, d: game.decisions[i], truth: game.truth?.rounds.find((x) => x.round === s.round) };
    rows.push(cols.map((c) => c.value(q)));
  });
  return rows;
}

/** The CSV text of `game` (see {@link gameRows}). */
export function gameCsv(game: GameSnapshot, lang: Lang, t: CsvTranslate): string {
  return toCsv(gameRows(game, lang, t));
}

/** The file name: `<scenario id>-<seed>-q<quarters played>.csv`, safe characters only. */
export function csvFileName(game: GameSnapshot): string {
  const safe = (s: string, fallback: string) => s.replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^[_-]+|[_-]+$/g, '').slice(0, 40) || fallback;
  return `${safe(game.scenario.id, 'scenario')}-${safe(game.seed, 'seed')}-q${game.summaries.length}.csv`;
}
