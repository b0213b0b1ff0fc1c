/**
 * Scalars of an event file, fast: nearly every event Guild and TensorBoard
 * write is `wall_time · step · summary{value{tag · simple_value}…}` (or a
 * `file_version` event), so that shape is read straight from the record
 * bytes, with no per-field objects, no BigInt and one string per distinct
 * tag, each point pushed straight into its tag's columns (no callback per
 * point: unoptimised code would box every double passed). Any other shape
 * (tensor scalars, plugin metadata, unknown or repeated fields, NaN values,
 * steps past 2^49 or negative) goes to the generic decoder in event.ts,
 * which stays the reference: both give the same scalars
 * (test/unit/tfevent/scalar-scan.test.ts). Records are framed and
 * CRC-checked by scanRecords exactly as before: a torn or corrupt record
 * ends the read, it is never taken as data.
 */
import { decodeEventScalars } from "./event.js";
import { scanRecords } from "./tfrecord.js";

/** One tag's points, in file order. */
export interface ScalarColumns {
  step: number[];
  value: number[];
  /** Wall time of each point, in seconds. */
  time: number[];
}

// Keys, `(field << 3) | wireType`, each one byte for these field numbers.
const EVENT_WALL_TIME = 0x09; // 1 double
const EVENT_STEP = 0x10; // 2 varint
const EVENT_FILE_VERSION = 0x1a; // 3 string
const EVENT_SUMMARY = 0x2a; // 5 Summary
const SUMMARY_VALUE = 0x0a; // 1 Summary.Value
const VALUE_TAG = 0x0a; // 1 string
const VALUE_SIMPLE = 0x15; // 2 float

// 7 varint bytes hold 49 bits, exact as a double; a longer varint (a negative
// int64 step takes 10) is left to the generic decoder.
const MAX_VARINT_BYTES = 7;
const MAX_CACHED_TAGS = 64;

/**
 * The columns of each tag read so far, and the tags' bytes, so that a file's
 * repeated tags are found by comparing a few bytes, not decoded and hashed
 * for every point. Kept with a file between incremental reads.
 */
export class ScalarTable {
  readonly byTag = new Map<string, ScalarColumns>();
  readonly #bytes: Buffer[] = [];
  readonly #columns: ScalarColumns[] = [];

  columns(tag: string): ScalarColumns {
    let c = this.byTag.get(tag);
    if (!c) this.byTag.set(tag, (c = { step: [], value: [], time: [] }));
    return c;
  }

  /** The columns of the tag in `buf[start, end)`. */
  columnsAt(buf: Buffer, start: number, end: number): ScalarColumns {
    const n = end - start;
    next: for (let i = 0; i < this.#bytes.length; i++) {
      const b = this.#bytes[i] as Buffer;
      if (b.length !== n) continue;
      for (let j = 0; j < n; j++) if (b[j] !== buf[start + j]) continue next;
      return this.#columns[i] as ScalarColumns;
    }
    const c = this.columns(buf.toString("utf8", start, end));
    if (this.#bytes.length < MAX_CACHED_TAGS) {
      // A copy: the table must not keep the whole file's buffer alive.
      this.#bytes.push(Buffer.from(buf.subarray(start, end)));
      this.#columns.push(c);
    }
    return c;
  }
}

function push(c: ScalarColumns, step: number, value: number, time: number): void {
  c.step.push(step);
  c.value.push(value);
  c.time.push(time);
}

/**
 * Every scalar of the good records of `buf` (see scanRecords), in order,
 * into `table`; returns the bytes consumed. A record that is not an Event
 * is skipped, as TensorBoard skips it.
 */
export function scanEventScalars(buf: Buffer, table: ScalarTable): number {
  return scanRecords(buf, (start, end) => {
    if (fastEvent(buf, start, end, table)) return;
    let scalars;
    try {
      scalars = decodeEventScalars(buf.subarray(start, end));
    } catch {
      return;
    }
    for (const s of scalars) push(table.columns(s.tag), s.step, s.value, s.wallTime);
  });
}

// The read cursor of the functions below: module state rather than a
// returned object per varint.
let pos = 0;

/** The varint at `pos`, advancing it; -1 if truncated or too long for this path. */
function readVarint(buf: Buffer, end: number): number {
  let result = 0;
  let scale = 1;
  for (let i = 0; i < MAX_VARINT_BYTES && pos < end; i++) {
    const byte = buf[pos++] as number;
    result += (byte & 0x7f) * scale;
    if (byte < 0x80) return result;
    scale *= 128;
  }
  return -1;
}

/** Decodes a common-shape event into `table`; false (nothing added) for any other. */
function fastEvent(buf: Buffer, start: number, end: number, table: ScalarTable): boolean {
  let wallTime = 0;
  let step = 0;
  let summaryStart = -1;
  let summaryEnd = -1;
  pos = start;
  while (pos < end) {
    const key = buf[pos++];
    if (key === EVENT_WALL_TIME) {
      if (pos + 8 > end) return false;
      wallTime = buf.readDoubleLE(pos);
      pos += 8;
    } else if (key === EVENT_STEP) {
      step = readVarint(buf, end);
      if (step < 0) return false;
    } else if (key === EVENT_FILE_VERSION || (key === EVENT_SUMMARY && summaryStart < 0)) {
      const length = readVarint(buf, end);
      if (length < 0 || pos + length > end) return false;
      if (key === EVENT_SUMMARY) {
        summaryStart = pos;
        summaryEnd = pos + length;
      }
      pos += length;
    } else return false;
  }
  if (summaryStart < 0) return true;
  // Checked whole before any scalar is added, so a fallback never repeats one.
  if (!summaryValues(buf, summaryStart, summaryEnd, undefined, 0, 0)) return false;
  summaryValues(buf, summaryStart, summaryEnd, table, step, wallTime);
  return true;
}

/** Walks a Summary of tag + simple_value values, adding them if `table` is given. */
function summaryValues(buf: Buffer, start: number, end: number, table: ScalarTable | undefined, step: number, wallTime: number): boolean {
  pos = start;
  while (pos < end) {
    if (buf[pos++] !== SUMMARY_VALUE) return false;
    const length = readVarint(buf, end);
    if (length < 0 || pos + length > end) return false;
    const valueEnd = pos + length;
    let tagStart = -1;
    let tagEnd = -1;
    let value = Number.NaN;
    while (pos < valueEnd) {
      const key = buf[pos++];
      if (key === VALUE_TAG && tagStart < 0) {
        const n = readVarint(buf, valueEnd);
        if (n < 0 || pos + n > valueEnd) return false;
        tagStart = pos;
        tagEnd = pos + n;
        pos = tagEnd;
      } else if (key === VALUE_SIMPLE && pos + 4 <= valueEnd && Number.isNaN(value)) {
        value = buf.readFloatLE(pos);
        pos += 4;
      } else return false;
    }
    // No value (or a NaN one, rare enough): the generic decoder decides.
    if (tagStart < 0 || Number.isNaN(value)) return false;
    if (table) push(table.columnsAt(buf, tagStart, tagEnd), step, value, wallTime);
    pos = valueEnd;
  }
  return true;
}
