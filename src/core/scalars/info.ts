/**
 * A run's scalars as `guild runs info` shows them under `scalars:`: each
 * key (`loss`, or `prefix#tag` for events outside `.guild`) with its last
 * value and step, `sys/` tags left out unless all are asked for. Only the
 * run's own: a batch's trials and a pipeline's steps show theirs.
 */
import { pyFixed } from "../util/py-fixed.js";
import { compareCodePoints } from "../yaml/emitter.js";
import { runScalars, summarizeDir, type ScalarSummary } from "./run-scalars.js";

export interface InfoScalar {
  key: string;
  value: number;
  step: number;
}

export function runInfoScalars(runDir: string, allScalars = false): InfoScalar[] {
  return runScalars(runDir, summarizeDir, true)
    .filter((s) => allScalars || !s.tag.startsWith("sys/"))
    .sort((a, b) => compareCodePoints(keyPrefix(a), keyPrefix(b)) || compareCodePoints(a.tag, b.tag))
    .map((s: ScalarSummary) => ({ key: s.key, value: s.last.value, step: s.last.step }));
}

/** Guild sorts by the prefix the key shows: none for `.guild` and the run dir itself. */
function keyPrefix(s: ScalarSummary): string {
  return s.key === s.tag ? "" : s.prefix;
}

/** `0.250000 (step 3)`, as Guild prints a scalar's last value. */
export function formatScalarValue(value: number, step: number): string {
  return `${pyFixed(value)} (step ${step})`;
}
