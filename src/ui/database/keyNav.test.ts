import { describe, expect, it } from 'vitest';
import { moveActive } from './keyNav';

describe('moveActive', () => {
  it('moves one row with the arrows and stops at the ends', () => {
    expect(moveActive(5, 'ArrowDown', 10, 4)).toBe(6);
    expect(moveActive(5, 'ArrowUp', 10, 4)).toBe(4);
    expect(moveActive(9, 'ArrowDown', 10, 4)).toBe(9);
    expect(moveActive(0, 'ArrowUp', 10, 4)).toBe(0);
  });

  it('moves a page with Page Up/Down, clamped to the rows', () => {
    expect(moveActive(2, 'PageDown', 100, 15)).toBe(17);
    expect(moveActive(95, 'PageDown', 100, 15)).toBe(99);
    expect(moveActive(10, 'PageUp', 100, 15)).toBe(0);
    // A page is at least one row.
    expect(moveActive(10, 'PageDown', 100, 0)).toBe(11);
  });

  it('jumps to the first and last row with Home and End', () => {
    expect(moveActive(50, 'Home', 200_000, 15)).toBe(0);
    expect(moveActive(50, 'End', 200_000, 15)).toBe(199_999);
  });

  it('starts at the first row (the last for Up and End) when none is active yet', () => {
    expect(moveActive(-1, 'ArrowDown', 10, 4)).toBe(0);
    expect(moveActive(-1, 'ArrowUp', 10, 4)).toBe(9);
    expect(moveActive(-1, 'End', 10, 4)).toBe(9);
    // An active row beyond a shrunken list counts as none.
    expect(moveActive(40, 'ArrowDown', 10, 4)).toBe(0);
  });

  it('ignores other keys and empty tables', () => {
    expect(moveActive(3, 'Enter', 10, 4)).toBeNull();
    expect(moveActive(3, 'a', 10, 4)).toBeNull();
    expect(moveActive(0, 'ArrowDown', 0, 4)).toBeNull();
  });
});
