/**
 * The run index: a cache of what ordering and filtering runs needs, so that
 * listing a store of 100,000 runs reads a directory's mtime and one file.
 *
 * It is only a cache, and never trusted for what it cannot know:
 * - When `runs/` has changed since the index was built (its mtime differs,
 *   or is too recent to be trusted), `runs/` is read and every run not in
 *   the index is read from its files: runs made by Guild AI, another
 *   process, or copied in by hand appear at once; removed runs disappear.
 * - Runs that are not finished (staged, pending, running) are read from
 *   their files every time; only a finished run's timestamp and status are
 *   cached.
 * - A finished run that this tool starts again is noted in an append-only
 *   change log (`noteRunChanged`); readers re-read the runs logged after the
 *   offset their index was built at. (One that Guild AI itself restarts
 *   keeps its cached place until the index is rebuilt.)
 * - Deleting `<home>/cache/runs-index*` loses nothing.
 */
import { appendFileSync, mkdirSync, readFileSync, readdirSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { writeFileAtomic } from "./atomic.js";
import { isRunDir } from "./find-run.js";
import {
  formatIndex,
  isIndexable,
  parseIndex,
  recordAt,
  recordId,
  recordTimestamp,
  type FinalStatus,
  type IndexData,
} from "./run-index-file.js";
import { arraySource, mergedRunList, type RecordSource, type RunList } from "./run-list.js";
import { compareNewestFirst, runTimestamp, type RunEntry } from "./run-order.js";
import { statusFactsFor, statusFromFacts } from "./status.js";

const INDEX_FILE = "runs-index-v2";
const CHANGES_FILE = "runs-index-changes";
/** A `runs/` mtime this recent may not reflect a change made in the same tick. */
const RACY_MTIME_NS = 2_000_000_000n;
/** Rewrite the index once this many cached-as-live runs have finished. */
const STALE_LIVE_LIMIT = 32;

export type { RunList };

/** All runs of the store, newest first (Guild's run timestamp order). */
export function openRunList(home: string): RunList {
  const runsDir = join(home, "runs");
  const mtime = runsDirMtime(runsDir);
  if (mtime === undefined) return mergedRunList(arraySource([]), []);
  const data = readIndex(home);
  const changes = readChanges(home, data?.changesOffset ?? 0);
  if (data && !changes.reset && data.runsMtime === String(mtime)) {
    return fromIndex(home, runsDir, data, changes);
  }
  return rebuild(home, runsDir, mtime, data, changes);
}

export function indexedRuns(home: string): RunEntry[] {
  return openRunList(home).toArray();
}

/** Records that a finished run is being started again (its cache is stale). */
export function noteRunChanged(runDir: string): void {
  const home = dirname(dirname(runDir));
  try {
    mkdirSync(join(home, "cache"), { recursive: true });
    appendFileSync(join(home, "cache", CHANGES_FILE), `${basename(runDir)}\n`);
  } catch {
    // Without the note a reader may keep the run's old place; never fatal.
  }
}

interface Changes {
  ids: Set<string>;
  end: number;
  reset: boolean;
}

/** Nothing added or removed since the index was built: read only live runs. */
function fromIndex(home: string, runsDir: string, data: IndexData, changes: Changes): RunList {
  const live: RunEntry[] = [];
  let finishedLive = 0;
  for (const id of new Set([...data.liveIds, ...changes.ids])) {
    const entry = readEntry(runsDir, id);
    if (!entry) continue;
    live.push(entry);
    if (entry.finalStatus) finishedLive++;
  }
  live.sort(compareNewestFirst);
  let body: RecordSource = indexSource(data, runsDir);
  if (changes.ids.size) {
    // Changed runs are in `live` now; drop their stale records.
    const kept: RunEntry[] = [];
    for (let i = 0; i < data.finalCount; i++) {
      if (!changes.ids.has(recordId(data, i))) kept.push(recordAt(data, i, runsDir));
    }
    body = arraySource(kept);
  }
  const list = mergedRunList(body, live);
  if (changes.ids.size || finishedLive > STALE_LIVE_LIMIT || changes.end !== data.changesOffset) {
    writeIndex(home, changes.end, data.runsMtime, list);
  }
  return list;
}

/** `runs/` changed (or no usable index): list it, reusing cached records. */
function rebuild(home: string, runsDir: string, mtime: bigint, data: IndexData | undefined, changes: Changes): RunList {
  const ids = listDir(runsDir);
  const cached = new Map<string, number>();
  if (data && !changes.reset) {
    for (let i = 0; i < data.finalCount; i++) cached.set(recordId(data, i), i);
  }
  const keep = new Uint8Array(data?.finalCount ?? 0);
  const fresh: RunEntry[] = [];
  for (const id of ids) {
    const pos = changes.ids.has(id) ? undefined : cached.get(id);
    if (pos !== undefined) keep[pos] = 1;
    else {
      const entry = readEntry(runsDir, id);
      if (entry) fresh.push(entry);
    }
  }
  const kept: RunEntry[] = [];
  keep.forEach((k, i) => k && data && kept.push(recordAt(data, i, runsDir)));
  const finals = fresh.filter((r) => r.finalStatus && isIndexable(r)).sort(compareNewestFirst);
  const live = fresh.filter((r) => !r.finalStatus || !isIndexable(r)).sort(compareNewestFirst);
  const body = arraySource(mergeSorted(kept, finals));
  const list = mergedRunList(body, live);
  const settled = BigInt(Date.now()) * 1_000_000n - mtime > RACY_MTIME_NS;
  writeIndex(home, changes.end, settled ? String(mtime) : undefined, list);
  return list;
}

function indexSource(data: IndexData, runsDir: string): RecordSource {
  return {
    length: data.finalCount,
    at: (i) => recordAt(data, i, runsDir),
    key: (i) => ({ id: recordId(data, i), timestamp: recordTimestamp(data, i) }),
  };
}

function readEntry(runsDir: string, id: string): RunEntry | undefined {
  const dir = `${runsDir}/${id}`;
  if (!isRunDir(dir)) return undefined;
  const facts = statusFactsFor(dir);
  const status = statusFromFacts(facts);
  const timestamp = runTimestamp(dir);
  // Only runs that ended with a recorded exit status count as finished.
  const finished = (status === "completed" || status === "error" || status === "terminated") && facts.exitStatus != null;
  return { id, dir, timestamp, finalStatus: finished ? (status as FinalStatus) : undefined };
}

function writeIndex(home: string, changesOffset: number, runsMtime: string | undefined, list: RunList): void {
  const liveIds: string[] = [];
  const finals: RunEntry[] = [];
  for (const run of list) {
    if (run.finalStatus && isIndexable(run)) finals.push(run);
    else liveIds.push(run.id);
  }
  try {
    mkdirSync(join(home, "cache"), { recursive: true });
    writeFileAtomic(join(home, "cache", INDEX_FILE), formatIndex(changesOffset, runsMtime, liveIds, finals));
  } catch {
    // A cache we cannot write only costs speed next time.
  }
}

function readIndex(home: string): IndexData | undefined {
  try {
    return parseIndex(readFileSync(join(home, "cache", INDEX_FILE)));
  } catch {
    return undefined;
  }
}

function readChanges(home: string, offset: number): Changes {
  const path = join(home, "cache", CHANGES_FILE);
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    return { ids: new Set(), end: 0, reset: offset > 0 };
  }
  // A log shorter than our offset was reset: everything cached is suspect.
  if (size < offset) return { ids: new Set(), end: size, reset: true };
  if (size === offset) return { ids: new Set(), end: size, reset: false };
  const text = readFileSync(path).subarray(offset, size).toString("utf8");
  const complete = text.slice(0, text.lastIndexOf("\n") + 1);
  return { ids: new Set(complete.split("\n").filter(Boolean)), end: offset + Buffer.byteLength(complete), reset: false };
}

function runsDirMtime(runsDir: string): bigint | undefined {
  try {
    return statSync(runsDir, { bigint: true }).mtimeNs;
  } catch {
    return undefined;
  }
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir).filter((name) => !name.startsWith("."));
  } catch {
    return [];
  }
}

function mergeSorted(a: readonly RunEntry[], b: readonly RunEntry[]): RunEntry[] {
  const out: RunEntry[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    out.push(compareNewestFirst(a[i] as RunEntry, b[j] as RunEntry) <= 0 ? (a[i++] as RunEntry) : (b[j++] as RunEntry));
  }
  while (i < a.length) out.push(a[i++] as RunEntry);
  while (j < b.length) out.push(b[j++] as RunEntry);
  return out;
}
