/**
 * Random bytes from the kernel (/dev/urandom: what node:crypto and Python's
 * os.urandom read too), without loading node:crypto (see node-crypto.ts),
 * which stays the fallback where there is no /dev/urandom.
 *
 * Read a pool at a time: a batch staging 1,000 trials asks for 1,000 ids,
 * and opening the device for each cost three syscalls a trial. Each byte
 * is handed out once.
 */
import { closeSync, openSync, readSync } from "node:fs";
import { nodeCrypto } from "./node-crypto.js";

const POOL_SIZE = 1024;
let pool: Buffer = Buffer.alloc(0);
let used = 0;

export function randomBytes(n: number): Buffer {
  if (n > POOL_SIZE) return fromKernel(n) ?? nodeCrypto().randomBytes(n);
  if (used + n > pool.length) {
    pool = fromKernel(POOL_SIZE) ?? nodeCrypto().randomBytes(POOL_SIZE);
    used = 0;
  }
  const bytes = Buffer.from(pool.subarray(used, used + n));
  pool.fill(0, used, used + n);
  used += n;
  return bytes;
}

function fromKernel(n: number): Buffer | undefined {
  const buf = Buffer.alloc(n);
  try {
    const fd = openSync("/dev/urandom", "r");
    try {
      if (readSync(fd, buf, 0, n, null) === n) return buf;
    } finally {
      closeSync(fd);
    }
  } catch {
    // no /dev/urandom here
  }
  return undefined;
}
