/**
 * Guild's run order: newest first by the run timestamp (`started`, else
 * `initialized`; runs with neither sort last), ties by id.
 */
import { readAttr } from "./attrs.js";

export interface RunEntry {
  id: string;
  dir: string;
  timestamp: number | undefined;
  /**
   * The status the run index knows: the run has finished, or is staged and
   * untouched. Checked against `stamp` before it is shown (see
   * run-stamp.ts); otherwise derive the status from the run's files. For a
   * `running` run only its place is known: its process may die without a
   * trace in its files, so its status is always read from them.
   */
  indexedStatus?: IndexedStatus;
  /** The change time (µs) of the file `indexedStatus` rests on. */
  stamp?: number;
  /**
   * The first line of `.guild/opref` (of a run with no proto), cached with
   * the file's change time (µs): what operation filters match against.
   */
  opref?: string;
  oprefStamp?: number;
}

export type IndexedStatus = "completed" | "error" | "terminated" | "staged" | "running";

/** Whether a run with this cached status (or none) may still change by itself. */
export function isUnfinished(status: IndexedStatus | undefined): boolean {
  return status === undefined || status === "staged" || status === "running";
}

export function runTimestamp(dir: string): number | undefined {
  const started = readAttr(dir, "started");
  if (typeof started === "number") return started;
  const initialized = readAttr(dir, "initialized");
  return typeof initialized === "number" ? initialized : undefined;
}

export function compareNewestFirst(a: RunEntry, b: RunEntry): number {
  if (a.timestamp === b.timestamp) return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  if (a.timestamp === undefined) return 1;
  if (b.timestamp === undefined) return -1;
  return b.timestamp - a.timestamp;
}
