/**
 * Finding customers on the picture: the one under the pointer, and the keyboard's way
 * around it (Left/Right along a tier, Up/Down to the tier above or below, Home/End).
 * Pure: positions in, frame index out.
 */

/** Positions of the customers on the picture now (NaN: not shown). */
export interface Points {
  x: Float32Array;
  y: Float32Array;
  /** Group of each customer: its tier band, or `groups - 1` for the rival's corner; -1 hidden. */
  group: Int16Array;
  groups: number;
}

/** The shown customer nearest to (px, py) within `radius`, or -1. */
export function pick(p: Points, px: number, py: number, radius: number): number {
  let best = -1;
  let bestD = radius * radius;
  for (let k = 0; k < p.x.length; k++) {
    if (p.group[k]! < 0) continue;
    const dx = p.x[k]! - px;
    const dy = p.y[k]! - py;
    const d = dx * dx + dy * dy;
    if (d <= bestD) {
      bestD = d;
      best = k;
    }
  }
  return best;
}

export type NavKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'Home' | 'End';
export const NAV_KEYS: readonly NavKey[] = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'];

/** Each group's customers in reading order (by x, then y, then index). */
export function groupOrder(p: Points): Int32Array[] {
  const lists: number[][] = Array.from({ length: p.groups }, () => []);
  for (let k = 0; k < p.x.length; k++) {
    const g = p.group[k]!;
    if (g >= 0 && g < p.groups) lists[g]!.push(k);
  }
  return lists.map((l) => Int32Array.from(l.sort((a, b) => p.x[a]! - p.x[b]! || p.y[a]! - p.y[b]! || a - b)));
}

/**
 * The customer the key leads to from `current` (-1: none focused yet, which starts at the
 * first customer of the top non-empty group). Stays put at an edge.
 */
export function navigate(p: Points, order: readonly Int32Array[], current: number, key: NavKey): number {
  const nonEmpty = order.map((l, g) => (l.length > 0 ? g : -1)).filter((g) => g >= 0);
  if (nonEmpty.length === 0) return -1;
  if (current < 0 || p.group[current]! < 0) return order[nonEmpty[0]!]![0]!;
  const g = p.group[current]!;
  const list = order[g]!;
  const i = list.indexOf(current);
  switch (key) {
    case 'ArrowRight':
      return list[Math.min(list.length - 1, i + 1)]!;
    case 'ArrowLeft':
      return list[Math.max(0, i - 1)]!;
    case 'Home':
      return list[0]!;
    case 'End':
      return list[list.length - 1]!;
    case 'ArrowUp':
    case 'ArrowDown': {
      const at = nonEmpty.indexOf(g);
      const to = nonEmpty[key === 'ArrowUp' ? at - 1 : at + 1];
      if (to === undefined) return current;
      // The customer of that group nearest in x.
      let best = -1;
      let bestD = Infinity;
      for (const k of order[to]!) {
        const d = Math.abs(p.x[k]! - p.x[current]!);
        if (d < bestD) {
          bestD = d;
          best = k;
        }
      }
      return best;
    }
    default: {
      const never: never = key;
      return never;
    }
  }
}
