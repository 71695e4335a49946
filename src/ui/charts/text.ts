/**
 * Text measurement for laying out SVG labels (SVG text does not wrap). In a browser the
 * page's font is measured on a canvas; without a DOM (Node, tests) widths are estimated on
 * the generous side (DejaVu Sans metrics, the widest common UI font), CJK a full em.
 */

const NARROW = new Set("iljtfrI.,:;'!|()[]{} ·");
const WIDE = new Set('mwMW@%');
const DIGITS = new Set('0123456789');

/** Whether a character is full width (CJK ideographs, kana, hangul, full-width forms and punctuation). */
function fullWidth(code: number): boolean {
  return (
    (code >= 0x2e80 && code <= 0x9fff) ||
    (code >= 0xac00 && code <= 0xd7af) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6)
  );
}

let ctx: CanvasRenderingContext2D | null | undefined;
let family = 'sans-serif';

/** Width measured with the page's font on a canvas, or null without a DOM. */
function measured(text: string, fontSize: number, bold: boolean): number | null {
  if (ctx === undefined) {
    ctx = null;
    if (typeof document !== 'undefined' && document.body) {
      try {
        ctx = document.createElement('canvas').getContext('2d');
        family = getComputedStyle(document.body).fontFamily || family;
      } catch {
        ctx = null;
      }
    }
  }
  if (!ctx) return null;
  ctx.font = `${bold ? 700 : 400} ${fontSize}px ${family}`;
  return ctx.measureText(text).width;
}

/** Width in px of `text` at `fontSize` px: measured in a browser, else estimated. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  return measured(text, fontSize, bold) ?? estimateWidth(text, fontSize, bold);
}

/** Estimated width in px of `text` at `fontSize` px (DejaVu Sans-like metrics). */
export function estimateWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (fullWidth(code)) em += 1;
    else if (ch === '▲' || ch === '▼' || ch === '→' || ch === '↑') em += 0.8;
    else if (NARROW.has(ch)) em += 0.34;
    else if (WIDE.has(ch)) em += 0.92;
    else if (DIGITS.has(ch)) em += 0.64;
    else if (ch >= 'A' && ch <= 'Z') em += 0.7;
    else em += 0.6;
  }
  return em * fontSize * (bold ? 1.1 : 1);
}

/** Splits text into words for wrapping: spaces separate Latin words; every CJK character may break. */
function tokens(text: string): string[] {
  const out: string[] = [];
  let word = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === ' ') {
      if (word) out.push(word);
      word = '';
    } else if (fullWidth(code)) {
      // Closing punctuation stays with the character before it.
      if (/[，。、：；）」』！？]/.test(ch) && out.length && !word) out[out.length - 1] += ch;
      else {
        if (word) out.push(word);
        out.push(ch);
        word = '';
      }
    } else word += ch;
  }
  if (word) out.push(word);
  return out;
}

const isCjk = (s: string): boolean => fullWidth(s.codePointAt(0) ?? 0);

/**
 * Greedy line breaking of `text` into lines no wider than `maxWidth` (a single long word gets
 * its own line). Breaks at spaces and between CJK characters, or only at spaces if `spacesOnly`.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, bold = false, spacesOnly = false): string[] {
  const lines: string[] = [];
  let line = '';
  for (const tok of spacesOnly ? text.split(' ').filter(Boolean) : tokens(text)) {
    const joined = line === '' ? tok : !spacesOnly && (isCjk(tok) || isCjk(line.slice(-1))) ? line + tok : `${line} ${tok}`;
    if (line !== '' && textWidth(joined, fontSize, bold) > maxWidth) {
      lines.push(line);
      line = tok;
    } else line = joined;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** `text` shortened with an ellipsis to fit `maxWidth`. */
export function truncate(text: string, maxWidth: number, fontSize: number, bold = false): string {
  if (textWidth(text, fontSize, bold) <= maxWidth) return text;
  const chars = [...text];
  while (chars.length > 1 && textWidth(`${chars.join('')}…`, fontSize, bold) > maxWidth) chars.pop();
  return `${chars.join('')}…`;
}

/** The largest of `sizes` (px, largest first) at which every word of `texts` fits in `maxWidth`; else the last size. */
export function fitFontSize(texts: readonly string[], maxWidth: number, sizes: readonly number[], bold = false): number {
  const words = texts.flatMap((t) => tokens(t));
  for (const s of sizes) if (words.every((w) => textWidth(w, s, bold) <= maxWidth)) return s;
  return sizes[sizes.length - 1] ?? 12;
}

const cjkEdge = (s: string): boolean => /[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffe6]/.test(s);

const OPENING = /^[（「『《〈【〔(“‘]+$/u;
const CLOSING = /^[）」』》〉】〕)”’，。、：；！？,.:;!?]+$/u;
let segmenter: Intl.Segmenter | null | undefined;

/**
 * Words of a label for wrapping: Latin words split at spaces; Chinese split into words where
 * Intl.Segmenter knows them (服务|水平|（高|价值|客户）), else into characters; opening
 * brackets stay with the word after them, closing punctuation with the word before.
 */
export function labelWords(text: string): { word: string; space: boolean }[] {
  if (segmenter === undefined) segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;
  const parts = segmenter ? [...segmenter.segment(text)].map((x) => x.segment) : [...text];
  const out: { word: string; space: boolean }[] = [];
  let space = false;
  let open = '';
  for (const raw of parts) {
    if (/^\s+$/.test(raw)) {
      space = true;
      continue;
    }
    // Without a segmenter, Latin letters come one by one: glue them back into words.
    const last = out[out.length - 1];
    if (OPENING.test(raw)) open += raw;
    else if (last && !space && !open && (CLOSING.test(raw) || (!cjkEdge(raw) && !cjkEdge(last.word.slice(-1))))) last.word += raw;
    else {
      out.push({ word: open + raw, space });
      open = '';
    }
    space = false;
  }
  if (open) out.push({ word: open, space });
  return out;
}

