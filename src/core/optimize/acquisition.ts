/**
 * Acquisition functions, as scikit-optimize defines them for minimising:
 * each scores a prediction so that a higher score is a better next trial
 * (skopt minimises the negatives). `xi` and `kappa` are in the objective's
 * own units, as in skopt.
 */
import type { Prediction } from "./gp.js";
import { normalCdf, normalPdf } from "./normal.js";

export type AcqFunc = "EI" | "PI" | "LCB";

export interface AcqParams {
  /** The best (lowest) objective value observed. */
  best: number;
  xi: number;
  kappa: number;
}

/** Expected improvement over `best - xi`. */
export function expectedImprovement(p: Prediction, best: number, xi: number): number {
  const improve = best - xi - p.mean;
  if (p.std <= 0) return Math.max(improve, 0);
  const z = improve / p.std;
  return improve * normalCdf(z) + p.std * normalPdf(z);
}

/** Probability of improving on `best - xi`. */
export function probabilityOfImprovement(p: Prediction, best: number, xi: number): number {
  const improve = best - xi - p.mean;
  if (p.std <= 0) return improve > 0 ? 1 : 0;
  return normalCdf(improve / p.std);
}

/** The lower confidence bound `mean - kappa·std`, negated so that higher is better. */
export function negLowerConfidenceBound(p: Prediction, kappa: number): number {
  return -(p.mean - kappa * p.std);
}

export function acquisition(func: AcqFunc, p: Prediction, params: AcqParams): number {
  switch (func) {
    case "EI":
      return expectedImprovement(p, params.best, params.xi);
    case "PI":
      return probabilityOfImprovement(p, params.best, params.xi);
    case "LCB":
      return negLowerConfidenceBound(p, params.kappa);
  }
}
