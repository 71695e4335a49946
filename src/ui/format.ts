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

/** A count or amount: compact (1.2万, 12K) from 10,000 up unless `full`. */
export function fmtNumber(x: number, lang: Lang, opts: { digits?: number; full?: boolean } = {}): string {
  if (!Number.isFinite(x)) return '—';
  const digits = opts.digits ?? (Math.abs(x) < 10 && !Number.isInteger(x) ? 2 : 0);
  if (!opts.full && big(x)) return nf(lang, { notation: 'compact', maximumFractionDigits: 1, minimumFractionDigits: 0 }).format(x);
  return nf(lang, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(x);
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
