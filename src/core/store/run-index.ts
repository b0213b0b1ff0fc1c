/**
 * The run index: a cache of what ordering and filtering runs needs, so that
 * listing a store of 100,000 runs reads a directory's state and one file.
 *
 * It is only a cache, and never trusted for what it cannot know:
 * - When `runs/` changed in a way this tool did not log (its state differs
 *   from where the logged moves lead, see run-index-changes.ts), `runs/` is
 *   listed and every run not in the index is read from its files: runs made
 *   by Guild AI or copied in by hand appear at once; removed runs disappear.
 * - Finished and staged runs are cached (timestamp, status, and the stamp
 *   the status rests on, see run-stamp.ts), running runs only for their
 *   place; pending runs are read from their files every time. A cached status is checked (a
 *   stat) before it is shown or filtered on (`recheckRunList`): a run whose
 *   files changed is logged and re-read, and takes its new place. A run
 *   this tool starts is logged at once. (A staged run that Guild AI itself
 *   starts keeps its staged place until it is shown, filtered on, or runs/
 *   changes; a finished one Guild AI restarts, until the index is rebuilt.)
 * - Deleting `<home>/cache/runs-index*` loses nothing.
 */
import { closeSync, fstatSync, mkdirSync, openSync, readSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { writeFileAtomic } from "./atomic.js";
import { dirState, noteRunChanged, readChanges, type Changes } from "./run-index-changes.js";
import {
  formatIndex,
  isIndexable,
  loadAllRecords,
  parseIndex,
  parseIndexHead,
  recordAt,
  recordId,
  recordOp,
  recordOpStamp,
  recordPositions,
  recordStamp,
  recordStatus,
  recordTimestamp,
  unfinishedPositions,
  type IndexData,
} from "./run-index-file.js";
import { arraySource, mergedRunList, type RecordSource, type RunList } from "./run-list.js";
import { compareNewestFirst, type IndexedStatus, type RunEntry } from "./run-order.js";
import { isOprefCurrent, isStampCurrent, isStampSettled, readOprefStamped, readRunEntry } from "./run-stamp.js";

export { moveRunDir, noteRunChanged } from "./run-index-changes.js";
export type { RunList };

const INDEX_FILE = "runs-index-v4";
/**
 * File times come from a coarse clock (a few ms per tick): a change made in
 * the same tick as the one that set runs/'s mtime leaves the mtime as it
 * was. So before runs/ is listed for a new index, we wait until its mtime is
 * this far in the past: any later change then gets a later mtime.
 */
const TICK_MARGIN_NS = 20_000_000n;
/**
 * Rewrite the index once this many logged or finished-live runs pile up,
 * or one per thousand records in a bigger store: a rewrite costs every
 * record (~0.4 s at 100,000 runs), replaying a logged run ~40 µs a listing.
 */
const REWRITE_AFTER = 32;
const REWRITE_PER_RECORDS = 1000;

/**
 * Entries of `runs/` that are not runs (no readable `.guild/opref`), as the
 * last `openRunList` of this process found them: listings warn about them.
 * They are kept with the live ids in the index, so they are seen every time.
 */
const skippedByHome = new Map<string, string[]>();

export function skippedEntries(home: string): readonly string[] {
  return skippedByHome.get(home) ?? [];
}

/**
 * All runs of the store, newest first (Guild's run timestamp order). The
 * cached status of a run is trusted only once `recheckRunList` has looked
 * at its position; `alsoChanged` runs are re-read from their files.
 */
export function openRunList(home: string, alsoChanged: Iterable<string> = []): RunList {
  const runsDir = join(home, "runs");
  const state = dirState(runsDir);
  if (state === undefined) return mergedRunList(arraySource([]), []);
  const data = readIndex(home);
  const changes = readChanges(home, data?.changesOffset ?? 0, data?.runsMtime);
  for (const id of alsoChanged) if (!changes.removed.has(id)) changes.changed.add(id);
  if (data && !changes.reset && changes.chainEnd === state) return fromIndex(home, runsDir, data, changes);
  return rebuild(home, runsDir, settledState(runsDir, state), data, changes);
}

/**
 * `list`, with its cached runs at positions `start` to `end` checked
 * against their files (a stat each). Runs that changed are logged and
 * re-read, which may move them: the list is opened again until the
 * positions hold only checked runs.
 */
export function recheckRunList(
  home: string,
  list: RunList,
  start: number,
  end: number,
  needsCheck?: (status: IndexedStatus, position: number) => boolean,
): RunList {
  const changed = new Set<string>();
  for (let round = 0; round < 4; round++) {
    const stale = list.staleIn(start, end, needsCheck).filter((id) => !changed.has(id));
    if (!stale.length) return list;
    for (const id of stale) {
      changed.add(id);
      noteRunChanged(join(home, "runs", id));
    }
    list = openRunList(home, changed);
  }
  return list;
}

/**
 * runs/'s state once its clock tick has passed (see TICK_MARGIN_NS), or
 * undefined if it keeps changing: the index is then built without a base
 * and the next reader lists runs/ again.
 */
function settledState(runsDir: string, state: string): string | undefined {
  let current: string | undefined = state;
  for (let tries = 0; tries < 5 && current !== undefined; tries++) {
    const age = BigInt(Date.now()) * 1_000_000n - BigInt(current.slice(0, current.indexOf(":")));
    if (age >= TICK_MARGIN_NS) return current;
    sleepMs(Number((TICK_MARGIN_NS - age) / 1_000_000n) + 1);
    current = dirState(runsDir);
  }
  return undefined;
}

function sleepMs(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Every change to runs/ since the index is known: read only what changed. */
function fromIndex(home: string, runsDir: string, data: IndexData, changes: Changes): RunList {
  const live: RunEntry[] = [];
  const skipped: string[] = [];
  const wasLive = new Set(data.liveIds);
  let nowIndexable = 0;
  for (const id of new Set([...data.liveIds, ...changes.changed])) {
    if (changes.removed.has(id)) continue;
    const entry = readRunEntry(runsDir, id);
    if (!entry) {
      if (wasLive.has(id)) skipped.push(id);
      continue;
    }
    live.push(entry);
    if (isIndexable(entry)) nowIndexable++;
  }
  live.sort(compareNewestFirst);
  const skip = [...recordPositions(data, [...changes.changed, ...changes.removed]).values()];
  const list = mergedRunList(indexSource(data, runsDir, skip), live);
  skippedByHome.set(home, skipped);
  if (skip.length + nowIndexable + changes.added.size > Math.max(REWRITE_AFTER, data.finalCount / REWRITE_PER_RECORDS)) {
    writeIndex(home, changes.end, changes.chainEnd, list, skipped);
  }
  return list;
}

/** runs/ changed behind our back (or no usable index): list it. */
function rebuild(home: string, runsDir: string, base: string | undefined, data: IndexData | undefined, changes: Changes): RunList {
  const ids = listDir(runsDir);
  const cached = new Map<string, number>();
  if (data && !changes.reset) {
    for (let i = 0; i < data.finalCount; i++) cached.set(recordId(data, i), i);
  }
  const keep = new Uint8Array(data?.finalCount ?? 0);
  const fresh: RunEntry[] = [];
  const skipped: string[] = [];
  for (const id of ids) {
    // runs/ is listed anyway: check the staged and running runs too (a
    // stat each), whose place changes when they start. (A finished run
    // keeps its place; its status is checked when shown.)
    const pos = changes.changed.has(id) ? undefined : cached.get(id);
    if (pos !== undefined && data && (!recordStamp(data, pos).unfinished || recordIsCurrent(data, pos, runsDir))) keep[pos] = 1;
    else {
      const entry = readRunEntry(runsDir, id);
      if (entry) fresh.push(entry);
      else skipped.push(id);
    }
  }
  const kept: RunEntry[] = [];
  keep.forEach((k, i) => k && data && kept.push(recordAt(data, i, runsDir)));
  const cachedFresh = fresh.filter(isIndexable).sort(compareNewestFirst);
  const live = fresh.filter((r) => !isIndexable(r)).sort(compareNewestFirst);
  const list = mergedRunList(arraySource(mergeSorted(kept, cachedFresh)), live);
  skippedByHome.set(home, skipped);
  writeIndex(home, changes.end, base, list, skipped);
  return list;
}

/** The index's records, less those at `skip` positions (changed or removed runs). */
function indexSource(data: IndexData, runsDir: string, skip: number[]): RecordSource {
  const skipped = [...new Set(skip)].sort((a, b) => a - b);
  // Physical position of the i-th record still listed.
  const physical = (i: number): number => {
    if (!skipped.length) return i;
    let p = i;
    for (const s of skipped) {
      if (s <= p) p++;
      else break;
    }
    return p;
  };
  const skippedSet = new Set(skipped);
  return {
    length: data.finalCount - skipped.length,
    at: (i) => recordAt(data, physical(i), runsDir),
    key: (i) => ({ id: recordId(data, physical(i)), timestamp: recordTimestamp(data, physical(i)) }),
    isCurrent: (i) => recordIsCurrent(data, physical(i), runsDir),
    statusOf: (i) => recordStatus(data, physical(i)),
    unfinished: () => unfinishedPositions(data).filter((p) => !skippedSet.has(p)).map((p) => recordAt(data, p, runsDir)),
    oprefOf: (i) => {
      const op = recordOp(data, physical(i));
      return op < 0 ? undefined : data.ops[op];
    },
    isOprefCurrent: (i) => isOprefCurrent(`${runsDir}/${recordId(data, physical(i))}`, recordOpStamp(data, physical(i))),
  };
}

function recordIsCurrent(data: IndexData, pos: number, runsDir: string): boolean {
  const { unfinished, stamp } = recordStamp(data, pos);
  return isStampCurrent(`${runsDir}/${recordId(data, pos)}`, unfinished ? "staged" : "completed", stamp);
}

function writeIndex(home: string, changesOffset: number, runsState: string | undefined, list: RunList, skipped: readonly string[]): void {
  const liveIds: string[] = [...skipped];
  const finals: RunEntry[] = [];
  const nowUs = Date.now() * 1000;
  for (const run of list) {
    if (isIndexable(run) && isStampSettled(run.stamp as number, nowUs)) finals.push(run.opref === undefined ? withOpref(run, nowUs) : run);
    else liveIds.push(run.id);
  }
  try {
    mkdirSync(join(home, "cache"), { recursive: true });
    writeFileAtomic(join(home, "cache", INDEX_FILE), formatIndex(changesOffset, runsState, liveIds, finals));
  } catch {
    // A cache we cannot write only costs speed next time.
  }
}

/** `run` with its operation to cache, if its opref's stamp is settled. */
function withOpref(run: RunEntry, nowUs: number): RunEntry {
  const op = readOprefStamped(run.dir);
  return op.oprefStamp !== undefined && isStampSettled(op.oprefStamp, nowUs) ? { ...run, ...op } : run;
}

/** What is read with the header: the newest ~170 records, enough for a listing's rows. */
const HEAD_BYTES = 16 * 1024;

/** Per index path, the open index whose file is still open for its records. */
const openIndexes = new Map<string, { data: IndexData; fd: number }>();

/**
 * The index, its header and first records read; the rest read from the
 * same open file when asked (run-index-file.ts), so a newer index written
 * meanwhile (an atomic rename) never mixes in. One file stays open per
 * index path: the previous one's records are read in full and its file
 * closed when the index is read again.
 */
function readIndex(home: string): IndexData | undefined {
  const path = join(home, "cache", INDEX_FILE);
  const previous = openIndexes.get(path);
  if (previous) {
    openIndexes.delete(path);
    try {
      loadAllRecords(previous.data);
    } catch {
      // Unreadable now: that list can no longer be read past its head.
    }
    closeSync(previous.fd);
  }
  let fd: number | undefined;
  try {
    fd = openSync(path, "r");
    const size = fstatSync(fd).size;
    const head = readBytes(fd, 0, Math.min(size, HEAD_BYTES));
    const open = fd;
    const read = (position: number, length: number) => readBytes(open, position, length);
    // A head too short for the live ids and operations: the whole file, from the same open file.
    const data = parseIndexHead(head, size, read) ?? (size > head.length ? parseIndex(readBytes(open, 0, size)) : undefined);
    if (data && !data.records.all) {
      openIndexes.set(path, { data, fd });
      fd = undefined;
    }
    return data;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * `length` bytes of `fd` from `position`; a file cut short reads as zeros
 * past its end. (Unsafe: a page fits Node's shared pool, where a zeroed
 * buffer of its own each costs a fault and GC pressure.)
 */
function readBytes(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buf, done, length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return done < length ? buf.fill(0, done) : buf;
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
