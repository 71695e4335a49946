/**
 * The engine's reasons to refuse a plan ({@link DecisionProblem}: codes and values) as
 * sentences in the learner's language, numbers through `Intl`. The worker renders them for the
 * page, the command line and the run-file checks for the terminal: one set of sentences.
 */
import { LEVER_NAMES } from '../sim/config';
import { decisionField } from '../sim/decisions/catalogue';
import type { DecisionProblem, Found } from '../sim/decisions/problems';
import { pickText, type Lang } from '../sim/text';
import { expectedFound, expectedText, formatNumber } from './messages';

/** A problem with its sentence, as the page and the terminal show it. */
export type ShownProblem = DecisionProblem & { text: string };

function quote(s: string): string {
  const q = JSON.stringify(s);
  return q.length > 42 ? `${q.slice(0, 40)}…"` : q;
}

/** A number as shown: whole numbers grouped (1,234), others to at most 4 decimals. */
function num(x: number, lang: Lang): string {
  if (!Number.isFinite(x)) return String(x);
  const r = Math.abs(x) >= 100 ? Math.round(x) : Math.round(x * 10_000) / 10_000;
  return Number.isInteger(r) ? formatNumber(r, lang) : String(r);
}

/** An amount of money in the scenario's currency (whole units), e.g. ¥852,000. */
function moneyText(x: number, currency: string, lang: Lang): string {
  const whole = Math.round(x);
  if (typeof Intl === 'undefined' || !/^[A-Z]{3}$/.test(currency)) return `${currency} ${formatNumber(whole, lang)}`;
  return new Intl.NumberFormat(lang, { style: 'currency', currency, currencyDisplay: 'narrowSymbol', maximumFractionDigits: 0 }).format(whole);
}

/** What a field held, in words; `scale` 100 shows a share as the percentage the learner typed. */
export function foundWords(f: Found, lang: Lang, scale = 1): string {
  const en = lang === 'en';
  switch (f.kind) {
    case 'number':
      if (Number.isNaN(f.value)) return en ? 'no number' : '非数字';
      return scale === 100 ? `${num(f.value * 100, lang)}%` : num(f.value, lang);
    case 'text': return quote(f.value);
    case 'boolean': return String(f.value);
    case 'missing': return en ? 'nothing' : '缺失';
    case 'null': return 'null';
    case 'object': return en ? 'an object' : '对象';
    case 'list': return en ? 'a list' : '列表';
    default: {
      const never: never = f;
      return String(never);
    }
  }
}

const pair = expectedFound;

/** The sentence of one problem (without its path); money in `currency`, the scenario's (ISO 4217). */
export function decisionProblemText(p: DecisionProblem, lang: Lang, currency = ''): string {
  const en = lang === 'en';
  const n = (x: number): string => num(x, lang);
  const money = (x: number): string => (currency ? moneyText(x, currency, lang) : n(Math.round(x)));
  switch (p.code) {
    case 'gameOver':
      return en ? 'The game is over; no more quarters can be played.' : '游戏已结束，不能再进行新的季度。';
    case 'notObject':
      return pair(expectedText({ kind: 'object' }, lang), foundWords(p.found, lang), lang);
    case 'notList':
      return pair(expectedText({ kind: 'list', min: null, max: null }, lang), foundWords(p.found, lang), lang);
    case 'unknownField':
      return en ? `${quote(p.key)} is not a field of a quarter's plan.` : `季度决策中没有 ${quote(p.key)} 这一字段。`;
    case 'outOfRange': {
      // A share is typed as a percentage: say it in percent.
      const f = decisionField(p.field);
      if (f?.kind === 'number' && f.percent) {
        const range = en ? `a percentage from ${n(p.min * 100)}% to ${n(p.max * 100)}%` : `${n(p.min * 100)}% 到 ${n(p.max * 100)}% 之间的百分比`;
        return pair(range, foundWords(p.found, lang, 100), lang);
      }
      return pair(expectedText({ kind: 'number', min: p.min, max: p.max, int: p.integer }, lang), foundWords(p.found, lang), lang);
    }
    case 'notBoolean':
      return pair(expectedText({ kind: 'boolean' }, lang), foundWords(p.found, lang), lang);
    case 'notMode':
      return pair(expectedText({ kind: 'oneOf', values: p.values }, lang), foundWords(p.found, lang), lang);
    case 'overLimit':
      switch (p.bound) {
        case 'scenarioTiers':
          return en ? `This scenario has ${n(p.limit)} tiers; ${n(p.value)} cannot be used.` : `本情景共有 ${n(p.limit)} 个客户等级，不能使用 ${n(p.value)} 个。`;
        case 'hiring':
          return en
            ? `At most ${n(p.limit)} people can be hired in a quarter (twice the headcount, at least 50), not ${n(p.value)}.`
            : `每季度最多招聘 ${n(p.limit)} 人（现有人数的两倍，至少 50 人），不能招聘 ${n(p.value)} 人。`;
        case 'headcount':
          return en ? `Only ${n(p.limit)} employees can be laid off (the whole staff), not ${n(p.value)}.` : `最多只能裁员 ${n(p.limit)} 人（全部员工），不能裁员 ${n(p.value)} 人。`;
        default: {
          const never: never = p.bound;
          return String(never);
        }
      }
    case 'count':
      return p.per === 'tier'
        ? en ? `Give one value per tier in use: ${n(p.expected)}, not ${n(p.value)}.` : `每个使用中的客户等级需要一个值：应为 ${n(p.expected)} 个，当前为 ${n(p.value)} 个。`
        : en ? `Give one value per boundary between tiers: ${n(p.expected)}, not ${n(p.value)}.` : `相邻等级之间各需一个值：应为 ${n(p.expected)} 个，当前为 ${n(p.value)} 个。`;
    case 'noWeight':
      return en ? 'With more than one tier, at least one tiering weight must be above 0.' : '分为多个等级时，至少一个分级维度的权重必须大于 0。';
    case 'sharesSum': {
      const pct = `${num(Number((p.value * 100).toPrecision(12)), lang)}%`;
      return en ? `The tier shares must add up to 100%, not ${pct}.` : `各等级比例之和必须为 100%，当前为 ${pct}。`;
    }
    case 'thresholdOrder':
      return en
        ? `Score thresholds must fall from the top tier down: ${n(p.value)} is above the threshold before it (${n(p.limit)}).`
        : `得分界限必须从高等级到低等级递减：${n(p.value)} 高于前一个界限（${n(p.limit)}）。`;
    case 'tooManyChoices':
      return en ? `At most ${n(p.limit)} answers to choice cards, not ${n(p.value)}.` : `选择卡的回答最多 ${n(p.limit)} 个，当前为 ${n(p.value)} 个。`;
    case 'choiceUnknown':
      return en ? `${quote(p.event)} is not a choice card of this quarter.` : `${quote(p.event)} 不是本季度的选择卡。`;
    case 'choiceTwice':
      return en ? `The card ${quote(p.event)} is answered twice.` : `选择卡 ${quote(p.event)} 被回答了两次。`;
    case 'optionUnknown':
      return en ? `${quote(p.option)} is not an option of ${quote(p.event)}.` : `${quote(p.option)} 不是 ${quote(p.event)} 的选项。`;
    case 'noRivals':
      return en
        ? 'The competitor benchmark reports on rival firms: it can be bought only in a market of several firms, not in the solo game.'
        : '竞争对手对标调研针对的是竞争企业：只有在多家企业参与的市场对抗中才能购买，单人游戏中不能购买。';
    case 'locked': {
      const name = pickText(LEVER_NAMES[p.lever], lang);
      if (p.until === null) return en ? `The ${name} lever is fixed in this scenario.` : `“${name}”在本情景中不可调整。`;
      return en ? `The ${name} lever is locked until quarter ${p.until}.` : `“${name}”在第 ${p.until} 季度前不可调整。`;
    }
    case 'overBudget':
      return en
        ? `The plan spends ${money(p.value)}, more than this quarter's budget of ${money(p.limit)}.`
        : `计划支出 ${money(p.value)}，超过本季度预算 ${money(p.limit)}。`;
    case 'overStaff': {
      const h = (x: number): string => n(Math.round(x));
      return en
        ? `The plan needs ${h(p.value)} staff hours; the staff can give at most ${h(p.limit)} (with overtime).`
        : `计划需要 ${h(p.value)} 员工工时，员工最多只能提供 ${h(p.limit)}（含加班）。`;
    }
    default: {
      const never: never = p;
      return String(never);
    }
  }
}

/** The problems with their sentences (money in `currency`, the scenario's). */
export function showProblems(problems: readonly DecisionProblem[], lang: Lang, currency = ''): ShownProblem[] {
  return problems.map((p) => ({ ...p, text: decisionProblemText(p, lang, currency) }));
}

/** One problem for a terminal or a file check: `path: sentence` (the sentence alone for the whole plan). */
export function problemLine(p: DecisionProblem, lang: Lang, currency = ''): string {
  const text = decisionProblemText(p, lang, currency);
  return p.path === '' ? text : `${p.path}${lang === 'en' ? ': ' : '：'}${text}`;
}
