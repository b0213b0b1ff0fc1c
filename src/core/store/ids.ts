/** Run ids (uuid4 hex, as Guild makes them) and attr timestamps. */
import { randomUUID } from "node:crypto";

export function newRunId(): string {
  return randomUUID().replaceAll("-", "");
}

export function shortId(id: string): string {
  return id.slice(0, 8);
}

let lastTimestamp = 0;

/**
 * Microseconds since the epoch, never the same value twice in a process, so
 * runs staged in one go keep their order.
 */
export function timestampUs(): number {
  const now = Math.floor((performance.timeOrigin + performance.now()) * 1000);
  lastTimestamp = now > lastTimestamp ? now : lastTimestamp + 1;
  return lastTimestamp;
}
