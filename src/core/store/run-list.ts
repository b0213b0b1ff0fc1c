/**
 * A list of runs in Guild's order (newest first) that is not built up
 * front: cached runs (finished, staged, running) stay in the index's records until
 * asked for, and the few live runs are merged in by timestamp. `at(i)`
 * costs O(live).
 */
import { compareNewestFirst, isUnfinished, type IndexedStatus, type RunEntry } from "./run-order.js";

export interface RunList extends Iterable<RunEntry> {
  readonly length: number;
  /**
   * The runs read from their files for this list, newest first: every run
   * not known to be finished is among them. (What a queue or `stop`
   * needs, without touching the cached finished runs.)
   */
  readonly live: readonly RunEntry[];
  at(i: number): RunEntry;
  toArray(): RunEntry[];
  /** Every run not known to be finished (live ones, staged and running records), newest first. */
  unfinished(): RunEntry[];
  /**
   * Ids of the cached runs among positions `start` to `end` whose files
   * changed since they were cached (a stat each): re-read them before
   * trusting their status or place. `needsCheck` leaves out cached
   * statuses whose change would not matter to the caller.
   */
  staleIn(start: number, end: number, needsCheck?: (status: IndexedStatus, position: number) => boolean): string[];
  /** What the cache knows of each position: what filters decide most runs by. */
  cached(): CachedRuns;
}

/** The cached facts of a list's positions, read without making entries. */
export interface CachedRuns {
  /** Undefined for a run read without a cached status. */
  status(k: number): IndexedStatus | undefined;
  /** The run's cached opref line, if any (see RunEntry.opref). */
  opref(k: number): string | undefined;
  /** Whether the cached opref of position k still holds (a stat). */
  isOprefCurrent(k: number): boolean;
  /** Whether position k's cached record (its status) still agrees with its run's files (a stat). */
  isCurrent(k: number): boolean;
  id(k: number): string;
}

/** Sorted records that can be read one at a time. */
export interface RecordSource {
  length: number;
  at(i: number): RunEntry;
  /** Enough of record i to order it: its timestamp and id. */
  key(i: number): Pick<RunEntry, "timestamp" | "id">;
  /** Whether record i still agrees with its run's files. */
  isCurrent(i: number): boolean;
  /** Record i's cached status. */
  statusOf(i: number): IndexedStatus | undefined;
  /** The staged and running records. */
  unfinished(): RunEntry[];
  oprefOf(i: number): string | undefined;
  isOprefCurrent(i: number): boolean;
}

/** Runs read from their files just now: always current. */
export function arraySource(runs: readonly RunEntry[]): RecordSource {
  return {
    length: runs.length,
    at: (i) => runs[i] as RunEntry,
    key: (i) => runs[i] as RunEntry,
    isCurrent: () => true,
    statusOf: (i) => runs[i]?.indexedStatus,
    unfinished: () => runs.filter((r) => r.indexedStatus === "staged" || r.indexedStatus === "running"),
    oprefOf: (i) => runs[i]?.opref,
    isOprefCurrent: () => true,
  };
}

/** `live` must be sorted newest first. */
export function mergedRunList(body: RecordSource, live: readonly RunEntry[]): RunList {
  // For each live run, the number of body records that come before it.
  const before = live.map((run) => firstAfter(body, run));
  const length = body.length + live.length;
  const at = (k: number): RunEntry => {
    if (k < 0 || k >= length) throw new RangeError(`run ${k} of ${length}`);
    let liveBefore = 0;
    for (let j = 0; j < live.length; j++) {
      const pos = (before[j] as number) + j;
      if (pos === k) return live[j] as RunEntry;
      if (pos > k) break;
      liveBefore++;
    }
    return body.at(k - liveBefore);
  };
  return {
    length,
    live,
    at,
    toArray: () => Array.from({ length }, (_, k) => at(k)),
    unfinished: () => [...live.filter((r) => isUnfinished(r.indexedStatus)), ...body.unfinished()].sort(compareNewestFirst),
    staleIn: (start, end, needsCheck = () => true) => {
      const stale: string[] = [];
      // Body record i sits at list position i + (live runs merged before it).
      let j = 0;
      for (let i = 0; i < body.length; i++) {
        while (j < live.length && (before[j] as number) <= i) j++;
        const k = i + j;
        if (k >= end) break;
        if (k < start) continue;
        const status = body.statusOf(i);
        if ((status === undefined || needsCheck(status, k)) && !body.isCurrent(i)) stale.push(body.key(i).id);
      }
      return stale;
    },
    cached: () => cachedRuns(body, live, before),
    *[Symbol.iterator]() {
      let j = 0;
      for (let i = 0; i <= body.length; i++) {
        while (j < live.length && before[j] === i) yield live[j++] as RunEntry;
        if (i < body.length) yield body.at(i);
      }
    },
  };
}

function cachedRuns(body: RecordSource, live: readonly RunEntry[], before: readonly number[]): CachedRuns {
  // Position k holds body record where[k] (>= 0), or live run -where[k] - 1.
  const where = new Int32Array(body.length + live.length);
  let j = 0;
  let k = 0;
  for (let i = 0; i <= body.length; i++) {
    while (j < live.length && before[j] === i) where[k++] = -1 - j++;
    if (i < body.length) where[k++] = i;
  }
  const liveAt = (k: number) => live[-1 - (where[k] as number)] as RunEntry;
  return {
    status: (k) => ((where[k] as number) >= 0 ? body.statusOf(where[k] as number) : liveAt(k).indexedStatus),
    opref: (k) => ((where[k] as number) >= 0 ? body.oprefOf(where[k] as number) : liveAt(k).opref),
    isOprefCurrent: (k) => (where[k] as number) < 0 || body.isOprefCurrent(where[k] as number),
    isCurrent: (k) => (where[k] as number) < 0 || body.isCurrent(where[k] as number),
    id: (k) => ((where[k] as number) >= 0 ? body.key(where[k] as number).id : liveAt(k).id),
  };
}

/** Binary search: the first body record that sorts after `run`. */
function firstAfter(body: RecordSource, run: RunEntry): number {
  let lo = 0;
  let hi = body.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareNewestFirst(body.key(mid) as RunEntry, run) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
