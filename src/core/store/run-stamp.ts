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
 * - A running run's place rests on its `.guild` directory too (its LOCK
 *   goes when it ends); its status is never taken from the index.
 *
 * File times come from a coarse clock (a few ms per tick): a change in the
 * same tick as the stamp was read would keep the stamp. So a stamp counts
 * only once it is `SETTLE_US` old; a run with a younger one stays live
 * (read from its files) until a later listing.
 */
import { existsSync, readFileSync } from "node:fs";
import { ctimeUs } from "./ctime.js";
import { isRunDir } from "./find-run.js";
import { runTimestamp, type IndexedStatus, type RunEntry } from "./run-order.js";
import { runStatus, statusFactsFor, statusFromFacts, type RunStatus, type StatusFacts } from "./status.js";

const SETTLE_US = 20_000;

export function stampPath(runDir: string, status: IndexedStatus): string {
  return status === "staged" || status === "running" ? `${runDir}/.guild` : `${runDir}/.guild/attrs/exit_status`;
}

/**
 * A file's change time in µs, or undefined when it cannot be had (missing,
 * or a damaged run where a directory is a file).
 */
export function readStamp(path: string): number | undefined {
  return ctimeUs(path);
}

/** Whether the run's files still hold what was stamped. */
export function isStampCurrent(runDir: string, status: IndexedStatus, stamp: number): boolean {
  return readStamp(stampPath(runDir, status)) === stamp;
}

/**
 * Whether the run is staged: by its cached status while its stamp holds
 * (one stat), else from its files (a few). A run claimed a moment after
 * the stamp was read may still pass: a claim on it then fails, as it
 * does when another queue is first.
 */
export function isStagedNow(run: RunEntry): boolean {
  if (run.indexedStatus === "staged" && run.stamp !== undefined && isStampCurrent(run.dir, "staged", run.stamp)) return true;
  return runStatus(run.dir) === "staged";
}

/** Whether a stamp is old enough to be trusted (see SETTLE_US). */
export function isStampSettled(stamp: number, nowUs = Date.now() * 1000): boolean {
  return nowUs - stamp >= SETTLE_US;
}

/**
 * A run's entry read from its files, with the stamp of its status when the
 * index may keep it.
 */
export function readRunEntry(runsDir: string, id: string): RunEntry | undefined {
  const dir = `${runsDir}/${id}`;
  if (!isRunDir(dir)) return undefined;
  // Stamps before facts: a change after the facts were read shows as a
  // stamp that no longer holds.
  const stagedStamp = readStamp(stampPath(dir, "staged"));
  const exitStamp = readStamp(stampPath(dir, "completed"));
  const facts = statusFactsFor(dir);
  const status = statusFromFacts(facts);
  const known = knownStatus(status, facts);
  const stamp = known === "staged" || known === "running" ? stagedStamp : known ? exitStamp : undefined;
  return { id, dir, timestamp: runTimestamp(dir), indexedStatus: known, stamp };
}

/**
 * The status a record may keep: a finished run that recorded its own exit
 * status (not a remote one), a staged run holding its STAGED token, or a
 * run whose live process holds its LOCK (its place only).
 */
function knownStatus(status: RunStatus, facts: StatusFacts): IndexedStatus | undefined {
  if (status === "staged") return facts.claim === "staged" ? "staged" : undefined;
  if (status === "running") return !facts.remoteLock && facts.claim === "none" && facts.lockAlive ? "running" : undefined;
  if (status === "pending") return undefined;
  return facts.exitStatus != null && facts.remoteExitStatus == null ? status : undefined;
}

/**
 * A run's opref line with its stamp, for the index to cache: read stamp
 * first, so an edit after the read shows as a stamp that no longer holds.
 * A run with a proto (a batch) shows its proto's operation: not cached.
 */
export function readOprefStamped(runDir: string): Pick<RunEntry, "opref" | "oprefStamp"> {
  const oprefStamp = readStamp(`${runDir}/.guild/opref`);
  if (oprefStamp === undefined || existsSync(`${runDir}/.guild/proto`)) return {};
  let text: string;
  try {
    text = readFileSync(`${runDir}/.guild/opref`, "utf8");
  } catch {
    return {};
  }
  return { opref: text.split("\n")[0] ?? "", oprefStamp };
}

/** Whether the run's `.guild/opref` is still the one stamped. */
export function isOprefCurrent(runDir: string, stamp: number): boolean {
  return readStamp(`${runDir}/.guild/opref`) === stamp;
}
