/** The queue flags only a broker worker reads (pure). */
import { fail } from "../errors.js";
import type { FlagMap } from "../flags/value.js";

export interface WorkerFlags {
  concurrency: number;
  retryLost: number;
}

export function workerFlags(flags: FlagMap): WorkerFlags {
  return {
    concurrency: countFlag(flags, "concurrency", 1, 1),
    retryLost: countFlag(flags, "retry-lost", 0, 0),
  };
}

function countFlag(flags: FlagMap, name: string, fallback: number, min: number): number {
  const value = flags[name];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min) {
    fail(`invalid value for ${name}: expected an integer of at least ${min}`);
  }
  return value;
}
