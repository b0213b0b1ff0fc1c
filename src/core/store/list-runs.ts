/**
 * The runs in a store, newest first by Guild's run timestamp (`started`,
 * else `initialized`; runs with neither sort last). A directory is a run
 * only if it has `.guild/opref`.
 */
import { join } from "node:path";
import { runsDirFor } from "../home.js";
import { readAttr } from "./attrs.js";
import { isRunDir, listRunIds } from "./find-run.js";

export interface RunEntry {
  id: string;
  dir: string;
  timestamp: number | undefined;
}

export function runTimestamp(dir: string): number | undefined {
  const started = readAttr(dir, "started");
  if (typeof started === "number") return started;
  const initialized = readAttr(dir, "initialized");
  return typeof initialized === "number" ? initialized : undefined;
}

export function listRunsIn(runsDir: string, ids: readonly string[]): RunEntry[] {
  const entries: RunEntry[] = [];
  for (const id of ids) {
    const dir = join(runsDir, id);
    if (!isRunDir(dir)) continue;
    entries.push({ id, dir, timestamp: runTimestamp(dir) });
  }
  return entries.sort(compareNewestFirst);
}

export function listRuns(home: string): RunEntry[] {
  return listRunsIn(runsDirFor(home), listRunIds(home));
}

function compareNewestFirst(a: RunEntry, b: RunEntry): number {
  if (a.timestamp === b.timestamp) return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  if (a.timestamp === undefined) return 1;
  if (b.timestamp === undefined) return -1;
  return b.timestamp - a.timestamp;
}
