/**
 * Regression trees for the tree-based optimizers: extremely randomised
 * splits (one random threshold per feature, as scikit-learn's ExtraTrees)
 * for `-o forest`, and best splits by squared error (CART) for `-o gbrt`.
 * A leaf keeps the mean and variance of its targets, or a value computed
 * by the caller (gradient boosting's quantile update).
 */
import type { Rng } from "../util/seeded-random.js";

export type TreeNode =
  | { leaf: true; value: number; variance: number; rows: number[] }
  | { leaf: false; feature: number; threshold: number; left: TreeNode; right: TreeNode };

export interface TreeOptions {
  minLeaf: number;
  maxDepth: number;
  /** Random thresholds (ExtraTrees) when set, else the best threshold per feature. */
  rng?: Rng;
}

export function buildTree(xs: readonly (readonly number[])[], y: readonly number[], opts: TreeOptions): TreeNode {
  return grow(xs, y, Array.from(y, (_, i) => i), opts, 0);
}

export function treeLeaf(node: TreeNode, x: readonly number[]): Extract<TreeNode, { leaf: true }> {
  let n = node;
  while (!n.leaf) n = (x[n.feature] as number) <= n.threshold ? n.left : n.right;
  return n;
}

/** Every leaf of a tree (to set their values after growing). */
export function treeLeaves(node: TreeNode): Extract<TreeNode, { leaf: true }>[] {
  return node.leaf ? [node] : [...treeLeaves(node.left), ...treeLeaves(node.right)];
}

function grow(xs: readonly (readonly number[])[], y: readonly number[], rows: number[], opts: TreeOptions, depth: number): TreeNode {
  const split = depth < opts.maxDepth && rows.length >= 2 * opts.minLeaf ? bestSplit(xs, y, rows, opts) : undefined;
  if (!split) return leafFor(y, rows);
  const left = rows.filter((r) => ((xs[r] as number[])[split.feature] as number) <= split.threshold);
  const right = rows.filter((r) => ((xs[r] as number[])[split.feature] as number) > split.threshold);
  return {
    leaf: false,
    feature: split.feature,
    threshold: split.threshold,
    left: grow(xs, y, left, opts, depth + 1),
    right: grow(xs, y, right, opts, depth + 1),
  };
}

function leafFor(y: readonly number[], rows: number[]): TreeNode {
  const values = rows.map((r) => y[r] as number);
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
  return { leaf: true, value: mean, variance, rows };
}

interface Split {
  feature: number;
  threshold: number;
  /** Sum of squared errors of the two sides. */
  sse: number;
}

function bestSplit(xs: readonly (readonly number[])[], y: readonly number[], rows: number[], opts: TreeOptions): Split | undefined {
  let best: Split | undefined;
  const d = (xs[rows[0] as number] as number[]).length;
  for (let f = 0; f < d; f++) {
    const candidate = opts.rng ? randomSplit(xs, y, rows, f, opts.minLeaf, opts.rng) : sortedSplit(xs, y, rows, f, opts.minLeaf);
    if (candidate && (!best || candidate.sse < best.sse)) best = candidate;
  }
  return best;
}

function randomSplit(xs: readonly (readonly number[])[], y: readonly number[], rows: number[], f: number, minLeaf: number, rng: Rng): Split | undefined {
  const values = rows.map((r) => (xs[r] as number[])[f] as number);
  const [lo, hi] = [Math.min(...values), Math.max(...values)];
  if (!(hi > lo)) return undefined;
  const threshold = lo + rng() * (hi - lo);
  const left = rows.filter((_, i) => (values[i] as number) <= threshold);
  if (left.length < minLeaf || rows.length - left.length < minLeaf) return undefined;
  const right = rows.filter((_, i) => (values[i] as number) > threshold);
  return { feature: f, threshold, sse: sse(y, left) + sse(y, right) };
}

function sortedSplit(xs: readonly (readonly number[])[], y: readonly number[], rows: number[], f: number, minLeaf: number): Split | undefined {
  const order = [...rows].sort((a, b) => ((xs[a] as number[])[f] as number) - ((xs[b] as number[])[f] as number));
  const xv = order.map((r) => (xs[r] as number[])[f] as number);
  const yv = order.map((r) => y[r] as number);
  const total = yv.reduce((a, b) => a + b, 0);
  const totalSq = yv.reduce((a, b) => a + b * b, 0);
  let [sum, sumSq] = [0, 0];
  let best: Split | undefined;
  for (let i = 0; i < order.length - 1; i++) {
    sum += yv[i] as number;
    sumSq += (yv[i] as number) ** 2;
    const nl = i + 1;
    const nr = order.length - nl;
    if (nl < minLeaf || nr < minLeaf || xv[i] === xv[i + 1]) continue;
    const err = sumSq - (sum * sum) / nl + (totalSq - sumSq) - ((total - sum) ** 2) / nr;
    if (!best || err < best.sse) best = { feature: f, threshold: ((xv[i] as number) + (xv[i + 1] as number)) / 2, sse: err };
  }
  return best;
}

function sse(y: readonly number[], rows: readonly number[]): number {
  const mean = rows.reduce((a, r) => a + (y[r] as number), 0) / rows.length;
  return rows.reduce((a, r) => a + ((y[r] as number) - mean) ** 2, 0);
}
