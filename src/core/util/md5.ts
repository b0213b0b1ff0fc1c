/**
 * MD5 (RFC 1321) of a few small inputs, in JS: the digests Guild records
 * (`sourcecode_digest`) are MD5, and node:crypto costs more to load than a
 * project's source files cost to hash here. Inputs over SMALL_BYTES go to
 * node:crypto, which is faster on large data.
 */
import { nodeCrypto } from "./node-crypto.js";

const SMALL_BYTES = 256 * 1024;

/** Hex MD5 of the parts in order (strings as UTF-8). */
export function md5Hex(parts: readonly (string | Uint8Array)[]): string {
  const bufs = parts.map((p) => (typeof p === "string" ? Buffer.from(p, "utf8") : p));
  const total = bufs.reduce((n, b) => n + b.length, 0);
  if (total > SMALL_BYTES) {
    const hash = nodeCrypto().createHash("md5");
    for (const b of bufs) hash.update(b);
    return hash.digest("hex");
  }
  return md5Small(Buffer.concat(bufs));
}

// Per-step left rotations, and K[i] = floor(2^32 * |sin(i + 1)|).
const SHIFTS = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
const K = Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) >>> 0);

export function md5Small(data: Uint8Array): string {
  // Padding: 0x80, zeros to 56 mod 64, then the bit length (64-bit little-endian).
  const padded = Buffer.alloc((((data.length + 8) >> 6) + 1) << 6);
  padded.set(data);
  padded[data.length] = 0x80;
  const bits = data.length * 8;
  padded.writeUInt32LE(bits >>> 0, padded.length - 8);
  padded.writeUInt32LE(Math.floor(bits / 2 ** 32) >>> 0, padded.length - 4);
  const state = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476];
  const m = new Int32Array(16);
  for (let off = 0; off < padded.length; off += 64) {
    for (let j = 0; j < 16; j++) m[j] = padded.readInt32LE(off + j * 4);
    compress(state, m);
  }
  const out = Buffer.alloc(16);
  state.forEach((word, j) => out.writeInt32LE(word | 0, j * 4));
  return out.toString("hex");
}

function compress(state: number[], m: Int32Array): void {
  let [a, b, c, d] = state as [number, number, number, number];
  for (let i = 0; i < 64; i++) {
    let f: number;
    let g: number;
    if (i < 16) {
      f = (b & c) | (~b & d);
      g = i;
    } else if (i < 32) {
      f = (d & b) | (~d & c);
      g = (5 * i + 1) & 15;
    } else if (i < 48) {
      f = b ^ c ^ d;
      g = (3 * i + 5) & 15;
    } else {
      f = c ^ (b | ~d);
      g = (7 * i) & 15;
    }
    f = (f + a + (K[i] as number) + (m[g] as number)) | 0;
    a = d;
    d = c;
    c = b;
    const s = SHIFTS[((i >> 4) << 2) + (i & 3)] as number;
    b = (b + ((f << s) | (f >>> (32 - s)))) | 0;
  }
  state[0] = ((state[0] as number) + a) | 0;
  state[1] = ((state[1] as number) + b) | 0;
  state[2] = ((state[2] as number) + c) | 0;
  state[3] = ((state[3] as number) + d) | 0;
}
