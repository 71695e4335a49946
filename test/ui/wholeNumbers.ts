/**
 * Whole numbers to hold src/ui/format.ts's own whole-number text to Intl's (the unit test against
 * Node's ICU, the browser smoke test against Chromium's), and the Intl options it stands for.
 */

/** Intl's options for fmtNumber's full (`compact` false) and compact (10,000 and up) text. */
export function intlOptions(compact: boolean): Intl.NumberFormatOptions {
  return { signDisplay: 'negative', maximumFractionDigits: compact ? 1 : 0, minimumFractionDigits: 0, ...(compact ? { notation: 'compact' } : {}) } as Intl.NumberFormatOptions;
}

/**
 * Edges of every unit, halves, carries into the next unit, each magnitude's near-carries with both
 * signs, then `drawn` numbers of 1 to 14 digits and either sign from a fixed generator.
 */
export function wholeNumbers(drawn: number): number[] {
  const values: number[] = [0, -0, 1, -1, 7, 999, 1000, 9999, 10_000, 10_049, 10_050, 12_345, 12_350, 99_949, 99_950, 999_949, 999_950, 999_999, 1e6, 1_050_000, 9_999_999, 99_999_999, 123_456_789, 999_999_999, 1e12 - 1, 1e12, 1.23e12, 99_999_949_999_999];
  for (let e = 0; e < 14; e++) {
    for (const m of [1, 1.5, 2.05, 4.99949, 4.9995, 9.9995, 9.99949]) values.push(Math.round(m * 10 ** e), -Math.round(m * 10 ** e));
  }
  let seed = 12345;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
  for (let i = 0; i < drawn; i++) {
    const digits = 1 + (next() % 14);
    const x = Math.floor((next() / 2 ** 32) * 10 ** digits);
    values.push(next() & 1 ? -x : x);
  }
  return values;
}
