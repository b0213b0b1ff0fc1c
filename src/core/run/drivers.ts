/** Dispatch to the in-process drivers of builtin operations. */
import type { Ctx } from "../context.js";
import { runBatch } from "../batch/run-batch.js";
import { runQueue } from "../queue/run-queue.js";
import { runSteps } from "../steps/run-steps.js";
import type { StartRequest } from "./start.js";

export function runDriver(req: StartRequest, ctx: Ctx): Promise<number> {
  switch (req.op.kind) {
    case "batch":
      return runBatch(req.runDir, ctx);
    case "steps":
      return runSteps(req, ctx);
    case "queue":
      return runQueue(req, ctx);
    default:
      throw new Error(`no driver for ${req.op.kind}`);
  }
}
