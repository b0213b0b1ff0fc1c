/**
 * Registers the drivers of Guild's builtin operations with core/run (see
 * run/drivers.ts). Called once by the command that runs operations, before
 * anything starts.
 */
import { runBatch } from "../batch/run-batch.js";
import { runQueue } from "../queue/run-queue.js";
import { registerDriver } from "../run/drivers.js";
import { runSteps } from "../steps/run-steps.js";

export function registerBuiltinDrivers(): void {
  registerDriver("batch", (req, ctx) => runBatch(req.runDir, ctx));
  registerDriver("steps", runSteps);
  registerDriver("queue", runQueue);
}
