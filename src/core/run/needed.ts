/**
 * `guild run --needed`: runs that already do what this one would (same
 * operation, same flags), so it need not run. As Guild: a run matches when
 * its opref and flags are equal (Python's ==) and it is not pending; for a
 * batch, the batch op matches and its proto matches the user's operation;
 * runs that ended in error do not count.
 */
import { existsSync } from "node:fs";
import type { Ctx } from "../context.js";
import { pyEquals } from "../flags/py-compare.js";
import { isFlagMap, type FlagMap } from "../flags/value.js";
import type { Operation } from "../op/operation.js";
import { filteredRuns, type RunRow } from "../runs/list.js";
import { readAttr } from "../store/attrs.js";
import { formatOpref, readOpref, type OpRef } from "../store/opref.js";
import { protoDir } from "../store/paths.js";

export interface NeededCheck {
  op: Operation;
  flags: FlagMap;
  /** The batch op, when the run is a batch (its own flags are `{}`). */
  batchOp?: Operation;
}

export function matchingRuns(check: NeededCheck, ctx: Ctx): RunRow[] {
  const rows = filteredRuns({}, ctx);
  const matching = check.batchOp
    ? rows.filter((r) => matches(r.dir, check.batchOp!.opref, {}, false) && matches(protoDir(r.dir), check.op.opref, check.flags, true))
    : rows.filter((r) => matches(r.dir, check.op.opref, check.flags, false));
  return matching.filter((r) => r.status !== "error" && (check.batchOp !== undefined || r.status !== "pending"));
}

function matches(dir: string, opref: OpRef, flags: FlagMap, isProto: boolean): boolean {
  if (isProto && !existsSync(dir)) return false;
  const ref = readOpref(dir);
  if (!ref || formatOpref(ref) !== formatOpref(opref)) return false;
  const runFlags = readAttr(dir, "flags");
  return isFlagMap(runFlags) && pyEquals(runFlags, flags);
}

export function skipMessage(matching: readonly RunRow[], table: (rows: readonly RunRow[]) => string[]): string {
  const lines = ["Skipping because the following runs match this operation (--needed specified):"];
  for (const line of table(matching)) lines.push(`  ${line}`);
  return `${lines.join("\n")}\n`;
}
