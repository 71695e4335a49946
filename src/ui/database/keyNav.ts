/**
 * Keyboard movement of the table's active row: Up/Down one row, Page Up/Down one page,
 * Home/End the first and last row. Pure, so the grid only applies the result.
 */

export type NavKey = 'ArrowUp' | 'ArrowDown' | 'PageUp' | 'PageDown' | 'Home' | 'End';

const NAV_KEYS: ReadonlySet<string> = new Set<NavKey>(['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End']);

export function isNavKey(key: string): key is NavKey {
  return NAV_KEYS.has(key);
}

/**
 * The active row after `key`, given the current one (-1: none yet), the number of rows and
 * the rows per page; null when the key does not move (not a navigation key, or no rows).
 */
export function moveActive(active: number, key: string, count: number, pageRows: number): number | null {
  if (!isNavKey(key) || count <= 0) return null;
  const page = Math.max(1, Math.floor(pageRows));
  const last = count - 1;
  // With no active row yet, every movement key starts somewhere sensible rather than skipping a row.
  if (active < 0 || active > last) {
    if (key === 'End') return last;
    return key === 'ArrowUp' || key === 'PageUp' ? last : 0;
  }
  let next: number;
  switch (key) {
    case 'ArrowUp':
      next = active - 1;
      break;
    case 'ArrowDown':
      next = active + 1;
      break;
    case 'PageUp':
      next = active - page;
      break;
    case 'PageDown':
      next = active + page;
      break;
    case 'Home':
      next = 0;
      break;
    case 'End':
      next = last;
      break;
    default: {
      const never: never = key;
      return never;
    }
  }
  return Math.min(last, Math.max(0, next));
}
