/**
 * Typed arrays carved out of one buffer, one after another, each starting on an 8-byte boundary
 * (so an array of any element type may follow any other). Allocating a buffer costs far more
 * than a view of one: the customer table's 39 columns and a round's two dozen small arrays are
 * one allocation each, and a small table's copy is one memory copy.
 */
// What a measuring carver returns: one empty array of each type, shared (measuring allocates nothing).
const NOTHING = new ArrayBuffer(0);
const EMPTY_F64 = new Float64Array(NOTHING);
const EMPTY_F32 = new Float32Array(NOTHING);
const EMPTY_I32 = new Int32Array(NOTHING);
const EMPTY_U32 = new Uint32Array(NOTHING);
const EMPTY_U16 = new Uint16Array(NOTHING);
const EMPTY_U8 = new Uint8Array(NOTHING);

// Each type has its own method, each with its own `new` of one constructor: the engine makes
// those views fast, where one generic `new ctor(...)` for every type would not be.
export class Carver {
  /** Bytes carved so far: where the next array starts. */
  at = 0;
  /** Carves out of `buf`; with null only measures, and every array it returns is empty. */
  constructor(private readonly buf: ArrayBuffer | null) {}
  /** Room for `n` elements of `bytesPerElement` bytes, without a view of it. */
  skip(bytesPerElement: number, n: number): void {
    this.at += Math.ceil((n * bytesPerElement) / 8) * 8;
  }
  f64(n: number): Float64Array {
    const a = this.buf ? new Float64Array(this.buf, this.at, n) : EMPTY_F64;
    this.skip(8, n);
    return a;
  }
  f32(n: number): Float32Array {
    const a = this.buf ? new Float32Array(this.buf, this.at, n) : EMPTY_F32;
    this.skip(4, n);
    return a;
  }
  i32(n: number): Int32Array {
    const a = this.buf ? new Int32Array(this.buf, this.at, n) : EMPTY_I32;
    this.skip(4, n);
    return a;
  }
  u32(n: number): Uint32Array {
    const a = this.buf ? new Uint32Array(this.buf, this.at, n) : EMPTY_U32;
    this.skip(4, n);
    return a;
  }
  u16(n: number): Uint16Array {
    const a = this.buf ? new Uint16Array(this.buf, this.at, n) : EMPTY_U16;
    this.skip(2, n);
    return a;
  }
  u8(n: number): Uint8Array {
    const a = this.buf ? new Uint8Array(this.buf, this.at, n) : EMPTY_U8;
    this.skip(1, n);
    return a;
  }
}

/**
 * The arrays `build` carves, in a buffer of exactly their size: `build` runs twice, first on a
 * carver that only measures, then on one over a new, zeroed buffer, so the size is never stated
 * apart from the carving.
 */
export function carve<T>(build: (m: Carver) => T): T {
  const probe = new Carver(null);
  build(probe);
  return build(new Carver(new ArrayBuffer(probe.at)));
}
