/**
 * TFRecord framing, the container of TensorBoard event files. Each record:
 *
 *   uint64 length (little-endian) · uint32 masked CRC-32C of those 8 bytes ·
 *   data · uint32 masked CRC-32C of data
 */
import { maskedCrc32c } from "./crc32c.js";

export const HEADER = 12;
const FOOTER = 4;

export function frameRecord(data: Uint8Array): Buffer {
  const out = Buffer.alloc(HEADER + data.length + FOOTER);
  out.writeBigUInt64LE(BigInt(data.length), 0);
  out.writeUInt32LE(maskedCrc32c(out.subarray(0, 8)), 8);
  out.set(data, HEADER);
  out.writeUInt32LE(maskedCrc32c(data), HEADER + data.length);
  return out;
}

/**
 * The end of the data of the record at `pos` (its data starts 12 bytes
 * in), or -1 if that record is incomplete or fails a checksum (a file being
 * written by a live run can end in a partial record, and TensorBoard stops
 * there too). `view` is a DataView of `buf`: its reads compile to plain
 * loads, where Buffer's readUInt32LE is a call each.
 */
export function recordDataEnd(buf: Uint8Array, view: DataView, pos: number): number {
  if (pos + HEADER > buf.length) return -1;
  if (view.getUint32(pos + 8, true) !== maskedCrc32c(buf, pos, pos + 8)) return -1;
  // Two halves, not a BigInt per record; a length past 2^53 overruns the buffer either way.
  const length = view.getUint32(pos, true) + view.getUint32(pos + 4, true) * 2 ** 32;
  const end = pos + HEADER + length;
  if (end + FOOTER > buf.length) return -1;
  if (view.getUint32(end, true) !== maskedCrc32c(buf, pos + HEADER, end)) return -1;
  return end;
}

/** Where the record after the one whose data ends at `dataEnd` starts. */
export function nextRecord(dataEnd: number): number {
  return dataEnd + FOOTER;
}

/**
 * Visits the data range of each record of a file, up to the first one that
 * is incomplete or fails its checksum (recordDataEnd). Returns the bytes
 * consumed: the end of the last good record.
 */
export function scanRecords(buf: Buffer, visit: (start: number, end: number) => void): number {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let pos = 0;
  for (let end; (end = recordDataEnd(buf, view, pos)) >= 0; pos = nextRecord(end)) visit(pos + HEADER, end);
  return pos;
}

/** The data of each good record (see scanRecords). */
export function readRecords(buf: Buffer): Buffer[] {
  const records: Buffer[] = [];
  scanRecords(buf, (start, end) => records.push(buf.subarray(start, end)));
  return records;
}
