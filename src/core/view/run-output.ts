/**
 * A run's output (`.guild/output`) by byte range, for paging and for a live
 * tail: a chunk ends at a line end unless it is the file's end or one line
 * is longer than a chunk (then it is cut between characters), and `tail`
 * starts at the first whole line of the file's last bytes.
 */
import { closeSync, openSync, readSync, statSync } from "node:fs";
import { guildPath } from "../store/paths.js";

export interface OutputChunk {
  /** Byte offset of `text`. */
  offset: number;
  /** Offset to ask for next (`size` when at the end). */
  next: number;
  /** The file's size when read. */
  size: number;
  text: string;
}

export const OUTPUT_CHUNK = 256 * 1024;

export function readOutputChunk(runDir: string, from: { offset?: number; tail?: number }, limit = OUTPUT_CHUNK): OutputChunk {
  const path = guildPath(runDir, "output");
  const size = statSync(path, { throwIfNoEntry: false })?.size ?? 0;
  const tailStart = from.tail !== undefined ? Math.max(0, size - from.tail) : undefined;
  const start = Math.min(size, tailStart ?? from.offset ?? 0);
  const bytes = readRange(path, start, Math.min(limit, size - start));
  let begin = 0;
  if (tailStart !== undefined && tailStart > 0) begin = bytes.indexOf(0x0a) + 1;
  let end = bytes.length;
  if (start + end < size) {
    const lastNewline = bytes.lastIndexOf(0x0a);
    if (lastNewline >= begin) end = lastNewline + 1;
    else end = charBoundary(bytes, end);
  }
  return { offset: start + begin, next: start + end, size, text: bytes.subarray(begin, end).toString("utf8") };
}

/** Where to cut a line longer than a chunk: before a UTF-8 character that `end` would split. */
function charBoundary(bytes: Buffer, end: number): number {
  let lead = end - 1;
  while (lead > 0 && ((bytes[lead] ?? 0) & 0xc0) === 0x80) lead--;
  const b = bytes[lead] ?? 0;
  const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
  return lead + length > end ? lead : end;
}

function readRange(path: string, start: number, length: number): Buffer {
  if (length <= 0) return Buffer.alloc(0);
  const buf = Buffer.alloc(length);
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch {
    return Buffer.alloc(0);
  }
  try {
    let read = 0;
    while (read < length) {
      const n = readSync(fd, buf, read, length - read, start + read);
      if (n === 0) break;
      read += n;
    }
    return buf.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}
