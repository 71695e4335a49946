/**
 * The static server of the browser harness (server.ts): MIME types, fixtures under /fixtures/,
 * and nothing outside its folders. No browser needed.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { serveStatic, type StaticServer } from './server';

let dir: string;
let server: StaticServer;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'crm-server-test-'));
  const files: Record<string, string> = {
    'root/index.html': '<!doctype html><title>x</title>',
    'root/a.js': 'export {};',
    'root/a.mjs': 'export {};',
    'root/a.css': 'body{}',
    'root/a.json': '{}',
    'root/a.wasm': '\0asm',
    'root/a.svg': '<svg/>',
    'root/a.png': 'png',
    'root/a.woff2': 'woff2',
    'extra/x.json': '{"from":"extra"}',
    'secret.txt': 'outside',
  };
  for (const [name, body] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), body);
  }
  server = await serveStatic(join(dir, 'root'), [join(dir, 'missing'), join(dir, 'extra')]);
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (path: string) => fetch(server.url + path);

test.each([
  ['/', 'text/html; charset=utf-8'],
  ['/a.js', 'text/javascript; charset=utf-8'],
  ['/a.mjs', 'text/javascript; charset=utf-8'],
  ['/a.css', 'text/css; charset=utf-8'],
  ['/a.json', 'application/json; charset=utf-8'],
  ['/a.wasm', 'application/wasm'],
  ['/a.svg', 'image/svg+xml'],
  ['/a.png', 'image/png'],
  ['/a.woff2', 'font/woff2'],
])('%s is served as %s', async (path, type) => {
  const res = await get(path);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe(type);
});

test('fixtures come from the first fixture folder that has them; the query string is ignored', async () => {
  const res = await get('/fixtures/x.json?v=1');
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ from: 'extra' });
});

test('nothing outside the served folders, and 404 for what is not there', async () => {
  for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/fixtures/..%2f..%2fsecret.txt', '/nope.js', '/fixtures/nope.json']) {
    expect((await get(path)).status, path).toBe(404);
  }
  expect(server.served.filter((s) => s.file.endsWith('secret.txt'))).toEqual([]);
});
