/**
 * Keeping the broker's jobs true to the store (the store is the source of
 * truth): staged runs without a job get one, so runs staged without the
 * broker (or by Guild AI) are not stranded; waiting jobs whose run is gone
 * or no longer staged are dropped; and, with `retry-lost=N`, a run lost
 * with its host (or its worker) gets a job to start it again, at most N
 * times. Run by every worker on start and at every poll.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { runsDirFor } from "../home.js";
import { readAttr } from "../store/attrs.js";
import { listUnfinishedRuns } from "../store/list-runs.js";
import { attrPath, guildPath, MARKER } from "../store/paths.js";
import { runStatus } from "../store/status.js";
import { storedOperation } from "../run/stored-op.js";
import { addRetryJob, addRunJobs, jobIdFor, openJobs, type Broker } from "./connection.js";

export async function reconcile(broker: Broker, home: string, retryLost: number): Promise<void> {
  const jobs = await openJobs(broker);
  const live = listUnfinishedRuns(home);
  const missing: string[] = [];
  for (const run of live) {
    const status = runStatus(run.dir);
    if (status === "staged" && !jobs.has(jobIdFor(run.id))) missing.push(run.id);
    const attempt = nextLostAttempt(run.dir, status, retryLost);
    if (attempt !== undefined && !jobs.has(jobIdFor(run.id, attempt))) await addRetryJob(broker, run.id, attempt);
  }
  await addRunJobs(broker, missing);
  const waiting = await broker.queue.getJobs(["waiting", "prioritized", "delayed"]);
  for (const job of waiting) {
    if (!job?.data || isStillWanted(job.data, home)) continue;
    await job.remove().catch(() => {}); // taken meanwhile: its worker will see the run is not staged
  }
}

function isStillWanted(data: { runId: string; retry?: number }, home: string): boolean {
  const dir = join(runsDirFor(home), data.runId);
  if (!existsSync(dir)) return false;
  const status = runStatus(dir);
  return data.retry === undefined ? status === "staged" || status === "pending" : isLost(dir, status);
}

/**
 * A lost run: it started, its supervisor died before recording how it
 * ended (its LOCK is left, it has no exit status), and it reads
 * `terminated`. A run stopped by the user has an exit status.
 */
export function isLost(runDir: string, status: string): boolean {
  return status === "terminated" && existsSync(guildPath(runDir, MARKER.LOCK)) && !existsSync(attrPath(runDir, "exit_status"));
}

/**
 * The attempt a lost run would be started again as, if it may be. Only
 * operation processes are: a lost batch, steps or queue run started again
 * would start its own runs again (a queue lost with its host is simply gone).
 */
function nextLostAttempt(runDir: string, status: string, retryLost: number): number | undefined {
  if (retryLost <= 0 || !isLost(runDir, status) || storedOperation(runDir)?.op.kind !== "process") return undefined;
  const done = readAttr(runDir, "retry_lost_attempt");
  const attempt = (typeof done === "number" ? done : 0) + 1;
  return attempt <= retryLost ? attempt : undefined;
}
