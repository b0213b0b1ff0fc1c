/**
 * What `runs info` shows of a model-optimizer batch beyond Guild's fields:
 * the optimizer, its objective, and the best trial so far, read from the
 * batch's trials (derived each time, never stored: a trial deleted or
 * still running changes it).
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { readAttr } from "../store/attrs.js";
import { isRunDir } from "../store/find-run.js";
import { readOpref } from "../store/opref.js";
import { runStatus } from "../store/status.js";
import { formatObjective, objectiveScalar, objectiveValue, parseObjective } from "./objective.js";
import { modelOptimizerFor } from "./optimizer-flags.js";

export interface OptimizerSummary {
  optimizer: string;
  /** `loss`, `acc (maximized)`. */
  objective: string;
  /** Completed trials that logged the objective. */
  scored: number;
  best: { id: string; value: number } | null;
}

const RUN_ID = /^[0-9a-f]{32}$/;

export function optimizerSummary(batchDir: string): OptimizerSummary | undefined {
  const optimizer = modelOptimizerFor(readOpref(batchDir)?.opName);
  if (!optimizer) return undefined;
  const attr = readAttr(batchDir, "objective");
  const objective = parseObjective(typeof attr === "string" ? attr : "loss");
  let best: { id: string; value: number; minimized: number } | null = null;
  let scored = 0;
  for (const id of trialIds(batchDir)) {
    const dir = join(batchDir, id);
    if (!isRunDir(dir) || runStatus(dir) !== "completed") continue;
    const minimized = objectiveValue(dir, objective);
    if (minimized === undefined) continue;
    scored++;
    if (!best || minimized < best.minimized) best = { id, value: objectiveScalar(dir, objective) as number, minimized };
  }
  return { optimizer, objective: formatObjective(objective), scored, best: best && { id: best.id, value: best.value } };
}

function trialIds(batchDir: string): string[] {
  try {
    return readdirSync(batchDir).filter((name) => RUN_ID.test(name)).sort();
  } catch {
    return [];
  }
}
