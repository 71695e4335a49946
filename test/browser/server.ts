/**
 * Builds the production app and serves it: the browser tests and the UI bench run against
 * exactly what ships (dist/), not the Vite dev server.
 *
 * The server is deliberately tiny: GET/HEAD of files, correct MIME types, no caching headers,
 * no SPA fallback (the app has one page and takes its state from the query string).
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const DIST = join(ROOT, 'dist');
export const FIXTURES = join(ROOT, 'test', 'browser', 'fixtures');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

export function mimeType(path: string): string {
  return MIME[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** `vite build` into dist/; throws with the build output if it fails. */
export function buildApp(): void {
  const r = spawnSync(join(ROOT, 'node_modules', '.bin', 'vite'), ['build'], {
    cwd: ROOT,
    encoding: 'utf8',
    // NODE_ENV must be 'production': Vitest sets it to 'test', and Vite then bundles React's
    // development build (twice the size, slower, and not what ships).
    env: { ...process.env, NODE_ENV: 'production', NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  if (r.status !== 0) {
    throw new Error(`vite build failed (exit ${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}${r.error ? `\n${r.error.message}` : ''}`);
  }
}

/** One file the server sent: its URL path, the file on disk, its size and when it was asked for. */
export interface Served {
  path: string;
  file: string;
  bytes: number;
  /** performance.now() of this process when the request arrived. */
  at: number;
}

export interface StaticServer {
  /** e.g. http://127.0.0.1:41234 (no trailing slash) */
  url: string;
  /** Every file served, in order; the bench clears it between runs. */
  served: Served[];
  close(): Promise<void>;
}

/** The file `urlPath` names below `dir`, or null if it would escape `dir` or is not a file. */
function fileIn(dir: string, urlPath: string): string | null {
  const file = resolve(dir, `.${urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath}`);
  if (file !== dir && !file.startsWith(dir + sep)) return null;
  try {
    return statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

/**
 * Serves `root` on 127.0.0.1 at a free port, and `/fixtures/<name>` from the first of
 * `fixtureDirs` that has <name> (test/browser/fixtures by default; the bench adds a temp dir).
 */
export async function serveStatic(root = DIST, fixtureDirs: string[] = [FIXTURES]): Promise<StaticServer> {
  const served: Served[] = [];
  const server = createServer((req, res) => {
    const at = performance.now();
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    let file: string | null = null;
    if (path.startsWith('/fixtures/')) {
      const rest = path.slice('/fixtures'.length);
      for (const dir of fixtureDirs) if (!file) file = fileIn(resolve(dir), rest);
    } else {
      file = fileIn(resolve(root), path);
    }
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`Not found: ${path}\n`);
      return;
    }
    const bytes = statSync(file).size;
    served.push({ path, file, bytes, at });
    res.writeHead(200, { 'Content-Type': mimeType(file), 'Content-Length': bytes });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).on('error', () => res.destroy()).pipe(res);
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    served,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
