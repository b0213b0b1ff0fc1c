/** Part of a file: `length` bytes from `start` (fewer at the file's end; none if it is missing). */
import { closeSync, openSync, readSync } from "node:fs";

export function readFileRange(path: string, start: number, length: number): Buffer {
  return length <= 0 ? Buffer.alloc(0) : readFileRangeInto(path, start, Buffer.alloc(length));
}

/**
 * As readFileRange, into `buf` (as many bytes as it holds): the bytes read
 * are `buf`'s first ones, returned as a view of it. For a caller that reads
 * file after file and keeps nothing of a buffer once it is scanned.
 */
export function readFileRangeInto(path: string, start: number, buf: Buffer): Buffer {
  if (buf.length === 0) return buf;
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch {
    return buf.subarray(0, 0);
  }
  try {
    let read = 0;
    while (read < buf.length) {
      const n = readSync(fd, buf, read, buf.length - read, start + read);
      if (n === 0) break;
      read += n;
    }
    return buf.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}
