/**
 * The on-disk format of the run index (`<home>/cache/runs-index-v4`), pure:
 *
 *   guild-ts runs index v4 <changes offset> <runs/ state | -> <live> <ops> <records>\n
 *   <live run id>\n                                     (one line each)
 *   <opref line>\n                                      (one per distinct operation)
 *   <id> <timestamp, 16 digits | 16 '-'> <C|E|T|S|R> <stamp, 16 digits>
 *     <op, 6 digits | 6 '-'> <opref stamp, 16 digits>\n (93 bytes each, newest first)
 *
 * Records hold runs that finished (Completed, Error, Terminated), are
 * Staged, or Running (its place only), with the stamp their status is
 * checked against (run-stamp.ts), and their operation: the line of their
 * `.guild/opref` (as a number into the op lines, which most runs share)
 * with that file's stamp, so that an operation filter reads no opref.
 * "Live" runs are the others (pending, running, just changed) and those
 * that do not fit a record: readers always read them afresh.
 *
 * Fixed-width records let a reader take the newest runs without parsing
 * the rest: listing 20 runs of 100,000 reads 20 records.
 */
import type { IndexedStatus, RunEntry } from "./run-order.js";

const HEADER = "guild-ts runs index v4";
export const RECORD_BYTES = 93;
const NO_TIMESTAMP = "-".repeat(16);
const CODES: Record<string, IndexedStatus> = { C: "completed", E: "error", T: "terminated", S: "staged", R: "running" };
/** Status by code byte: what filters read for every record, without a string. */
const STATUS_BY_BYTE: (IndexedStatus | undefined)[] = [];
for (const [code, status] of Object.entries(CODES)) STATUS_BY_BYTE[code.charCodeAt(0)] = status;
const CODE_FOR: Record<IndexedStatus, string> = { completed: "C", error: "E", terminated: "T", staged: "S", running: "R" };
const CODE_AT = 50;
const STAMP_AT = 52;
const OP_AT = 69;
const OP_STAMP_AT = 76;
const NO_OP = "-".repeat(6);
const MAX_OPS = 1e6;
const STAGED_CODE = 0x53;
const RUNNING_CODE = 0x52;

export interface IndexData {
  changesOffset: number;
  /** `runs/` state (`<mtime ns>:<nlink>`) the index was built against; undefined = unknown. */
  runsMtime: string | undefined;
  liveIds: string[];
  /** Distinct opref lines, numbered by the records' op field. */
  ops: string[];
  /** How many records there are, newest first (read through `records`). */
  finalCount: number;
  records: RecordBytes;
}

/**
 * Where the records' bytes are: those read with the header (`head`, the
 * file's first bytes), pages read when a record past them is asked for, or
 * all of them once a caller needs every record. A listing of 20 runs of
 * 100,000 reads its 20 records, not 9 MB: fresh memory costs a page fault
 * for every 4 KiB touched, ~14 µs each on some VMs, more than the listing.
 */
export interface RecordBytes {
  head: Buffer;
  /** Records in `head`. */
  headCount: number;
  /** Page p: records `headCount + p * PAGE_RECORDS` on. */
  pages: Map<number, Buffer>;
  /** Every record from the first, once read. */
  all: Buffer | undefined;
  /** Reads `length` bytes of the file at `position` (not called once `all` is there). */
  read: (position: number, length: number) => Buffer;
  /** File offset of the first record (in `head` too). */
  bodyOffset: number;
}

/** Records a page holds: 44 × 93 bytes fit a 4 KiB page. */
const PAGE_RECORDS = 44;
/** Past this many pages a caller is walking the records: read them all at once. */
const PAGES_BEFORE_ALL = 4;

/** The index in `buf`, the whole file. */
export function parseIndex(buf: Buffer): IndexData | undefined {
  return parseIndexHead(buf, buf.length, (position, length) => buf.subarray(position, position + length));
}

/**
 * The index from `head`, its first bytes, in a file of `fileSize` bytes
 * that `read` reads more of; undefined if damaged or if `head` is too
 * short to hold the header, live ids and operations (read it whole then).
 */
export function parseIndexHead(head: Buffer, fileSize: number, read: RecordBytes["read"]): IndexData | undefined {
  const buf = head;
  const eol = buf.indexOf(0x0a);
  if (eol < 0) return undefined;
  const header = buf.subarray(0, eol).toString("latin1").split(" ");
  if (header.slice(0, 4).join(" ") !== HEADER || header.length !== 9) return undefined;
  const [offset, mtime, live, opCount, final] = header.slice(4);
  const liveCount = Number(live);
  const finalCount = Number(final);
  if (!Number.isInteger(liveCount) || !Number.isInteger(finalCount) || !Number.isInteger(Number(opCount))) return undefined;
  const reader = { at: eol + 1 };
  const liveIds = readLines(buf, reader, liveCount);
  const ops = readLines(buf, reader, Number(opCount));
  const bodyOffset = reader.at;
  if (!liveIds || !ops || fileSize !== bodyOffset + finalCount * RECORD_BYTES) return undefined;
  const headCount = Math.min(finalCount, Math.floor((buf.length - bodyOffset) / RECORD_BYTES));
  return {
    changesOffset: Number(offset) || 0,
    runsMtime: mtime === "-" ? undefined : mtime,
    liveIds,
    ops,
    finalCount,
    records: {
      head: buf,
      headCount,
      pages: new Map(),
      all: buf.length === fileSize ? buf.subarray(bodyOffset) : undefined,
      read,
      bodyOffset,
    },
  };
}

let located: Buffer = Buffer.alloc(0);

/**
 * Offset of record i's bytes in `located` (set by this call), reading
 * them first if they are not in memory.
 */
function locate(data: IndexData, i: number): number {
  const r = data.records;
  if (r.all !== undefined) {
    located = r.all;
    return i * RECORD_BYTES;
  }
  return locateSlow(data, r, i);
}

function locateSlow(data: IndexData, r: RecordBytes, i: number): number {
  if (i < r.headCount) {
    located = r.head;
    return r.bodyOffset + i * RECORD_BYTES;
  }
  const k = i - r.headCount;
  const p = Math.floor(k / PAGE_RECORDS);
  let page = r.pages.get(p);
  if (!page && r.pages.size >= PAGES_BEFORE_ALL) {
    located = loadAllRecords(data);
    return i * RECORD_BYTES;
  }
  if (!page) {
    const first = r.headCount + p * PAGE_RECORDS;
    const count = Math.min(PAGE_RECORDS, data.finalCount - first);
    page = r.read(r.bodyOffset + first * RECORD_BYTES, count * RECORD_BYTES);
    r.pages.set(p, page);
  }
  located = page;
  return (k - p * PAGE_RECORDS) * RECORD_BYTES;
}

/** Every record in memory (for callers that look at all of them); returns them. */
export function loadAllRecords(data: IndexData): Buffer {
  const r = data.records;
  if (!r.all) {
    r.all = r.read(r.bodyOffset, data.finalCount * RECORD_BYTES);
    r.pages.clear();
  }
  return r.all;
}

function readLines(buf: Buffer, reader: { at: number }, count: number): string[] | undefined {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const end = buf.indexOf(0x0a, reader.at);
    if (end < 0) return undefined;
    lines.push(buf.toString("utf8", reader.at, end));
    reader.at = end + 1;
  }
  return lines;
}

/** The i-th final record (newest first). */
export function recordAt(data: IndexData, i: number, runsDir: string): RunEntry {
  const at = locate(data, i);
  const body = located;
  const id = body.toString("latin1", at, at + 32);
  return {
    id,
    dir: `${runsDir}/${id}`,
    timestamp: recordTimestamp(data, i),
    indexedStatus: CODES[String.fromCharCode(body[at + CODE_AT] as number)],
    stamp: digitsAt(body, at + STAMP_AT),
    ...opOf(data, i),
  };
}

function opOf(data: IndexData, i: number): Pick<RunEntry, "opref" | "oprefStamp"> {
  const op = recordOp(data, i);
  return op < 0 ? {} : { opref: data.ops[op], oprefStamp: recordOpStamp(data, i) };
}

/** Record i's number into `data.ops`, or -1 when its operation is not cached. */
export function recordOp(data: IndexData, i: number): number {
  const at = locate(data, i) + OP_AT;
  const body = located;
  if (body[at] === 0x2d) return -1;
  let n = 0;
  for (let k = at; k < at + 6; k++) n = n * 10 + ((body[k] as number) - 0x30);
  return n < data.ops.length ? n : -1;
}

/** The stamp of record i's `.guild/opref` (see run-stamp.ts). */
export function recordOpStamp(data: IndexData, i: number): number {
  const at = locate(data, i);
  return digitsAt(located, at + OP_STAMP_AT);
}

/** Record i's status, read without making an entry. */
export function recordStatus(data: IndexData, i: number): IndexedStatus | undefined {
  const at = locate(data, i);
  return STATUS_BY_BYTE[located[at + CODE_AT] as number];
}

/** What record i's status rests on (see run-stamp.ts), read without making an entry. */
export function recordStamp(data: IndexData, i: number): { unfinished: boolean; stamp: number } {
  const at = locate(data, i);
  const body = located;
  const code = body[at + CODE_AT];
  return { unfinished: code === STAGED_CODE || code === RUNNING_CODE, stamp: digitsAt(body, at + STAMP_AT) };
}

/** Positions of the staged and running records, found from their code bytes alone. */
export function unfinishedPositions(data: IndexData): number[] {
  const body = loadAllRecords(data);
  const out: number[] = [];
  for (let i = 0, at = CODE_AT; i < data.finalCount; i++, at += RECORD_BYTES) {
    if (body[at] === STAGED_CODE || body[at] === RUNNING_CODE) out.push(i);
  }
  return out;
}

/**
 * Positions of several runs' records, found in one pass over the records
 * (a byte search per run costs a pass each: ~2 ms per run at 100,000).
 */
export function recordPositions(data: IndexData, ids: readonly string[]): Map<string, number> {
  const found = new Map<string, number>();
  const wanted = new Map<number, string[]>();
  for (const id of ids) {
    if (id.length !== 32) continue;
    const key = Buffer.from(id, "latin1").readUInt32LE(0);
    const same = wanted.get(key);
    if (same) same.push(id);
    else wanted.set(key, [id]);
  }
  if (!wanted.size) return found;
  const body = loadAllRecords(data);
  for (let i = 0, at = 0; i < data.finalCount; i++, at += RECORD_BYTES) {
    const candidates = wanted.get(body.readUInt32LE(at));
    if (!candidates) continue;
    const id = body.toString("latin1", at, at + 32);
    if (candidates.includes(id) && !found.has(id)) found.set(id, i);
  }
  return found;
}

export function recordId(data: IndexData, i: number): string {
  const at = locate(data, i);
  return located.toString("latin1", at, at + 32);
}

/** The record's timestamp, read from its 16 ASCII digits without a string. */
export function recordTimestamp(data: IndexData, i: number): number | undefined {
  const at = locate(data, i) + 33;
  return located[at] === 0x2d ? undefined : digitsAt(located, at);
}

function digitsAt(buf: Buffer, at: number): number {
  let n = 0;
  for (let k = at; k < at + 16; k++) n = n * 10 + ((buf[k] as number) - 0x30);
  return n;
}

/** Index text for `finals` (newest first, each indexable) and live run ids. */
export function formatIndex(
  changesOffset: number,
  runsMtime: string | undefined,
  liveIds: readonly string[],
  finals: readonly RunEntry[],
): string {
  const ops = new Map<string, number>();
  const records: string[] = [];
  for (const r of finals) {
    const ts = r.timestamp === undefined ? NO_TIMESTAMP : String(r.timestamp).padStart(16, "0");
    const stamp = String(r.stamp).padStart(16, "0");
    let op = NO_OP;
    let opStamp = 0;
    if (hasCachableOp(r) && (ops.has(r.opref) || ops.size < MAX_OPS)) {
      if (!ops.has(r.opref)) ops.set(r.opref, ops.size);
      op = String(ops.get(r.opref)).padStart(6, "0");
      opStamp = r.oprefStamp;
    }
    records.push(`${r.id} ${ts} ${CODE_FOR[r.indexedStatus as IndexedStatus]} ${stamp} ${op} ${String(opStamp).padStart(16, "0")}\n`);
  }
  const head = `${HEADER} ${changesOffset} ${runsMtime ?? "-"} ${liveIds.length} ${ops.size} ${finals.length}\n`;
  return [head, ...liveIds.map((id) => `${id}\n`), ...[...ops.keys()].map((line) => `${line}\n`), ...records].join("");
}

function hasCachableOp(r: RunEntry): r is RunEntry & { opref: string; oprefStamp: number } {
  const stamp = r.oprefStamp;
  return r.opref !== undefined && !r.opref.includes("\n") && stamp !== undefined && Number.isInteger(stamp) && stamp >= 0 && stamp < 1e16;
}

/**
 * Whether an entry fits a record: a known status with its stamp, and the
 * fixed widths (Guild ids are 32 hex).
 */
export function isIndexable(r: RunEntry): boolean {
  const fits = (n: number) => Number.isInteger(n) && n >= 0 && n < 1e16;
  return (
    r.id.length === 32 &&
    r.indexedStatus !== undefined &&
    r.stamp !== undefined &&
    fits(r.stamp) &&
    (r.timestamp === undefined || fits(r.timestamp))
  );
}
