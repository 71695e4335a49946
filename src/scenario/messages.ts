/**
 * The sentences of scenario errors and warnings, in English and Chinese (terms of
 * GLOSSARY.md: 情景 scenario, 客户分级 tier, 客户细分 segment, 回合 round).
 * Everything a learner or an author reads about a bad file is written here and nowhere else.
 */
import type { Lang } from '../sim/text';
import type { Detail, Expectation, Found, Primitive } from './problem';

/** A problem in words: the parts and the whole sentence body (without file and position). */
export interface Rendered {
  readonly expected: string;
  readonly found: string;
  readonly body: string;
}

/** An integer with grouping (`200,000`), other numbers as JavaScript writes them. */
export function formatNumber(n: number, lang: Lang): string {
  if (!Number.isInteger(n) || Math.abs(n) >= 1e21) return String(n);
  // Runtimes without Intl (QuickJS, small embedded engines) group by thousands as both languages do.
  if (typeof Intl === 'undefined') return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return new Intl.NumberFormat(lang).format(n);
}

/** "expected …, found …" / "应为 …，实际为 …" (a space before Latin words and numbers in Chinese). */
export function expectedFound(expected: string, found: string, lang: Lang): string {
  return lang === 'en' ? `expected ${expected}, found ${found}` : `应为${zhGap(expected)}${expected}，实际为${zhGap(found)}${found}`;
}

/** A space between Chinese text and a following Latin word or number, none before Chinese. */
function zhGap(s: string): string {
  return /^[\x20-\x7e]/.test(s) ? ' ' : '';
}

function quote(s: string): string {
  const q = JSON.stringify(s);
  return q.length > 42 ? `${q.slice(0, 40)}…"` : q;
}

function primitive(v: Primitive): string {
  return typeof v === 'string' ? quote(v) : String(v);
}

function list(items: readonly string[], lang: Lang, last: { en: string; zh: string }): string {
  const shown = items.length > 12 ? [...items.slice(0, 12), '…'] : [...items];
  if (shown.length <= 1) return shown.join('');
  const head = shown.slice(0, -1).join(lang === 'en' ? ', ' : '、');
  return lang === 'en' ? `${head} ${last.en} ${shown.at(-1)}` : `${head}${last.zh}${shown.at(-1)}`;
}

const OR = { en: 'or', zh: ' 或 ' };
const AND = { en: 'and', zh: '、' };

const WHAT: Record<'tier' | 'segment' | 'option' | 'event', { en: string; zh: string }> = {
  tier: { en: 'a tier id of this scenario', zh: '本情景已定义的客户分级 id' },
  segment: { en: 'a segment id of this scenario', zh: '本情景已定义的客户细分 id' },
  option: { en: 'an option id of this choice card', zh: '本选择卡中的选项 id' },
  event: { en: 'the id of a choice-card event', zh: '选择卡事件的 id' },
};

function numberRange(e: Extract<Expectation, { kind: 'number' }>, lang: Lang): string {
  const en = lang === 'en';
  const noun = e.int ? (en ? 'an integer' : '整数') : en ? 'a number' : '数字';
  const f = (n: number): string => formatNumber(n, lang);
  const min = e.min !== null && Number.isFinite(e.min) ? e.min : null;
  const max = e.max !== null && Number.isFinite(e.max) ? e.max : null;
  if (min !== null && max !== null && !e.exclusiveMin) {
    return en ? `${noun} from ${f(min)} to ${f(max)}` : `${f(min)} 到 ${f(max)} 之间的${noun}`;
  }
  const parts: string[] = [];
  if (min !== null) parts.push(e.exclusiveMin ? (en ? `above ${f(min)}` : `大于 ${f(min)}`) : en ? `≥ ${f(min)}` : `不小于 ${f(min)}`);
  if (max !== null) parts.push(en ? `≤ ${f(max)}` : `不大于 ${f(max)}`);
  if (parts.length === 0) return noun;
  return en ? `${noun} ${parts.join(' and ')}` : `${parts.join(' 且')} 的${noun}`;
}

/** The expectation in words, e.g. "a number from 0 to 500" / "0 到 500 之间的数字". */
export function expectedText(e: Expectation, lang: Lang): string {
  const en = lang === 'en';
  const f = (n: number): string => formatNumber(n, lang);
  const items = (n: number): string => (n === 0 ? 'an empty list' : `a list of ${f(n)} item${n === 1 ? '' : 's'}`);
  switch (e.kind) {
    case 'number':
      return numberRange(e, lang);
    case 'money':
      return en ? 'an amount of money, 0 or more' : '不小于 0 的金额';
    case 'text':
      if (e.maxLength === null) return en ? 'a non-empty text' : '非空文本';
      return en ? `a non-empty text of at most ${f(e.maxLength)} characters` : `非空且不超过 ${f(e.maxLength)} 个字符的文本`;
    case 'id':
      return en
        ? 'an id of lower-case letters, digits and dashes, e.g. "gold"'
        : '由小写字母、数字和连字符组成的 id，如 "gold"';
    case 'currency':
      return en ? 'a three-letter ISO 4217 currency code, e.g. "CNY"' : '三个大写字母的 ISO 4217 货币代码，如 "CNY"';
    case 'boolean':
      return en ? 'true or false' : 'true 或 false';
    case 'oneOf':
      if (e.values.length === 1) return primitive(e.values[0] ?? null);
      return en ? `one of ${list(e.values.map(primitive), lang, OR)}` : `${list(e.values.map(primitive), lang, OR)} 之一`;
    case 'object':
      return en ? 'an object' : '对象';
    case 'localText':
      return en
        ? 'a text object with "en" and/or "zh-CN", e.g. {"en": "Gold", "zh-CN": "黄金"}'
        : '含 "en" 和/或 "zh-CN" 的文本对象，如 {"en": "Gold", "zh-CN": "黄金"}';
    case 'list': {
      const { min, max } = e;
      if (min !== null && max !== null && min === max) return en ? items(min) : `含 ${f(min)} 项的列表`;
      if (min !== null && max !== null && min > 0) return en ? `a list of ${f(min)} to ${f(max)} items` : `含 ${f(min)} 到 ${f(max)} 项的列表`;
      if (max !== null) return en ? `a list of at most ${f(max)} items` : `最多含 ${f(max)} 项的列表`;
      if (min !== null && min > 0) return en ? `a list of at least ${f(min)} items` : `至少含 ${f(min)} 项的列表`;
      return en ? 'a list' : '列表';
    }
    case 'target':
      return en
        ? 'one of {"all": true}, {"tier": id}, {"segment": id} or {"largest": number of customers}'
        : '{"all": true}、{"tier": id}、{"segment": id} 或 {"largest": 客户数} 之一';
    case 'token':
      return list(e.tokens.map((t) => `'${t}'`), lang, OR);
    case 'jsonValue':
      return en ? 'a JSON value (object, list, text, number, true, false or null)' : 'JSON 值（对象、列表、文本、数字、true、false 或 null）';
    case 'fieldName':
      return en ? 'a field name in double quotes' : '用双引号括起的字段名';
    case 'digit':
      return en ? 'a digit' : '数字字符';
    case 'escape':
      return en ? 'an escape: \\" \\\\ \\/ \\b \\f \\n \\r \\t or \\u and four hex digits' : '转义序列：\\" \\\\ \\/ \\b \\f \\n \\r \\t 或 \\u 加四位十六进制数';
    case 'closeString':
      return en ? "'\"' to close the text started here" : "'\"' 来结束从此处开始的文本";
    case 'endOfText':
      return en ? 'the end of the file' : '文件结束';
    case 'unique':
      return en ? `an id not used before (already used at ${e.firstPath})` : `未使用过的 id（已在 ${e.firstPath} 使用）`;
    case 'ref': {
      const ids = list(e.ids.map(quote), lang, OR);
      const w = WHAT[e.what];
      if (e.ids.length === 0) return en ? `${w.en} (there are none)` : `${w.zh}（目前没有）`;
      return en ? `${w.en}: ${ids}` : `${w.zh}：${ids}`;
    }
    case 'round':
      return en
        ? `a round from 1 to ${f(e.rounds)} (this scenario has ${f(e.rounds)} rounds)`
        : `1 到 ${f(e.rounds)} 之间的回合（本情景共 ${f(e.rounds)} 回合）`;
    case 'sumTo1':
      return en ? 'shares that sum to 1' : '总和为 1 的份额';
    case 'count':
      if (e.per === 'tier') {
        return en ? `${items(e.n)}, one per tier in use (tiering.tierCount)` : `含 ${f(e.n)} 项的列表，每个使用中的客户分级一项（tiering.tierCount）`;
      }
      return en ? `${items(e.n)}, one per boundary between tiers (tierCount - 1)` : `含 ${f(e.n)} 项的列表，每两个相邻分级之间一项（tierCount - 1）`;
    case 'atMostTiers':
      return en ? `at most ${f(e.n)}, the number of tiers in this scenario` : `不超过 ${f(e.n)}（本情景的客户分级数）`;
    case 'firstRound':
      return en ? '1 (the first phase starts in round 1)' : '1（第一阶段从第 1 回合开始）';
    case 'above':
      return en ? `a number above ${formatNumber(e.value, lang)} (${e.of})` : `大于 ${formatNumber(e.value, lang)} 的数字（${e.of}）`;
    case 'notAbove':
      return en ? `a number at most ${formatNumber(e.value, lang)} (${e.of})` : `不大于 ${formatNumber(e.value, lang)} 的数字（${e.of}）`;
    case 'notBelow':
      return en ? `a number at least ${formatNumber(e.value, lang)} (${e.of})` : `不小于 ${formatNumber(e.value, lang)} 的数字（${e.of}）`;
    case 'firmRange':
      return en
        ? `${e.min === e.max ? f(e.min) : `${f(e.min)} to ${f(e.max)}`} firms, as this scenario's market allows`
        : `${e.min === e.max ? f(e.min) : `${f(e.min)} 到 ${f(e.max)}`} 家企业（本情景的市场所允许的数量）`;
    case 'firmsOfShares':
      return en ? `${f(e.n)}, one firm per starting share in market.start.shares` : `${f(e.n)}（market.start.shares 中每个起始份额对应一家企业）`;
    case 'numberPath':
      return en ? 'the dot-separated path of a number in this scenario, e.g. model.churn.base or firm.budget' : '本情景中某个数值的点分路径，如 model.churn.base 或 firm.budget';
    case 'someWeight':
      return en ? 'at least one weight above 0 (more than one tier is in use)' : '至少一个权重大于 0（使用了多个等级）';
    case 'decisionLimit':
      if (e.bound === 'hiring') return en ? `at most ${f(e.limit)} hires (twice the headcount, at least 50)` : `不超过 ${f(e.limit)} 人（员工人数的两倍，至少 50 人）`;
      if (e.bound === 'headcount') return en ? `at most ${f(e.limit)}, the headcount` : `不超过员工人数 ${f(e.limit)}`;
      return en ? `at most ${f(e.limit)}, the number of tiers in this scenario` : `不超过 ${f(e.limit)}（本情景的客户分级数）`;
    case 'choicePair':
      return e.has === 'options'
        ? en ? 'a defaultOption: a choice card names the option taken when the learner picks none' : 'defaultOption：选择卡须指明学员未选择时采用的选项'
        : en ? 'options: only a choice card has a defaultOption' : 'options：只有选择卡才有 defaultOption';
    case 'choiceEvent':
      return en ? 'an event that is a choice card (has options)' : '选择卡事件（含 options）';
    case 'customerRounds':
      return en ? `population.size × rounds at most ${f(e.max)}` : `population.size × rounds 不超过 ${f(e.max)}`;
    case 'lockedSpend':
      return en
        ? `a first-quarter budget of at least ${f(e.spend)}: the starting plan (initialDecisions) spends that on levers still locked in quarter 1, so no plan of quarter 1 would fit`
        : `第 1 季度至少 ${f(e.spend)} 的预算（初始决策 initialDecisions 在第 1 季度仍锁定的杠杆上就要花这么多，否则第 1 季度的任何方案都超出预算）`;
    case 'schemaVersion':
      return en ? `a schemaVersion from 1 to ${f(e.max)}` : `1 到 ${f(e.max)} 之间的 schemaVersion`;
  }
}

/** What was found, in words. */
export function foundText(found: Found, lang: Lang): string {
  const en = lang === 'en';
  switch (found.kind) {
    case 'missing':
      return en ? 'nothing' : '缺失';
    case 'sum':
      // 12 significant digits hide binary rounding (0.8999999999999999 → 0.9).
      return en ? `a sum of ${Number(found.sum.toPrecision(12))}` : `总和为 ${Number(found.sum.toPrecision(12))}`;
    case 'count':
      return en ? `${formatNumber(found.n, lang)} ${found.n === 1 ? 'item' : 'items'}` : `${formatNumber(found.n, lang)} 项`;
    case 'text':
      return `'${found.text}'`;
    case 'end':
      return en ? 'the end of the file' : '文件结束';
    case 'lineBreak':
      return en ? 'a line break' : '换行';
    case 'product':
      return `${formatNumber(found.size, lang)} × ${formatNumber(found.rounds, lang)} = ${formatNumber(found.size * found.rounds, lang)}`;
    case 'value':
      return valueText(found.value, lang);
  }
}

/** A short description of a JSON value: `-3`, `"abc"`, `a list of 3 items`, `an object with "tier"`. */
export function valueText(v: unknown, lang: Lang): string {
  const en = lang === 'en';
  if (v === undefined) return en ? 'nothing' : '缺失';
  if (v === null || typeof v === 'boolean' || typeof v === 'number') return String(v);
  if (typeof v === 'string') return quote(v);
  if (Array.isArray(v)) {
    if (v.length === 0) return en ? 'an empty list' : '空列表';
    const n = formatNumber(v.length, lang);
    return en ? `a list of ${n} item${v.length === 1 ? '' : 's'}` : `含 ${n} 项的列表`;
  }
  if (typeof v === 'object') {
    const keys = Object.keys(v);
    if (keys.length === 0) return en ? 'an empty object' : '空对象';
    if (keys.length > 4) return en ? 'an object' : '对象';
    const names = list(keys.map(quote), lang, AND);
    return en ? `an object with ${names}` : `含 ${names} 字段的对象`;
  }
  return en ? 'a value that is not JSON' : '非 JSON 值';
}

/** The parts and sentence body of a problem. */
export function renderDetail(d: Detail, lang: Lang): Rendered {
  const en = lang === 'en';
  const f = (n: number): string => formatNumber(n, lang);
  const mb = (chars: number): string => (chars / (1024 * 1024)).toFixed(1);
  const pair = (expected: string, found: string): Rendered => ({
    expected,
    found,
    body: en ? `expected ${expected}, found ${found}` : `应为${zhGap(expected)}${expected}，实际为${zhGap(found)}${found}`,
  });
  switch (d.kind) {
    case 'mismatch':
      return pair(expectedText(d.expected, lang), foundText(d.found, lang));
    case 'syntax': {
      const r = pair(expectedText(d.expected, lang), foundText(d.found, lang));
      return { ...r, body: en ? `invalid JSON: ${r.body}` : `JSON 语法错误：${r.body}` };
    }
    case 'missing': {
      const expected = expectedText(d.expected, lang);
      const found = foundText({ kind: 'missing' }, lang);
      return { expected, found, body: en ? `required field is missing (expected ${expected})` : `缺少必填字段（应为${zhGap(expected)}${expected}）` };
    }
    case 'unknownKey': {
      const known = list(d.known.map(quote), lang, OR);
      const expected = d.suggestion !== null
        ? en ? `a known field such as ${quote(d.suggestion)}` : `已知字段，如 ${quote(d.suggestion)}`
        : en ? `one of the known fields ${known}` : `已知字段 ${known} 之一`;
      const hint = d.suggestion !== null
        ? en ? `; did you mean ${quote(d.suggestion)}?` : `；是否应为 ${quote(d.suggestion)}？`
        : d.known.length > 0 ? (en ? `; the known fields here are ${list(d.known.map(quote), lang, AND)}` : `；此处可用的字段为 ${list(d.known.map(quote), lang, AND)}`) : '';
      return { expected, found: quote(d.key), body: en ? `unknown field ${quote(d.key)}${hint}` : `未知字段 ${quote(d.key)}${hint}` };
    }
    case 'duplicateKey':
      return {
        expected: en ? 'each field once' : '每个字段只出现一次',
        found: quote(d.key),
        body: en ? `field ${quote(d.key)} appears twice in the same object (JSON would silently keep only the last)` : `字段 ${quote(d.key)} 在同一对象中重复出现（JSON 会静默地只保留最后一个）`,
      };
    case 'tooLarge':
      return {
        expected: en ? `at most ${mb(d.max)} MB` : `不超过 ${mb(d.max)} MB`,
        found: `${mb(d.chars)} MB`,
        body: en
          ? `the file is too large (${mb(d.chars)} MB); a scenario file may be at most ${mb(d.max)} MB`
          : `文件过大（${mb(d.chars)} MB）；情景文件最大为 ${mb(d.max)} MB`,
      };
    case 'tooDeep':
      return {
        expected: en ? `at most ${f(d.max)} levels of nesting` : `最多 ${f(d.max)} 层嵌套`,
        found: en ? `more than ${f(d.max)} levels` : `超过 ${f(d.max)} 层`,
        body: en
          ? `the file is nested too deeply (more than ${f(d.max)} levels of objects and lists); a scenario needs fewer than 10`
          : `文件嵌套过深（对象和列表超过 ${f(d.max)} 层）；情景文件所需不到 10 层`,
      };
    case 'empty':
      return pair(expectedText({ kind: 'object' }, lang), en ? 'an empty file' : '空文件');
    case 'notText':
      return pair(en ? 'the text of a JSON file' : 'JSON 文件的文本', en ? 'no text' : '非文本');
    case 'newerVersion':
      return {
        expected: expectedText({ kind: 'schemaVersion', max: d.max }, lang),
        found: f(d.version),
        body: en
          ? `this file needs a newer CRM Sandbox: it has schemaVersion ${f(d.version)}, this version reads up to ${f(d.max)}`
          : `此文件需要更新版本的客户关系经营沙盘：其 schemaVersion 为 ${f(d.version)}，当前版本最高只能读取 ${f(d.max)}`,
      };
    case 'tooMany':
      return {
        expected: '',
        found: f(d.more),
        body: en ? `…and ${f(d.more)} more problems not shown; fix the ones above first` : `……另有 ${f(d.more)} 个问题未列出；请先修正以上问题`,
      };
    case 'internal':
      return {
        expected: en ? 'a readable scenario' : '可读取的情景',
        found: en ? 'an internal error' : '内部错误',
        body: en ? 'the file could not be checked because of an internal error in CRM Sandbox; please report it' : '由于客户关系经营沙盘的内部错误，无法检查此文件；请报告此问题',
      };
    case 'migrated':
      return {
        expected: `schemaVersion ${f(d.to)}`,
        found: `schemaVersion ${f(d.from)}`,
        body: en
          ? `this file uses the older schemaVersion ${f(d.from)}; it was upgraded to ${f(d.to)} on load (save it in the new format to silence this)`
          : `此文件使用旧的 schemaVersion ${f(d.from)}，已在读取时升级到 ${f(d.to)}（以新格式保存即可消除此提示）`,
      };
    case 'missingTranslation':
      return {
        expected: en ? `a "${d.lang}" text` : `"${d.lang}" 文本`,
        found: foundText({ kind: 'missing' }, lang),
        body: en
          ? `no "${d.lang}" text; learners using that language will see the other one`
          : `缺少 "${d.lang}" 文本；使用该语言的学员将看到另一种语言的文本`,
      };
  }
}

/**
 * The whole sentence: `ad-agency.json:12:7 at tiers.2.serviceHours: expected …` /
 * `ad-agency.json 第12行第7列，tiers.2.serviceHours：应为 …`. Line 0 means no position.
 */
export function sentence(file: string, line: number, column: number, path: string, body: string, lang: Lang): string {
  if (lang === 'en') {
    const where = line > 0 ? `${file}:${line}:${column}` : file;
    return path === '' ? `${where}: ${body}` : `${where} at ${path}: ${body}`;
  }
  const where = line > 0 ? `${file} 第${line}行第${column}列` : file;
  return path === '' ? `${where}：${body}` : `${where}，${path}：${body}`;
}

/** Messages of `applyOverrides` (the CLI's `--set path=value`). */
export const OVERRIDE_MESSAGES = {
  en: {
    noEquals: (s: string) => `--set ${quote(s)}: expected path=value, e.g. model.churn.base=0.02`,
    emptyPath: (s: string) => `--set ${quote(s)}: the path is empty or has an empty part`,
    forbidden: (s: string, key: string) => `--set ${quote(s)}: ${quote(key)} cannot be set`,
    beyondEnd: (s: string, at: string, i: number, len: number) =>
      `--set ${quote(s)}: ${at} has ${len} item${len === 1 ? '' : 's'}, so index ${i} is beyond its end`,
    notContainer: (s: string, at: string, found: string) => `--set ${quote(s)}: ${at} is ${found}, not an object or a list`,
    notIndex: (s: string, at: string, key: string) => `--set ${quote(s)}: ${at} is a list, so ${quote(key)} should be an index 0, 1, 2…`,
    missingList: (s: string, at: string) => `--set ${quote(s)}: ${at} does not exist, and a list cannot be created by an index`,
  },
  'zh-CN': {
    noEquals: (s: string) => `--set ${quote(s)}：应为 路径=值，如 model.churn.base=0.02`,
    emptyPath: (s: string) => `--set ${quote(s)}：路径为空或含空的部分`,
    forbidden: (s: string, key: string) => `--set ${quote(s)}：不能设置 ${quote(key)}`,
    beyondEnd: (s: string, at: string, i: number, len: number) => `--set ${quote(s)}：${at} 只有 ${len} 项，索引 ${i} 超出末尾`,
    notContainer: (s: string, at: string, found: string) => `--set ${quote(s)}：${at} 为${found}，不是对象或列表`,
    notIndex: (s: string, at: string, key: string) => `--set ${quote(s)}：${at} 是列表，${quote(key)} 应为索引 0、1、2……`,
    missingList: (s: string, at: string) => `--set ${quote(s)}：${at} 不存在，且不能通过索引创建列表`,
  },
} as const satisfies Record<Lang, Record<string, (...args: never[]) => string>>;
