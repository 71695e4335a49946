/**
 * Numbers, money and percentages for the screens, through `Intl` in the learner's language:
 * Chinese compact notation uses 万 and 亿. Changes are shown with an arrow and a sign, never
 * by colour alone (in China red means up).
 */
import type { Lang } from '../sim/text';

/** No minus on a value that rounds to zero ("−0"): ES2023's sign display, which the project's ES2022 lib does not list (every supported browser and Node 20 have it). */
const NO_MINUS_ZERO = { signDisplay: 'negative' } as unknown as Intl.NumberFormatOptions;

const cache = new Map<string, Intl.NumberFormat>();

/** A cached formatter; a value that rounds to zero never shows a minus. */
function nf(lang: Lang, opts: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}|${JSON.stringify(opts)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang, { ...NO_MINUS_ZERO, ...opts });
    cache.set(key, f);
  }
  return f;
}

/** Whether `x` is big enough that compact notation reads better (10,000 and up). */
const big = (x: number): boolean => Math.abs(x) >= 10_000;

/**
 * Compact units as Intl writes them with one fraction digit: each covers the values from its
 * size up to the next unit's (English thousands, millions, billions, trillions; Chinese 万, 亿,
 * 万亿).
 */
const UNITS: Record<Lang, readonly (readonly [number, string])[]> = {
  en: [[1e3, 'K'], [1e6, 'M'], [1e9, 'B'], [1e12, 'T']],
  'zh-CN': [[1e4, '万'], [1e8, '亿'], [1e12, '万亿']],
};

/** `n` (a whole number) with a comma every three digits, as both languages group them. */
function grouped(n: number): string {
  const digits = String(n);
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = out.length; i < digits.length; i += 3) out += ',' + digits.slice(i, i + 3);
  return out;
}

/**
 * A whole number as `Intl.NumberFormat` writes it in `lang` (full: 1,234,567; compact: 12.3K,
 * 1.2万, halves rounded away from zero, 999,950 → 1M), by string and integer arithmetic; null
 * for anything else (fractions, magnitudes of 10^14 and up), which Intl formats. Why: the page's
 * first Intl formatter starts the browser's ICU for the language, about 30 ms (120 ms on a laptop
 * four times slower), and the home screen's only numbers are counts; `test/ui/format.test.ts`
 * checks this against Intl value by value in both languages.
 */
function integerText(x: number, lang: Lang, compact: boolean): string | null {
  if (!Number.isInteger(x)) return null;
  const a = Math.abs(x);
  if (a >= 1e14) return null;
  const sign = x < 0 ? '-' : '';
  if (!compact) return a === 0 ? '0' : sign + grouped(a);
  const units = UNITS[lang];
  let k = units.length - 1;
  while (k > 0 && a < units[k]![0]) k--;
  if (a < units[0]![0]) return sign + grouped(a);
  // Tenths of the unit, rounded half away from zero (exact: a * 10 < 2^53).
  const tenthsOf = (u: number): number => {
    const p = a * 10;
    const q = Math.floor(p / u);
    return 2 * (p - q * u) >= u ? q + 1 : q;
  };
  let tenths = tenthsOf(units[k]![0]);
  // Rounded up to the next unit's size (999.95K): written in the next unit (1M).
  if (k + 1 < units.length && tenths * units[k]![0] >= units[k + 1]![0] * 10) tenths = tenthsOf(units[++k]![0]);
  const whole = Math.floor(tenths / 10);
  const frac = tenths - whole * 10;
  return sign + String(whole) + (frac > 0 ? '.' + String(frac) : '') + units[k]![1];
}

/** A count or amount: compact (1.2万, 12K) from 10,000 up unless `full`. */
export function fmtNumber(x: number, lang: Lang, opts: { digits?: number; full?: boolean } = {}): string {
  if (!Number.isFinite(x)) return '—';
  const exact = integerText(x, lang, !opts.full && big(x));
  if (exact !== null) return exact;
  const digits = opts.digits ?? (Math.abs(x) < 10 && !Number.isInteger(x) ? 2 : 0);
  if (!opts.full && big(x)) return nf(lang, { notation: 'compact', maximumFractionDigits: 1, minimumFractionDigits: 0 }).format(x);
  return nf(lang, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(x);
}

/**
 * Makes the formatters the game screens use first (App's prefetch calls it when the browser is
 * idle after the first screen): the first one starts ICU for the language (see
 * {@link integerText}), which the first click on Start would otherwise wait for.
 */
export function warmFormats(lang: Lang): void {
  fmtNumber(1.5, lang);
  fmtNumber(12_345.5, lang);
  fmtPercent(0.5, lang);
}

/** Money in the scenario's currency, in whole units (¥16, not ¥15.52): compact from 10,000 up unless `full`. */
export function fmtMoney(x: number, currency: string, lang: Lang, opts: { full?: boolean } = {}): string {
  if (!Number.isFinite(x)) return '—';
  try {
    if (!opts.full && big(x)) return nf(lang, { style: 'currency', currency, currencyDisplay: 'narrowSymbol', notation: 'compact', maximumFractionDigits: 1, minimumFractionDigits: 0 }).format(x);
    return nf(lang, { style: 'currency', currency, currencyDisplay: 'narrowSymbol', maximumFractionDigits: 0, minimumFractionDigits: 0 }).format(x);
  } catch {
    // An unknown currency code in a scenario file: the number and the code.
    return `${fmtNumber(x, lang, opts)} ${currency}`;
  }
}

/** The currency's symbol as money is written in `lang` (¥ for CNY in both languages), or its code if Intl has none. */
export function currencySymbol(currency: string, lang: Lang): string {
  try {
    const part = nf(lang, { style: 'currency', currency, currencyDisplay: 'narrowSymbol' }).formatToParts(0).find((p) => p.type === 'currency');
    return part?.value ?? currency;
  } catch {
    return currency;
  }
}

/** A share 0..1 as a percentage. */
export function fmtPercent(x: number, lang: Lang, digits = 1): string {
  if (!Number.isFinite(x)) return '—';
  return nf(lang, { style: 'percent', maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(x);
}

/** Direction of a change. */
export type Direction = 'up' | 'down' | 'flat';

/** A change since last quarter: direction, arrow and signed text. */
export interface Delta {
  dir: Direction;
  /** ▲, ▼ or ＝ (never colour alone). */
  arrow: string;
  /** Signed amount, e.g. "+3.2%" or "−1,200". */
  text: string;
}

/** How a change is measured: relative (percent of the previous), absolute in points, or as a share's percentage points. */
export type DeltaMode = { kind: 'relative' } | { kind: 'points'; digits?: number } | { kind: 'shareOfOne' } | { kind: 'money'; currency: string };

const MINUS = '−';

/** The change from `prev` to `now`; flat when there is no previous value or no change. */
export function fmtDelta(now: number, prev: number | undefined, mode: DeltaMode, lang: Lang): Delta {
  if (prev === undefined || !Number.isFinite(prev) || !Number.isFinite(now)) return { dir: 'flat', arrow: '＝', text: '' };
  const d = now - prev;
  // Below what the text can show (0.05% of the previous value), a change reads as none.
  const eps = Math.max(1e-9, Math.abs(prev) * (mode.kind === 'relative' ? 5e-4 : 1e-6));
  const dir: Direction = d > eps ? 'up' : d < -eps ? 'down' : 'flat';
  const sign = dir === 'up' ? '+' : dir === 'down' ? MINUS : '±';
  const arrow = dir === 'up' ? '▲' : dir === 'down' ? '▼' : '＝';
  let body: string;
  switch (mode.kind) {
    case 'relative':
      body = prev === 0 ? fmtNumber(Math.abs(d), lang) : fmtPercent(Math.abs(d / prev), lang);
      break;
    case 'points':
      body = fmtNumber(Math.abs(d), lang, { digits: mode.digits ?? 1 });
      break;
    case 'shareOfOne':
      body = `${fmtNumber(Math.abs(d) * 100, lang, { digits: 1 })} ${lang === 'zh-CN' ? '个百分点' : 'pp'}`;
      break;
    case 'money':
      body = fmtMoney(Math.abs(d), mode.currency, lang);
      break;
    default: {
      const never: never = mode;
      body = String(never);
    }
  }
  // A change that rounds to nothing at the digits shown reads as none ("±0", no arrow), not "▲ +0 pp".
  if (!/[1-9]/.test(body)) return { dir: 'flat', arrow: '＝', text: '±0' };
  return { dir, arrow, text: dir === 'flat' ? '±0' : `${sign}${body}` };
}
