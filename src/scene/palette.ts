/**
 * Colours of the scenes, light (projectors) and dark. Tier colours only repeat what a dot's
 * band already says; events have shapes (rings, a speech bubble, a cross) as well as colours,
 * and the satisfaction reveal uses viridis, which stays ordered in grey and for colour-blind
 * viewers. `test/scene/palette.test.ts` checks the contrast of each against its background.
 */
export interface Palette {
  background: string;
  /** Pyramid bands, alternating, and their edge. */
  band: readonly [string, string];
  bandEdge: string;
  ink: string;
  muted: string;
  /** Dot outline, for contrast where dots overlap. */
  outline: string;
  tiers: readonly string[];
  lapsed: string;
  newcomer: string;
  referred: string;
  wonBack: string;
  failure: string;
  recovered: string;
  complaint: string;
  focus: string;
  link: string;
  /** Desk, floor and staff. */
  desk: string;
  floor: string;
  staff: string;
  customer: string;
  mood: { happy: string; neutral: string; unhappy: string; unknown: string };
}

/** True satisfaction bands of the reveal: 0-20, 20-40, 40-60, 60-80, 80-100 (viridis). */
export const REVEAL = ['#440154', '#3b528b', '#21918c', '#5ec962', '#fde725'] as const;
export const REVEAL_EDGES = [20, 40, 60, 80] as const;

export function revealBand(satisfaction: number): number {
  let b = 0;
  while (b < REVEAL_EDGES.length && satisfaction >= REVEAL_EDGES[b]!) b++;
  return b;
}

export const LIGHT: Palette = {
  background: '#ffffff',
  band: ['#eef2f7', '#e3e9f1'],
  bandEdge: '#9aa7b8',
  ink: '#17202c',
  muted: '#4f5b6b',
  outline: '#17202c',
  tiers: ['#7b3fa0', '#b07a00', '#1f5fbf', '#4f5b6b', '#00707a'],
  lapsed: '#8a94a1',
  newcomer: '#17202c',
  referred: '#1f5fbf',
  wonBack: '#2b7a34',
  failure: '#c0392b',
  recovered: '#2b7a34',
  complaint: '#f2c200',
  focus: '#c2410c',
  link: '#1f5fbf',
  desk: '#b9a27c',
  floor: '#f3f5f8',
  staff: '#35506e',
  customer: '#6b7a8c',
  mood: { happy: '#2b7a34', neutral: '#b07a00', unhappy: '#c0392b', unknown: '#8a94a1' },
};

export const DARK: Palette = {
  background: '#18202b',
  band: ['#1f2a38', '#253243'],
  bandEdge: '#556377',
  ink: '#e8edf3',
  muted: '#a9b4c2',
  outline: '#0b1018',
  tiers: ['#c59cf0', '#f0c050', '#6cb0ff', '#b8c4d2', '#4fd1d9'],
  lapsed: '#7a8699',
  newcomer: '#e8edf3',
  referred: '#6cb0ff',
  wonBack: '#6fcf7a',
  failure: '#ff7a6b',
  recovered: '#6fcf7a',
  complaint: '#f2c200',
  focus: '#fb923c',
  link: '#6cb0ff',
  desk: '#7d6a4c',
  floor: '#1f2a38',
  staff: '#9fb7d4',
  customer: '#a9b4c2',
  mood: { happy: '#6fcf7a', neutral: '#f0c050', unhappy: '#ff7a6b', unknown: '#7a8699' },
};

/** `#rrggbb` as the number Phaser's Graphics take. */
export function hexToNumber(hex: string): number {
  return Number.parseInt(hex.slice(1), 16);
}

/** Every colour of a palette as a number, made once per scene so drawing a frame parses nothing. */
export type NumericPalette = { [K in keyof Palette]: Palette[K] extends string ? number : Palette[K] extends Record<string, string> ? { [M in keyof Palette[K]]: number } : never };

export function numericPalette(p: Palette): NumericPalette {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(p)) {
    if (typeof v === 'string') out[k] = hexToNumber(v);
    else if (!Array.isArray(v)) out[k] = Object.fromEntries(Object.entries(v as Record<string, string>).map(([m, c]) => [m, hexToNumber(c)]));
  }
  return out as NumericPalette;
}

/** The palette the page is in (the app follows the system's colour scheme). */
export function currentPalette(): Palette {
  const dark = typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
  const forced = typeof document === 'undefined' ? null : document.documentElement.dataset.theme;
  return forced === 'light' ? LIGHT : forced === 'dark' || dark ? DARK : LIGHT;
}
