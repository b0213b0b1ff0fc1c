/**
 * The runs in a store, newest first. The live store is listed through the
 * run index (a cache, see run-index.ts); other dirs (the trash) are read
 * directly. A directory is a run only if it has `.guild/opref`.
 */
import { join } from "node:path";
import { isRunDir } from "./find-run.js";
import { openRunList } from "./run-index.js";
import { compareNewestFirst, runTimestamp, type RunEntry } from "./run-order.js";

export type { RunEntry };

export function listRunsIn(runsDir: string, ids: readonly string[]): RunEntry[] {
  const entries: RunEntry[] = [];
  for (const id of ids) {
    const dir = join(runsDir, id);
    if (!isRunDir(dir)) continue;
    entries.push({ id, dir, timestamp: runTimestamp(dir) });
  }
  return entries.sort(compareNewestFirst);
}

/**
 * The runs of a store that are not known to be finished (staged, pending,
 * running, or finished since the index last looked), newest first. Read
 * from the run index, so the cost does not grow with finished runs. (Staged
 * ones come from the index's records: check their status before use.)
 */
export function listUnfinishedRuns(home: string): RunEntry[] {
  return openRunList(home).unfinished();
}
