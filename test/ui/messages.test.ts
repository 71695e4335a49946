// Every screen in both languages: each namespace has the same keys and the same
// interpolation variables in en and zh-CN, and no message is empty.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NAMESPACES } from '../../src/ui/i18n/all';
import { BUNDLED_NAMESPACES } from '../../src/ui/i18n/index';
import { LAZY_NAMESPACES, type LazyNamespace } from '../../src/ui/i18n/register';

type Tree = { [k: string]: string | Tree };

function flatten(t: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(t)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const vars = (s: string) => [...s.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

describe('UI messages', () => {
  for (const [ns, m] of Object.entries(NAMESPACES)) {
    it(`${ns}: en and zh-CN have the same keys and variables`, () => {
      const en = flatten(m.en as Tree);
      const zh = flatten(m['zh-CN'] as Tree);
      expect([...zh.keys()].sort()).toEqual([...en.keys()].sort());
      for (const [k, v] of en) {
        expect(v.trim(), `${ns}:${k} (en) is empty`).not.toBe('');
        expect(zh.get(k)!.trim(), `${ns}:${k} (zh-CN) is empty`).not.toBe('');
        expect(vars(zh.get(k)!), `${ns}:${k} variables`).toEqual(vars(v));
      }
    });
    it(`${ns}: the Chinese messages are in Chinese`, () => {
      const zh = flatten(m['zh-CN'] as Tree);
      const withHan = [...zh.values()].filter((v) => /[\u3400-\u9fff]/.test(v)).length;
      expect(withHan / zh.size).toBeGreaterThan(0.8);
    });
  }
});

// The namespaces that load with their screens (src/ui/i18n/register.ts): every module that reads
// one imports the module that registers it, so its text is in i18next before that module renders,
// wherever the bundler puts it. A user that forgot would show keys instead of words.
describe('namespaces that load with their screens', () => {
  const root = fileURLToPath(new URL('../../src/ui/', import.meta.url));
  const registrar: Record<LazyNamespace, string> = {
    charts: 'charts/messages.ts',
    database: 'database/messages.ts',
    firm: 'firm/messages.ts',
    debrief: 'debrief/messages.ts',
    lessons: 'debrief/lessonsMessages.ts',
    exports: 'debrief/exportsMessages.ts',
    compare: 'compare/messages.ts',
    workbench: 'workbench/messages.ts',
  };
  const sources = readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.startsWith('i18n/'))
    .map((f) => ({ file: f.replace(/\\/g, '/'), text: readFileSync(join(root, f), 'utf8') }));
  /** Whether `text` reads namespace `ns`: a hook or fixed t for it (alone or in a list), an `ns` option or prop, or a key with its prefix. */
  const reads = (text: string, ns: string): boolean => {
    const q = `['"\`]${ns}['"\`]`;
    return new RegExp(`useTranslation\\(\\[?[^)]*${q}|getFixedT\\([^)]*${q}|ns[:=] ?[[{]?${q}|['"\`]${ns}:[a-zA-Z$]`).test(text);
  };
  /** The relative modules `file` imports as values (a type import is erased and registers nothing), as paths under src/ui. */
  const imports = (file: string, text: string): string[] =>
    [...text.matchAll(/^import\s+(?!type\s)(?:[^'"]*?from\s+)?'(\.[^']+)'/gm)].map((m) => posix.join(posix.dirname(file), m[1]!) + '.ts');

  it('lists exactly the namespaces register.ts loads late, each registered by its messages module', () => {
    expect(Object.keys(registrar).sort()).toEqual([...LAZY_NAMESPACES].sort());
    // all.ts, which the key checks above walk, has every namespace: the bundled and the late ones.
    expect(Object.keys(NAMESPACES).sort()).toEqual([...Object.keys(BUNDLED_NAMESPACES), ...LAZY_NAMESPACES].sort());
    for (const [ns, file] of Object.entries(registrar)) {
      expect(readFileSync(join(root, file), 'utf8'), file).toContain(`registerMessages('${ns}'`);
    }
  });

  for (const ns of LAZY_NAMESPACES) {
    it(`${ns}: every module that reads it imports ${registrar[ns]}`, () => {
      const users = sources.filter((s) => s.file !== registrar[ns] && reads(s.text, ns));
      expect(users.length, `some module reads ${ns}`).toBeGreaterThan(0);
      const missing = users.filter((s) => !imports(s.file, s.text).includes(registrar[ns])).map((s) => s.file);
      expect(missing).toEqual([]);
    });
  }

  it('the first bundle does not import them: i18n/index.ts bundles only common, market and classes', () => {
    expect(Object.keys(BUNDLED_NAMESPACES).sort()).toEqual(['classes', 'common', 'market']);
    const index = readFileSync(join(root, 'i18n/index.ts'), 'utf8');
    for (const file of Object.values(registrar)) expect(index).not.toContain(file.replace(/\.ts$/, ''));
  });
});
