/**
 * Issue 14, one device per team and no server: three browser contexts (three machines with
 * nothing in common but the files and codes they exchange) play the tutorial market to the end.
 * The facilitator's console (en, a projector) runs Team A, Team B and a computer firm; Team A
 * plays on a phone (390x844, en) and sends its plan as a decision code through the clipboard,
 * Team B on a laptop (zh-CN) sends plan files; once Team B sends nothing and keeps its last
 * plan. After every quarter the console's market file goes back to both devices, which verify
 * and replay it and show only their own firm. Codes from another quarter or damaged in the
 * chat are refused with the reason; a reload of a team's device keeps its code; every screen
 * passes axe, fits, and is kept as a screenshot; the final market file verifies on the command line.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseMarketRunFile } from '../../src/scenario/runFile';
import { builtin } from '../helpers';
import { check, download } from './checks';
import { gotoApp, newPage, openBrowser, waitForHtml, waitForScreen, waitIdle, type AppPage } from './harness';
import { press, tabToSelect, typeInto } from './keyboard';
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
/** The quarter in which Team B sends nothing. */
const SILENT = 4;

async function fits(page: Page, name: string, phone: boolean): Promise<void> {
  await check(page, name);
  expect(await layoutProblems(page, { oneRowHeader: !phone, touchTargets: phone }), name).toEqual([]);
}

/** The console shows quarter `round + 1`. */
async function consoleAt(page: Page, round: number): Promise<void> {
  await page.waitForSelector(`[data-testid="market-console"][data-round="${round}"]`);
  await waitIdle(page);
}

/** A team's device shows its market after `round` quarters. */
async function deviceAt(page: Page, round: number): Promise<void> {
  await page.waitForSelector(`[data-testid="team-device"][data-round="${round}"]`);
  await waitIdle(page);
}

/** The console's market file now (what every team's device loads next). */
async function marketFile(console: Page): Promise<string> {
  return (await download(console, () => press(console, '[data-testid="market-export"]'))).path;
}

/** A team decides its quarter on its device (from its report, or the briefing in quarter 1) and makes its code. */
async function decide(page: Page, round: number, change: (page: Page) => Promise<void>, shots: string | null, phone: boolean): Promise<string> {
  if (round === 1) {
    await waitForScreen(page, 'briefing');
    await press(page, '[data-testid="begin"]');
  } else {
    await waitForScreen(page, 'report');
    if (shots) await fits(page, `${shots}-report`, phone);
    await carryOn(page);
  }
  await waitForScreen(page, 'quarter');
  await page.waitForSelector('[data-testid="meters"]');
  await change(page);
  await answerCards(page);
  await page.waitForSelector('[data-testid="advance"]:not([disabled])');
  if (shots) await fits(page, `${shots}-quarter`, phone);
  await press(page, '[data-testid="advance"]');
  await deviceAt(page, round - 1);
  await page.waitForSelector('[data-testid="plan-code"]');
  if (shots) await fits(page, `${shots}-code`, phone);
  return page.inputValue('[data-testid="plan-code"]');
}

const noChange = async (): Promise<void> => undefined;

describe('a market of three devices: the console and two teams on their own devices', () => {
  test('decision codes and plan files in, market files out, to the end; the devices agree with the console', async () => {
    const apps: AppPage[] = [];
    try {
      const fac = await newPage(browser, { lang: 'en' });
      const a = await newPage(browser, { lang: 'en' });
      const b = await newPage(browser, { lang: 'zh-CN' });
      apps.push(fac, a, b);
      for (const app of apps) app.page.on('dialog', (d) => void d.accept());
      await a.context.grantPermissions(['clipboard-read', 'clipboard-write']);
      const cons = fac.page;
      const pa = a.page;
      const pb = b.page;
      await cons.setViewportSize({ width: 1440, height: 900 });
      await pa.setViewportSize({ width: 390, height: 844 });

      // The facilitator sets up three firms: Team A and Team B (on their devices) and a computer firm.
      await gotoApp(cons, { lang: 'en' });
      await press(cons, '[data-testid="market-setup"]');
      await waitForScreen(cons, 'marketSetup');
      await tabToSelect(cons, '[data-testid="market-scenario"]', 'tutorial', { up: true });
      await typeInto(cons, '[data-testid="market-seed"]', 'three-devices');
      await tabToSelect(cons, '[data-testid="market-count"]', '3', { up: true });
      await tabToSelect(cons, '[data-testid="seat-policy-2"]', 'value-based', { up: true });
      await press(cons, '[data-testid="market-start"]');
      await waitForScreen(cons, 'market');
      await consoleAt(cons, 0);
      await fits(cons, 'devices-console-0', false);
      let file = await marketFile(cons);

      // Each team loads the market file on its own device (home's "join") and says which firm is theirs.
      await gotoApp(pa, { lang: 'en' });
      await pa.setInputFiles('[data-testid="join-market"]', file);
      await deviceAt(pa, 0);
      await fits(pa, 'devices-A-phone-1-claim', true);
      await press(pa, '[data-testid="claim-0"]');
      await gotoApp(pb, { lang: 'zh-CN' });
      await pb.setInputFiles('[data-testid="join-market"]', file);
      await deviceAt(pb, 0);
      expect(await pb.$('[data-testid="claim-2"]')).toBeNull(); // the computer's firm is nobody's
      await press(pb, '[data-testid="claim-1"]');

      let previousA = '';
      for (let r = 1; r <= ROUNDS; r++) {
        if (r > 1) {
          file = await marketFile(cons);
          for (const p of [pa, pb]) {
            await p.setInputFiles('[data-testid="device-load"]', file);
            // The device replays the market and opens its firm's new report.
            await waitForScreen(p, 'report');
            await waitIdle(p);
          }
        }
        // Team A, on the phone: more for its top tier in quarter 1; its code goes to the console through the clipboard.
        const shotsA = r <= 2 ? `devices-A-phone-q${r}` : null;
        const codeA = await decide(
          pa,
          r,
          r === 1
            ? async (p) => {
                await typeInto(p, '[data-testid="lever-serviceHours-0"]', '170');
                await typeInto(p, '[data-testid="lever-serviceHours-2"]', '70');
              }
            : noChange,
          shotsA,
          true,
        );
        expect(codeA).toMatch(/^CRM1\.[A-Za-z0-9_-]+\.[0-9a-f]{8}$/);
        expect(codeA.length).toBeLessThan(1000);
        await press(pa, '[data-testid="copy-code"]');
        await pa.waitForSelector('[data-testid="code-box"] [role="status"]:has-text("Copied")');
        const pasted = await pa.evaluate(() => navigator.clipboard.readText());
        expect(pasted).toBe(codeA);

        if (r === 2) {
          // A reload of the phone keeps the team's market and its code for this quarter.
          await pa.reload({ waitUntil: 'load' });
          await waitForHtml(pa, '[data-ready="home"]');
          await pa.waitForSelector('[data-testid="team-saved"]');
          await press(pa, '[data-testid="team-resume"]');
          await deviceAt(pa, 1);
          expect(await pa.inputValue('[data-testid="plan-code"]')).toBe(codeA);
          // Last quarter's code, pasted again by mistake, and a code damaged in the chat are refused with the reason.
          const damaged = codeA.slice(0, 40) + (codeA[40] === 'x' ? 'y' : 'x') + codeA.slice(41);
          await typeInto(cons, '[data-testid="codes-input"]', `${previousA}\n${damaged}`);
          await press(cons, '[data-testid="codes-take"]');
          await cons.waitForSelector('[data-testid="codes-refused"]');
          const refused = await cons.textContent('[data-testid="codes-refused"]');
          expect(refused).toContain('is for quarter 1, but the market is deciding quarter 2');
          expect(refused).toContain('damaged');
          expect(await cons.getAttribute('[data-testid="team-0"]', 'data-state')).toBe('waiting');
          await check(cons, 'devices-console-refused');
        }
        // The chat adds line breaks inside a long code: the console reads it all the same.
        await typeInto(cons, '[data-testid="codes-input"]', `${pasted.slice(0, 200)}\n${pasted.slice(200)}`);
        await press(cons, '[data-testid="codes-take"]');
        await cons.waitForSelector('[data-testid="team-0"][data-state="in"]');
        expect(await cons.$('[data-testid="codes-refused"]')).toBeNull();
        previousA = codeA;

        // Team B, on its laptop in Chinese: cuts service for everyone in quarter 1, sends a plan file; nothing in quarter SILENT.
        if (r !== SILENT) {
          await decide(
            pb,
            r,
            r === 1
              ? async (p) => {
                  for (const tier of [0, 1, 2]) await typeInto(p, `[data-testid="lever-serviceHours-${tier}"]`, '20');
                }
              : noChange,
            r === 1 ? 'devices-B-zh-q1' : null,
            false,
          );
          const plan = await download(pb, () => press(pb, '[data-testid="save-code"]'));
          expect(plan.path).toMatch(/Team_B-q\d+\.crm-plan\.txt$/);
          await cons.setInputFiles('[data-testid="plan-files"]', plan.path);
          await cons.waitForSelector('[data-testid="team-1"][data-state="in"]');
        } else {
          // Team B reads its report and sends nothing: the console will play its last plan again.
          await press(pb, '[data-testid="to-console"]');
          await deviceAt(pb, r - 1);
          await pb.waitForSelector('[data-testid="decide"]');
          expect(await cons.textContent('[data-testid="resolve"]')).toContain('Team B');
        }
        if (r === 1) await fits(cons, 'devices-console-all-in', false);
        await press(cons, '[data-testid="resolve"]');
        await consoleAt(cons, r);
      }

      // The end: the final market file goes to both devices; each shows its own firm's final standing.
      await cons.waitForSelector('[data-testid="market-console"][data-over="true"]');
      await cons.waitForSelector('[data-testid="reveal"]');
      await fits(cons, 'devices-console-end', false);
      file = await marketFile(cons);
      for (const p of [pa, pb]) {
        await p.setInputFiles('[data-testid="device-load"]', file);
        await waitForScreen(p, 'report');
        await waitIdle(p);
        await carryOn(p);
        await deviceAt(p, ROUNDS);
        await p.waitForSelector('[data-testid="team-device"][data-over="true"]');
      }
      await fits(pa, 'devices-A-phone-end', true);
      await fits(pb, 'devices-B-zh-end', false);
      // Team A's device says what the console's leaderboard says about Team A.
      const score = (await cons.textContent('[data-testid="board-0"] td:nth-of-type(2)'))!.trim();
      const rank = (await cons.textContent('[data-testid="board-0"] td:nth-of-type(1)'))!.trim();
      const standing = (await pa.textContent('[data-testid="device-standing"]'))!;
      expect(standing).toContain(`rank ${rank} of 3`);
      expect(standing).toContain(`score ${score}`);
      // A device shows its own firm only: no leaderboard, no other firm's report.
      expect(await pa.$('[data-testid="leaderboard"]')).toBeNull();
      expect(await pa.$('[data-testid="call-1"]')).toBeNull();

      // The market file holds Team B's kept plan, Team A's coded plans, and verifies on the command line.
      const text = (await import('node:fs')).readFileSync(file, 'utf8');
      const parsed = parseMarketRunFile(text, file);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      expect(parsed.run.decisions).toHaveLength(ROUNDS);
      expect(parsed.run.decisions[0]![0]!.tiers.map((t) => t.serviceHours)).toEqual([170, 105, 70]);
      expect(parsed.run.decisions[0]![1]!.tiers.map((t) => t.serviceHours)).toEqual([20, 20, 20]);
      // Team B's kept plan is its last one, with this quarter's choice cards answered by their default.
      const cards = builtin('tutorial').events.filter((e) => e.round === SILENT && e.options && e.options.length > 0).map((e) => ({ event: e.id, option: e.defaultOption ?? e.options![0]!.id }));
      expect(cards.length).toBeGreaterThan(0);
      expect(parsed.run.decisions[SILENT - 1]![1]).toEqual({ ...parsed.run.decisions[SILENT - 2]![1], choices: cards });
      const out = execFileSync(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'src', 'cli', 'main.ts'), 'verify', file], { cwd: ROOT, encoding: 'utf8' });
      expect(out).toContain(parsed.run.claim.finalHash);
      for (const app of apps) expect(app.errors).toEqual([]);
    } finally {
      for (const app of apps) await app.close();
    }
  });

  test('a market file that does not verify is refused on the device with the reason, and nothing is lost', async () => {
    const app = await newPage(browser, { lang: 'en' });
    const { page } = app;
    try {
      await gotoApp(page, { lang: 'en' });
      const broken = join(ROOT, 'test-results', 'downloads', 'tampered.crm-run.json');
      const { writeFileSync, mkdirSync } = await import('node:fs');
      mkdirSync(join(ROOT, 'test-results', 'downloads'), { recursive: true });
      const good = JSON.stringify({ format: 'crm-sandbox-run', version: 1, scenario: { id: 'tutorial', hash: 'f'.repeat(64) }, overrides: [], seed: 's', firms: [{ name: 'Team A' }, { name: 'Team B' }], decisions: [], claim: { scores: [0, 0], finalHash: 'f'.repeat(64) } });
      writeFileSync(broken, good);
      await page.setInputFiles('[data-testid="join-market"]', broken);
      await page.waitForSelector('[role="alert"]');
      const alert = await page.textContent('[role="alert"]');
      expect(alert).toContain('tampered.crm-run.json');
      expect(alert).toMatch(/scenario\.hash/);
      // Still on home, nothing joined.
      await waitForScreen(page, 'home');
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
