/**
 * Where every customer of a CustomerBaseFrame stands: the firm's tier pyramid (a trapezoid
 * cut into one band per tier, each band's area in proportion to its customers; its top is
 * wide enough that a band's height is close to its share too, so a small top tier does not
 * read as a big band), the market
 * on the left (where newcomers come from) and the rival on the right (where lapsed customers
 * go). Pure and deterministic, so the scene, the labels and the tests agree on every point.
 *
 * A customer who stays in its tier keeps its place for the whole quarter; the cells of a band
 * come from a low-discrepancy (R2) sequence, so those who stay take the first cells and stay
 * evenly spread however many leave.
 */
import type { CustomerBaseFrame } from '../../worker/protocol';
import { hash01 } from '../hash';

export const NO_TIER = 255;

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** One tier's band of the pyramid, top (tier 0) to bottom. */
export interface Band {
  tier: number;
  y0: number;
  y1: number;
  /** Cells the band offers (the most customers it holds at any time in the quarter). */
  capacity: number;
  /** Distance between neighbouring cells, px. */
  spacing: number;
}

export interface BaseGeometry {
  width: number;
  height: number;
  market: Rect;
  rival: Rect;
  /** The pyramid: centre x, top and bottom y, width at the top and at the bottom. */
  cx: number;
  top: number;
  bottom: number;
  topWidth: number;
  bottomWidth: number;
  bands: Band[];
  /** Radius of a small dot, px; medium and large dots are DOT_SCALE times it. */
  radius: number;
}

/** Dot radius of each size class relative to the small one. */
export const DOT_SCALE = [1, 1.45, 2] as const;
/** Share of customers drawn large and medium, by revenue rank (the heavy tail made visible). */
const LARGE_SHARE = 0.05;
const MEDIUM_SHARE = 0.15;
/** Largest and smallest small-dot radius, px. */
const MAX_RADIUS = 9;
const MIN_RADIUS = 1.6;
/** An empty tier still gets a thin band, so its label has a place: this share of the pyramid. */
const MIN_BAND_SHARE = 0.04;
/**
 * The pyramid's top width as a share of its bottom width. A sharp apex (a sixth) gave a top tier
 * of a tenth of the customers a quarter of the height; at this share a band's height is within
 * about 0.7 to 1.6 times its share of the customers, and the top still reads as the narrow end.
 */
export const TOP_WIDTH_SHARE = 0.45;

/** Width of the pyramid at `y`. */
export function widthAt(g: Pick<BaseGeometry, 'top' | 'bottom' | 'topWidth' | 'bottomWidth'>, y: number): number {
  const f = g.bottom > g.top ? (y - g.top) / (g.bottom - g.top) : 0;
  return g.topWidth + (g.bottomWidth - g.topWidth) * Math.min(1, Math.max(0, f));
}

/** Area of the pyramid between its top and `y`. */
function areaTo(g: Pick<BaseGeometry, 'top' | 'bottom' | 'topWidth' | 'bottomWidth'>, y: number): number {
  const h = y - g.top;
  return h * (g.topWidth + widthAt(g, y)) * 0.5;
}

/** The `y` below which the pyramid has area `area` (the inverse of areaTo). */
function yForArea(g: Pick<BaseGeometry, 'top' | 'bottom' | 'topWidth' | 'bottomWidth'>, area: number): number {
  const H = g.bottom - g.top;
  const a = g.topWidth;
  const k = (g.bottomWidth - a) / H; // width grows by k per px
  if (Math.abs(k) < 1e-9) return g.top + area / a;
  // area = a*h + k*h^2/2
  const h = (-a + Math.sqrt(a * a + 2 * k * area)) / k;
  return g.top + Math.min(H, Math.max(0, h));
}

/**
 * The geometry for a canvas of `width` x `height` px and the cells each tier needs
 * (`capacity[t]`), plus `rivalCount` places in the rival's corner.
 */
export function baseGeometry(width: number, height: number, capacity: readonly number[]): BaseGeometry {
  const pad = Math.max(8, Math.round(height * 0.03));
  const market: Rect = { x: pad, y: pad + height * 0.2, w: width * 0.09, h: height * 0.6 - 2 * pad };
  const rival: Rect = { x: width * 0.86, y: pad + height * 0.12, w: width * 0.14 - pad, h: height * 0.76 - 2 * pad };
  const left = market.x + market.w + width * 0.03;
  // Room on the right of the pyramid for the tier labels.
  const right = rival.x - width * 0.12;
  const shape = { top: pad, bottom: height - pad, topWidth: (right - left) * TOP_WIDTH_SHARE, bottomWidth: right - left };
  const total = capacity.reduce((a, b) => a + b, 0);
  const shares = capacity.map((c) => Math.max(total > 0 ? c / total : 1 / capacity.length, MIN_BAND_SHARE));
  const shareSum = shares.reduce((a, b) => a + b, 0);
  const full = areaTo(shape, shape.bottom);
  const bands: Band[] = [];
  let acc = 0;
  let y0 = shape.top;
  for (let t = 0; t < capacity.length; t++) {
    acc += shares[t]! / shareSum;
    const y1 = t === capacity.length - 1 ? shape.bottom : yForArea(shape, acc * full);
    const area = areaTo(shape, y1) - areaTo(shape, y0);
    bands.push({ tier: t, y0, y1, capacity: capacity[t]!, spacing: capacity[t]! > 0 ? Math.sqrt(area / capacity[t]!) : y1 - y0 });
    y0 = y1;
  }
  // The densest band decides the dot size: about a third of the spacing of its cells.
  let spacing = Infinity;
  for (const b of bands) if (b.capacity > 0) spacing = Math.min(spacing, b.spacing);
  const radius = Math.min(MAX_RADIUS, Math.max(MIN_RADIUS, Number.isFinite(spacing) ? spacing * 0.34 : MAX_RADIUS));
  return { width, height, market, rival, cx: (left + right) / 2, ...shape, bands, radius };
}

const G = 1.324717957244746; // the plastic number: the R2 sequence
const A1 = 1 / G;
const A2 = 1 / (G * G);

/** `v` folded back into [lo, hi] at its ends, like a reflection (lo if the range is empty). */
function fold(v: number, lo: number, hi: number): number {
  const span = hi - lo;
  if (!(span > 0)) return lo;
  let t = (v - lo) % (2 * span);
  if (t < 0) t += 2 * span;
  return lo + (t <= span ? t : 2 * span - t);
}

/**
 * Cell `i` of `band` (an R2 point mapped area-uniformly into the band), kept off its edges by
 * the largest dot's radius: no dot reaches past the pyramid's sides, its top or its bottom
 * (a band too thin for that keeps its dots in its middle 30%).
 */
export function cellOf(g: BaseGeometry, band: Band, i: number, out: { x: number; y: number }): void {
  const u = (0.5 + A1 * (i + 1)) % 1;
  const v = (0.5 + A2 * (i + 1)) % 1;
  const R = g.radius * DOT_SCALE[2];
  const inset = Math.min(R + 1, (band.y1 - band.y0) * 0.35);
  const ya = band.y0 + inset;
  const yb = Math.max(ya, band.y1 - inset);
  const a0 = areaTo(g, ya);
  const a1 = areaTo(g, yb);
  // Jitter of about a cell hides the sequence's lattice (diagonal stripes) without clumping;
  // jitter past an edge folds back inside, so cells never pile up on the edge (one hiding another).
  // A band of a few cells shows no lattice: less jitter, so two of them never land on each other.
  const j = band.spacing * 0.9 * Math.min(1, band.capacity / 20);
  const y = fold(yForArea(g, a0 + v * (a1 - a0)) + (hash01(i * 2 + band.tier * 65_537) - 0.5) * j, ya, yb);
  // The pyramid widens downwards: the dot's top edge meets the narrower width above it.
  const w = Math.max(0, widthAt(g, y - R) - 2 * R);
  out.x = g.cx + fold(u - 0.5 + ((hash01(i * 2 + 1 + band.tier * 65_537) - 0.5) * j) / Math.max(1, w), -0.5, 0.5) * w;
  out.y = y;
}

/** Place `i` of `count` in a rectangle, filled column by column from the side nearest the pyramid. */
export function slotIn(r: Rect, i: number, count: number, out: { x: number; y: number }, fromRight = false): void {
  const n = Math.max(1, count);
  // Columns and rows in the rectangle's aspect ratio.
  const cols = Math.max(1, Math.round(Math.sqrt((n * r.w) / Math.max(1, r.h))));
  const rows = Math.max(1, Math.ceil(n / cols));
  const col = Math.floor(i / rows);
  const row = i % rows;
  const cw = r.w / cols;
  const rh = r.h / rows;
  const cx = fromRight ? r.x + r.w - (col + 0.5) * cw : r.x + (col + 0.5) * cw;
  out.x = cx;
  out.y = r.y + (row + 0.5) * rh;
}

/** What happens to a customer during the quarter. */
export type Role = 'stay' | 'move' | 'lapse' | 'arrive';

export function roleOf(from: number, to: number): Role {
  if (from === NO_TIER) return 'arrive';
  if (to === NO_TIER) return 'lapse';
  return from === to ? 'stay' : 'move';
}

/** Every customer's place at the start (x0, y0) and the end (x1, y1) of the quarter. */
export interface BaseLayout {
  geometry: BaseGeometry;
  x0: Float32Array;
  y0: Float32Array;
  x1: Float32Array;
  y1: Float32Array;
  /** Size class 0 small, 1 medium, 2 large (by revenue rank). */
  size: Uint8Array;
  /** Frame indexes by role. */
  movers: Int32Array;
  lapsers: Int32Array;
  arrivals: Int32Array;
  /** Customers in each tier band at the start and at the end (in the frame), and lapsed. */
  before: number[];
  after: number[];
  lapsed: number;
}

type FrameFields = Pick<CustomerBaseFrame, 'size' | 'from' | 'to' | 'arrival' | 'referrer' | 'revenue' | 'tierCount' | 'tierCountBefore'>;

/** Lays out `frame` on a canvas of `width` x `height`. */
export function layoutBase(frame: FrameFields, width: number, height: number): BaseLayout {
  const n = frame.size;
  const bandsCount = Math.max(1, frame.tierCount, frame.tierCountBefore);
  const before = new Array<number>(bandsCount).fill(0);
  const after = new Array<number>(bandsCount).fill(0);
  const stay = new Array<number>(bandsCount).fill(0);
  const movers: number[] = [];
  const lapsers: number[] = [];
  const arrivals: number[] = [];
  for (let k = 0; k < n; k++) {
    const f = frame.from[k]!;
    const t = frame.to[k]!;
    if (f !== NO_TIER && f < bandsCount) before[f]!++;
    if (t !== NO_TIER && t < bandsCount) after[t]!++;
    const role = roleOf(f, t);
    if (role === 'stay') stay[f]!++;
    else if (role === 'move') movers.push(k);
    else if (role === 'lapse') lapsers.push(k);
    else if (t !== NO_TIER) arrivals.push(k);
  }
  const capacity = before.map((b, t) => Math.max(b, after[t]!));
  const g = baseGeometry(width, height, capacity);
  const x0 = new Float32Array(n).fill(NaN);
  const y0 = new Float32Array(n).fill(NaN);
  const x1 = new Float32Array(n).fill(NaN);
  const y1 = new Float32Array(n).fill(NaN);
  const p = { x: 0, y: 0 };
  // Stayers take the first cells of their band; those who leave a band and those who come
  // into it share the cells after them (the leavers go before the comers arrive).
  const nextStay = new Array<number>(bandsCount).fill(0);
  const nextOut = stay.slice();
  const nextIn = stay.slice();
  for (let k = 0; k < n; k++) {
    const f = frame.from[k]!;
    const t = frame.to[k]!;
    if (f !== NO_TIER && f < bandsCount) {
      const i = t === f ? nextStay[f]!++ : nextOut[f]!++;
      cellOf(g, g.bands[f]!, i, p);
      x0[k] = p.x;
      y0[k] = p.y;
      if (t === f) {
        x1[k] = p.x;
        y1[k] = p.y;
      }
    }
    if (t !== NO_TIER && t < bandsCount && t !== f) {
      cellOf(g, g.bands[t]!, nextIn[t]!++, p);
      x1[k] = p.x;
      y1[k] = p.y;
    }
  }
  // Lapsed customers end at the rival; customers won back start there, below them.
  const wonBack = arrivals.filter((k) => frame.arrival[k] === 3);
  const rivalCount = lapsers.length + wonBack.length;
  lapsers.forEach((k, i) => {
    slotIn(g.rival, i, rivalCount, p);
    x1[k] = p.x;
    y1[k] = p.y;
  });
  wonBack.forEach((k, i) => {
    slotIn(g.rival, lapsers.length + i, rivalCount, p);
    x0[k] = p.x;
    y0[k] = p.y;
  });
  // Newcomers come from the market, a referred one from the customer who referred it.
  const fromMarket = arrivals.filter((k) => frame.arrival[k] !== 3 && !(frame.referrer[k]! >= 0 && !Number.isNaN(x1[frame.referrer[k]!]!)));
  fromMarket.forEach((k, i) => {
    slotIn(g.market, i, fromMarket.length, p, true);
    x0[k] = p.x;
    y0[k] = p.y;
  });
  for (const k of arrivals) {
    const r = frame.referrer[k]!;
    if (frame.arrival[k] !== 3 && r >= 0 && !Number.isNaN(x1[r]!)) {
      x0[k] = x1[r]!;
      y0[k] = y1[r]!;
    }
  }
  return { geometry: g, x0, y0, x1, y1, size: sizeClasses(frame.revenue, n), movers: Int32Array.from(movers), lapsers: Int32Array.from(lapsers), arrivals: Int32Array.from(arrivals), before, after, lapsed: lapsers.length };
}

/** Size class by revenue rank: the top LARGE_SHARE large, the next MEDIUM_SHARE medium (ties by index). */
export function sizeClasses(revenue: Float32Array, n: number): Uint8Array {
  const order = Array.from({ length: n }, (_, k) => k).sort((a, b) => revenue[b]! - revenue[a]! || a - b);
  const out = new Uint8Array(n);
  const large = Math.round(n * LARGE_SHARE);
  const medium = Math.round(n * (LARGE_SHARE + MEDIUM_SHARE));
  for (let r = 0; r < n; r++) {
    const k = order[r]!;
    if (revenue[k]! <= 0) continue;
    out[k] = r < large ? 2 : r < medium ? 1 : 0;
  }
  return out;
}
