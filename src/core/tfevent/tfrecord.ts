/**
 * TFRecord framing, the container of TensorBoard event files. Each record:
 *
 *   uint64 length (little-endian) · uint32 masked CRC-32C of those 8 bytes ·
 *   data · uint32 masked CRC-32C of data
 */
import { maskedCrc32c } from "./crc32c.js";

const HEADER = 12;
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
 * The records of a file, up to the first one that is incomplete or fails its
 * checksum: a file being written by a live run can end in a partial record,
 * and TensorBoard stops there too.
 */
export function readRecords(buf: Buffer): Buffer[] {
  const records: Buffer[] = [];
  let pos = 0;
  while (pos + HEADER <= buf.length) {
    const lengthBytes = buf.subarray(pos, pos + 8);
    if (buf.readUInt32LE(pos + 8) !== maskedCrc32c(lengthBytes)) break;
    const length = Number(buf.readBigUInt64LE(pos));
    const end = pos + HEADER + length;
    if (end + FOOTER > buf.length) break;
    const data = buf.subarray(pos + HEADER, end);
    if (buf.readUInt32LE(end) !== maskedCrc32c(data)) break;
    records.push(data);
    pos = end + FOOTER;
  }
  return records;
}
