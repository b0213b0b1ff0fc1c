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
 * CRC-checked by recordDataEnd exactly as before: a torn or corrupt record
 * ends the read, it is never taken as data.
 */
import { decodeEventScalars } from "./event.js";
import { HEADER, nextRecord, recordDataEnd } from "./tfrecord.js";

/** A tag's points in file order: step, value and wall time (seconds) of each. */
export interface ScalarPoints {
  step: Float64Array;
  value: Float64Array;
  time: Float64Array;
}

/**
 * One tag's points as they are read: the first `length` entries of each
 * column, the rest room to grow. Typed arrays, not number[]: their storage
 * is outside the JS heap, so 10,000s of points a file cost the garbage
 * collector nothing while a scan fills them (growing arrays of doubles had
 * been a third of a cold read's time), and they grow by plain copies.
 */
export interface ScalarColumns extends ScalarPoints {
  length: number;
  /** The exact-length view last handed out (columnsPoints), while `length` is unchanged. */
  view?: ScalarPoints;
}

// Room for a tag's points when it is first seen: enough for the rest of the
// buffer if every record held one (see columnsAt), but no more than this,
// so a file of many rare tags does not reserve a full column for each.
const MIN_ROOM = 16;
const MAX_FIRST_ROOM = 16_384;

export function newColumns(room = MIN_ROOM): ScalarColumns {
  return { length: 0, step: new Float64Array(room), value: new Float64Array(room), time: new Float64Array(room) };
}

/** The points of `c` read so far, as exact-length views (the same object until more are read). */
export function columnsPoints(c: ScalarColumns): ScalarPoints {
  if (c.view?.step.length !== c.length) c.view = { step: c.step.subarray(0, c.length), value: c.value.subarray(0, c.length), time: c.time.subarray(0, c.length) };
  return c.view;
}

function resize(c: ScalarColumns, room: number): void {
  const n = c.length;
  const grown = (a: Float64Array) => {
    const b = new Float64Array(room);
    b.set(a.subarray(0, n));
    return b;
  };
  c.step = grown(c.step);
  c.value = grown(c.value);
  c.time = grown(c.time);
  // A view handed out would keep the old arrays alive.
  c.view = undefined;
}

function push(c: ScalarColumns, step: number, value: number, time: number): void {
  const n = c.length;
  if (n === c.step.length) resize(c, 2 * n + MIN_ROOM);
  c.step[n] = step;
  c.value[n] = value;
  c.time[n] = time;
  c.length = n + 1;
}

/** Gives back the room a scan reserved and did not use (more than half the columns), keeping a quarter spare. */
function trim(c: ScalarColumns): void {
  if (c.step.length > 2 * c.length + 4 * MIN_ROOM) resize(c, c.length + (c.length >> 2) + MIN_ROOM);
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
  readonly #bytes: Uint8Array[] = [];
  readonly #columns: ScalarColumns[] = [];

  columns(tag: string, room = MIN_ROOM): ScalarColumns {
    let c = this.byTag.get(tag);
    if (!c) this.byTag.set(tag, (c = newColumns(room)));
    return c;
  }

  /**
   * The columns of the tag in `buf[start, end)`; a new tag gets room for
   * `room` points.
   */
  columnsAt(buf: Buffer, start: number, end: number, room: number): ScalarColumns {
    const n = end - start;
    next: for (let i = 0; i < this.#bytes.length; i++) {
      const b = this.#bytes[i] as Uint8Array;
      if (b.length !== n) continue;
      for (let j = 0; j < n; j++) if (b[j] !== buf[start + j]) continue next;
      return this.#columns[i] as ScalarColumns;
    }
    return this.#newTagAt(buf, start, end, room);
  }

  // Apart from columnsAt, which runs for every point: this runs once a tag
  // a file, and code the optimised columnsAt had not seen run threw it away.
  #newTagAt(buf: Buffer, start: number, end: number, room: number): ScalarColumns {
    const c = this.columns(buf.toString("utf8", start, end), room);
    if (this.#bytes.length < MAX_CACHED_TAGS) {
      // A copy: the table must not keep the whole file's buffer alive.
      this.#bytes.push(Uint8Array.prototype.slice.call(buf, start, end));
      this.#columns.push(c);
    }
    return c;
  }
}

/**
 * Every scalar of the good records of `buf` (see recordDataEnd), in order,
 * into `table`; returns the bytes consumed. A record that is not an Event
 * is skipped, as TensorBoard skips it. The loop over records is here, not
 * a scanRecords callback: a new closure per file made the optimised loop
 * give up at each file (a call target it had not seen), and a cold server
 * reads its first files before the JIT has settled.
 */
export function scanEventScalars(buf: Buffer, table: ScalarTable): number {
  const consumed = scanRecordsInto(buf, table);
  for (const c of table.byTag.values()) trim(c);
  return consumed;
}

// The loop alone in its function: its optimised (on-stack-replaced) code
// then ends where the loop ends, and never meets code it has no feedback for.
function scanRecordsInto(buf: Buffer, table: ScalarTable): number {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let pos = 0;
  for (let end; (end = recordDataEnd(buf, view, pos)) >= 0; pos = nextRecord(end)) {
    const start = pos + HEADER;
    if (!fastEvent(buf, view, start, end, table)) slowEvent(buf.subarray(start, end), table);
  }
  return pos;
}

/** Any other Event, through the generic decoder (a record it cannot decode adds nothing). */
function slowEvent(record: Buffer, table: ScalarTable): void {
  let scalars;
  try {
    scalars = decodeEventScalars(record);
  } catch {
    return;
  }
  for (const s of scalars) push(table.columns(s.tag), s.step, s.value, s.wallTime);
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
function fastEvent(buf: Buffer, view: DataView, start: number, end: number, table: ScalarTable): boolean {
  let wallTime = 0;
  let step = 0;
  let summaryStart = -1;
  let summaryEnd = -1;
  pos = start;
  while (pos < end) {
    const key = buf[pos++];
    if (key === EVENT_WALL_TIME) {
      if (pos + 8 > end) return false;
      wallTime = view.getFloat64(pos, true);
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
  if (!summaryValues(buf, view, summaryStart, summaryEnd, table, false, 0, 0, 0)) return false;
  // A new tag gets room for one point per record of the rest of the buffer
  // (a record is its data and 16 bytes of framing): right for the usual
  // file of one event per step.
  const room = Math.min(MAX_FIRST_ROOM, Math.ceil((buf.length - start) / (end - start + 16))) | 0;
  summaryValues(buf, view, summaryStart, summaryEnd, table, true, step, wallTime, room);
  return true;
}

/** Walks a Summary of tag + simple_value values, adding them to `table` if `add`. */
function summaryValues(buf: Buffer, view: DataView, start: number, end: number, table: ScalarTable, add: boolean, step: number, wallTime: number, room: number): boolean {
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
        value = view.getFloat32(pos, true);
        pos += 4;
      } else return false;
    }
    // No value (or a NaN one, rare enough): the generic decoder decides.
    if (tagStart < 0 || Number.isNaN(value)) return false;
    if (add) push(table.columnsAt(buf, tagStart, tagEnd, room), step, value, wallTime);
    pos = valueEnd;
  }
  return true;
}
