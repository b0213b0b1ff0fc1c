/**
 * Keeps this process's leases fresh (see lease.ts): every file it holds
 * (its runs' heartbeats, its claims) is renewed several times per lease by
 * one timer, which never keeps the process alive on its own.
 */
import { leaseMs, touchFile } from "./lease.js";

/** Renews one file; false when the file is gone and need not be kept any more. */
type Renew = () => boolean;

const held = new Map<string, Renew>();
let timer: NodeJS.Timeout | undefined;

/** Renewals per lease: a lease survives a few slow or missed renewals. */
const RENEWALS_PER_LEASE = 6;

export function keepFresh(path: string, renew: Renew = () => touchFile(path)): void {
  held.set(path, renew);
  if (timer) return;
  const interval = Math.min(Math.max(leaseMs() / RENEWALS_PER_LEASE, 100), 5000);
  timer = setInterval(renewAll, interval);
  timer.unref();
}

export function stopKeeping(path: string): void {
  held.delete(path);
  if (held.size || !timer) return;
  clearInterval(timer);
  timer = undefined;
}

function renewAll(): void {
  for (const [path, renew] of held) {
    try {
      if (!renew()) stopKeeping(path);
    } catch {
      // A failed write (a full or unreachable disk) is retried next time;
      // if it lasts a lease, other hosts take us for dead, as they should.
    }
  }
}
