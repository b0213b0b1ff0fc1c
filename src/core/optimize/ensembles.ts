/**
 * The tree ensembles of `-o forest` and `-o gbrt`, with the uncertainty
 * scikit-optimize gives them: an extra-trees forest (100 trees, at least 3
 * trials a leaf) whose spread is the variance of the trees' leaves around
 * the forest's mean; and gradient-boosted quantile regressors (16th, 50th
 * and 84th percentiles, 30 depth-3 trees each, learning rate 0.1) whose
 * spread is half the 16–84 range.
 */
import type { Rng } from "../util/seeded-random.js";
import type { Prediction } from "./gp.js";
import { buildTree, treeLeaf, treeLeaves, type TreeNode } from "./tree.js";

export interface Regressor {
  predict(x: readonly number[]): Prediction;
}

export function fitForest(xs: readonly (readonly number[])[], y: readonly number[], rng: Rng, trees = 100): Regressor {
  const forest = Array.from({ length: trees }, () => buildTree(xs, y, { minLeaf: 3, maxDepth: 32, rng }));
  return {
    predict(x) {
      let [sum, sumSq] = [0, 0];
      for (const tree of forest) {
        const leaf = treeLeaf(tree, x);
        sum += leaf.value;
        sumSq += leaf.variance + leaf.value * leaf.value;
      }
      const mean = sum / forest.length;
      return { mean, std: Math.sqrt(Math.max(sumSq / forest.length - mean * mean, 0)) };
    },
  };
}

const QUANTILES = [0.16, 0.5, 0.84] as const;

export function fitGbrt(xs: readonly (readonly number[])[], y: readonly number[]): Regressor {
  const [low, mid, high] = QUANTILES.map((q) => fitQuantileBoost(xs, y, q)) as [QuantileModel, QuantileModel, QuantileModel];
  return {
    predict(x) {
      const [a, b] = [low(x), high(x)];
      return { mean: mid(x), std: Math.max(Math.abs(b - a) / 2, 1e-12) };
    },
  };
}

type QuantileModel = (x: readonly number[]) => number;

/** Gradient boosting with the quantile (pinball) loss, as scikit-learn's. */
export function fitQuantileBoost(xs: readonly (readonly number[])[], y: readonly number[], alpha: number, rounds = 30, rate = 0.1): QuantileModel {
  const base = quantile([...y], alpha);
  const fitted = y.map(() => base);
  const trees: TreeNode[] = [];
  for (let m = 0; m < rounds; m++) {
    const gradient = y.map((v, i) => (v > (fitted[i] as number) ? alpha : alpha - 1));
    const tree = buildTree(xs, gradient, { minLeaf: 1, maxDepth: 3 });
    for (const leaf of treeLeaves(tree)) {
      leaf.value = quantile(leaf.rows.map((r) => (y[r] as number) - (fitted[r] as number)), alpha);
    }
    xs.forEach((x, i) => (fitted[i] = (fitted[i] as number) + rate * treeLeaf(tree, x).value));
    trees.push(tree);
  }
  return (x) => trees.reduce((f, tree) => f + rate * treeLeaf(tree, x).value, base);
}

/** The `q` quantile with linear interpolation (numpy's default). */
export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const pos = q * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return (sorted[lo] as number) + (pos - lo) * ((sorted[hi] as number) - (sorted[lo] as number));
}
