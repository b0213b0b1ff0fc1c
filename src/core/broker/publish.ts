/**
 * Staging with a broker: the runs a command staged become jobs. If the
 * broker cannot be reached the runs are still staged in the store, and the
 * next worker to start (or poll) adds them: a warning, not a failure.
 */
import type { Ctx } from "../context.js";
import { takeStagedRunIds } from "../run/staged-runs.js";
import { addRunJobs, openBroker } from "./connection.js";
import { brokerUrlFromEnv } from "./url.js";

export async function publishStagedRuns(ctx: Ctx): Promise<void> {
  const ids = takeStagedRunIds();
  const url = brokerUrlFromEnv(ctx.env);
  if (!url || !ids.length) return;
  const broker = await openBroker(url, ctx.home, false);
  try {
    await addRunJobs(broker, ids);
  } catch (e) {
    ctx.out.stderr(`WARNING: cannot add staged runs to broker ${url.text}: ${(e as Error).message} (a queue worker adds them when it polls)\n`);
  } finally {
    await broker.close().catch(() => {});
  }
}
