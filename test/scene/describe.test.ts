// What the customer-base scene tells the page: a failure's marks follow its outcome as the
// engine names it; a card carries the frame's own facts and true satisfaction only in the
// reveal; labels sit beside their bands; the summary counts what the frame holds.
import { describe, expect, it } from 'vitest';
import { OUTCOME_NAMES } from '../../src/sim/report';
import { ringsFor } from '../../src/scene/base/atlas';
import { cardOf, labelsOf, summaryOf } from '../../src/scene/base/describe';
import { layoutBase, widthAt } from '../../src/scene/base/layout';
import type { CustomerBaseFrame } from '../../src/worker/protocol';

describe('ringsFor', () => {
  it('marks every outcome by what the customer did and what the firm did about it', () => {
    OUTCOME_NAMES.forEach((name, o) => {
      const rings = ringsFor(o);
      if (name === 'none') return expect(rings).toEqual([]);
      expect(rings[0]).toBe('failure');
      const complained = !name.startsWith('silent');
      expect(rings.includes('bubble')).toBe(complained);
      expect(rings.includes('recovered')).toBe(name.startsWith('resolved') || name.startsWith('quick'));
      expect(rings.includes('unresolved')).toBe(name.startsWith('unresolved'));
    });
  });
});

/** Three customers: 0 stays in tier 0, 1 lapses from tier 1, 2 arrives referred by 0 into tier 1. */
function frame(truth: Float32Array | null): CustomerBaseFrame {
  return {
    round: 3, tierCount: 2, tierCountBefore: 2, populationBefore: 2, population: 2, size: 3, sampled: false,
    id: Int32Array.of(10, 11, 40),
    from: Uint8Array.of(0, 1, 255),
    to: Uint8Array.of(0, 255, 1),
    arrival: Uint8Array.of(0, 0, 2),
    referrer: Int32Array.of(-1, -1, 0),
    outcome: Uint8Array.of(0, 4, 0),
    contactLeft: Uint8Array.of(0, 1, 0),
    revenue: Float32Array.of(900, 50, 10),
    joined: Uint16Array.of(0, 1, 3),
    source: Uint8Array.of(0, 1, 2),
    counts: [1, 1, 0, 0, 1, 0, 1, 1, 0, 1],
    truth,
  };
}

describe('cardOf', () => {
  it('names the referrer by id and says whether the employee left', () => {
    const c = cardOf(frame(null), 2, 5, 6, false, true);
    expect(c).toMatchObject({ id: 40, x: 5, y: 6, from: 255, to: 1, arrival: 2, referrerId: 10, truth: null, focused: true });
    expect(cardOf(frame(null), 1, 0, 0, false, false)).toMatchObject({ id: 11, outcome: 4, contactLeft: true, referrerId: -1 });
  });
  it('shows true satisfaction only when the reveal is on and the frame has it', () => {
    const truth = Float32Array.of(81, 22, 64);
    expect(cardOf(frame(truth), 0, 0, 0, true, false).truth).toBe(81);
    expect(cardOf(frame(truth), 0, 0, 0, false, false).truth).toBeNull();
    expect(cardOf(frame(null), 0, 0, 0, true, false).truth).toBeNull();
  });
});

describe('labelsOf and summaryOf', () => {
  it('puts each tier label just right of its band, offset by the viewport, with the band’s customers', () => {
    const f = frame(null);
    const L = layoutBase(f, 800, 500);
    const labels = labelsOf(L, { x: 100, y: 20 });
    expect(labels.tiers.map((t) => t.tier)).toEqual([0, 1]);
    labels.tiers.forEach((t, i) => {
      const b = L.geometry.bands[i]!;
      expect(t.y - 20).toBeCloseTo((b.y0 + b.y1) / 2, 6);
      expect(t.x - 100).toBeGreaterThan(L.geometry.cx + widthAt(L.geometry, t.y - 20) / 2);
    });
    expect(labels.tiers.map((t) => t.after)).toEqual([1, 1]);
    expect(labels.rival.lapsed).toBe(1);
  });
  it('summarises the frame: shown, per tier at the end, the firm’s counts, whether it can reveal', () => {
    const s = summaryOf(frame(null), layoutBase(frame(null), 800, 500));
    expect(s).toMatchObject({ round: 3, shown: 3, population: 2, sampled: false, perTier: [1, 1], canReveal: false });
    expect(s.counts).toEqual(frame(null).counts);
    expect(summaryOf(frame(Float32Array.of(1, 2, 3)), layoutBase(frame(null), 800, 500)).canReveal).toBe(true);
  });
});
