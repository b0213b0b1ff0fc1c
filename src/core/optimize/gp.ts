/**
 * A Gaussian-process regressor, the model behind `-o gp`: a Matérn 5/2
 * kernel with one length scale per dimension (as scikit-optimize's GP
 * uses), inputs in the unit cube, targets standardised. The signal
 * variance is profiled out of the log marginal likelihood, which is then
 * maximised over the length scales and the noise ratio by Nelder–Mead.
 */
import { cholesky, choleskySolve, dot, type Matrix } from "./linalg.js";
import { nelderMead } from "./nelder-mead.js";

export interface Prediction {
  mean: number;
  std: number;
}

export interface GpModel {
  lengthScales: number[];
  /** Noise variance as a fraction of the signal variance. */
  noiseRatio: number;
  predict(x: readonly number[]): Prediction;
}

/** `gaussian`: noise fitted with the length scales; a number: the objective's noise variance. */
export type GpNoise = "gaussian" | number;

const SQRT5 = Math.sqrt(5);
const JITTER = 1e-8;
const LOG_SCALE_RANGE = [Math.log(0.02), Math.log(20)] as const;
const LOG_NOISE_RANGE = [Math.log(1e-6), Math.log(1)] as const;

/** Matérn ν=5/2 correlation at scaled distance r. */
export function matern52(r: number): number {
  return (1 + SQRT5 * r + (5 / 3) * r * r) * Math.exp(-SQRT5 * r);
}

export function scaledDistance(a: readonly number[], b: readonly number[], lengthScales: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) {
    const d = ((a[i] as number) - (b[i] as number)) / (lengthScales[i] as number);
    sum += d * d;
  }
  return Math.sqrt(sum);
}

/** The correlation matrix of `xs` plus `noiseRatio` (and a jitter) on the diagonal. */
export function kernelMatrix(xs: readonly (readonly number[])[], lengthScales: readonly number[], noiseRatio: number): Matrix {
  const n = xs.length;
  const k: Matrix = Array.from({ length: n }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    (k[i] as Float64Array)[i] = 1 + noiseRatio + JITTER;
    for (let j = 0; j < i; j++) {
      const v = matern52(scaledDistance(xs[i] as number[], xs[j] as number[], lengthScales));
      (k[i] as Float64Array)[j] = v;
      (k[j] as Float64Array)[i] = v;
    }
  }
  return k;
}

interface Fit {
  l: Matrix;
  alpha: Float64Array;
  signalVar: number;
  /** Negative log marginal likelihood (up to a constant). */
  cost: number;
}

/** Squared differences of every pair of points, per dimension (pair-major), computed once per fit. */
function pairDiffs(xs: readonly (readonly number[])[], d: number): Float64Array {
  const n = xs.length;
  const out = new Float64Array(((n * (n - 1)) / 2) * d);
  let k = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      for (let f = 0; f < d; f++) out[k++] = (((xs[i] as number[])[f] as number) - ((xs[j] as number[])[f] as number)) ** 2;
    }
  }
  return out;
}

function fitFor(diffs: Float64Array, ys: Float64Array, lengthScales: number[], noiseRatio: number): Fit | undefined {
  const n = ys.length;
  const d = lengthScales.length;
  const inv = lengthScales.map((l) => 1 / (l * l));
  const k: Matrix = Array.from({ length: n }, () => new Float64Array(n));
  let p = 0;
  for (let i = 0; i < n; i++) {
    const ki = k[i] as Float64Array;
    ki[i] = 1 + noiseRatio + JITTER;
    for (let j = 0; j < i; j++) {
      let r2 = 0;
      for (let f = 0; f < d; f++) r2 += (diffs[p++] as number) * (inv[f] as number);
      const v = matern52(Math.sqrt(r2));
      ki[j] = v;
      (k[j] as Float64Array)[i] = v;
    }
  }
  const l = cholesky(k);
  if (!l) return undefined;
  const alpha = choleskySolve(l, ys);
  const signalVar = Math.max(dot(ys, alpha) / n, 1e-12);
  let logDet = 0;
  for (let i = 0; i < n; i++) logDet += Math.log((l[i] as Float64Array)[i] as number);
  return { l, alpha, signalVar, cost: 0.5 * n * Math.log(signalVar) + logDet };
}

export function fitGp(xs: readonly (readonly number[])[], y: readonly number[], noise: GpNoise): GpModel {
  const d = xs[0]?.length ?? 0;
  const mean = y.reduce((a, b) => a + b, 0) / y.length;
  const sd = Math.sqrt(y.reduce((a, b) => a + (b - mean) ** 2, 0) / y.length) || 1;
  const ys = Float64Array.from(y, (v) => (v - mean) / sd);
  const diffs = pairDiffs(xs, d);
  const fixedNoise = noise === "gaussian" ? undefined : Math.max(noise / (sd * sd), 0);
  const unpack = (t: number[]) => ({
    scales: t.slice(0, d).map(Math.exp),
    noise: fixedNoise ?? Math.exp(t[d] as number),
  });
  const cost = (t: number[]) => {
    const { scales, noise: ratio } = unpack(t);
    return fitFor(diffs, ys, scales, ratio)?.cost ?? Infinity;
  };
  const box = {
    low: [...Array<number>(d).fill(LOG_SCALE_RANGE[0]), LOG_NOISE_RANGE[0]],
    high: [...Array<number>(d).fill(LOG_SCALE_RANGE[1]), LOG_NOISE_RANGE[1]],
  };
  const start = [...Array<number>(d).fill(Math.log(0.3)), Math.log(1e-3)];
  const best = nelderMead(cost, start, box, 0.7, 40 + 20 * d);
  const { scales, noise: ratio } = unpack(best.x);
  const fit = fitFor(diffs, ys, scales, ratio) ?? fitFor(diffs, ys, scales, 1e-2);
  if (!fit) throw new Error("cannot fit the Gaussian process");
  const scaled = xs.map((x) => x.map((v, f) => v / (scales[f] as number)));
  return { lengthScales: scales, noiseRatio: ratio, predict: (x) => predictWith(fit, scaled, scales, x, mean, sd) };
}

function predictWith(fit: Fit, scaled: readonly (readonly number[])[], scales: number[], x: readonly number[], mean: number, sd: number): Prediction {
  const n = scaled.length;
  const d = scales.length;
  const xs = new Float64Array(d);
  for (let f = 0; f < d; f++) xs[f] = (x[f] as number) / (scales[f] as number);
  // k(x, X), forward-substituted through L in the same pass: v = L⁻¹ k.
  const v = new Float64Array(n);
  let m = 0;
  let vv = 0;
  for (let i = 0; i < n; i++) {
    const si = scaled[i] as number[];
    let r2 = 0;
    for (let f = 0; f < d; f++) r2 += ((xs[f] as number) - (si[f] as number)) ** 2;
    const k = matern52(Math.sqrt(r2));
    m += k * (fit.alpha[i] as number);
    const li = fit.l[i] as Float64Array;
    let sum = k;
    for (let j = 0; j < i; j++) sum -= (li[j] as number) * (v[j] as number);
    const vi = sum / (li[i] as number);
    v[i] = vi;
    vv += vi * vi;
  }
  const variance = Math.max(fit.signalVar * (1 - vv), 1e-12);
  return { mean: mean + sd * m, std: sd * Math.sqrt(variance) };
}
