/**
 * A class's results from its files once each is verified (grade.ts does that): copies found,
 * ranks given, and the gradebook. Pure and light (no engine, no schema): the page's grading
 * store imports it without the verification code.
 */
import type { Decisions } from '../sim/config';
import type { Lang } from '../sim/text';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export type GradeStatus = 'verified' | 'copy' | 'tampered' | 'foreign-class' | 'invalid';

/** A player's game in a file: a solo file has one, a market file one per team. */
export interface GradedGame {
  player: string | null;
  score: number;
  customerEquity: number;
  cumulativeProfit: number;
  /** True mean satisfaction of the last quarter's customers, 0-100. */
  satisfaction: number;
  /** The scenario's money. */
  currency: string;
}

/** One file, verified on its own. */
export interface GradedFile {
  file: string;
  kind: 'solo' | 'market';
  status: Exclude<GradeStatus, 'copy'>;
  /** Why the file is not verified (the reader's or the replay's first sentence). */
  reason: string | null;
  classCode: string | null;
  /** Its games (none when the file is not verified or cannot be read). */
  games: GradedGame[];
  /** A solo file's decision log, for finding copies (null otherwise). */
  decisions: Decisions[] | null;
  /** The player the file names (a market file: its teams' names are its games' players). */
  player: string | null;
}

/** One line of the class's results. */
export interface GradeRow {
  file: string;
  player: string | null;
  status: GradeStatus;
  score: number | null;
  rank: number | null;
  /** A copy: the player (or file) it copies. */
  copyOf: string | null;
  reason: string | null;
  customerEquity: number | null;
  cumulativeProfit: number | null;
  satisfaction: number | null;
  currency: string | null;
}

/** Every number and yes/no of a plan, in a fixed order (keys sorted), for comparing plans field by field. */
function leaves(x: unknown, out: (number | boolean | string | null)[] = []): (number | boolean | string | null)[] {
  if (Array.isArray(x)) for (const v of x) leaves(v, out);
  else if (isObject(x)) for (const k of Object.keys(x).sort()) leaves(x[k], out);
  else out.push(x as number | boolean | string | null);
  return out;
}

/** The share of the two decision logs' fields that are equal, quarter by quarter (0 when their shapes differ). */
export function decisionSimilarity(a: readonly Decisions[], b: readonly Decisions[]): number {
  if (a.length === 0 || a.length !== b.length) return 0;
  let same = 0;
  let all = 0;
  for (let q = 0; q < a.length; q++) {
    const x = leaves(a[q]);
    const y = leaves(b[q]);
    if (x.length !== y.length) return 0;
    for (let i = 0; i < x.length; i++) {
      const u = x[i];
      const w = y[i];
      all++;
      if (u === w || (typeof u === 'number' && typeof w === 'number' && Math.abs(u - w) <= 1e-9 * Math.max(1, Math.abs(u)))) same++;
    }
  }
  return all > 0 ? same / all : 0;
}

/** Two logs at least this similar are one game copied (a value or two changed in a whole game). */
export const COPY_SIMILARITY = 0.98;

/**
 * The class's results, a row per game, in the files' order: a verified solo game whose log is
 * (nearly) another verified one's is a copy of it (both are); verified games and copies are
 * ranked by score (equal scores share a rank).
 */
export function gradeClass(files: readonly GradedFile[]): GradeRow[] {
  const rows: GradeRow[] = [];
  const solo = files.filter((f) => f.status === 'verified' && f.decisions !== null);
  for (const f of files) {
    if (f.status !== 'verified') {
      rows.push({ file: f.file, player: f.player, status: f.status, score: null, rank: null, copyOf: null, reason: f.reason, customerEquity: null, cumulativeProfit: null, satisfaction: null, currency: null });
      continue;
    }
    // Who copied whom cannot be told from the files: each of a pair is a copy of the other.
    const of = f.decisions ? solo.find((o) => o !== f && decisionSimilarity(o.decisions!, f.decisions!) >= COPY_SIMILARITY) : undefined;
    for (const g of f.games) {
      rows.push({
        file: f.file, player: g.player, status: of ? 'copy' : 'verified', score: g.score, rank: null, copyOf: of ? (of.player ?? of.file) : null, reason: null,
        customerEquity: g.customerEquity, cumulativeProfit: g.cumulativeProfit, satisfaction: g.satisfaction, currency: g.currency,
      });
    }
  }
  const scores = rows.filter((r) => r.score !== null).map((r) => r.score!);
  for (const r of rows) if (r.score !== null) r.rank = 1 + scores.filter((s) => s > r.score!).length;
  return rows;
}

/** The gradebook's headers and status words, by language. */
export const GRADEBOOK = {
  en: {
    headers: ['player', 'class', 'status', 'score', 'rank', 'customer equity', 'cumulative profit', 'satisfaction', 'copy of', 'file', 'reason'],
    status: { verified: 'verified', copy: 'copy', tampered: 'tampered', 'foreign-class': 'another class', invalid: 'invalid' } satisfies Record<GradeStatus, string>,
  },
  'zh-CN': {
    headers: ['玩家', '班级', '状态', '得分', '名次', '客户资产', '累计利润', '客户满意度', '抄袭自', '文件', '原因'],
    status: { verified: '已验证', copy: '抄袭', tampered: '被篡改', 'foreign-class': '其他班级', invalid: '无效' } satisfies Record<GradeStatus, string>,
  },
} as const;

const cell = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
export const num = (x: number | null, digits: number): string => (x === null ? '' : x.toFixed(digits));

/** The gradebook: a header line, then a row per game, CRLF line ends, with a byte-order mark. */
export function gradebookCsv(code: string, rows: readonly GradeRow[], lang: Lang): string {
  const t = GRADEBOOK[lang];
  const lines = [t.headers, ...rows.map((r) => [
    r.player ?? '', code, t.status[r.status], num(r.score, 2), r.rank === null ? '' : String(r.rank),
    num(r.customerEquity, 0), num(r.cumulativeProfit, 0), num(r.satisfaction, 1), r.copyOf ?? '', r.file, r.reason ?? '',
  ])];
  return `\ufeff${lines.map((l) => l.map(cell).join(',')).join('\r\n')}\r\n`;
}
