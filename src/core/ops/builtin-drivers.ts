/**
 * Registers the drivers of Guild's builtin operations with core/run (see
 * run/drivers.ts). Called once by the command that runs operations, before
 * anything starts. The queue runs on the broker when one is configured
 * (`broker=URL` or GUILD_BROKER), else by polling the store; the broker's
 * module (and BullMQ with it) is loaded only then.
 */
import { runBatch } from "../batch/run-batch.js";
import { brokerUrlFor } from "../broker/url.js";
import { runQueue } from "../queue/run-queue.js";
import { registerDriver } from "../run/drivers.js";
import { runSteps } from "../steps/run-steps.js";

export function registerBuiltinDrivers(): void {
  registerDriver("batch", (req, ctx) => runBatch(req.runDir, ctx));
  registerDriver("steps", runSteps);
  registerDriver("queue", async (req, ctx) => {
    const url = brokerUrlFor(req.flags, ctx.env);
    if (url === undefined) return runQueue(req, ctx);
    const { runBrokerQueue } = await import("../broker/worker.js");
    return runBrokerQueue(req, url, ctx);
  });
}
