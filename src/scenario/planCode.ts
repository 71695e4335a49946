/**
 * A team's plan for one quarter of a market game, as a decision code: compact text with a
 * checksum, short enough to paste into a chat message, for a market where each team plays on its
 * own device (MODEL.md section 8). The same text is the content of a plan file
 * (`<firm>-q<N>.crm-plan.txt`), so the facilitator's console takes either.
 *
 *     CRM1.<payload>.<check>
 *
 * `payload` is base64url of the raw-deflated JSON `{ v: 1, m, f, q, d }` (the market's id, the
 * firm's name, the quarter, the decisions); `check` is the first 8 hex digits of hashJson of the
 * payload, so a code cut short or mistyped in a chat is caught before anything reads it. The
 * market's id ({@link marketId}) ties the code to one market: its scenario, seed and firms.
 * Compression is the platform's CompressionStream (browsers and Node 20), so nothing is added.
 */
import type { Decisions } from '../sim/config';
import { hashJson } from '../sim/hash';
import type { Lang } from '../sim/text';
import { decisionsSchema } from './decisionsSchema';
import { MAX_CODE_LENGTH, type CodeTarget } from './planCodeShape';
import { deflateRaw, fromBase64Url, inflateRaw, toBase64Url } from './deflate';

export { MAX_CODE_LENGTH, marketId, type CodeTarget } from './planCodeShape';

const PREFIX = 'CRM1';
const MAX_JSON_BYTES = 400_000;

/** What a decision code carries. */
export interface PlanCode {
  /** The market's id ({@link marketId}). */
  market: string;
  /** The firm's name (its identity in the market). */
  firm: string;
  /** The quarter the plan is for (1-based). */
  round: number;
  decisions: Decisions;
}


const check = (payload: string): string => hashJson(payload).slice(0, 8);

/** The decision code of `plan`. */
export async function encodePlanCode(plan: PlanCode): Promise<string> {
  const json = JSON.stringify({ v: 1, m: plan.market, f: plan.firm, q: plan.round, d: plan.decisions });
  const payload = toBase64Url(await deflateRaw(new TextEncoder().encode(json)));
  return `${PREFIX}.${payload}.${check(payload)}`;
}

const MESSAGES = {
  en: {
    empty: 'there is no code: paste the whole code a team sent (it starts with CRM1.)',
    notCode: 'this is not a decision code: a decision code starts with CRM1. and has two dots',
    tooLong: (max: number) => `the text is longer than any decision code (${max} characters at most)`,
    damaged: 'the code is damaged (its checksum does not match): copy it again, whole, from the team’s message',
    unreadable: 'the code passes its checksum but its content cannot be read: it was not made by this game',
    version: (v: string) => `the code is of version ${v}; this version of the game reads version 1`,
    plan: (why: string) => `the plan in the code is not a plan of this game: ${why}`,
    otherMarket: 'the code is for another market (another scenario, seed or set of firms): the team must load this market’s file first',
    noTeam: (firm: string) => `no team of this market is named “${firm}”`,
    computer: (firm: string) => `“${firm}” is run by the computer: it sends no plans`,
    stopped: (firm: string) => `“${firm}” no longer plays (it went bankrupt)`,
    round: (firm: string, q: number, now: number) => `the plan of “${firm}” is for quarter ${q}, but the market is deciding quarter ${now}: the team must load the latest market file and decide again`,
  },
  'zh-CN': {
    empty: '没有代码：请粘贴小组发来的完整代码（以 CRM1. 开头）',
    notCode: '这不是决策代码：决策代码以 CRM1. 开头，并含两个点',
    tooLong: (max: number) => `文本比任何决策代码都长（最多 ${max} 个字符）`,
    damaged: '代码已损坏（校验码不符）：请从小组的消息中重新完整复制',
    unreadable: '代码通过了校验，但内容无法读取：它不是本游戏生成的',
    version: (v: string) => `代码版本为 ${v}；本版本游戏只读取版本 1`,
    plan: (why: string) => `代码中的方案不是本游戏的方案：${why}`,
    otherMarket: '这是另一个市场的代码（场景、种子或企业不同）：小组须先载入本市场的文件',
    noTeam: (firm: string) => `本市场没有名为“${firm}”的小组`,
    computer: (firm: string) => `“${firm}”由电脑经营，不提交方案`,
    stopped: (firm: string) => `“${firm}”已退出（破产）`,
    round: (firm: string, q: number, now: number) => `“${firm}”的方案是第 ${q} 季度的，但市场正在决策第 ${now} 季度：小组须载入最新的市场文件后重新决策`,
  },
} as const;

/** A code read, or why not (a sentence in the language asked for). */
export type PlanCodeResult = { ok: true; plan: PlanCode } | { ok: false; reason: string };

/** Reads a decision code (spaces and line breaks a chat app adds are ignored). */
export async function decodePlanCode(text: string, lang: Lang = 'en'): Promise<PlanCodeResult> {
  const m = MESSAGES[lang === 'zh-CN' ? 'zh-CN' : 'en'];
  const code = text.replace(/\s+/g, '');
  if (code === '') return { ok: false, reason: m.empty };
  if (code.length > MAX_CODE_LENGTH) return { ok: false, reason: m.tooLong(MAX_CODE_LENGTH) };
  const parts = code.split('.');
  if (parts.length !== 3 || parts[0] !== PREFIX || !/^[A-Za-z0-9_-]+$/.test(parts[1]!)) {
    const v = /^CRM(\d+)\./.exec(code)?.[1];
    return { ok: false, reason: v && v !== '1' ? m.version(v) : m.notCode };
  }
  const [, payload, sum] = parts as [string, string, string];
  if (check(payload) !== sum.toLowerCase()) return { ok: false, reason: m.damaged };
  let doc: unknown;
  try {
    const bytes = await inflateRaw(fromBase64Url(payload), MAX_JSON_BYTES);
    doc = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { ok: false, reason: m.unreadable };
  }
  const o = doc as { v?: unknown; m?: unknown; f?: unknown; q?: unknown; d?: unknown } | null;
  if (!o || typeof o !== 'object' || typeof o.m !== 'string' || typeof o.f !== 'string' || !Number.isInteger(o.q) || (o.q as number) < 1) return { ok: false, reason: m.unreadable };
  if (o.v !== 1) return { ok: false, reason: m.version(String(o.v)) };
  const d = decisionsSchema.safeParse(o.d);
  if (!d.success) {
    const first = d.error.issues[0]!;
    return { ok: false, reason: m.plan(`${first.path.join('.') || 'd'}: ${first.message}`) };
  }
  return { ok: true, plan: { market: o.m, firm: o.f, round: o.q as number, decisions: d.data } };
}


/** Reads a code and checks it belongs to `target` now: its seat, or why not. */
export async function acceptPlanCode(text: string, target: CodeTarget, lang: Lang = 'en'): Promise<{ ok: true; seat: number; plan: PlanCode } | { ok: false; reason: string }> {
  const m = MESSAGES[lang === 'zh-CN' ? 'zh-CN' : 'en'];
  const r = await decodePlanCode(text, lang);
  if (!r.ok) return r;
  const p = r.plan;
  if (p.market !== target.market) return { ok: false, reason: m.otherMarket };
  const seat = target.firms.findIndex((f) => f.name === p.firm);
  if (seat < 0) return { ok: false, reason: m.noTeam(p.firm) };
  const f = target.firms[seat]!;
  if (!f.team) return { ok: false, reason: m.computer(p.firm) };
  if (!f.playing) return { ok: false, reason: m.stopped(p.firm) };
  if (p.round !== target.round) return { ok: false, reason: m.round(p.firm, p.round, target.round) };
  return { ok: true, seat, plan: p };
}

/** The file name of a plan file: `<firm>-q<N>.crm-plan.txt` (characters a file name cannot hold become `_`). */
export function planFileName(firm: string, round: number): string {
  return `${firm.replace(/[\\/:*?"<>|\s]+/g, '_')}-q${round}.crm-plan.txt`;
}
