/**
 * The broker: the store's BullMQ queue on Redis. BullMQ (and ioredis) are
 * loaded here only, by commands that use a broker. One job per staged run,
 * its id made from the run id, so adding a run twice is harmless.
 */
import type { ConnectionOptions, Job, Queue } from "bullmq";
import type { BrokerUrl } from "./url.js";
import { storeId } from "./store-id.js";

export type Bullmq = typeof import("bullmq");

export interface RunJobData {
  runId: string;
  /** A lost run started again (retry-lost): which attempt. */
  retry?: number;
}

export interface Broker {
  url: BrokerUrl;
  bullmq: Bullmq;
  queueName: string;
  /** Key prefix of our own records (live workers) beside BullMQ's. */
  prefix: string;
  connection: ConnectionOptions;
  queue: Queue<RunJobData>;
  close(): Promise<void>;
}

const PREFIX = "guild";

/** Infrastructure faults (Redis gone mid-job, a full disk) are retried; a run's own failure never is. */
const JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: "exponential", delay: 1000 },
  removeOnComplete: true,
  removeOnFail: 1000,
} as const;

export function jobIdFor(runId: string, retry?: number): string {
  // Job ids must not look like integers; run ids may.
  return retry === undefined ? `run-${runId}` : `run-${runId}-retry-${retry}`;
}

/**
 * `persistent` connections (workers) ride out a Redis restart, retrying
 * for as long as it takes; others (staging, `guild queues`) give up after
 * a few tries, so a command never hangs on a broker that is down.
 */
export async function openBroker(url: BrokerUrl, home: string, persistent: boolean): Promise<Broker> {
  const bullmq = await import("bullmq");
  const connection: ConnectionOptions = {
    host: url.host,
    port: url.port,
    db: url.db,
    maxRetriesPerRequest: persistent ? null : 1,
    connectTimeout: 5000,
    retryStrategy: (times: number) => (persistent ? Math.min(times * 200, 2000) : times > 3 ? null : times * 200),
  };
  const queueName = `runs-${storeId(home).slice(0, 12)}`;
  const queue = new bullmq.Queue<RunJobData>(queueName, { connection, prefix: PREFIX });
  queue.on("error", () => {}); // connection errors surface as failed calls
  return {
    url,
    bullmq,
    queueName,
    prefix: `${PREFIX}:${queueName}:guild`,
    connection,
    queue,
    close: () => queue.close(),
  };
}

export async function addRunJobs(broker: Broker, runIds: readonly string[]): Promise<void> {
  if (!runIds.length) return;
  await broker.queue.addBulk(runIds.map((runId) => ({ name: "run", data: { runId }, opts: { jobId: jobIdFor(runId), ...JOB_OPTIONS } })));
}

export async function addRetryJob(broker: Broker, runId: string, retry: number): Promise<void> {
  await broker.queue.add("retry", { runId, retry }, { jobId: jobIdFor(runId, retry), ...JOB_OPTIONS });
}

/** Jobs not yet done (waiting, delayed, active) and failed ones, by job id. */
export async function openJobs(broker: Broker): Promise<Map<string, Job<RunJobData>>> {
  const jobs = await broker.queue.getJobs(["waiting", "prioritized", "delayed", "active", "failed"]);
  return new Map(jobs.filter((j) => j?.id !== undefined).map((j) => [j.id as string, j]));
}
