/** Where a run's copy of its source code is (`guild diff -s`, `guild merge`). */
import { join, normalize } from "node:path";
import { isFlagMap } from "../flags/value.js";
import { readAttr } from "../store/attrs.js";

/**
 * Where a run keeps its source code copy: Guild 0.9's `sourcecode.dest` of
 * the op attr, the older `sourcecode-root` (ours, and Guild 2020's), or the
 * run directory itself.
 */
export function sourcecodeDirFor(runDir: string): string {
  const op = readAttr(runDir, "op");
  if (!isFlagMap(op)) return runDir;
  const sourcecode = op.sourcecode;
  const dest = isFlagMap(sourcecode) ? sourcecode.dest : undefined;
  const rel = typeof dest === "string" && dest ? dest : op["sourcecode-root"];
  return typeof rel === "string" && rel ? normalize(join(runDir, rel)) : runDir;
}
