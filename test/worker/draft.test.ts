import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bandEdges, readDraft, valueBands } from '../../src/worker/draft';

const hotel = readFileSync('scenarios/hotel.json', 'utf8');

describe('the workbench reads a draft', () => {
  it('a draft that loads: the preview adds up (tiers, segments and value bands each hold every customer and all revenue)', () => {
    const r = readDraft(hotel, 'hotel.json', 'en', '1');
    if (!r.ok) throw new Error(r.errors[0]!.message);
    const p = r.preview;
    const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
    expect(p.customers).toBe(3000);
    expect(sum(p.tiers.map((t) => t.customers))).toBe(p.customers);
    expect(sum(p.segments.map((s) => s.customers))).toBe(p.customers);
    expect(sum(p.bands.counts)).toBe(p.customers);
    expect(sum(p.bands.revenue)).toBeCloseTo(p.revenue, 0);
    expect(sum(p.tiers.map((t) => t.revenue))).toBeCloseTo(p.revenue, 0);
    expect(p.firm).toMatchObject({ cash: 6_000_000, budget: 700_000, headcount: 160, staffHours: 160 * 115 });
    // The hotel's Pareto: a minority of guests makes 80% of revenue, as the course says.
    expect(p.analytics.shareFor80).toBeGreaterThan(0.1);
    expect(p.analytics.shareFor80).toBeLessThan(0.5);
    expect(p.variants).toBe(3);
  });

  it('the same draft and seed give the same preview; another seed draws other customers', () => {
    const a = readDraft(hotel, 'hotel.json', 'en', '1');
    const b = readDraft(hotel, 'hotel.json', 'en', '1');
    const c = readDraft(hotel, 'hotel.json', 'en', '2');
    expect(a).toEqual(b);
    expect(a.ok && c.ok && a.preview.revenue !== c.preview.revenue).toBe(true);
  });

  it('a draft that does not load: the loader\'s errors at their line and column, in the reader\'s language', () => {
    const broken = hotel.replace('"headcount": 160', '"headcount": -5');
    const line = broken.slice(0, broken.indexOf('"headcount": -5')).split('\n').length;
    const en = readDraft(broken, 'draft.json', 'en', '1');
    const zh = readDraft(broken, 'draft.json', 'zh-CN', '1');
    expect(en.ok).toBe(false);
    if (en.ok || zh.ok) return;
    expect(en.errors[0]).toMatchObject({ path: 'firm.headcount', line });
    expect(en.errors[0]!.message).toContain('draft.json');
    expect(zh.errors[0]!.message).not.toBe(en.errors[0]!.message);
  });

  it('value bands step 1-2-5 from below the smallest value to the largest', () => {
    expect(bandEdges([150, 900, 4200])).toEqual([0, 200, 500, 1000, 2000]);
    expect(valueBands([150, 900, 4200]).counts).toEqual([1, 0, 1, 0, 1]);
    expect(bandEdges([])).toEqual([0]);
    // A very wide spread keeps at most 14 bands.
    expect(bandEdges([1, 1e9]).length).toBeLessThanOrEqual(14);
  });
});
