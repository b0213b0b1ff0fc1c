/** Run ids (uuid4 hex, as Guild makes them) and attr timestamps. */
import { randomBytes } from "../util/random-bytes.js";

/** A uuid4 in hex: 122 random bits, the version (4) and variant (10) bits set. */
export function newRunId(): string {
  const b = randomBytes(16);
  b[6] = ((b[6] as number) & 0x0f) | 0x40;
  b[8] = ((b[8] as number) & 0x3f) | 0x80;
  return b.toString("hex");
}

export function shortId(id: string): string {
  return id.slice(0, 8);
}

let lastTimestamp = 0;
// The wall clock read once, then a monotonic clock: `performance` would load
// perf_hooks (ten modules) into every command that writes a timestamp.
let originUs: number | undefined;
let originNs = 0n;

function nowUs(): number {
  if (originUs === undefined) {
    originUs = Date.now() * 1000;
    originNs = process.hrtime.bigint();
  }
  return originUs + Number((process.hrtime.bigint() - originNs) / 1000n);
}

/**
 * Microseconds since the epoch, never the same value twice in a process, so
 * runs staged in one go keep their order.
 */
export function timestampUs(): number {
  const now = nowUs();
  lastTimestamp = now > lastTimestamp ? now : lastTimestamp + 1;
  return lastTimestamp;
}
