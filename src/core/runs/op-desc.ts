/**
 * A run's operation as listings show it: `say.py`, `m:train`, `queue`; a run
 * holding a proto (a batch) shows `<proto op>+` (`say.py+`), or
 * `<proto op>+<name>` for optimizers (`train+random`).
 */
import { existsSync } from "node:fs";
import { opDescFor, readOpref } from "../store/opref.js";
import { protoDir } from "../store/paths.js";

export function runOpDesc(runDir: string): string {
  const opref = readOpref(runDir);
  if (!opref) return "?";
  const own = opDescFor(opref);
  const proto = protoDir(runDir);
  const protoRef = existsSync(proto) ? readOpref(proto) : undefined;
  if (!protoRef) return own;
  const protoDesc = opDescFor(protoRef);
  return opref.opName === "+" ? `${protoDesc}+` : `${protoDesc}+${opref.opName}`;
}
