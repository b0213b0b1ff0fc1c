/**
 * The confirmation preview `guild run` shows without `-y` (§6.3):
 *
 *     You are about to run say.py as a batch (3 trials)
 *       loud: no
 *       msg: [a, b, c]
 *     Continue? (Y/n)
 *
 * The first line names the action and operation, then the batch (` as a
 * batch (N trials)`, ` with random search (max N trials)`, ` with skopt:gp
 * optimizer (20 trials, minimize loss)`) and, for batch files, that the
 * flags listed are defaults for the trials; an optimizer's own flags follow.
 */
import { isFlagFunction } from "../flags/decode.js";
import { encodeFlagValue } from "../flags/encode.js";
import type { FlagMap } from "../flags/value.js";
import type { FlagDef } from "../guildfile/types.js";
import { isModelOptimizer, type BatchOptimizer } from "../batch/trials.js";

export interface BatchPreview {
  optimizer: BatchOptimizer;
  /** All trials of a grid (before --max-trials). */
  trials: number;
  maxTrials?: number;
  /** Trials come from batch files. */
  fromFiles: boolean;
  /** Guild's objective attr (`loss`, `-acc` when maximized). */
  objective?: string;
  optFlags?: FlagMap;
}

export interface PreviewRequest {
  action: "run" | "stage" | "start";
  subject: string;
  batch?: BatchPreview;
  flags: FlagMap;
  flagDefs: Record<string, FlagDef>;
}

export function previewText(req: PreviewRequest): string {
  const names = Object.keys(req.flags).sort();
  const note = req.batch?.fromFiles && names.length ? " (flags below used unless specified in batch trial)" : "";
  const lines = [`You are about to ${req.action} ${req.subject}${batchSuffix(req.batch)}${note}`];
  for (const name of names) lines.push(`  ${name}: ${previewValue(req.flags[name] ?? null, req.flagDefs[name])}`);
  const optFlags = req.batch?.optFlags ?? {};
  if (Object.keys(optFlags).length) lines.push("Optimizer flags:");
  for (const name of Object.keys(optFlags).sort()) lines.push(`  ${name}: ${previewValue(optFlags[name] ?? null, undefined)}`);
  lines.push("Continue?");
  return lines.join("\n");
}

function batchSuffix(batch: BatchPreview | undefined): string {
  if (!batch) return "";
  if (batch.optimizer === "+") return ` as a batch (${batch.trials} ${batch.trials === 1 ? "trial" : "trials"})`;
  if (!isModelOptimizer(batch.optimizer)) return ` with random search${batch.maxTrials ? ` (max ${batch.maxTrials} trials)` : ""}`;
  const objective = batch.objective ?? "loss";
  const goal = objective.startsWith("-") ? `maximize ${objective.slice(1)}` : `minimize ${objective}`;
  return ` with skopt:${batch.optimizer} optimizer (${batch.maxTrials ?? 20} trials, ${goal})`;
}

function previewValue(value: FlagMap[string], def: FlagDef | undefined): string {
  if (value === null) return encodeFlagValue(def?.nullLabel ?? "default");
  if (isFlagFunction(value)) return value as string;
  return encodeFlagValue(value);
}
