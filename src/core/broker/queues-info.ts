/**
 * `guild queues`: the broker's live workers and its jobs, read from Redis
 * (reading only: nothing is changed). Formatting is in queues-format.ts.
 */
import type { Ctx } from "../context.js";
import { fail } from "../errors.js";
import { openBroker } from "./connection.js";
import { readWorkers, type WorkerRecord } from "./presence.js";
import { brokerUrlFor, type BrokerUrl } from "./url.js";

export const JOB_STATES = ["waiting", "active", "delayed", "failed"] as const;

export interface QueuesInfo {
  broker: string;
  workers: WorkerRecord[];
  jobs: Record<(typeof JOB_STATES)[number], number>;
}

export function brokerForQueues(option: string | undefined, ctx: Ctx): BrokerUrl {
  const url = brokerUrlFor(option === undefined ? {} : { broker: option }, ctx.env);
  if (!url) fail("no broker: set GUILD_BROKER=redis://HOST:PORT[/DB] or use --broker");
  return url;
}

export async function readQueuesInfo(url: BrokerUrl, ctx: Ctx): Promise<QueuesInfo> {
  const broker = await openBroker(url, ctx.home, false);
  try {
    const counts = await broker.queue.getJobCounts("waiting", "prioritized", ...JOB_STATES);
    const jobs = {
      waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0),
      active: counts.active ?? 0,
      delayed: counts.delayed ?? 0,
      failed: counts.failed ?? 0,
    };
    return { broker: url.text, workers: await readWorkers(broker), jobs };
  } catch (e) {
    fail(`cannot reach broker ${url.text}: ${(e as Error).message}`);
  } finally {
    await broker.close().catch(() => {});
  }
}
