import { describe, expect, it } from 'vitest';
import { Carver, carve } from './carve';

describe('carving typed arrays out of one buffer', () => {
  it('gives each array its own room on an 8-byte boundary, in a buffer of exactly their size, all zero', () => {
    for (const n of [0, 1, 3, 5, 8, 1001]) {
      const got = carve((m) => ({ a: m.u8(n), b: m.f64(n), c: m.u16(n + 1), d: m.i32(n), e: m.f32(3), f: m.u32(n), g: m.u8(1) }));
      const arrays = [got.a, got.b, got.c, got.d, got.e, got.f, got.g];
      const lengths = [n, n, n + 1, n, 3, n, 1];
      const buf = got.a.buffer;
      let end = 0;
      arrays.forEach((x, k) => {
        expect(x.buffer).toBe(buf);
        expect(x.length).toBe(lengths[k]);
        expect(x.byteOffset % 8).toBe(0);
        expect(x.byteOffset).toBe(end);
        end = x.byteOffset + Math.ceil(x.byteLength / 8) * 8;
        expect(Array.from(x).every((v) => v === 0)).toBe(true);
      });
      expect(buf.byteLength).toBe(end);
      // Writing every element of each array leaves the others as they were.
      arrays.forEach((x, k) => x.fill(k + 1));
      arrays.forEach((x, k) => expect(Array.from(x).every((v) => v === k + 1)).toBe(true));
    }
  });
  it('only measures without a buffer: every array empty, the room counted all the same', () => {
    const m = new Carver(null);
    expect(m.f64(10).length).toBe(0);
    expect(m.u8(3).length).toBe(0);
    m.skip(2, 5);
    expect(m.at).toBe(80 + 8 + 16);
  });
});
