/**
 * Guild's run order: newest first by the run timestamp (`started`, else
 * `initialized`; runs with neither sort last), ties by id.
 */
import { readAttr } from "./attrs.js";

export interface RunEntry {
  id: string;
  dir: string;
  timestamp: number | undefined;
  /** Known once the run has finished; otherwise derive it from its files. */
  finalStatus?: "completed" | "error" | "terminated";
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
