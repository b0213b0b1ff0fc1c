/** The operation and flags stored in a run, for starting it again. */
import { isFlagMap, type FlagMap } from "../flags/value.js";
import type { Operation } from "../op/operation.js";
import { readAttr } from "../store/attrs.js";
import { readOpref } from "../store/opref.js";
import { operationForRunDir } from "./op-attr.js";

export interface StoredOp {
  op: Operation;
  flags: FlagMap;
}

export function storedOperation(runDir: string): StoredOp | undefined {
  const opref = readOpref(runDir);
  const op = opref && operationForRunDir(runDir, opref);
  if (!op) return undefined;
  const flags = readAttr(runDir, "flags");
  return { op, flags: isFlagMap(flags) ? flags : {} };
}
