/** Marking runs: the `marked: true` attr, removed to unmark. */
import { deleteAttr, writeAttr } from "../store/attrs.js";
import type { RunLocation } from "./delete.js";

export function markRuns(runs: readonly RunLocation[], marked: boolean): number {
  for (const run of runs) {
    if (marked) writeAttr(run.dir, "marked", true);
    else deleteAttr(run.dir, "marked");
  }
  return runs.length;
}
