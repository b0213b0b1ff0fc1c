/**
 * A small seeded pseudo-random generator (xoshiro128**, seeded through
 * splitmix32), so a sweep drawn with `--random-seed N` is drawn the same
 * way every time. The numbers differ from Python's or numpy's: a seed
 * reproduces our own sweeps, not Guild AI's.
 */

export type Rng = () => number;

/** Uniform floats in [0, 1) for a seed (any integer; Guild's are in [0, 2^32]). */
export function seededRandom(seed: number): Rng {
  let s = (Math.trunc(seed) >>> 0) ^ Math.trunc(seed / 2 ** 32);
  const next32 = () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  const state = [next32(), next32(), next32(), next32()] as [number, number, number, number];
  const rotl = (x: number, k: number) => (x << k) | (x >>> (32 - k));
  const nextState = (): number => {
    const result = Math.imul(rotl(Math.imul(state[1], 5), 7), 9) >>> 0;
    const t = state[1] << 9;
    state[2] ^= state[0];
    state[3] ^= state[1];
    state[1] ^= state[2];
    state[0] ^= state[3];
    state[2] ^= t;
    state[3] = rotl(state[3], 11);
    return result;
  };
  // 53 random bits, as Python's random() has.
  return () => ((nextState() >>> 5) * 2 ** 26 + (nextState() >>> 6)) / 2 ** 53;
}

/** An index in [0, n). */
export function randomIndex(rng: Rng, n: number): number {
  return Math.min(n - 1, Math.floor(rng() * n));
}

/** `count` distinct indices of [0, n), in increasing order. */
export function sampleIndices(rng: Rng, n: number, count: number): number[] {
  const pool = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < Math.min(count, n); i++) {
    const j = i + randomIndex(rng, n - i);
    [pool[i], pool[j]] = [pool[j] as number, pool[i] as number];
  }
  return pool.slice(0, Math.min(count, n)).sort((a, b) => a - b);
}
