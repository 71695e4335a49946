import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineColumns, offsetOf, pathTrie, scanJson } from './jsonText';

function syntaxValid(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('scanJson', () => {
  it.each([
    ['{}', true],
    ['[]', true],
    [' {"a": [1, -2.5e+3, 0, true, false, null, "x\\u00e9\\n"]} ', true],
    ['"just text"', true],
    ['{"a":1,}', false],
    ['[1,]', false],
    ['{"a" 1}', false],
    ['01', false],
    ['1.', false],
    ['.5', false],
    ['-', false],
    ['"\t"', false],
    ['"\\x"', false],
    ['"\\u12G4"', false],
    ['{"a":1}}', false],
    ['NaN', false],
    ["{'a':1}", false],
    ['', false],
  ])('judges %j like JSON.parse (valid: %s)', (text, valid) => {
    expect(scanJson(text, 64).ok).toBe(valid);
    expect(syntaxValid(text)).toBe(valid);
  });

  it('reports what it expected and where', () => {
    const r = scanJson('{\n  "a": 1\n  "b": 2\n}', 64);
    expect(r).toMatchObject({ ok: false, kind: 'syntax', expected: { kind: 'token', tokens: [',', '}'] }, found: { kind: 'text', text: '"' } });
    if (r.ok) return;
    expect(lineColumns('{\n  "a": 1\n  "b": 2\n}')(r.offset)).toEqual({ line: 3, column: 3 });
  });

  it('points at the opening quote of a text broken by a line end', () => {
    const text = '{"a": "abc\ndef"}';
    const r = scanJson(text, 64);
    expect(r).toMatchObject({ ok: false, offset: 6, expected: { kind: 'closeString' }, found: { kind: 'lineBreak' } });
  });

  it('stops at the depth limit without recursion, whatever the depth', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const r = scanJson(deep, 64);
    expect(r).toEqual({ ok: false, kind: 'tooDeep', offset: 64 });
    expect(scanJson('['.repeat(64) + ']'.repeat(64), 64).ok).toBe(true);
    expect(scanJson('['.repeat(65) + ']'.repeat(65), 64).ok).toBe(false);
  });

  it('finds duplicate keys, with escapes decoded', () => {
    const text = '{"a": {"x": 1, "\\u0078": 2}, "b": [{"k": 1, "k": 2}]}';
    const r = scanJson(text, 64);
    expect(r.ok && r.duplicates.map((d) => [d.path, d.offset])).toEqual([
      [['a', 'x'], text.indexOf('"\\u0078"')],
      [['b', 0, 'k'], text.lastIndexOf('"k"')],
    ]);
  });

  it('records the key and value offsets of wanted paths', () => {
    const text = '{"tiers": [{"id": "a"}, {"id": "b", "n": -3}]}';
    const trie = pathTrie([['tiers', 1, 'n'], ['tiers', 1, 'missing'], ['nope', 2]]);
    expect(scanJson(text, 64, trie).ok).toBe(true);
    expect(offsetOf(trie, ['tiers', 1, 'n'], 'value')).toBe(text.indexOf('-3'));
    expect(offsetOf(trie, ['tiers', 1, 'n'], 'key')).toBe(text.indexOf('"n"'));
    // A path that is not in the text falls back to its deepest ancestor that is.
    expect(offsetOf(trie, ['tiers', 1, 'missing'], 'value')).toBe(text.indexOf('{"id": "b"'));
    expect(offsetOf(trie, ['nope', 2], 'value')).toBe(0);
  });

  it('agrees with JSON.parse on arbitrary text and on mutated JSON', () => {
    const mutated = fc
      .tuple(fc.json(), fc.nat(), fc.constantFrom('', ',', '}', ']', '"', ':', '0', '-', '\n', '\\', 'e', ' ', 'tru'))
      .map(([json, at, insert]) => {
        const i = at % (json.length + 1);
        return json.slice(0, i) + insert + json.slice(i + (at % 2));
      });
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), mutated), (text) => {
        expect(scanJson(text, 1000).ok).toBe(syntaxValid(text));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('lineColumns', () => {
  it('counts \\n, \\r\\n and \\r as line ends, columns from 1', () => {
    const at = lineColumns('ab\ncd\r\nef\rgh');
    expect([0, 1, 3, 4, 7, 10, 11].map(at)).toEqual([
      { line: 1, column: 1 },
      { line: 1, column: 2 },
      { line: 2, column: 1 },
      { line: 2, column: 2 },
      { line: 3, column: 1 },
      { line: 4, column: 1 },
      { line: 4, column: 2 },
    ]);
  });
});
