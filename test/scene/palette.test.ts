// The scenes' colours are readable: every colour that marks a customer, an event or the focus
// reaches 3:1 against its palette's background (WCAG 2.1, 1.4.11 non-text contrast), text ink
// 4.5:1 (1.4.3), in the light and the dark palette alike; the reveal's viridis bands stay
// ordered in grey, and satisfaction maps onto them at the documented edges.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DARK, LIGHT, REVEAL, REVEAL_EDGES, hexToNumber, numericPalette, revealBand, type Palette } from '../../src/scene/palette';
import { MAX_TIERS } from '../../src/scenario/decisionsSchema';

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = [m[1]!, m[2]!, m[3]!].map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG contrast ratio of two colours, 1..21. */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('the contrast helper', () => {
  it('gives the known ratios', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 6);
    expect(contrast('#ffffff', '#ffffff')).toBeCloseTo(1, 9);
    // #767676 on white is the classic 4.5:1 grey.
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrast('#ffffff', '#767676')).toBe(contrast('#767676', '#ffffff'));
  });
});

const PALETTES: [string, Palette][] = [['light', LIGHT], ['dark', DARK]];
/** Colours that carry meaning on the picture (graphical objects). */
const MARKS = ['lapsed', 'failure', 'recovered', 'referred', 'wonBack', 'newcomer', 'focus', 'link'] as const;

describe.each(PALETTES)('the %s palette', (_, pal) => {
  it('has a colour for every tier the learner can use', () => {
    expect(pal.tiers.length).toBeGreaterThanOrEqual(MAX_TIERS);
  });

  it('draws every tier at 3:1 or more against the background', () => {
    const low = pal.tiers.map((c, t) => ({ tier: t, colour: c, ratio: contrast(c, pal.background) })).filter((x) => x.ratio < 3);
    expect(low).toEqual([]);
  });

  it('draws lapsed, failure, recovered, referred, won-back, newcomer, focus and link marks at 3:1 or more', () => {
    const low = MARKS.map((k) => ({ mark: k, colour: pal[k], ratio: contrast(pal[k], pal.background) })).filter((x) => x.ratio < 3);
    expect(low).toEqual([]);
  });

  it('writes ink at 4.5:1 or more', () => {
    expect(contrast(pal.ink, pal.background)).toBeGreaterThanOrEqual(4.5);
  });
});

describe('the reveal', () => {
  it('has five viridis bands that get lighter from low to high satisfaction (ordered in grey)', () => {
    expect(REVEAL).toHaveLength(REVEAL_EDGES.length + 1);
    const l = REVEAL.map(luminance);
    for (let b = 1; b < l.length; b++) expect(l[b]!).toBeGreaterThan(l[b - 1]!);
  });

  it('maps 0..100 onto the bands at 20, 40, 60 and 80', () => {
    expect(REVEAL_EDGES).toEqual([20, 40, 60, 80]);
    const cases: [number, number][] = [
      [0, 0], [19.99, 0], [20, 1], [39.99, 1], [40, 2], [59.99, 2], [60, 3], [79.99, 3], [80, 4], [100, 4],
    ];
    for (const [s, band] of cases) expect(revealBand(s), `satisfaction ${s}`).toBe(band);
  });

  it('puts satisfaction s in band floor(s / 20), never decreasing', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }), (a, b) => {
        expect(revealBand(a)).toBe(Math.min(4, Math.floor(a / 20)));
        if (a <= b) expect(revealBand(b)).toBeGreaterThanOrEqual(revealBand(a));
      }),
    );
  });
});

describe('numericPalette', () => {
  it('turns every colour into the number Phaser draws with, nested moods included', () => {
    const n = numericPalette(LIGHT);
    expect(n.failure).toBe(0xc0392b);
    expect(n.background).toBe(0xffffff);
    expect(n.mood.unhappy).toBe(Number.parseInt(LIGHT.mood.unhappy.slice(1), 16));
    expect(hexToNumber(DARK.focus)).toBe(0xfb923c);
  });
});
