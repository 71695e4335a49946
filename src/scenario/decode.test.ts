import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf16, utf8 } from '../../test/bytes';
import { decodeBytes, decodeIssue, fileText, MAX_FILE_BYTES, tooLargeIssue } from './decode';

const bytes = (...b: number[]): Uint8Array => Uint8Array.from(b);
const JSON_TEXT = '{\n  "title": { "en": "Hotel", "zh-CN": "酒店 🏨" }\n}\n';

describe('decodeBytes', () => {
  it('reads UTF-8 with and without a byte-order mark, and UTF-16 LE and BE with one, to the same text', () => {
    const plain = decodeBytes(utf8(JSON_TEXT));
    expect(plain).toEqual({ ok: true, text: JSON_TEXT, encoding: 'utf-8' });
    expect(decodeBytes(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(JSON_TEXT)]))).toEqual({ ok: true, text: JSON_TEXT, encoding: 'utf-8 (BOM)' });
    expect(decodeBytes(utf16(JSON_TEXT, true))).toEqual({ ok: true, text: JSON_TEXT, encoding: 'utf-16le' });
    expect(decodeBytes(utf16(JSON_TEXT, false))).toEqual({ ok: true, text: JSON_TEXT, encoding: 'utf-16be' });
    expect(decodeBytes(new Uint8Array(0))).toEqual({ ok: true, text: '', encoding: 'utf-8' });
  });

  it('agrees with the Encoding standard (TextDecoder, fatal) on every byte string: same text, or both refuse', () => {
    const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (b) => {
        // BOM-less UTF-16 detection and UTF-16 BOMs are this reader's own rules; keep to byte strings UTF-8 decides.
        fc.pre(!(b.length >= 2 && (b[0] === 0) !== (b[1] === 0)) && !(b[0] === 0xff && b[1] === 0xfe) && !(b[0] === 0xfe && b[1] === 0xff));
        let expected: string | null;
        try {
          expected = strict.decode(b);
        } catch {
          expected = null;
        }
        const got = decodeBytes(b);
        expect(got.ok ? got.text : null).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
    // Biased towards multi-byte sequences, where the rules are (overlong forms, surrogates, > U+10FFFF).
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0x80, max: 0xbf }), fc.integer({ min: 0xc0, max: 0xff }), fc.constant(0x41)), { maxLength: 12 }), (xs) => {
        const b = Uint8Array.from([0x41, 0x41, ...xs]);
        let expected: string | null;
        try {
          expected = strict.decode(b);
        } catch {
          expected = null;
        }
        const got = decodeBytes(b);
        expect(got.ok ? got.text : null).toEqual(expected);
      }),
      { numRuns: 5000 },
    );
  });

  it('agrees with TextDecoder on UTF-16 with a byte-order mark, both byte orders', () => {
    for (const little of [true, false]) {
      const strict = new TextDecoder(little ? 'utf-16le' : 'utf-16be', { fatal: true });
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 40 }), (body) => {
          const b = Uint8Array.from([...(little ? [0xff, 0xfe] : [0xfe, 0xff]), ...body]);
          fc.pre(!(little && body[0] === 0 && body[1] === 0));
          let expected: string | null;
          try {
            expected = strict.decode(b);
          } catch {
            expected = null;
          }
          const got = decodeBytes(b);
          expect(got.ok ? got.text : null).toEqual(expected);
        }),
        { numRuns: 2000 },
      );
    }
  });

  it('says where a byte that is not UTF-8 is (a file saved as GBK or ANSI)', () => {
    const gbk = Uint8Array.from([...utf8('{\n  "title": "'), 0xbe, 0xc6, 0xb5, 0xea, ...utf8('"\n}')]);
    const d = decodeBytes(gbk);
    expect(d).toEqual({ ok: false, problem: { kind: 'notUtf8', at: 14, byte: 0xbe }, line: 2, column: 13 });
    const [issue] = (fileText(gbk, 'hotel.json', 'en') as { errors: { message: string }[] }).errors;
    expect(issue!.message).toBe('hotel.json:2:13: the file is not UTF-8 text: byte 14 (0xBE) is not valid UTF-8. If it was saved as ANSI or GBK, save it again as UTF-8');
    const zh = (fileText(gbk, 'hotel.json', 'zh-CN') as { errors: { message: string }[] }).errors[0]!.message;
    expect(zh).toBe('hotel.json 第2行第13列：文件不是 UTF-8 文本：第 14 字节（0xBE）不是有效的 UTF-8。若以 ANSI 或 GBK 编码保存，请另存为 UTF-8');
    // After a byte-order mark the column is still the text's.
    expect(decodeBytes(Uint8Array.from([0xef, 0xbb, 0xbf, 0x7b, 0xff]))).toMatchObject({ line: 1, column: 2 });
  });

  it('refuses UTF-16 without a byte-order mark, UTF-32 and a broken UTF-16 character, each saying how to fix it', () => {
    expect(decodeBytes(utf16('{}', true, false))).toMatchObject({ ok: false, problem: { kind: 'utf16NoBom', endian: 'le' } });
    expect(decodeBytes(utf16('{}', false, false))).toMatchObject({ ok: false, problem: { kind: 'utf16NoBom', endian: 'be' } });
    expect(decodeBytes(bytes(0xff, 0xfe, 0, 0, 0x7b, 0, 0, 0))).toMatchObject({ ok: false, problem: { kind: 'utf32' } });
    expect(decodeBytes(bytes(0, 0, 0xfe, 0xff, 0, 0, 0, 0x7b))).toMatchObject({ ok: false, problem: { kind: 'utf32' } });
    // Cut off in the middle of a code unit, and a lone high surrogate.
    expect(decodeBytes(bytes(0xff, 0xfe, 0x7b, 0, 0x7d))).toMatchObject({ ok: false, problem: { kind: 'badUtf16', at: 4 }, line: 1, column: 2 });
    expect(decodeBytes(bytes(0xff, 0xfe, 0x7b, 0, 0x3d, 0xd8, 0x7d, 0))).toMatchObject({ ok: false, problem: { kind: 'badUtf16', at: 4 } });
    const m = (b: Uint8Array) => (fileText(b, 'x.json', 'en') as { errors: { message: string }[] }).errors[0]!.message;
    expect(m(utf16('{}', true, false))).toBe('x.json: the file looks like UTF-16 LE text without a byte-order mark, which cannot be told apart reliably; save it as UTF-8');
    expect(m(bytes(0xff, 0xfe, 0, 0))).toBe('x.json: the file is UTF-32 text; save it as UTF-8');
  });

  it('refuses a file above the size limit before decoding it, with the sizes', () => {
    const big = new Uint8Array(MAX_FILE_BYTES + 1);
    const d = decodeBytes(big);
    expect(d).toMatchObject({ ok: false, problem: { kind: 'tooLarge', bytes: MAX_FILE_BYTES + 1, max: MAX_FILE_BYTES } });
    if (d.ok) return;
    expect(decodeIssue(d, 'big.json', 'en').message).toBe('big.json: the file is too large (20.0 MB); a scenario or save file may be at most 20.0 MB');
    expect(tooLargeIssue(30 * 1024 * 1024, 'big.json', 'zh-CN').message).toBe('big.json：文件过大（30.0 MB）；情景文件或存档文件最大为 20.0 MB');
    expect(decodeBytes(new Uint8Array(MAX_FILE_BYTES)).ok).toBe(true);
  });
});
