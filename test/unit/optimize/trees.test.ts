// The tree regressors of -o forest and -o gbrt, and TPE's densities, on toy
// data (issue 15); seeded runs repeat exactly.
import { test } from "node:test";
import assert from "node:assert/strict";
import { fitForest, fitGbrt, fitQuantileBoost, quantile } from "../../../src/core/optimize/ensembles.js";
import { buildTree, treeLeaf } from "../../../src/core/optimize/tree.js";
import { goodCount, logDensity, parzenDensity, suggestTpe } from "../../../src/core/optimize/tpe.js";
import { seededRandom } from "../../../src/core/util/seeded-random.js";

const grid = (n: number) => Array.from({ length: n }, (_, i) => [i / (n - 1)]);
const step = (x: number) => (x < 0.5 ? 0 : 1);

test("a CART tree splits a step where it is", () => {
  const xs = grid(20);
  const tree = buildTree(xs, xs.map(([x]) => step(x as number)), { minLeaf: 1, maxDepth: 3 });
  assert.equal(tree.leaf, false);
  if (!tree.leaf) assert.ok(Math.abs(tree.threshold - 0.5) < 0.06, `threshold ${tree.threshold}`);
  assert.equal(treeLeaf(tree, [0.1]).value, 0);
  assert.equal(treeLeaf(tree, [0.9]).value, 1);
});

test("forest: means follow the data, spread is larger where the data jumps", () => {
  const xs = grid(40);
  const forest = fitForest(xs, xs.map(([x]) => step(x as number)), seededRandom(1));
  assert.ok(forest.predict([0.05]).mean < 0.1);
  assert.ok(forest.predict([0.95]).mean > 0.9);
  assert.ok(forest.predict([0.5]).std > forest.predict([0.05]).std);
});

test("gbrt: quantile boosting brackets a noisy line", () => {
  const rng = seededRandom(2);
  const xs = Array.from({ length: 60 }, () => [rng()]);
  const ys = xs.map(([x]) => 2 * (x as number) + (rng() - 0.5));
  const median = fitQuantileBoost(xs, ys, 0.5);
  assert.ok(Math.abs(median([0.5]) - 1) < 0.3, `median ${median([0.5])}`);
  const low = fitQuantileBoost(xs, ys, 0.16);
  const high = fitQuantileBoost(xs, ys, 0.84);
  assert.ok(low([0.5]) < median([0.5]) && median([0.5]) < high([0.5]));
  const model = fitGbrt(xs, ys);
  assert.ok(model.predict([0.5]).std > 0.1 && model.predict([0.5]).std < 0.6, `std ${model.predict([0.5]).std}`);
  assert.deepEqual([quantile([4, 1, 3, 2], 0.5), quantile([1, 2, 3, 4], 0), quantile([1, 2, 3, 4], 1)], [2.5, 1, 4]);
});

test("TPE: densities integrate to one, good trials are few, proposals go where the good ones are", () => {
  const density = parzenDensity([[0.2], [0.25], [0.9]], 1);
  let mass = 0;
  for (let i = 0; i < 1000; i++) mass += Math.exp(logDensity(density, [(i + 0.5) / 1000])) / 1000;
  assert.ok(Math.abs(mass - 1) < 0.01, `mass ${mass}`);
  assert.ok(logDensity(density, [0.22]) > logDensity(density, [0.6]));
  assert.deepEqual([1, 10, 11, 40, 1000].map(goodCount), [1, 1, 2, 4, 25]);
  const xs = grid(20);
  const ys = xs.map(([x]) => ((x as number) - 0.2) ** 2);
  const rng = seededRandom(3);
  const proposals = Array.from({ length: 20 }, () => suggestTpe(xs, ys, 1, rng)[0] as number);
  const mean = proposals.reduce((a, b) => a + b, 0) / proposals.length;
  assert.ok(Math.abs(mean - 0.2) < 0.15, `mean proposal ${mean}`);
});

test("the same seed gives the same forest and the same TPE proposals", () => {
  const xs = grid(15);
  const ys = xs.map(([x]) => Math.sin(5 * (x as number)));
  const f1 = fitForest(xs, ys, seededRandom(9));
  const f2 = fitForest(xs, ys, seededRandom(9));
  assert.deepEqual(f1.predict([0.33]), f2.predict([0.33]));
  assert.deepEqual(suggestTpe(xs, ys, 1, seededRandom(4)), suggestTpe(xs, ys, 1, seededRandom(4)));
});
