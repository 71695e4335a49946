/**
 * The bytes of a scenario or run file → its text, the same way in the command line, the
 * page and the worker. Pure: no TextDecoder, Buffer or Blob, so every runtime decodes alike
 * and a broken byte is reported with its position.
 *
 * Accepted: UTF-8 with or without a byte-order mark, and UTF-16 (little or big endian) *with*
 * a byte-order mark: that is what Windows Notepad writes when a file is saved as "Unicode",
 * and the mark makes it unambiguous, so refusing it would only send the author back to their
 * editor. Refused, each with a sentence that says how to fix it: UTF-16 without a mark (JSON
 * starts with ASCII, so its NUL bytes give it away), UTF-32, bytes that are not UTF-8 (a file
 * saved as ANSI or GBK) and a broken UTF-16 character.
 */
import type { Lang } from '../sim/text';
import type { ScenarioIssue } from './load';
import { formatNumber, sentence } from './messages';

/** Most bytes a scenario or run file may have (20 MiB), in the command line and the app alike. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** The encodings the reader accepts. */
export type TextEncoding = 'utf-8' | 'utf-8 (BOM)' | 'utf-16le' | 'utf-16be';

/** Why bytes are not accepted as text. */
export type DecodeProblem =
  | { kind: 'tooLarge'; bytes: number; max: number }
  /** Not valid UTF-8 at byte `at` (0-based), whose value is `byte`. */
  | { kind: 'notUtf8'; at: number; byte: number }
  | { kind: 'utf16NoBom'; endian: 'le' | 'be' }
  | { kind: 'utf32' }
  /** A UTF-16 text cut off (odd length) or with a lone surrogate at byte `at`. */
  | { kind: 'badUtf16'; at: number };

/** The outcome of {@link decodeBytes}. */
export type Decoded = { ok: true; text: string; encoding: TextEncoding } | { ok: false; problem: DecodeProblem; line: number; column: number };

/** Chunk size for String.fromCharCode (well under every engine's argument limit). */
const CHUNK = 8192;

function unitsToString(units: Uint16Array, n: number): string {
  let out = '';
  for (let i = 0; i < n; i += CHUNK) out += String.fromCharCode(...units.subarray(i, Math.min(n, i + CHUNK)));
  return out;
}

/** 1-based line and column (in characters) of byte `at` of a UTF-8 text. */
function utf8Position(b: Uint8Array, at: number): { line: number; column: number } {
  let line = 1;
  let column = 1;
  for (let i = 0; i < at; i++) {
    const x = b[i]!;
    if (x === 0x0a) {
      line++;
      column = 1;
    } else if ((x & 0xc0) !== 0x80) column++;
  }
  return { line, column };
}

/** UTF-8 per the WHATWG Encoding standard (no overlong forms, surrogates or values above U+10FFFF); -1 on success, else the offending byte offset. */
function decodeUtf8(b: Uint8Array, start: number, units: Uint16Array): { n: number; bad: number } {
  let n = 0;
  let i = start;
  const len = b.length;
  while (i < len) {
    const x = b[i]!;
    if (x < 0x80) {
      units[n++] = x;
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    let cp: number;
    if (x >= 0xc2 && x <= 0xdf) {
      need = 1;
      cp = x & 0x1f;
    } else if (x >= 0xe0 && x <= 0xef) {
      need = 2;
      cp = x & 0x0f;
      if (x === 0xe0) lo = 0xa0;
      if (x === 0xed) hi = 0x9f;
    } else if (x >= 0xf0 && x <= 0xf4) {
      need = 3;
      cp = x & 0x07;
      if (x === 0xf0) lo = 0x90;
      if (x === 0xf4) hi = 0x8f;
    } else return { n, bad: i };
    for (let k = 1; k <= need; k++) {
      const y = b[i + k];
      if (y === undefined || y < lo || y > hi) return { n, bad: y === undefined ? i : i + k };
      lo = 0x80;
      hi = 0xbf;
      cp = (cp << 6) | (y & 0x3f);
    }
    if (cp >= 0x10000) {
      cp -= 0x10000;
      units[n++] = 0xd800 + (cp >> 10);
      units[n++] = 0xdc00 + (cp & 0x3ff);
    } else units[n++] = cp;
    i += need + 1;
  }
  return { n, bad: -1 };
}

/** UTF-16 after its byte-order mark; -1 on success, else the offending byte offset. */
function decodeUtf16(b: Uint8Array, little: boolean, units: Uint16Array): { n: number; bad: number } {
  let n = 0;
  const end = b.length - (b.length % 2);
  for (let i = 2; i < end; i += 2) {
    const u = little ? b[i]! | (b[i + 1]! << 8) : (b[i]! << 8) | b[i + 1]!;
    if (u >= 0xd800 && u <= 0xdbff) {
      const next = i + 3 < end ? (little ? b[i + 2]! | (b[i + 3]! << 8) : (b[i + 2]! << 8) | b[i + 3]!) : -1;
      if (next < 0xdc00 || next > 0xdfff) return { n, bad: i };
      units[n++] = u;
      units[n++] = next;
      i += 2;
      continue;
    }
    if (u >= 0xdc00 && u <= 0xdfff) return { n, bad: i };
    units[n++] = u;
  }
  return { n, bad: end < b.length ? end : -1 };
}

/** Line and column of UTF-16 code unit `n` (the units decoded before a broken character). */
function unitPosition(units: Uint16Array, n: number): { line: number; column: number } {
  let line = 1;
  let column = 1;
  for (let i = 0; i < n; i++) {
    if (units[i] === 0x0a) {
      line++;
      column = 1;
    } else column++;
  }
  return { line, column };
}

/** The text of a file's bytes, or why they are not text this reader accepts (with the line and column of a broken byte). */
export function decodeBytes(bytes: Uint8Array): Decoded {
  const b = bytes;
  const fail = (problem: DecodeProblem, pos = { line: 0, column: 0 }): Decoded => ({ ok: false, problem, ...pos });
  if (b.length > MAX_FILE_BYTES) return fail({ kind: 'tooLarge', bytes: b.length, max: MAX_FILE_BYTES });
  if ((b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) || (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff)) return fail({ kind: 'utf32' });
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) {
    const little = b[0] === 0xff;
    const units = new Uint16Array(b.length >> 1);
    const r = decodeUtf16(b, little, units);
    if (r.bad >= 0) return fail({ kind: 'badUtf16', at: r.bad }, unitPosition(units, r.n));
    return { ok: true, text: unitsToString(units, r.n), encoding: little ? 'utf-16le' : 'utf-16be' };
  }
  if (b.length >= 2 && (b[0] === 0) !== (b[1] === 0)) return fail({ kind: 'utf16NoBom', endian: b[0] === 0 ? 'be' : 'le' });
  const bom = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
  const units = new Uint16Array(b.length);
  const r = decodeUtf8(b, bom ? 3 : 0, units);
  if (r.bad >= 0) {
    const pos = utf8Position(b, r.bad);
    return fail({ kind: 'notUtf8', at: r.bad, byte: b[r.bad]! }, bom ? { line: pos.line, column: pos.column - (pos.line === 1 ? 1 : 0) } : pos);
  }
  return { ok: true, text: unitsToString(units, r.n), encoding: bom ? 'utf-8 (BOM)' : 'utf-8' };
}

/** A decoding problem in words: what the file should have been, what it was, the whole sentence body. */
export function decodeProblemText(p: DecodeProblem, lang: Lang): { expected: string; found: string; body: string } {
  const en = lang === 'en';
  const hex = (x: number): string => `0x${x.toString(16).toUpperCase().padStart(2, '0')}`;
  const utf8 = en ? 'UTF-8 text' : 'UTF-8 文本';
  switch (p.kind) {
    case 'tooLarge': {
      const mb = (n: number): string => (n / (1024 * 1024)).toFixed(1);
      const expected = en ? `at most ${mb(p.max)} MB` : `不超过 ${mb(p.max)} MB`;
      return {
        expected,
        found: `${mb(p.bytes)} MB`,
        body: en ? `the file is too large (${mb(p.bytes)} MB); a scenario or save file may be at most ${mb(p.max)} MB` : `文件过大（${mb(p.bytes)} MB）；情景文件或存档文件最大为 ${mb(p.max)} MB`,
      };
    }
    case 'notUtf8': {
      const at = formatNumber(p.at, lang);
      return {
        expected: utf8,
        found: en ? `byte ${hex(p.byte)}, which is not UTF-8` : `非 UTF-8 字节 ${hex(p.byte)}`,
        body: en
          ? `the file is not UTF-8 text: byte ${at} (${hex(p.byte)}) is not valid UTF-8. If it was saved as ANSI or GBK, save it again as UTF-8`
          : `文件不是 UTF-8 文本：第 ${at} 字节（${hex(p.byte)}）不是有效的 UTF-8。若以 ANSI 或 GBK 编码保存，请另存为 UTF-8`,
      };
    }
    case 'utf16NoBom': {
      const which = p.endian === 'le' ? 'UTF-16 LE' : 'UTF-16 BE';
      return {
        expected: en ? 'UTF-8 text, or UTF-16 with a byte-order mark' : 'UTF-8 文本，或带字节顺序标记（BOM）的 UTF-16',
        found: en ? `${which} without a byte-order mark` : `不带字节顺序标记的 ${which}`,
        body: en
          ? `the file looks like ${which} text without a byte-order mark, which cannot be told apart reliably; save it as UTF-8`
          : `文件看起来是不带字节顺序标记（BOM）的 ${which} 文本，无法可靠识别；请另存为 UTF-8`,
      };
    }
    case 'utf32':
      return {
        expected: utf8,
        found: 'UTF-32',
        body: en ? 'the file is UTF-32 text; save it as UTF-8' : '文件是 UTF-32 文本；请另存为 UTF-8',
      };
    case 'badUtf16': {
      const at = formatNumber(p.at, lang);
      return {
        expected: en ? 'complete UTF-16 characters' : '完整的 UTF-16 字符',
        found: en ? `a broken character at byte ${at}` : `第 ${at} 字节处的字符不完整`,
        body: en
          ? `the UTF-16 text is cut off or has a broken character at byte ${at}; save the file again (preferably as UTF-8)`
          : `UTF-16 文本在第 ${at} 字节处被截断或字符不完整；请重新保存文件（最好保存为 UTF-8）`,
      };
    }
    default: {
      const never: never = p;
      return never;
    }
  }
}

/** A decoding failure as the loaders report problems: one issue with file, line and column. */
export function decodeIssue(d: Extract<Decoded, { ok: false }>, file: string, lang: Lang): ScenarioIssue {
  const l: Lang = lang === 'zh-CN' ? 'zh-CN' : 'en';
  const r = decodeProblemText(d.problem, l);
  return { file, path: '', line: d.line, column: d.column, expected: r.expected, found: r.found, message: sentence(file, d.line, d.column, '', r.body, l) };
}

/** The text of a file's bytes, or the one issue that says why it cannot be read as text. */
export function fileText(bytes: Uint8Array, file: string, lang: Lang): { ok: true; text: string } | { ok: false; errors: ScenarioIssue[] } {
  const d = decodeBytes(bytes);
  return d.ok ? { ok: true, text: d.text } : { ok: false, errors: [decodeIssue(d, file, lang)] };
}

/** The issue for a file of `bytes` bytes, above {@link MAX_FILE_BYTES}, found before reading it (the file picker knows the size). */
export function tooLargeIssue(bytes: number, file: string, lang: Lang): ScenarioIssue {
  return decodeIssue({ ok: false, problem: { kind: 'tooLarge', bytes, max: MAX_FILE_BYTES }, line: 0, column: 0 }, file, lang);
}
