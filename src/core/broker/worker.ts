/**
 * `guild run queue` with a broker: a BullMQ worker. It takes jobs, claims
 * each job's run with the store's own atomic claim (so a job delivered
 * twice, or a run also seen by a file queue, still starts once), and starts
 * it as the file queue does (queue/start-staged.ts). A run that fails is a
 * completed job; only faults of the machinery (an exception here) make
 * BullMQ retry the job. It reconciles jobs with the store on start and at
 * every poll (reconcile.ts).
 *
 * Flags: `run-once` ends the worker once no job is waiting or active;
 * `wait-for-running`, `gpus` as for the file queue; `concurrency=N` runs at
 * once; `retry-lost=N` starts a lost run again at most N times.
 * The first SIGTERM (or Ctrl-C) stops it taking jobs and lets its runs end;
 * a second stops the runs.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Job } from "bullmq";
import type { Ctx } from "../context.js";
import { runsDirFor } from "../home.js";
import { writeAttr } from "../store/attrs.js";
import { runClaims } from "../store/claim.js";
import { listUnfinishedRuns, type RunEntry } from "../store/list-runs.js";
import { runStatus } from "../store/status.js";
import type { StartRequest } from "../run/start.js";
import { isTerminating, sleepUnlessTerminated, stopGracefully, TERMINATED_EXIT_STATUS } from "../run/termination.js";
import { startRunProgress, type RunProgress } from "../progress/run-progress.js";
import { queueLogFor } from "../queue/queue-log.js";
import { queueState, type QueueState } from "../queue/queue-state.js";
import { gpuMismatch, isBlocking } from "../queue/run-queue.js";
import { startRun } from "../queue/start-staged.js";
import { openBroker, type Broker, type RunJobData } from "./connection.js";
import { openPresence, type Presence } from "./presence.js";
import { isLost, reconcile } from "./reconcile.js";
import type { BrokerUrl } from "./url.js";
import { workerFlags, type WorkerFlags } from "./worker-flags.js";

/** How often a `run-once` worker checks whether the queue is empty. */
const IDLE_CHECK_MS = 500;

interface WorkerState {
  queue: QueueState;
  flags: WorkerFlags;
  broker: Broker;
  presence: Presence;
  /** Runs this worker is running now. */
  running: Set<string>;
}

export async function runBrokerQueue(req: StartRequest, url: BrokerUrl, ctx: Ctx): Promise<number> {
  const progress = startRunProgress("queue", "runs", 0, ctx);
  try {
    return await work(req, url, progress, progress.ctx);
  } finally {
    progress.close();
  }
}

async function work(req: StartRequest, url: BrokerUrl, progress: RunProgress, ctx: Ctx): Promise<number> {
  stopGracefully();
  const flags = workerFlags(req.flags);
  const queue = queueState(req.runId, req.flags, queueLogFor(ctx.out), progress);
  const broker = await openBroker(url, ctx.home, true);
  const running = new Set<string>();
  const s: WorkerState = { queue, flags, broker, presence: openPresence(broker, req.runId, running), running };
  queue.log("INFO", `Taking staged runs from ${url.text} (${flags.concurrency} at once)`);
  await reconcile(broker, ctx.home, flags.retryLost);
  const worker = new broker.bullmq.Worker<RunJobData>(broker.queueName, (job, token) => processJob(job, token, s, ctx), {
    connection: broker.connection,
    prefix: "guild",
    concurrency: flags.concurrency,
  });
  let lastError = "";
  worker.on("error", (e) => {
    if (e.message !== lastError) queue.log("WARNING", `broker: ${e.message}`);
    lastError = e.message;
  });
  try {
    await pollUntilDone(s, ctx);
  } finally {
    if (isTerminating()) {
      await worker.pause(true); // no more jobs; the close below waits for the runs
      queue.log("INFO", `Stopping: taking no more runs, waiting for ${running.size} to finish (signal again to stop them)`);
    }
    await worker.close(); // waits for the runs being run: the graceful part of a stop
    await s.presence.remove().catch(() => {});
    await broker.close().catch(() => {});
  }
  return isTerminating() ? TERMINATED_EXIT_STATUS : 0;
}

/** Renews the worker's record and reconciles at every poll; a `run-once` worker ends when the queue is empty. */
async function pollUntilDone(s: WorkerState, ctx: Ctx): Promise<void> {
  let sincePoll = 0;
  while (!isTerminating()) {
    const wait = s.queue.runOnce ? Math.min(IDLE_CHECK_MS, s.queue.pollMs) : s.queue.pollMs;
    await sleepUnlessTerminated(wait);
    if (isTerminating()) return;
    sincePoll += wait;
    try {
      if (sincePoll >= s.queue.pollMs) {
        sincePoll = 0;
        await s.presence.renew();
        await reconcile(s.broker, ctx.home, s.flags.retryLost);
      }
      if (s.queue.runOnce && (await isQueueEmpty(s, ctx.home))) return;
    } catch (e) {
      s.queue.log("WARNING", `broker: ${(e as Error).message}`);
    }
  }
}

/**
 * No job waiting, and no active one whose run is still to come or going.
 * An active job whose run has ended is a dead worker's (BullMQ hands it
 * back only after its lock expires): nothing to wait for.
 */
async function isQueueEmpty(s: WorkerState, home: string): Promise<boolean> {
  if (s.running.size) return false;
  const counts = await s.broker.queue.getJobCounts("waiting", "prioritized");
  if (Object.values(counts).some((n) => n > 0)) return false;
  const active = await s.broker.queue.getJobs(["active"]);
  return active.every((job) => !job?.data || !LIVE.has(runStatus(join(runsDirFor(home), job.data.runId))));
}

const LIVE = new Set(["staged", "pending", "running"]);

async function processJob(job: Job<RunJobData>, token: string | undefined, s: WorkerState, ctx: Ctx): Promise<string> {
  const { runId, retry } = job.data;
  const run: RunEntry = { id: runId, dir: join(runsDirFor(ctx.home), runId), timestamp: 0 };
  if (!existsSync(run.dir)) return "gone";
  if (gpuMismatch(run, s.queue)) {
    // Another worker (with the GPUs it asks for) may take it.
    await job.moveToDelayed(Date.now() + s.queue.pollMs, token);
    throw new s.broker.bullmq.DelayedError();
  }
  if (s.queue.waitForRunning) await waitForRunning(s.queue, ctx);
  if (!claim(run, retry, s)) return "not staged";
  s.running.add(runId);
  await s.presence.renew().catch(() => {});
  try {
    await startRun(run, s.queue, ctx);
  } finally {
    s.running.delete(runId);
    await s.presence.renew().catch(() => {});
  }
  return "started";
}

function claim(run: RunEntry, retry: number | undefined, s: WorkerState): boolean {
  if (retry === undefined) return runStatus(run.dir) === "staged" && runClaims.claimStaged(run.dir) === "claimed";
  if (!isLost(run.dir, runStatus(run.dir)) || runClaims.claimForStart(run.dir) !== "claimed") return false;
  writeAttr(run.dir, "retry_lost_attempt", retry);
  s.queue.log("INFO", `Starting lost run ${run.id} again (attempt ${retry} of ${s.flags.retryLost})`);
  return true;
}

/** `wait-for-running`: holds the job until no other run (but queues) is running. */
async function waitForRunning(state: QueueState, ctx: Ctx): Promise<void> {
  while (!isTerminating() && listUnfinishedRuns(ctx.home).some((r) => isBlocking(r, state))) {
    await sleepUnlessTerminated(state.pollMs);
  }
}
