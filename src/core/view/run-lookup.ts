/**
 * A run named in an API path: its full 32-hex id, looked up directly in
 * `runs/` (no listing), as a run row.
 */
import { join } from "node:path";
import type { Ctx } from "../context.js";
import { runsDirFor } from "../home.js";
import { rowFor, userHomeFor, type RunRow } from "../runs/list.js";
import { isRunDir } from "../store/find-run.js";
import { runTimestamp } from "../store/run-order.js";

const RUN_ID = /^[0-9a-f]{32}$/;

export function runRowById(id: string, ctx: Ctx): RunRow | undefined {
  if (!RUN_ID.test(id)) return undefined;
  const dir = join(runsDirFor(ctx.home), id);
  if (!isRunDir(dir)) return undefined;
  return rowFor({ id, dir, timestamp: runTimestamp(dir) }, ctx.cwd, userHomeFor(ctx.env));
}
