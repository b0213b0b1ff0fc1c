/**
 * What a status the run index remembers is checked against: one stat per
 * run, of the one file whose change would change that status.
 *
 * - A finished run rests on `.guild/attrs/exit_status`: deleting it,
 *   editing it in place or replacing it changes its change time (ctime).
 * - A staged run rests on its `.guild` directory: claiming it (STAGED is
 *   renamed), starting it (LOCK, PENDING) or any other marker added or
 *   removed changes the directory's ctime. Its sort key (`started`, else
 *   `initialized`) cannot change while it stays staged.
 *
 * File times come from a coarse clock (a few ms per tick): a change in the
 * same tick as the stamp was read would keep the stamp. So a stamp counts
 * only once it is `SETTLE_US` old; a run with a younger one stays live
 * (read from its files) until a later listing.
 */
import { statSync } from "node:fs";
import type { IndexedStatus } from "./run-order.js";

const SETTLE_US = 20_000;

export function stampPath(runDir: string, status: IndexedStatus): string {
  return status === "staged" ? `${runDir}/.guild` : `${runDir}/.guild/attrs/exit_status`;
}

/**
 * A file's change time in µs, or undefined when it cannot be had (missing,
 * or a damaged run where a directory is a file).
 */
export function readStamp(path: string): number | undefined {
  try {
    const st = statSync(path, { throwIfNoEntry: false });
    return st === undefined ? undefined : Math.round(st.ctimeMs * 1000);
  } catch {
    return undefined;
  }
}

/** Whether the run's files still hold what was stamped. */
export function isStampCurrent(runDir: string, status: IndexedStatus, stamp: number): boolean {
  return readStamp(stampPath(runDir, status)) === stamp;
}

/** Whether a stamp is old enough to be trusted (see SETTLE_US). */
export function isStampSettled(stamp: number, nowUs = Date.now() * 1000): boolean {
  return nowUs - stamp >= SETTLE_US;
}
