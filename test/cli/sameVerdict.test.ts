// One reader for every file: the command line (`verify`, `validate`) and the app (the worker's
// import, and a scenario file as the page decodes it and the worker loads it) give the same
// verdict, with the same sentences, on the same bytes: UTF-8 with and without a byte-order
// mark, UTF-16 with one in both byte orders (accepted), UTF-16 without one, GBK bytes and
// UTF-32 (refused), a wrong claim of rounds, score or hash, a cut-off file, a refused quarter,
// overrides, an inline scenario, a built-in this version lacks, a game saved before quarter 1.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fileText } from '../../src/scenario/decode';
import type { Lang } from '../../src/sim/text';
import { exportRun, importRun, loadSource } from '../../src/worker/session';
import { builtin, play } from '../helpers';
import { startBuiltinSession } from '../worker/sessions';
import { utf16 } from '../bytes';
import { ROOT, cli, tempDir } from './harness';

type Json = Record<string, unknown>;
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

const withBom = (b: Uint8Array): Uint8Array => Uint8Array.from([0xef, 0xbb, 0xbf, ...b]);
const utf32le = (s: string): Uint8Array => Uint8Array.from([0xff, 0xfe, 0, 0, ...[...s].flatMap((c) => [c.codePointAt(0)! & 0xff, (c.codePointAt(0)! >> 8) & 0xff, 0, 0])]);
/** The text with `"seed": "…"` written in GBK (酒店 = BE C6 B5 EA), which is not UTF-8. */
function gbkSeed(text: string): Uint8Array {
  const [head, tail] = text.split(/(?<="seed": ")/);
  return Uint8Array.from([...enc(head!), 0xbe, 0xc6, 0xb5, 0xea, ...enc(tail!)]);
}
function edit(text: string, change: (d: Json) => void): string {
  const d = JSON.parse(text) as Json;
  change(d);
  return `${JSON.stringify(d, null, 2)}\n`;
}

/** The CLI's `verify` verdict on the file: ok, and every sentence it printed about it. */
async function cliVerify(path: string, lang: Lang): Promise<{ ok: boolean; lines: string[] }> {
  const r = await cli(['verify', path, '--lang', lang]);
  const lines = r.out.split('\n').filter((l) => l.length > 0);
  return { ok: r.code === 0, lines: r.code === 0 ? [] : lines.map((l) => l.replace(/^FAIL |^ {2}/, '')) };
}

/** The app's verdict: the worker session's import of the same bytes. */
async function appImport(path: string, lang: Lang): Promise<{ ok: boolean; lines: string[] }> {
  const r = await importRun(new Uint8Array(readFileSync(path)), path, lang);
  if (r.ok) return { ok: true, lines: [] };
  if (r.failure.kind !== 'runFile') throw new Error(`unexpected failure ${r.failure.kind}`);
  // The CLI prints the first six sentences of a file.
  return { ok: false, lines: r.failure.errors.slice(0, 6).map((e) => e.message) };
}

describe('run files: the command line and the app agree', () => {
  const dir = tempDir();
  const files: [name: string, bytes: () => Uint8Array, ok: boolean, mentions?: string][] = [];
  let text = '';
  let zero = '';
  let inline = '';
  let overrides = '';

  beforeAll(async () => {
    const ref = play(builtin('tutorial'), 'same-1', 'value-based');
    text = exportRun(await startBuiltinSession('tutorial', 'same-1', ref.decisions.slice(0, 2))).text;
    zero = exportRun(await startBuiltinSession('tutorial', 'same-0')).text;
    // An inline scenario: the minimal fixture played as a file.
    const source = { kind: 'file' as const, name: 'minimal.json', text: readFileSync(join(ROOT, 'test/fixtures/minimal-scenario.json'), 'utf8') };
    const loaded = await loadSource(source, 'en');
    if (!loaded.ok) throw new Error('minimal fixture');
    const { startSession } = await import('../../src/worker/session');
    const started = startSession(source, loaded.scenario, loaded.json, 'inline-1', [loaded.scenario.initialDecisions]);
    if (!started.ok) throw new Error('minimal replay');
    inline = exportRun(started.session).text;
    const o = join(dir, 'made-with-set.json');
    expect((await cli(['run', 'tutorial', '--seed', 'set-1', '--policy', 'uniform', '--set', 'model.churn.scale=1.5', '--save', o])).code).toBe(0);
    overrides = readFileSync(o, 'utf8');
  });

  files.push(
    ['UTF-8', () => enc(text), true],
    ['UTF-8 with a byte-order mark', () => withBom(enc(text)), true],
    ['UTF-16 LE with a byte-order mark (Notepad "Unicode")', () => utf16(text, true), true],
    ['UTF-16 BE with a byte-order mark', () => utf16(text, false), true],
    ['a game saved before quarter 1 (the initial state\'s hash)', () => enc(zero), true],
    ['an inline scenario', () => enc(inline), true],
    ['--set overrides (recorded by the command line)', () => enc(overrides), true],
    ['UTF-16 LE without a byte-order mark', () => utf16(text, true, false), false, 'UTF-16 LE'],
    ['UTF-32', () => utf32le(text), false, 'UTF-32'],
    ['GBK bytes', () => gbkSeed(text), false, 'GBK'],
    ['claim.rounds that differs from its decisions', () => enc(edit(text, (d) => void ((d.claim as Json).rounds = 5))), false, 'claim.rounds'],
    ['a wrong score', () => enc(edit(text, (d) => void ((d.claim as Json).score = 1))), false, 'claim.score'],
    ['an empty final hash before quarter 1 (what export used to write)', () => enc(edit(zero, (d) => void ((d.claim as Json).finalHash = ''))), false, 'claim.finalHash'],
    ['a cut-off file', () => enc(text.slice(0, Math.floor(text.length / 2))), false, 'invalid JSON'],
    ['a quarter the engine refuses', () => enc(edit(text, (d) => void (((d.decisions as Json[])[1] as Json).brandSpend = 9e11))), false, 'decisions.1'],
    ['a built-in this version lacks', () => enc(edit(text, (d) => void ((d.scenario as Json).id = 'no-such-scenario'))), false, 'scenario.id'],
    ['a changed built-in', () => enc(edit(text, (d) => void ((d.scenario as Json).hash = '0123456789abcdef'))), false, 'scenario.hash'],
    ['an override that is not path=value', () => enc(edit(overrides, (d) => void (d.overrides = ['model.churn.scale']))), false, 'overrides.0'],
    ['an override of a field scenarios do not have', () => enc(edit(overrides, (d) => void (d.overrides = ['model.nope.x=1']))), false, 'built-in scenario tutorial, after --set) at model.nope'],
  );

  it.each(files)('%s', async (name, bytes, ok, mentions) => {
    const path = join(dir, `${name.replace(/[^A-Za-z0-9]+/g, '-')}.json`);
    writeFileSync(path, bytes());
    for (const lang of ['en', 'zh-CN'] as const) {
      const c = await cliVerify(path, lang);
      const a = await appImport(path, lang);
      expect(c.ok, `${lang}: the command line's verdict`).toBe(ok);
      expect(a, lang).toEqual(c);
      if (!ok) {
        expect(c.lines.length).toBeGreaterThan(0);
        for (const l of c.lines) expect(l.startsWith(path), l).toBe(true);
        if (lang === 'en') expect(c.lines.join('\n')).toContain(mentions!);
      }
    }
  });
});

describe('scenario files: the command line and the app agree', () => {
  const dir = tempDir();
  const tutorial = readFileSync(join(ROOT, 'scenarios/tutorial.json'), 'utf8');
  const broken = tutorial.replace('"rounds": 6', '"rounds": "six"');
  const cases: [name: string, bytes: Uint8Array, ok: boolean][] = [
    ['UTF-8', enc(tutorial), true],
    ['UTF-8 with a byte-order mark', withBom(enc(tutorial)), true],
    ['UTF-16 LE with a byte-order mark', utf16(tutorial, true), true],
    ['UTF-16 BE with a byte-order mark', utf16(tutorial, false), true],
    ['UTF-16 BE without a byte-order mark', utf16(tutorial, false, false), false],
    ['GBK bytes', Uint8Array.from([...enc('{"id": "'), 0xbe, 0xc6, ...enc('"}')]), false],
    ['a wrong field, in UTF-16 LE', utf16(broken, true), false],
    ['a wrong field, in UTF-8', enc(broken), false],
  ];

  it.each(cases)('%s', async (name, bytes, ok) => {
    const path = join(dir, `${name.replace(/[^A-Za-z0-9]+/g, '-')}.json`);
    writeFileSync(path, bytes);
    for (const lang of ['en', 'zh-CN'] as const) {
      const c = await cli(['validate', path, '--lang', lang]);
      const cliLines = c.err.split('\n').filter((l) => l.length > 0 && !l.startsWith('warning') && !l.startsWith('警告'));
      // The app: the page decodes the picked file's bytes, the worker loads the text.
      const decoded = fileText(new Uint8Array(readFileSync(path)), path, lang);
      const loaded = decoded.ok ? await loadSource({ kind: 'file', name: path, text: decoded.text }, lang) : null;
      const appLines = !decoded.ok ? decoded.errors.map((e) => e.message) : loaded && !loaded.ok && loaded.failure.kind === 'scenario' ? loaded.failure.errors.map((e) => e.message) : [];
      expect(c.code === 0, `${lang}: the command line's verdict`).toBe(ok);
      expect(decoded.ok && loaded?.ok === true, `${lang}: the app's verdict`).toBe(ok);
      expect(appLines, lang).toEqual(cliLines);
    }
  });

  it('positions a problem in a UTF-16 file at the same line and column as in UTF-8', async () => {
    const utf8Path = join(dir, 'pos-utf8.json');
    const utf16Path = join(dir, 'pos-utf16.json');
    writeFileSync(utf8Path, enc(broken));
    writeFileSync(utf16Path, utf16(broken, true));
    const a = await cli(['validate', utf8Path]);
    const b = await cli(['validate', utf16Path]);
    const line = broken.split('\n').findIndex((l) => l.includes('"rounds": "six"')) + 1;
    expect(a.err).toContain(`${utf8Path}:${line}:`);
    expect(b.err.replace(utf16Path, utf8Path)).toBe(a.err);
  });
});
