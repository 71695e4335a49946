/**
 * Issue 14, the market game on one screen (hot seat), in the production build, by keyboard, in
 * English and in Chinese: the facilitator sets up four firms on the tutorial (two teams, two
 * computer firms), each team decides behind the privacy screen (one well, one badly; one quarter
 * Team B sends no plan and keeps its last one, said on the console), the console resolves every
 * quarter to the end, shows the ranking, what separated the winner and the reveal; every screen
 * passes axe and is kept as a screenshot at 1440x900 and 1280x720; the exported market run file
 * verifies on the command line (the browser's worker and Node agree bit for bit); and a reload
 * continues the saved market from home.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseMarketRunFile } from '../../src/scenario/runFile';
import { builtin } from '../helpers';
import { check, download } from './checks';
import { gotoApp, newPage, openBrowser, waitForHtml, waitForScreen, waitIdle, type Lang } from './harness';
import { press, tabTo, tabToSelect, typeInto } from './keyboard';
import { layoutProblems } from './layout';
import { answerCards, carryOn } from './play';
import { ROOT } from './server';

let browser: Browser;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const ROUNDS = builtin('tutorial').rounds;
/** The waterfall's table names a rival's bar by its kind. */
const RIVAL_KIND: Record<Lang, string> = { en: "A rival firm's decisions this quarter", 'zh-CN': '竞争对手本季度的决策' };

/** The quarter the tutorial unlocks prices (the discounter cuts its prices then). */
const PRICE_UNLOCKED = (builtin('tutorial').unlocks ?? []).find((u) => u.levers.includes('price'))!.round;

/** The quarter (1-based) in which Team B sends no plan. */
const SILENT = 3;

/** Waits until the console shows quarter `round + 1` (round quarters played). */
async function consoleAt(page: Page, round: number): Promise<void> {
  await waitForScreen(page, 'market');
  await page.waitForSelector(`[data-testid="market-console"][data-round="${round}"]`);
  await waitIdle(page);
}

/** A team's turn: the privacy screen, then its firm (briefing or last report first), its plan, submitted; back on the console. */
async function teamTurn(page: Page, seat: number, round: number, decide: (page: Page) => Promise<void>, shots: string | null): Promise<void> {
  await press(page, `[data-testid="call-${seat}"]`);
  await page.waitForSelector('[data-testid="privacy"]');
  // Nothing of any firm is on the page behind the privacy screen.
  expect(await page.$('[data-testid="leaderboard"]')).toBeNull();
  if (shots) await check(page, `${shots}-privacy`);
  await press(page, '[data-testid="privacy-show"]');
  if (round === 1) {
    await waitForScreen(page, 'briefing');
    await press(page, '[data-testid="begin"]');
  } else {
    await waitForScreen(page, 'report');
    // "Why did it change?" for the quarter just played. Once the tutorial unlocks prices, the
    // discounter's price cut costs every other firm revenue and profit that quarter: its own bar.
    const panel = `[data-testid="explain-${round - 1}"]`;
    await page.waitForSelector(`${panel} [data-testid="explain-sentence"]`, { timeout: 60_000 });
    if (round - 1 === PRICE_UNLOCKED) {
      const lang = (await page.getAttribute('html', 'lang')) as Lang;
      expect(await page.textContent(panel)).toContain(RIVAL_KIND[lang]);
      // Team A bought the competitor benchmark that quarter (and keeps it in its plan after): a row per rival, the discounter's prices 15% off.
      if (seat === 0) {
        await page.waitForSelector('[data-testid="benchmark"] [data-testid="benchmark-3"]');
        expect(await page.textContent('[data-testid="benchmark-3"] td:nth-child(3)')).toBe('0.85');
        expect(await page.$$('[data-testid="benchmark"] tbody tr')).toHaveLength(3);
      }
    } else if (seat === 0 && round - 1 < PRICE_UNLOCKED) await page.waitForSelector('[data-testid="benchmark-none"]');
    if (shots) await check(page, `${shots}-report`);
    await carryOn(page);
  }
  await waitForScreen(page, 'quarter');
  await page.waitForSelector('[data-testid="team-banner"]');
  await page.waitForSelector('[data-testid="meters"]');
  await decide(page);
  await answerCards(page);
  await page.waitForSelector('[data-testid="advance"]:not([disabled])');
  if (shots) await check(page, `${shots}-quarter`);
  await press(page, '[data-testid="advance"]');
  await consoleAt(page, round - 1);
  // The plan is in, and hidden: the console shows that the team is in, nothing of what it decided.
  await page.waitForSelector(`[data-testid="team-${seat}"][data-state="in"]`);
  expect(await page.$('[data-testid="meters"]')).toBeNull();
  expect(await page.$('[data-testid^="lever-"]')).toBeNull();
}

/** Team A plays well: more service and relationship for its top tier, less for its bottom tier (value-based). */
async function playWell(page: Page): Promise<void> {
  await typeInto(page, '[data-testid="lever-serviceHours-0"]', '170');
  await typeInto(page, '[data-testid="lever-serviceHours-2"]', '70');
  await typeInto(page, '[data-testid="lever-relationshipSpend-0"]', '1200');
  await typeInto(page, '[data-testid="lever-relationshipSpend-2"]', '300');
}

/** Team B plays badly: it cuts service and relationship spending to the bone for everyone (a cost-cutter). */
async function playBadly(page: Page): Promise<void> {
  for (const tier of [0, 1, 2]) {
    await typeInto(page, `[data-testid="lever-serviceHours-${tier}"]`, '15');
    await typeInto(page, `[data-testid="lever-relationshipSpend-${tier}"]`, '0');
  }
}

const noChange = async (): Promise<void> => undefined;

/** Team A buys the competitor benchmark (research; the tutorial opens it in quarter 2). */
async function buyBenchmark(page: Page): Promise<void> {
  await tabTo(page, '[data-testid="buy-benchmark"]');
  await page.keyboard.press('Space');
  expect(await page.isChecked('[data-testid="buy-benchmark"]')).toBe(true);
}

/** Screenshots of the console at the projector's sizes, with axe and the layout rules at each. */
async function projector(page: Page, name: string): Promise<void> {
  for (const [w, h] of [
    [1440, 900],
    [1280, 720],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await check(page, `${name}-${w}x${h}`);
    expect(await layoutProblems(page, { oneRowHeader: true, touchTargets: false }), `${name} at ${w}x${h}`).toEqual([]);
  }
}

describe.each<Lang>(['en', 'zh-CN'])('a four-firm market on one screen (%s)', (lang) => {
  test('two teams and two computer firms play the tutorial to the end; the run file verifies; a reload continues it', async () => {
    const app = await newPage(browser, { lang });
    const { page } = app;
    const shots = `market-${lang}`;
    page.on('dialog', (d) => void d.accept());
    try {
      await gotoApp(page, { lang });
      await page.waitForSelector('[data-testid="market-card"]');
      await press(page, '[data-testid="market-setup"]');
      await waitForScreen(page, 'marketSetup');
      // The scenario written for a market names its hotels, in the learner's language, and allows 2 to 6 of them.
      await tabToSelect(page, '[data-testid="market-scenario"]', 'tutorial', { up: true });
      const defaultA = await page.inputValue('[data-testid="seat-name-0"]');
      await tabToSelect(page, '[data-testid="market-scenario"]', 'hotel-district');
      expect(await page.inputValue('[data-testid="seat-name-0"]')).toBe(lang === 'en' ? 'Riverside Hotel' : '滨江酒店');
      expect(await page.inputValue('[data-testid="seat-name-3"]')).toBe(lang === 'en' ? 'Metro Suites' : '都市公寓酒店');
      expect(await page.$$eval('[data-testid="market-count"] option', (os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual(['2', '3', '4', '5', '6']);
      await check(page, `${shots}-0-district`);
      await tabToSelect(page, '[data-testid="market-scenario"]', 'tutorial', { up: true });
      expect(await page.inputValue('[data-testid="seat-name-0"]')).toBe(defaultA);
      await typeInto(page, '[data-testid="market-seed"]', `market-${lang}`);
      expect(await page.inputValue('[data-testid="market-count"]')).toBe('4');
      // Two teams (seats 0 and 1 by default) and two computer firms: value-based and discounter.
      expect(await page.inputValue('[data-testid="seat-runner-0"]')).toBe('team');
      expect(await page.inputValue('[data-testid="seat-runner-1"]')).toBe('team');
      await tabToSelect(page, '[data-testid="seat-policy-2"]', 'value-based', { up: true });
      await tabToSelect(page, '[data-testid="seat-policy-3"]', 'discounter');
      // Two firms of one name cannot share a market: the start button says why.
      const nameB = await page.inputValue('[data-testid="seat-name-1"]');
      await typeInto(page, '[data-testid="seat-name-1"]', await page.inputValue('[data-testid="seat-name-0"]'));
      await page.waitForSelector('[data-testid="market-why"]');
      expect(await page.isDisabled('[data-testid="market-start"]')).toBe(true);
      await typeInto(page, '[data-testid="seat-name-1"]', nameB);
      await page.waitForSelector('[data-testid="market-why"]', { state: 'detached' });
      await check(page, `${shots}-1-setup`);
      await press(page, '[data-testid="market-start"]');
      await consoleAt(page, 0);
      await check(page, `${shots}-2-console`);
      const names = await page.$$eval('[data-testid^="team-"] .team-name', (es) => es.map((e) => e.textContent ?? ''));
      expect(names).toHaveLength(4);

      for (let r = 1; r <= ROUNDS; r++) {
        const first = r === 1 || r === 2 || r === PRICE_UNLOCKED + 1 ? `${shots}-3-q${r}-A` : null;
        await teamTurn(page, 0, r, r === 1 ? playWell : r === PRICE_UNLOCKED ? buyBenchmark : noChange, first);
        if (r !== SILENT) await teamTurn(page, 1, r, r === 1 ? playBadly : noChange, null);
        else {
          // Team B sends nothing this quarter: the console says it keeps its last plan.
          expect(await page.getAttribute('[data-testid="team-1"]', 'data-state')).toBe('waiting');
          expect(await page.textContent('[data-testid="resolve"]')).toContain(names[1]!);
        }
        await press(page, '[data-testid="resolve"]');
        await consoleAt(page, r);
        if (r === SILENT) {
          expect(await page.textContent('[data-testid="board-1"]')).toMatch(lang === 'en' ? /kept its last plan/ : /沿用/);
          await check(page, `${shots}-4-kept`);
        }
      }

      // The end: the ranking, what separated the winner, the reveal.
      await page.waitForSelector('[data-testid="market-console"][data-over="true"]');
      await page.waitForSelector('[data-testid="final-ranking"]');
      await page.waitForSelector('[data-testid="separation"]');
      await page.waitForSelector('[data-testid="reveal-decisions"]');
      await projector(page, `${shots}-5-end`);
      // The reveal shows what each firm decided: Team B's service hours in quarter 1 were the 15 it typed.
      await page.setViewportSize({ width: 1366, height: 900 });
      await tabToSelect(page, '[data-testid="reveal-lever"]', 'serviceHours');
      const q1 = await page.$$eval('[data-testid="reveal-decisions"] tbody tr:first-child td', (tds) => tds.map((td) => td.textContent ?? ''));
      expect(q1[1]).toMatch(/^15(\.0)?$/);
      await check(page, `${shots}-6-reveal-service`);
      const ranking = await page.$$eval('[data-testid="final-ranking"] tbody th', (ths) => ths.map((th) => th.textContent ?? ''));
      expect(ranking).toHaveLength(4);
      // The team that cut service for everyone ranks below the team that served its best customers.
      expect(ranking.findIndex((n) => n.startsWith(names[0]!))).toBeLessThan(ranking.findIndex((n) => n.startsWith(names[1]!)));

      // The market run file: every firm's plans (Team B's kept plan in quarter 3), and the claim verifies in Node.
      const { text, path } = await download(page, () => press(page, '[data-testid="market-export"]'));
      const parsed = parseMarketRunFile(text, path);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      expect(parsed.run.firms.map((f) => f.name)).toEqual(names);
      expect(parsed.run.firms.map((f) => f.policy ?? null)).toEqual([null, null, 'value-based', 'discounter']);
      expect(parsed.run.decisions).toHaveLength(ROUNDS);
      expect(parsed.run.decisions[SILENT - 1]![1]).toEqual(parsed.run.decisions[SILENT - 2]![1]);
      expect(parsed.run.decisions[0]![1]!.tiers.map((t) => t.serviceHours)).toEqual([15, 15, 15]);
      const out = execFileSync(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'src', 'cli', 'main.ts'), 'verify', path], { cwd: ROOT, encoding: 'utf8' });
      expect(out).toContain(parsed.run.claim.finalHash);

      // A team looks at its last report once the market is over, and goes back to the console.
      await press(page, '[data-testid="call-0"]');
      await press(page, '[data-testid="privacy-show"]');
      await waitForScreen(page, 'report');
      await check(page, `${shots}-7-team-end`);
      await carryOn(page);
      await consoleAt(page, ROUNDS);

      // A reload: home offers the saved market, which continues where it was.
      const winner = await page.textContent('[data-testid="market-winner"]');
      await page.reload({ waitUntil: 'load' });
      await waitForHtml(page, '[data-ready="home"]');
      await page.waitForSelector('[data-testid="market-saved"]');
      await press(page, '[data-testid="market-resume"]');
      await consoleAt(page, ROUNDS);
      expect(await page.textContent('[data-testid="market-winner"]')).toBe(winner);
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

describe('a market saved in the middle', () => {
  test('resumes at its quarter with the plans already in, and resolves to the same market as one played straight through', async () => {
    const app = await newPage(browser, { lang: 'en' });
    const { page } = app;
    page.on('dialog', (d) => void d.accept());
    try {
      await gotoApp(page, { lang: 'en' });
      await press(page, '[data-testid="market-setup"]');
      await waitForScreen(page, 'marketSetup');
      await tabToSelect(page, '[data-testid="market-scenario"]', 'tutorial', { up: true });
      await tabToSelect(page, '[data-testid="market-count"]', '2', { up: true });
      await tabToSelect(page, '[data-testid="seat-runner-1"]', 'computer');
      await page.waitForSelector('[data-testid="seat-policy-1"]');
      await press(page, '[data-testid="market-start"]');
      await consoleAt(page, 0);
      await teamTurn(page, 0, 1, playWell, null);
      await press(page, '[data-testid="resolve"]');
      await consoleAt(page, 1);
      await teamTurn(page, 0, 2, noChange, null);
      // Reload with quarter 2's plan in: it is still in after the reload.
      await page.reload({ waitUntil: 'load' });
      await waitForHtml(page, '[data-ready="home"]');
      await page.waitForSelector('[data-testid="market-saved"]');
      await check(page, 'market-en-8-home-saved');
      await press(page, '[data-testid="market-resume"]');
      await consoleAt(page, 1);
      await page.waitForSelector('[data-testid="team-0"][data-state="in"]');
      await tabTo(page, '[data-testid="resolve"]');
      await page.keyboard.press('Enter');
      await consoleAt(page, 2);
      const { text, path } = await download(page, () => press(page, '[data-testid="market-export"]'));
      const parsed = parseMarketRunFile(text, path);
      expect(parsed.ok && parsed.run.decisions.length).toBe(2);
      const out = execFileSync(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'src', 'cli', 'main.ts'), 'verify', path], { cwd: ROOT, encoding: 'utf8' });
      expect(parsed.ok && out).toContain(parsed.ok ? parsed.run.claim.finalHash : '?');
      // Forgetting the saved market from home takes it away (after a confirmation).
      await page.reload({ waitUntil: 'load' });
      await waitForHtml(page, '[data-ready="home"]');
      await press(page, '[data-testid="market-forget"]');
      await page.waitForSelector('[data-testid="market-saved"]', { state: 'detached' });
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
