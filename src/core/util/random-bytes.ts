/**
 * Random bytes from the kernel (/dev/urandom: what node:crypto and Python's
 * os.urandom read too), without loading node:crypto (see node-crypto.ts),
 * which stays the fallback where there is no /dev/urandom.
 */
import { closeSync, openSync, readSync } from "node:fs";
import { nodeCrypto } from "./node-crypto.js";

export function randomBytes(n: number): Buffer {
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
  return nodeCrypto().randomBytes(n);
}
