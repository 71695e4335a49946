/**
 * `npm run build:offline [-- --out DIR]`: the whole game as one HTML file,
 * `dist-offline/crm-sandbox.html`, for a training room without internet: copy it to a USB
 * stick and open it over file://. Everything is inside: the screens, the firm view (Phaser),
 * the market's facilitator console, the built-in scenarios and the workers (inlined, started
 * from blob: URLs as classic scripts, src/store/workers.inline.ts). The page asks for nothing beyond file:, blob:
 * and data: (test/browser/offline.test.ts cuts the network and checks every request).
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';

// What ships: React's production build (a test runner may have set NODE_ENV=test).
process.env.NODE_ENV = 'production';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const FILE_NAME = 'crm-sandbox.html';
const WORKERS = join(ROOT, 'src', 'store', 'workers.ts');
const INLINE_WORKERS = join(ROOT, 'src', 'store', 'workers.inline.ts');

/** Puts the inlined workers (workers.inline.ts) where the store imports its workers (workers.ts). */
function inlineWorkers(): Plugin {
  return {
    name: 'crm-sandbox:inline-workers',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !/(^|\/)workers(\.ts)?$/.test(source)) return null;
      const r = await this.resolve(source, importer, { ...options, skipSelf: true });
      return r && r.id === WORKERS ? INLINE_WORKERS : null;
    },
  };
}

function parseOut(argv: readonly string[]): string {
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const i = argv.indexOf('--out');
  if (i === -1) return join(ROOT, 'dist-offline');
  const v = argv[i + 1];
  if (v === undefined || v.startsWith('--')) throw new Error('--out needs a folder');
  return resolve(cwd, v);
}

async function main(): Promise<number> {
  const out = parseOut(process.argv.slice(2));
  const tmp = join(out, 'build');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  await build({
    root: ROOT,
    mode: 'offline',
    // public/ holds the installable app's icon, which the one file does not need.
    publicDir: false,
    logLevel: 'error',
    plugins: [inlineWorkers(), viteSingleFile({ removeViteModuleLoader: true })],
    // Each worker is one classic script (its lazy parts, such as the built-in scenarios, inside
    // it): Chromium starts a classic worker from a blob: URL on a file:// page, not a module one.
    worker: { format: 'iife', rolldownOptions: { output: { codeSplitting: false } } },
    build: { outDir: tmp, emptyOutDir: true, assetsInlineLimit: Number.MAX_SAFE_INTEGER, chunkSizeWarningLimit: 100_000 },
  });
  const left = readdirSync(tmp, { recursive: true }).map(String).filter((f) => f !== 'index.html' && !statSync(join(tmp, f)).isDirectory());
  if (left.length > 0) throw new Error(`files left outside the one HTML file: ${left.join(', ')}`);
  const file = join(out, FILE_NAME);
  renameSync(join(tmp, 'index.html'), file);
  rmSync(tmp, { recursive: true, force: true });
  const html = readFileSync(file, 'utf8');
  // Nothing is loaded from elsewhere: no script, style or link that names a file or a server.
  const outside = [...html.matchAll(/<(script|link)\b[^>]*\b(src|href)="(?!data:|blob:)([^"]+)"/g)].map((m) => m[3]);
  if (outside.length > 0) throw new Error(`the page still loads ${outside.join(', ')}`);
  const cwd = process.env.INIT_CWD ?? process.cwd();
  process.stdout.write(`build:offline: ${relative(cwd, file) || file}: one file, ${(html.length / 1024 / 1024).toFixed(1)} MB\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`build:offline failed: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);
