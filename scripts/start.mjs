#!/usr/bin/env node
// `npm start`: build the app with Vite, then serve dist/ with `vite preview`
// on http://127.0.0.1:5173/ (or the next free port; Vite prints the URL).
// SIGINT/SIGTERM are forwarded to the running child.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const isWindows = process.platform === 'win32';
const VITE = join(ROOT, 'node_modules', '.bin', isWindows ? 'vite.cmd' : 'vite');

let child = null;
let stopping = false;

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopping = true;
    if (child && child.exitCode === null) child.kill(signal);
    else process.exit(130);
  });
}

/** Runs vite with inherited stdio; resolves to its exit code. */
function vite(args) {
  return new Promise((resolve) => {
    child = spawn(VITE, args, { cwd: ROOT, stdio: 'inherit', shell: isWindows });
    child.on('error', (error) => {
      console.error(`[start] cannot start ${VITE}: ${error.message}`);
      resolve(127);
    });
    child.on('close', (code, signal) => {
      child = null;
      resolve(code ?? (signal ? 128 + (signal === 'SIGINT' ? 2 : 15) : 1));
    });
  });
}

const buildCode = await vite(['build']);
if (buildCode !== 0 || stopping) {
  if (!stopping) console.error(`[start] vite build failed (exit ${buildCode}).`);
  process.exit(buildCode || 130);
}

// --strictPort false: if 5173 is busy Vite takes the next free port; it prints the actual URL.
console.log('\n[start] serving dist/ at http://127.0.0.1:5173/ (Vite uses the next free port if 5173 is busy; see the URL below)\n');
const previewCode = await vite(['preview', '--host', '127.0.0.1', '--port', '5173', '--strictPort', 'false']);
process.exit(stopping ? 0 : previewCode);
