/**
 * Debian's Chromium, driven by playwright-core (Playwright's own browser download does not
 * work here). Shared by the browser tests (test/browser) and the UI bench (bench/ui.bench.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

// Without the background-networking flags Chromium keeps dialling Google services, which on a
// closed network means a flood of failing connections.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const PACKAGES = 'chromium fonts-noto-cjk';
const HOW_TO_INSTALL = `sudo apt-get update && sudo apt-get install -y ${PACKAGES}`;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/** True if fontconfig knows a Chinese font (otherwise zh-CN text renders as empty boxes). */
function hasChineseFont(): boolean {
  const r = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
  // No fc-list (the `fontconfig` tools are optional): look for the file fonts-noto-cjk installs.
  if (r.error) return existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc');
  return r.status === 0 && r.stdout.trim() !== '';
}

function canApt(): boolean {
  return process.getuid?.() === 0 && spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
}

function apt(args: string[]): boolean {
  console.log(`[browser] apt-get ${args.join(' ')}`);
  const r = spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return r.status === 0;
}

/**
 * Makes sure Chromium and a Chinese font are installed: installs them with apt-get when this
 * process may (root, apt-get present; `apt-get update` only if the first try fails, so a warm
 * machine needs no network), and otherwise throws with the command that installs them.
 */
export function ensureChromium(): void {
  const missing = [
    ...(existsSync(CHROMIUM_PATH) ? [] : [`Chromium (${CHROMIUM_PATH}, package chromium)`]),
    ...(hasChineseFont() ? [] : ['a Chinese font (package fonts-noto-cjk; without it zh-CN text renders as empty boxes)']),
  ];
  if (missing.length === 0) return;
  const what = missing.join(' and ');
  if (!canApt()) {
    throw new Error(
      `Browser tests need ${what}, and this process cannot install it (that needs root and apt-get). ` +
        `Install with:\n  ${HOW_TO_INSTALL}`,
    );
  }
  // Install both packages either way: a fresh machine lacks both, and apt skips what is there.
  const install = ['install', '-y', ...PACKAGES.split(' ')];
  const ok = apt(install) || (apt(['update']) && apt(install));
  if (!ok || !existsSync(CHROMIUM_PATH) || !hasChineseFont()) {
    throw new Error(`Installing ${what} with apt-get failed (see the output above). Install with:\n  ${HOW_TO_INSTALL}`);
  }
}
