// The CSV export: Excel-safe text (BOM, CRLF, RFC 4180 quoting, no formula injection,
// numbers as numbers) and a real game's table (one row per quarter, the same number of
// columns in every row, headers in the learner's language, truths only in a game that is over).
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Decisions } from '../../sim/config';
import type { Lang } from '../../sim/text';
import { advance, snapshot } from '../../worker/session';
import { openMarket, resolveMarket } from '../../worker/market';
import type { GameSnapshot } from '../../worker/protocol';
import { startBuiltinSession } from '../../../test/worker/sessions';
import { NAMESPACES } from '../i18n/all';
import { csvCell, csvFileName, gameCsv, gameRows, toCsv, type CsvTranslate } from './csv';
import { problemsText } from '../../sim/index';

const instance = i18next.createInstance();
void instance.init({
  lng: 'en',
  fallbackLng: 'en',
  ns: Object.keys(NAMESPACES),
  defaultNS: 'common',
  resources: Object.fromEntries((['en', 'zh-CN'] as const).map((l) => [l, Object.fromEntries(Object.entries(NAMESPACES).map(([ns, m]) => [ns, m[l]]))])),
  interpolation: { escapeValue: false },
  initAsync: false,
});
const tFor = (lang: Lang): CsvTranslate => {
  const fixed = instance.getFixedT(lang);
  return (key, vars) => String(fixed(key as never, vars as never));
};

/** A strict RFC 4180 parser (CRLF records, quoted fields with doubled quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i += 1;
        if (i < text.length && text[i] !== ',' && text[i] !== '\r') throw new Error(`text after a closing quote at ${i}`);
      } else {
        field += c;
        i += 1;
      }
    } else if (c === '"') {
      if (field !== '') throw new Error(`quote inside an unquoted field at ${i}`);
      quoted = true;
      i += 1;
    } else if (c === ',') {
      row.push(field);
      field = '';
      i += 1;
    } else if (c === '\r') {
      if (text[i + 1] !== '\n') throw new Error(`CR without LF at ${i}`);
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else if (c === '\n') {
      throw new Error(`bare LF at ${i}`);
    } else {
      field += c;
      i += 1;
    }
  }
  if (quoted) throw new Error('unterminated quote');
  if (field !== '' || row.length > 0) throw new Error('last record without CRLF');
  return rows;
}

const withoutBom = (text: string) => {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  return text.slice(1);
};

describe('csvCell and toCsv', () => {
  it('starts with a BOM and ends every row with CRLF', () => {
    const text = toCsv([['a', 1], ['b', 2]]);
    expect(text).toBe('\uFEFFa,1\r\nb,2\r\n');
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('quotes fields with a comma, a quote, CR or LF, doubling quotes, and round-trips through a parser', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('plain')).toBe('plain');
    // Excel in a `;` list-separator locale (de, fr…) splits unquoted cells on `;`.
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('服务;补救')).toBe('"服务;补救"');
    const rows = [
      ['a,b', 'say "hi"', 'two\r\nlines', 'lf\nonly', '', '客户,关系', '"', ',,', 'x;y'],
      ['x', 'y', 'z', 'w', 'v', 'u', 't', 's', ';'],
    ];
    expect(parseCsv(withoutBom(toCsv(rows)))).toEqual(rows);
  });

  it('neutralises text that Excel would run as a formula', () => {
    const cases: [string, string][] = [
      ['=1+1', "'=1+1"],
      ['+SUM(A1)', "'+SUM(A1)"],
      ['-2+3', "'-2+3"],
      ['@cmd', "'@cmd"],
      ['\t=', "'\t="],
      [' =x', "' =x"],
      ['\r=x', '"\'\r=x"'],
      ['  @x', "'  @x"],
      ['＝1+1', "'＝1+1"],
      ['=HYPERLINK("http://x","y")', '"\'=HYPERLINK(""http://x"",""y"")"'],
    ];
    for (const [input, out] of cases) expect(csvCell(input), JSON.stringify(input)).toBe(out);
    for (const [input] of cases) expect(parseCsv(withoutBom(toCsv([[input]])))[0]![0]).toBe(`'${input}`);
    // Harmless text stays as it is.
    for (const s of ['a=b', 'Key accounts', '关键客户', 'x-1', '1+1']) expect(csvCell(s)).toBe(s);
  });

  it('writes numbers as plain numbers, negative ones too, and non-finite numbers as empty cells', () => {
    expect(csvCell(-2)).toBe('-2');
    expect(csvCell(-1234.5)).toBe('-1234.5');
    expect(csvCell(0.25)).toBe('0.25');
    expect(csvCell(-0)).toBe('0');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(Number.POSITIVE_INFINITY)).toBe('');
    expect(csvCell(Number.NEGATIVE_INFINITY)).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell(true)).toBe('TRUE');
    expect(toCsv([[-5, '-5']])).toBe("\uFEFF-5,'-5\r\n");
  });
});

/** The last decisions with `k` tiers: tier 0's levers copied, budgets split, equal shares. */
function withTiers(d: Decisions, k: number, survey: number): Decisions {
  const x = structuredClone(d);
  const top = x.tiers[0]!;
  const share = Math.round((1 / k) * 1000) / 1000;
  x.tiering.tierCount = k;
  x.tiering.cutoffs = { mode: 'share', shares: Array.from({ length: k }, (_, i) => (i === k - 1 ? 1 - share * (k - 1) : share)) };
  const total = x.tiers.reduce((a, t) => a + t.acquisitionSpend, 0);
  x.tiers = Array.from({ length: k }, () => ({ ...top, acquisitionSpend: Math.floor(total / k) }));
  x.research = { surveySample: new Array<number>(k).fill(survey), employeeSurvey: survey > 0, nps: survey > 0 };
  x.choices = [];
  return x;
}

/** ad-agency on `seed`: 1 tier, then 3 tiers with every survey, then 2 tiers answering the discount card. */
async function playGame(seed: string): Promise<GameSnapshot> {
  const s = await startBuiltinSession('ad-agency', seed);
  const plan = (round: number, d: Decisions): Decisions => {
    if (round === 1) return structuredClone(d);
    if (round === 2) return { ...withTiers(d, 3, 30), brandSpend: 0 }; // the surveys take the brand's budget
    const x = withTiers(d, 2, 0);
    if (round === 4) x.choices = [{ event: 'discount-demand', option: 'refuse' }];
    return x;
  };
  for (let round = 1; round <= 4; round++) {
    const r = advance(s, plan(round, s.state.lastDecisions));
    if (!r.ok) throw new Error(`quarter ${round}: ${problemsText(r.problems)}`);
  }
  return snapshot(s);
}

describe('gameCsv', () => {
  let game: GameSnapshot;
  beforeAll(async () => {
    game = await playGame('class-7');
  });

  it('has a header row and one row per quarter, each with as many columns as the header', () => {
    const rows = parseCsv(withoutBom(gameCsv(game, 'en', tFor('en'))));
    expect(rows).toHaveLength(1 + game.summaries.length);
    const width = rows[0]!.length;
    for (const r of rows) expect(r).toHaveLength(width);
    const col = (h: string) => rows[0]!.indexOf(h);
    expect(rows.slice(1).map((r) => r[col('Quarter')])).toEqual(['1', '2', '3', '4']);
    expect(rows.slice(1).every((r) => r[col('Scenario id')] === 'ad-agency' && r[col('Seed')] === 'class-7')).toBe(true);
    // Same as the structured rows, which keep numbers as numbers.
    const typed = gameRows(game, 'en', tFor('en'));
    expect(typed.map((r) => r.length)).toEqual(rows.map((r) => r.length));
    expect(typed[1]![col('Operating profit')]).toBe(game.summaries[0]!.finance.operatingProfit);
    expect(typeof typed[1]![col('Customers')]).toBe('number');
  });

  it('reads the KPIs, the surveys as measured, the per-tier KPIs and the decisions of each quarter', () => {
    const rows = parseCsv(withoutBom(gameCsv(game, 'en', tFor('en'))));
    const h = rows[0]!;
    const cell = (q: number, header: string) => {
      const i = h.indexOf(header);
      expect(i, header).toBeGreaterThanOrEqual(0);
      return rows[q]![i]!;
    };
    const s = game.summaries;
    expect(cell(2, 'Revenue')).toBe(String(s[1]!.firm.revenue));
    expect(cell(3, 'New customers')).toBe(String(s[2]!.firm.acquired + s[2]!.firm.referred));
    expect(cell(4, 'Total score')).toBe(String(s[3]!.score));
    expect(cell(4, 'State hash')).toBe(s[3]!.hash);
    // Surveys only in quarter 2.
    expect(cell(1, 'Customer satisfaction (survey, 1–5)')).toBe('');
    expect(Number(cell(2, 'Customer satisfaction (survey, 1–5)'))).toBeGreaterThan(1);
    expect(Number(cell(2, 'Customer satisfaction (survey, 1–5): margin of error'))).toBeGreaterThan(0);
    expect(cell(2, 'Net Promoter Score (survey)')).not.toBe('');
    expect(cell(2, 'Employee satisfaction (survey)')).not.toBe('');
    expect(cell(3, 'Net Promoter Score (survey)')).toBe('');
    // Tier 3 (Regular accounts) only in quarter 2; tier 1 every quarter.
    expect(cell(1, 'Customers: Regular accounts')).toBe('');
    expect(cell(2, 'Customers: Regular accounts')).toBe(String(s[1]!.tiers[2]!.customers));
    expect(cell(3, 'Customers: Regular accounts')).toBe('');
    expect(cell(1, 'Customers: Key accounts')).toBe(String(s[0]!.tiers[0]!.customers));
    expect(cell(2, 'Customer lifetime value (CLV, mean): Major accounts')).toBe(String(s[1]!.tiers[1]!.clv));
    // Decisions.
    expect(['1', '3', '2', '2']).toEqual([1, 2, 3, 4].map((q) => cell(q, 'Decision (customer tiering): Number of tiers')));
    expect(cell(2, 'Decision (customer tiering): Cut the tiers by')).toBe('share of customers');
    expect(cell(2, 'Decision (service level): Service hours per customer: Regular accounts')).toBe(String(game.decisions[1]!.tiers[2]!.serviceHours));
    expect(cell(3, 'Decision (service level): Service hours per customer: Regular accounts')).toBe('');
    expect(cell(2, 'Decision (research): Satisfaction survey sample: Major accounts')).toBe('30');
    expect(cell(2, 'Decision (research): Run the employee-satisfaction survey')).toBe('yes');
    expect(cell(3, 'Decision (research): Also ask the Net Promoter question')).toBe('no');
    expect(cell(1, 'Decision (CRM systems): Data platform (data quality and integration)')).toBe('0');
    expect(cell(4, 'Choice cards (card: option)')).toBe('discount-demand:refuse');
    expect(cell(3, 'Choice cards (card: option)')).toBe('');
    expect(cell(1, 'Decision (customer tiering): One-vote rule: yearly revenue above')).toBe('');
  });

  it('a solo game has no competitor-benchmark columns; a market firm that bought it has its figures per rival', async () => {
    const solo = parseCsv(withoutBom(gameCsv(game, 'en', tFor('en'))))[0]!;
    expect(solo.some((h) => h.includes('benchmark'))).toBe(false);
    const opened = await openMarket({ kind: 'builtin', id: 'ad-agency' }, '4', [{ name: 'North', policy: null }, { name: 'South', policy: 'discounter' }, { name: 'East', policy: 'uniform' }], [], 'en');
    if (!opened.ok) throw new Error('no market');
    const ms = opened.market;
    const first = structuredClone(snapshot(ms.firms[0]!).view.lastDecisions);
    if (!resolveMarket(ms, [first, null, null], 'en').ok) throw new Error('refused');
    const second = structuredClone(ms.firms[0]!.state.lastDecisions);
    second.tiers[0]!.acquisitionSpend -= 30_000;
    second.research.benchmark = true;
    if (!resolveMarket(ms, [second, null, null], 'en').ok) throw new Error('refused');
    const g = snapshot(ms.firms[0]!);
    const rows = parseCsv(withoutBom(gameCsv(g, 'en', tFor('en'))));
    const at = (q: number, header: string) => {
      const i = rows[0]!.indexOf(header);
      expect(i, header).toBeGreaterThanOrEqual(0);
      return rows[q]![i]!;
    };
    expect(at(1, 'Competitor benchmark: South: price index')).toBe('');
    expect(at(2, 'Competitor benchmark: South: price index')).toBe('0.85');
    expect(Number(at(2, 'Competitor benchmark: East: customer satisfaction (survey, 1-5)'))).toBeGreaterThan(1);
    expect(at(2, 'Competitor benchmark: East: customers')).toBe(String(g.summaries[1]!.benchmark!.find((b) => b.name === 'East')!.customers));
    expect([at(1, 'Decision (research): Buy the competitor benchmark'), at(2, 'Decision (research): Buy the competitor benchmark')]).toEqual(['no', 'yes']);
    expect(rows[0]!.some((h) => h.includes('North:'))).toBe(false);
  });

  it('writes negative numbers (a quarter\'s loss) as plain numbers and non-finite ones as empty cells', () => {
    const text = gameCsv(game, 'en', tFor('en'));
    const rows = parseCsv(withoutBom(text));
    const body = rows.slice(1).flat();
    // No number was written as text (text cells that look like formulas are the only ones with a quote).
    for (const v of body) expect(v).not.toMatch(/^'-?\d/);
    const lossy = structuredClone(game);
    lossy.summaries[0]!.finance.operatingProfit = -123456.5;
    lossy.summaries[0]!.firm.revenue = Number.NaN;
    const r = parseCsv(withoutBom(gameCsv(lossy, 'en', tFor('en'))));
    expect(r[1]![r[0]!.indexOf('Operating profit')]).toBe('-123456.5');
    expect(r[1]![r[0]!.indexOf('Revenue')]).toBe('');
  });

  it('has Chinese headers in zh-CN with the UI\'s terms', () => {
    const rows = parseCsv(withoutBom(gameCsv(game, 'zh-CN', tFor('zh-CN'))));
    const h = rows[0]!;
    for (const term of ['情景编号', '随机种子', '季度', '营业利润', '客户保持率', '客户资产', '客户满意度（调研，1–5）：误差范围', '状态哈希', '客户数：关键客户', '客户数：普通客户', '决策（客户分级）：等级数量', '决策（服务水平）：每个客户的服务工时：主要客户', '决策（调研）：满意度调研样本：关键客户', '决策（CRM 系统）：数据平台（数据质量与数据整合）']) {
      expect(h, term).toContain(term);
    }
    expect(h.filter((x) => /[\u3400-\u9fff]/.test(x)).length / h.length).toBeGreaterThan(0.9);
    expect(rows[2]![h.indexOf('决策（调研）：进行员工满意度调研')]).toBe('是');
    expect(rows[1]![h.indexOf('情景')]).toMatch(/[\u3400-\u9fff]/);
    expect(rows).toHaveLength(5);
    const en = parseCsv(withoutBom(gameCsv(game, 'en', tFor('en'))));
    expect(h).toHaveLength(en[0]!.length);
  });

  it('adds the hidden truths only for a game that is over, from the truth the worker sent with it', async () => {
    expect(game.truth).toBeNull();
    const hidden = parseCsv(withoutBom(gameCsv(game, 'en', tFor('en'))));
    const s = await startBuiltinSession('tutorial', 'csv-truth');
    while (s.state.status === 'running') advance(s, structuredClone(s.state.lastDecisions));
    const over = snapshot(s);
    expect(over.truth?.rounds).toHaveLength(over.summaries.length);
    const running = parseCsv(withoutBom(gameCsv({ ...over, truth: null }, 'en', tFor('en'))));
    const shown = parseCsv(withoutBom(gameCsv(over, 'en', tFor('en'))));
    const truths = ['True customer satisfaction (points)', 'True customer loyalty (share expected to stay a year)', 'True Net Promoter Score', 'True employee satisfaction (points)'];
    for (const x of truths) {
      expect(hidden[0]).not.toContain(x);
      expect(running[0]).not.toContain(x);
      expect(shown[0]).toContain(x);
    }
    expect(shown[0]!.slice(0, running[0]!.length)).toEqual(running[0]);
    expect(shown[0]!.length).toBe(running[0]!.length + truths.length);
    for (const r of shown) expect(r).toHaveLength(shown[0]!.length);
    const col = (h: string) => shown[0]!.indexOf(h);
    over.truth!.rounds.forEach((t, i) => {
      expect(shown[i + 1]![col('True customer satisfaction (points)')]).toBe(String(t.firm.satisfaction));
      expect(shown[i + 1]![col('True customer loyalty (share expected to stay a year)')]).toBe(String(t.firm.loyalty));
      expect(shown[i + 1]![col('True Net Promoter Score')]).toBe(String(t.firm.nps));
      expect(shown[i + 1]![col('True employee satisfaction (points)')]).toBe(String(t.employees.satisfaction));
    });
    const zh = parseCsv(withoutBom(gameCsv(over, 'zh-CN', tFor('zh-CN'))));
    expect(zh[0]).toContain('真实客户满意度（分）');
    expect(zh[0]).toContain('真实员工满意度（分）');
  });

  it('neutralises a seed and names from a scenario file that look like formulas', () => {
    const evil = structuredClone(game);
    evil.seed = '=1+1';
    evil.scenario.title = { en: '+SUM(A1)', 'zh-CN': '@cmd' };
    evil.scenario.tiers[0]!.name = { en: '-2+3', 'zh-CN': '-2+3' };
    evil.decisions[3]!.choices = [{ event: '=evil', option: 'x' }];
    const rows = parseCsv(withoutBom(gameCsv(evil, 'en', tFor('en'))));
    const h = rows[0]!;
    expect(rows[1]![h.indexOf('Seed')]).toBe("'=1+1");
    expect(rows[1]![h.indexOf('Scenario')]).toBe("'+SUM(A1)");
    expect(h).toContain('Customers: -2+3');
    expect(rows[4]![h.indexOf('Choice cards (card: option)')]).toBe("'=evil:x");
    for (const v of rows.flat()) expect(/^\s*[=+@]/.test(v) || /^\s*-[^\d]/.test(v), v).toBe(false);
  });

  it('names the file after the scenario, a safe seed and the quarters played', () => {
    expect(csvFileName(game)).toBe('ad-agency-class-7-q4.csv');
    expect(csvFileName({ ...game, seed: '../三班 =x"' })).toBe('ad-agency-x-q4.csv');
    expect(csvFileName({ ...game, seed: '三班' })).toBe('ad-agency-seed-q4.csv');
    expect(csvFileName({ ...game, seed: 'a/b\\c:d' })).toBe('ad-agency-a_b_c_d-q4.csv');
  });
});
