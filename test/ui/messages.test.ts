// Every screen in both languages: each namespace has the same keys and the same
// interpolation variables in en and zh-CN, and no message is empty.
import { describe, expect, it } from 'vitest';
import { NAMESPACES } from '../../src/ui/i18n/index';

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
