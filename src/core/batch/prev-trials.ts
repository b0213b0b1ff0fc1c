/**
 * Earlier runs a model optimizer learns from before its own trials
 * (Guild's `prev-trials` flag): completed runs with the proto's source code
 * digest (`sourcecode`, the default) or of the same operation
 * (`operation`); none with `batch` or `none` (the batch's own trials only).
 * Runs whose values lie outside the search space are dropped later, so a
 * changed space starts afresh.
 */
import { isFlagMap } from "../flags/value.js";
import { runsDirFor } from "../home.js";
import { runOpDesc } from "../runs/op-desc.js";
import { readAttr } from "../store/attrs.js";
import { isRunDir, listRunIds } from "../store/find-run.js";
import { runStatus } from "../store/status.js";
import { join } from "node:path";
import { objectiveValue, type Objective } from "./objective.js";
import type { Observation } from "./seq-trials.js";

export type PrevTrialsMode = "sourcecode" | "operation" | "batch" | "none";

export interface PrevTrialsQuery {
  mode: PrevTrialsMode;
  home: string;
  /** The proto's digest and the op as listings show it (`train.py`). */
  sourcecodeDigest: string | null;
  opDesc: string;
  objective: Objective;
}

export function prevTrialsMode(value: unknown): PrevTrialsMode {
  return value === "operation" || value === "batch" || value === "none" ? value : "sourcecode";
}

export function previousObservations(q: PrevTrialsQuery): Observation[] {
  if (q.mode === "batch" || q.mode === "none") return [];
  if (q.mode === "sourcecode" && !q.sourcecodeDigest) return [];
  const out: Observation[] = [];
  for (const id of listRunIds(q.home)) {
    const dir = join(runsDirFor(q.home), id);
    if (!isRunDir(dir) || !matches(dir, q) || runStatus(dir) !== "completed") continue;
    const flags = readAttr(dir, "flags");
    const value = objectiveValue(dir, q.objective);
    if (isFlagMap(flags) && value !== undefined) out.push({ flags, value });
  }
  return out;
}

function matches(dir: string, q: PrevTrialsQuery): boolean {
  if (q.mode === "sourcecode") return readAttr(dir, "sourcecode_digest") === q.sourcecodeDigest && runOpDesc(dir) === q.opDesc;
  return runOpDesc(dir) === q.opDesc;
}
