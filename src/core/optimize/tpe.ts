/**
 * The Tree-structured Parzen Estimator (Bergstra et al. 2011; Optuna's
 * default sampler), multivariate: the trials are split into the best
 * quarter ("good") and the rest, each set becomes a kernel density in the
 * unit cube (a truncated normal per trial and dimension, plus a uniform
 * prior component), and of the candidates drawn from the good density the
 * one with the highest ratio good/bad is proposed.
 */
import type { Rng } from "../util/seeded-random.js";
import { normalCdf, normalPdf } from "./normal.js";

export interface ParzenDensity {
  centers: readonly (readonly number[])[];
  bandwidths: readonly number[];
}

export const TPE_CANDIDATES = 24;

/** Optuna's default gamma: the best ⌈n/10⌉ trials, at most 25. */
export function goodCount(n: number): number {
  return Math.min(25, Math.max(1, Math.ceil(0.1 * n)));
}

/** A density over the points, its bandwidths from Scott's rule (per dimension, clipped). */
export function parzenDensity(points: readonly (readonly number[])[], dims: number): ParzenDensity {
  const n = points.length;
  const bandwidths = Array.from({ length: dims }, (_, d) => {
    const values = points.map((p) => p[d] as number);
    const mean = values.reduce((a, b) => a + b, 0) / Math.max(n, 1);
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(n, 1));
    const scott = 1.06 * (sd || 0.5) * Math.pow(Math.max(n, 1), -1 / (dims + 4));
    return Math.min(1, Math.max(scott, 1 / Math.min(100, n + 10)));
  });
  return { centers: points, bandwidths };
}

/** Log density at x: mixture of the centers' truncated normals and a uniform prior, equal weights. */
export function logDensity(density: ParzenDensity, x: readonly number[]): number {
  let total = 1; // the uniform prior's density on the unit cube
  for (const c of density.centers) {
    let p = 1;
    for (let d = 0; d < x.length; d++) p *= truncatedNormal(x[d] as number, c[d] as number, density.bandwidths[d] as number);
    total += p;
  }
  return Math.log(total / (density.centers.length + 1));
}

function truncatedNormal(x: number, mu: number, sigma: number): number {
  const mass = normalCdf((1 - mu) / sigma) - normalCdf(-mu / sigma);
  return normalPdf((x - mu) / sigma) / (sigma * Math.max(mass, 1e-12));
}

/** A point drawn from the density: a component chosen evenly, then each dimension around its center. */
export function sampleDensity(density: ParzenDensity, dims: number, rng: Rng): number[] {
  const k = Math.floor(rng() * (density.centers.length + 1));
  const center = density.centers[k];
  if (!center) return Array.from({ length: dims }, () => rng());
  return Array.from({ length: dims }, (_, d) => sampleTruncated(center[d] as number, density.bandwidths[d] as number, rng));
}

function sampleTruncated(mu: number, sigma: number, rng: Rng): number {
  for (let i = 0; i < 100; i++) {
    const v = mu + sigma * gaussian(rng);
    if (v >= 0 && v <= 1) return v;
  }
  return Math.min(1, Math.max(0, mu));
}

export function gaussian(rng: Rng): number {
  const u = Math.max(rng(), 1e-300);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/** The next point in the unit cube for observations `xs` (unit cube) with objective `y` (lower is better). */
export function suggestTpe(xs: readonly (readonly number[])[], y: readonly number[], dims: number, rng: Rng): number[] {
  const order = y.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]).map(([, i]) => i);
  const nGood = goodCount(xs.length);
  const good = parzenDensity(order.slice(0, nGood).map((i) => xs[i] as number[]), dims);
  const bad = parzenDensity(order.slice(nGood).map((i) => xs[i] as number[]), dims);
  let best: { x: number[]; score: number } | undefined;
  for (let i = 0; i < TPE_CANDIDATES; i++) {
    const x = sampleDensity(good, dims, rng);
    const score = logDensity(good, x) - logDensity(bad, x);
    if (!best || score > best.score) best = { x, score };
  }
  return (best as { x: number[] }).x;
}
