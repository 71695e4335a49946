import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string): number => {
    const n = parseInt(hex.slice(1), 16);
    const [r, g, bl] = [16, 8, 0].map((s) => ((n >> s) & 255) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}

const css = readFileSync(new URL('./charts.css', import.meta.url), 'utf8');

/** The custom properties of the first block after `selector`. */
function vars(selector: string): Record<string, string> {
  const at = css.indexOf(selector);
  expect(at).toBeGreaterThanOrEqual(0);
  const block = css.slice(css.indexOf('{', at) + 1, css.indexOf('}', at));
  return Object.fromEntries([...block.matchAll(/(--chart-[\w-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1]!, m[2]!.toLowerCase()]));
}

const light = vars('.crm-chart {');
const darkMedia = vars(":root:not([data-theme='light']) .crm-chart");
const darkAttr = vars("[data-theme='dark'] .crm-chart");

// Card backgrounds of the app (src/ui/app.css) and of the first page, light and dark.
const LIGHT_CARDS = ['#ffffff'];
const DARK_CARDS = ['#18202b', '#181e27'];
const LIGHT_TEXT = '#17202c';
const DARK_TEXT = '#e8edf3';

describe('chart colours', () => {
  it('dark theme is the same by media query and by data-theme', () => {
    expect(darkAttr).toEqual(darkMedia);
    expect(Object.keys(darkMedia).sort()).toEqual(Object.keys(light).sort());
  });

  it('six series colours meet AA for text (4.5:1) on the card, in both themes', () => {
    for (let i = 1; i <= 6; i++) {
      for (const card of LIGHT_CARDS) expect(contrast(light[`--chart-s${i}`]!, card)).toBeGreaterThanOrEqual(4.5);
      for (const card of DARK_CARDS) expect(contrast(darkMedia[`--chart-s${i}`]!, card)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('reference ("ghost") lines stay visible: 3:1 for graphics', () => {
    for (const card of LIGHT_CARDS) expect(contrast(light['--chart-ghost']!, card)).toBeGreaterThanOrEqual(3);
    for (const card of DARK_CARDS) expect(contrast(darkMedia['--chart-ghost']!, card)).toBeGreaterThanOrEqual(3);
  });

  it('text in every shaded value-grid cell meets AA', () => {
    for (let l = 1; l <= 5; l++) {
      const lightInk = light[`--chart-heat-ink-${l}`] ?? LIGHT_TEXT;
      const darkInk = darkMedia[`--chart-heat-ink-${l}`] ?? DARK_TEXT;
      expect(contrast(light[`--chart-heat-${l}`]!, lightInk)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(darkMedia[`--chart-heat-${l}`]!, darkInk)).toBeGreaterThanOrEqual(4.5);
    }
  });
});
