/**
 * The next point a model-based optimizer proposes, in the unit cube, from
 * the points tried so far and their objective values (lower is better).
 * gp, forest and gbrt fit their regressor and maximise an acquisition
 * function over random candidates (as scikit-optimize samples its
 * `n_points`); gp then polishes the best few with Nelder–Mead, as skopt
 * polishes with L-BFGS. tpe proposes from its densities.
 */
import { acquisition, type AcqFunc } from "../optimize/acquisition.js";
import { fitForest, fitGbrt } from "../optimize/ensembles.js";
import { fitGp, type GpNoise } from "../optimize/gp.js";
import { nelderMead } from "../optimize/nelder-mead.js";
import { suggestTpe } from "../optimize/tpe.js";
import type { Rng } from "../util/seeded-random.js";

export type ModelOptimizer = "gp" | "forest" | "gbrt" | "tpe";

export interface SuggestSettings {
  /** gp_hedge picks one of EI, PI and LCB at random for each trial (skopt's hedge, restarted per trial as Guild calls it). */
  acqFunc: AcqFunc | "gp_hedge";
  kappa: number;
  xi: number;
  noise: GpNoise;
}

const CANDIDATES = 2000;
const POLISHED = 3;
const HEDGED: AcqFunc[] = ["EI", "PI", "LCB"];

export function suggestUnitPoint(
  optimizer: ModelOptimizer,
  xs: readonly (readonly number[])[],
  y: readonly number[],
  dims: number,
  rng: Rng,
  settings: SuggestSettings,
): number[] {
  if (optimizer === "tpe") return suggestTpe(xs, y, dims, rng);
  const model = optimizer === "gp" ? fitGp(xs, y, settings.noise) : optimizer === "forest" ? fitForest(xs, y, rng) : fitGbrt(xs, y);
  // skopt's forest and gbrt minimizers use EI; gp takes the acq-func flag.
  const func = optimizer !== "gp" ? "EI" : settings.acqFunc === "gp_hedge" ? (HEDGED[Math.floor(rng() * 3)] as AcqFunc) : settings.acqFunc;
  const params = { best: Math.min(...y), xi: settings.xi, kappa: settings.kappa };
  const score = (x: readonly number[]) => acquisition(func, model.predict(x), params);
  const candidates = Array.from({ length: CANDIDATES }, () => Array.from({ length: dims }, () => rng()));
  const scored = candidates.map((x) => ({ x, value: score(x) })).sort((a, b) => b.value - a.value);
  if (optimizer !== "gp") return (scored[0] as { x: number[] }).x;
  return polish(scored.slice(0, POLISHED), score, dims);
}

function polish(starts: { x: number[]; value: number }[], score: (x: readonly number[]) => number, dims: number): number[] {
  const box = { low: Array<number>(dims).fill(0), high: Array<number>(dims).fill(1) };
  let best = starts[0] as { x: number[]; value: number };
  for (const start of starts) {
    const found = nelderMead((x) => -score(x), start.x, box, 0.05, 20 + 10 * dims);
    if (-found.value > best.value) best = { x: found.x, value: -found.value };
  }
  return best.x;
}

