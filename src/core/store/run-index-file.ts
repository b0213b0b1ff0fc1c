/**
 * The on-disk format of the run index (`<home>/cache/runs-index-v2`), pure:
 *
 *   guild-ts runs index v2 <changes offset> <runs/ state | -> <live> <final>\n
 *   <live run id>\n                                  (one line each)
 *   <id> <timestamp, 16 digits | 16 '-'> <C|E|T>\n   (52 bytes each, newest first)
 *
 * "Live" runs are those whose state may still change (staged, pending,
 * running) or that do not fit a record: readers always read them afresh.
 *
 * Fixed-width records let a reader take the newest runs without parsing
 * the rest: listing 20 runs of 100,000 reads 20 records.
 */
import type { RunEntry } from "./run-order.js";

export type FinalStatus = NonNullable<RunEntry["finalStatus"]>;

const HEADER = "guild-ts runs index v2";
export const RECORD_BYTES = 52;
const NO_TIMESTAMP = "-".repeat(16);
const CODES: Record<string, FinalStatus> = { C: "completed", E: "error", T: "terminated" };
const CODE_FOR: Record<FinalStatus, string> = { completed: "C", error: "E", terminated: "T" };

export interface IndexData {
  changesOffset: number;
  /** `runs/` state (`<mtime ns>:<nlink>`) the index was built against; undefined = unknown. */
  runsMtime: string | undefined;
  liveIds: string[];
  /** The final records, newest first: `count` of them from `offset`. */
  body: Buffer;
  bodyOffset: number;
  finalCount: number;
}

export function parseIndex(buf: Buffer): IndexData | undefined {
  const eol = buf.indexOf(0x0a);
  if (eol < 0) return undefined;
  const header = buf.subarray(0, eol).toString("latin1").split(" ");
  if (header.slice(0, 4).join(" ") !== HEADER || header.length !== 8) return undefined;
  const [offset, mtime, live, final] = header.slice(4);
  const liveCount = Number(live);
  const finalCount = Number(final);
  if (!Number.isInteger(liveCount) || !Number.isInteger(finalCount)) return undefined;
  const liveIds: string[] = [];
  let bodyOffset = eol + 1;
  for (let i = 0; i < liveCount; i++) {
    const end = buf.indexOf(0x0a, bodyOffset);
    if (end < 0) return undefined;
    liveIds.push(buf.toString("utf8", bodyOffset, end));
    bodyOffset = end + 1;
  }
  if (buf.length !== bodyOffset + finalCount * RECORD_BYTES) return undefined;
  return {
    changesOffset: Number(offset) || 0,
    runsMtime: mtime === "-" ? undefined : mtime,
    liveIds,
    body: buf,
    bodyOffset,
    finalCount,
  };
}

/** The i-th final record (newest first). */
export function recordAt(data: IndexData, i: number, runsDir: string): RunEntry {
  const at = data.bodyOffset + i * RECORD_BYTES;
  const id = data.body.toString("latin1", at, at + 32);
  return {
    id,
    dir: `${runsDir}/${id}`,
    timestamp: recordTimestamp(data, i),
    finalStatus: CODES[String.fromCharCode(data.body[at + 50] as number)],
  };
}

/** Position of a run's record, found by a byte search of the records. */
export function recordPosition(data: IndexData, id: string): number | undefined {
  if (id.length !== 32) return undefined;
  const needle = Buffer.from(id, "latin1");
  for (let at = data.body.indexOf(needle, data.bodyOffset); at >= 0; at = data.body.indexOf(needle, at + 1)) {
    if ((at - data.bodyOffset) % RECORD_BYTES === 0) return (at - data.bodyOffset) / RECORD_BYTES;
  }
  return undefined;
}

export function recordId(data: IndexData, i: number): string {
  const at = data.bodyOffset + i * RECORD_BYTES;
  return data.body.toString("latin1", at, at + 32);
}

/** The record's timestamp, read from its 16 ASCII digits without a string. */
export function recordTimestamp(data: IndexData, i: number): number | undefined {
  const at = data.bodyOffset + i * RECORD_BYTES + 33;
  const buf = data.body;
  if (buf[at] === 0x2d) return undefined;
  let n = 0;
  for (let k = at; k < at + 16; k++) n = n * 10 + ((buf[k] as number) - 0x30);
  return n;
}

/** Index text for `finals` (newest first, all finished) and live run ids. */
export function formatIndex(
  changesOffset: number,
  runsMtime: string | undefined,
  liveIds: readonly string[],
  finals: readonly RunEntry[],
): string {
  const parts = [`${HEADER} ${changesOffset} ${runsMtime ?? "-"} ${liveIds.length} ${finals.length}\n`];
  for (const id of liveIds) parts.push(`${id}\n`);
  for (const r of finals) {
    const ts = r.timestamp === undefined ? NO_TIMESTAMP : String(r.timestamp).padStart(16, "0");
    parts.push(`${r.id} ${ts} ${CODE_FOR[r.finalStatus as FinalStatus]}\n`);
  }
  return parts.join("");
}

/** Whether an entry fits the fixed-width format (Guild ids are 32 hex). */
export function isIndexable(r: RunEntry): boolean {
  return r.id.length === 32 && (r.timestamp === undefined || (r.timestamp >= 0 && r.timestamp < 1e16));
}
