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
  staleIn(start: number, end: number, needsCheck?: (status: IndexedStatus) => boolean): string[];
  /**
   * Each position's cached status (undefined for a run read without one),
   * without making entries: what a status filter decides most runs by.
   */
  statuses(): (IndexedStatus | undefined)[];
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
        if ((status === undefined || needsCheck(status)) && !body.isCurrent(i)) stale.push(body.key(i).id);
      }
      return stale;
    },
    statuses: () => {
      const out: (IndexedStatus | undefined)[] = [];
      let j = 0;
      for (let i = 0; i <= body.length; i++) {
        while (j < live.length && before[j] === i) out.push((live[j++] as RunEntry).indexedStatus);
        if (i < body.length) out.push(body.statusOf(i));
      }
      return out;
    },
    *[Symbol.iterator]() {
      let j = 0;
      for (let i = 0; i <= body.length; i++) {
        while (j < live.length && before[j] === i) yield live[j++] as RunEntry;
        if (i < body.length) yield body.at(i);
      }
    },
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
