/** Text as the bytes other editors save it in, for the tests of the one file reader. */

/** `s` as UTF-8 bytes. */
export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** `s` as UTF-16 code units, little or big endian, with a byte-order mark unless `bom` is false (Notepad's "Unicode"). */
export function utf16(s: string, little: boolean, bom = true): Uint8Array {
  const units = bom ? [0xfeff] : [];
  for (let i = 0; i < s.length; i++) units.push(s.charCodeAt(i));
  const out = new Uint8Array(units.length * 2);
  units.forEach((u, i) => {
    out[2 * i + (little ? 0 : 1)] = u & 0xff;
    out[2 * i + (little ? 1 : 0)] = u >> 8;
  });
  return out;
}
