// The Gaussian process and its acquisition functions (issue 15): kernel
// values, the Cholesky solve on a known case, EI/PI/LCB against values
// computed independently (Python's math.erf), and a fit that interpolates.
import { test } from "node:test";
import assert from "node:assert/strict";
import { acquisition, expectedImprovement, negLowerConfidenceBound, probabilityOfImprovement } from "../../../src/core/optimize/acquisition.js";
import { fitGp, kernelMatrix, matern52 } from "../../../src/core/optimize/gp.js";
import { cholesky, choleskySolve, type Matrix } from "../../../src/core/optimize/linalg.js";
import { normalCdf, normalPdf } from "../../../src/core/optimize/normal.js";

const close = (actual: number, expected: number, tol = 1e-6, what = "") =>
  assert.ok(Math.abs(actual - expected) <= tol, `${what} ${actual} != ${expected} (±${tol})`);
const matrix = (rows: number[][]): Matrix => rows.map((r) => Float64Array.from(r));

test("Matérn 5/2 kernel values", () => {
  const cases: [number, number][] = [[0, 1], [0.5, 0.8286491424181253], [1, 0.5239941088318203]];
  for (const [r, k] of cases) close(matern52(r), k, 1e-12, `k(${r})`);
  const k = kernelMatrix([[0], [0.5], [1.5]], [1], 0.01);
  close(k[0]?.[0] as number, 1.01 + 1e-8, 1e-12, "diagonal has the noise");
  close(k[0]?.[1] as number, 0.8286491424181253, 1e-12, "k01");
  assert.equal(k[1]?.[0], k[0]?.[1], "symmetric");
});

test("Cholesky factor and solve of a known case", () => {
  const a = matrix([[4, 12, -16], [12, 37, -43], [-16, -43, 98]]);
  const l = cholesky(a);
  assert.ok(l);
  assert.deepEqual(l.map((row) => [...row]), [[2, 0, 0], [6, 1, 0], [-8, 5, 3]]);
  const b = [1, 2, 3];
  const x = choleskySolve(l, b);
  // The solution of this system, by hand: x = (28.58333…, -7.66666…, 1.33333…).
  [28 + 7 / 12, -7 - 2 / 3, 1 + 1 / 3].forEach((v, i) => close(x[i] as number, v, 1e-9, `x${i}`));
  for (let i = 0; i < 3; i++) close([0, 1, 2].reduce((s, j) => s + (a[i]?.[j] as number) * (x[j] as number), 0), b[i] as number, 1e-9, "A·x = b");
  assert.equal(cholesky(matrix([[1, 2], [2, 1]])), undefined, "not positive definite");
});

test("normal pdf and cdf", () => {
  close(normalPdf(0), 0.3989422804014327, 1e-12);
  close(normalCdf(0), 0.5, 1e-7);
  close(normalCdf(-0.5), 0.3085375387259869, 2e-7);
  close(normalCdf(3) + normalCdf(-3), 1, 1e-7);
});

test("EI, PI and LCB values", () => {
  close(expectedImprovement({ mean: 0, std: 1 }, 0, 0), 0.3989422804014327, 2e-7, "EI at the best");
  close(expectedImprovement({ mean: -1, std: 1 }, 0, 0), 1.0833154705876864, 2e-7, "EI below the best");
  close(expectedImprovement({ mean: 0.2, std: 0.5 }, 0, 0.1), 0.08433636612087776, 2e-7, "EI with xi");
  close(probabilityOfImprovement({ mean: 0.2, std: 0.5 }, 0, 0.1), 0.2742531177500736, 2e-7, "PI with xi");
  close(negLowerConfidenceBound({ mean: 1, std: 2 }, 1.96), 2.92, 1e-12, "-LCB");
  assert.equal(expectedImprovement({ mean: -1, std: 0 }, 0, 0), 1, "no spread: the plain improvement");
  assert.equal(probabilityOfImprovement({ mean: 1, std: 0 }, 0, 0), 0);
  close(acquisition("LCB", { mean: 1, std: 2 }, { best: 0, xi: 0, kappa: 1 }), 1, 1e-12);
});

test("a fitted GP interpolates its data and is unsure away from it", () => {
  const xs = [0, 0.15, 0.3, 0.45, 0.6, 0.75, 0.9].map((x) => [x]);
  const f = (x: number) => Math.sin(6 * x) + x;
  const gp = fitGp(xs, xs.map(([x]) => f(x as number)), "gaussian");
  for (const [x] of xs) close(gp.predict([x as number]).mean, f(x as number), 0.02, `mean at ${x}`);
  close(gp.predict([0.525]).mean, f(0.525), 0.05, "mean between data");
  assert.ok(gp.predict([0.3]).std < 0.05, "sure at data");
  assert.ok(gp.predict([1]).std > 3 * gp.predict([0.3]).std, "less sure beyond the data");
  // A given noise variance is not fitted: it is the ratio to the targets' variance.
  const ys = xs.map(([x]) => f(x as number));
  const mean = ys.reduce((a, b) => a + b, 0) / ys.length;
  const variance = ys.reduce((a, b) => a + (b - mean) ** 2, 0) / ys.length;
  close(fitGp(xs, ys, 0.01).noiseRatio, 0.01 / variance, 1e-12, "fixed noise");
});
