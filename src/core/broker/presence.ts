/**
 * Live workers, for `guild queues`: each worker keeps a record in Redis
 * (`<prefix>:worker:<host>:<pid>`: host, pid, its queue run, the runs it is
 * running, since when) that expires one lease after its last renewal, so a
 * worker whose host died drops out of the list by itself.
 */
import { hostIdentity, hostNameOf } from "../util/proc.js";
import { leaseMs } from "../store/lease.js";
import type { Redis } from "ioredis";
import type { Broker } from "./connection.js";

/** BullMQ's own connection (an ioredis client, typed narrowly by BullMQ). */
async function redisOf(broker: Broker): Promise<Redis> {
  return (await broker.queue.getBackend().client) as unknown as Redis;
}

export interface WorkerRecord {
  host: string;
  pid: number;
  queueRunId: string;
  runs: string[];
  since: string;
}

export function workerKeyPattern(broker: Broker): string {
  return `${broker.prefix}:worker:*`;
}

export interface Presence {
  /** Writes the record now (after a run starts or ends, and at every poll). */
  renew(): Promise<void>;
  remove(): Promise<void>;
}

export function openPresence(broker: Broker, queueRunId: string, runs: ReadonlySet<string>): Presence {
  const key = `${broker.prefix}:worker:${hostIdentity()}:${process.pid}`;
  const since = new Date().toISOString();
  const record = (): WorkerRecord => ({ host: hostNameOf(hostIdentity()), pid: process.pid, queueRunId, runs: [...runs], since });
  return {
    renew: async () => {
      const client = await redisOf(broker);
      await client.set(key, JSON.stringify(record()), "PX", Math.round(leaseMs()));
    },
    remove: async () => {
      const client = await redisOf(broker);
      await client.del(key);
    },
  };
}

/** The records of the live workers. */
export async function readWorkers(broker: Broker): Promise<WorkerRecord[]> {
  const client = await redisOf(broker);
  const keys: string[] = [];
  let cursor = "0";
  do {
    const [next, batch] = await client.scan(cursor, "MATCH", workerKeyPattern(broker), "COUNT", 100);
    cursor = next;
    keys.push(...batch);
  } while (cursor !== "0");
  if (!keys.length) return [];
  const values = await client.mget(...keys);
  return values.flatMap((v: string | null) => (v ? [JSON.parse(v) as WorkerRecord] : [])).sort((a: WorkerRecord, b: WorkerRecord) => a.host.localeCompare(b.host) || a.pid - b.pid);
}
