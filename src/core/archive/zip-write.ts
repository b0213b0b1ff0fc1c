/**
 * A zip writer on node:zlib, for `guild export` to a `.zip` (the archive
 * Guild AI writes and imports): one entry per directory (`id/`, as
 * Python's zipfile writes them; Guild finds a batch's proto by its
 * directory entry) and per file, deflated; files of 64 MiB or more are
 * stored, read in chunks, so no file is held in memory whole. Without ZIP64:
 * an archive that would need it (4 GiB, 65,535 entries) is refused.
 */
import { closeSync, openSync, readSync, writeSync, type Stats } from "node:fs";
import { deflateRawSync } from "node:zlib";
import { fail } from "../errors.js";
import { crc32 } from "./crc32.js";
import { dosDateTime, FLAG_UTF8, MADE_BY_UNIX, MAX_16, MAX_32, METHOD, SIG, VERSION_NEEDED } from "./zip-format.js";

const DEFLATE_LIMIT = 64 * 1024 * 1024;
const CHUNK = 1024 * 1024;

interface CentralEntry {
  name: Buffer;
  method: number;
  dos: { date: number; time: number };
  crc: number;
  csize: number;
  usize: number;
  mode: number;
  isDir: boolean;
  offset: number;
}

export interface ZipWriter {
  addDir(name: string, st: Pick<Stats, "mtime" | "mode">): void;
  /** A file's content from `path`, with `st` its (followed) stats. */
  addFile(name: string, path: string, st: Pick<Stats, "mtime" | "mode" | "size">): void;
  addBytes(name: string, data: Uint8Array, st: Pick<Stats, "mtime" | "mode">): void;
  has(name: string): boolean;
  /** Writes the central directory and closes the file. */
  close(): void;
  /** Closes the file without finishing it (on error). */
  abort(): void;
}

export function openZipWriter(path: string): ZipWriter {
  const fd = openSync(path, "w");
  const entries: CentralEntry[] = [];
  const names = new Set<string>();
  let offset = 0;
  let closed = false;

  const write = (buf: Uint8Array) => {
    writeSync(fd, buf);
    offset += buf.length;
    if (offset > MAX_32) tooLarge();
  };
  const begin = (name: string, st: Pick<Stats, "mtime" | "mode">, isDir: boolean, method: number): CentralEntry => {
    if (entries.length >= MAX_16) tooLarge();
    names.add(name);
    const e = { name: Buffer.from(name), method, dos: dosDateTime(st.mtime), crc: 0, csize: 0, usize: 0, mode: st.mode, isDir, offset };
    entries.push(e);
    write(localHeader(e));
    return e;
  };
  const addBytes = (name: string, data: Uint8Array, st: Pick<Stats, "mtime" | "mode">) => {
    const packed = deflateRawSync(data);
    const e = begin(name, st, false, METHOD.deflate);
    Object.assign(e, { crc: crc32(data), csize: packed.length, usize: data.length });
    write(packed);
    patchLocalHeader(fd, e);
  };
  return {
    addDir: (name, st) => void begin(name.endsWith("/") ? name : `${name}/`, st, true, METHOD.store),
    addBytes,
    addFile(name, path, st) {
      if (st.size < DEFLATE_LIMIT) return addBytes(name, readWhole(path, st.size), st);
      if (st.size > MAX_32) tooLarge();
      const e = begin(name, st, false, METHOD.store);
      copyChunks(path, (chunk) => {
        e.crc = crc32(chunk, e.crc);
        e.usize += chunk.length;
        write(chunk);
      });
      e.csize = e.usize;
      patchLocalHeader(fd, e);
    },
    has: (name) => names.has(name),
    close() {
      const cdOffset = offset;
      for (const e of entries) write(centralHeader(e));
      write(endRecord(entries.length, offset - cdOffset, cdOffset));
      closed = true;
      closeSync(fd);
    },
    abort() {
      if (!closed) closeSync(fd);
      closed = true;
    },
  };
}

function tooLarge(): never {
  return fail("export too large for a zip archive (4 GiB or 65,535 files): export to a directory or a .tar.gz");
}

function localHeader(e: CentralEntry): Buffer {
  const b = Buffer.alloc(30);
  b.writeUInt32LE(SIG.local, 0);
  b.writeUInt16LE(VERSION_NEEDED, 4);
  b.writeUInt16LE(FLAG_UTF8, 6);
  writeEntryFields(b, e, 8);
  b.writeUInt16LE(0, 28);
  return Buffer.concat([b, e.name]);
}

/**
 * The fields both headers carry in the same order (method, DOS time and
 * date, CRC, sizes, name length), from `at`: 8 in a local header, 10 in a
 * central one.
 */
function writeEntryFields(b: Buffer, e: CentralEntry, at: number): void {
  b.writeUInt16LE(e.method, at);
  b.writeUInt16LE(e.dos.time, at + 2);
  b.writeUInt16LE(e.dos.date, at + 4);
  b.writeUInt32LE(e.crc, at + 6);
  b.writeUInt32LE(e.csize, at + 10);
  b.writeUInt32LE(e.usize, at + 14);
  b.writeUInt16LE(e.name.length, at + 18);
}

/** CRC and sizes are known only after the data: written back in place. */
function patchLocalHeader(fd: number, e: CentralEntry): void {
  const b = Buffer.alloc(12);
  b.writeUInt32LE(e.crc, 0);
  b.writeUInt32LE(e.csize, 4);
  b.writeUInt32LE(e.usize, 8);
  writeSync(fd, b, 0, 12, e.offset + 14);
}

function centralHeader(e: CentralEntry): Buffer {
  const b = Buffer.alloc(46);
  b.writeUInt32LE(SIG.central, 0);
  b.writeUInt16LE(MADE_BY_UNIX, 4);
  b.writeUInt16LE(VERSION_NEEDED, 6);
  b.writeUInt16LE(FLAG_UTF8, 8);
  writeEntryFields(b, e, 10);
  // Extra and comment lengths, disk number, internal attributes: 0.
  // External attributes: the Unix mode high, MS-DOS's directory bit low.
  b.writeUInt32LE((((e.mode & 0xffff) << 16) | (e.isDir ? 0x10 : 0)) >>> 0, 38);
  b.writeUInt32LE(e.offset, 42);
  return Buffer.concat([b, e.name]);
}

function endRecord(count: number, cdSize: number, cdOffset: number): Buffer {
  const b = Buffer.alloc(22);
  b.writeUInt32LE(SIG.end, 0);
  b.writeUInt16LE(count, 8);
  b.writeUInt16LE(count, 10);
  b.writeUInt32LE(cdSize, 12);
  b.writeUInt32LE(cdOffset, 16);
  return b;
}

function readWhole(path: string, size: number): Buffer {
  const chunks: Buffer[] = [];
  copyChunks(path, (c) => chunks.push(Buffer.from(c)), Math.max(size, 1));
  return Buffer.concat(chunks);
}

function copyChunks(path: string, each: (chunk: Uint8Array) => void, size = CHUNK): void {
  const fd = openSync(path, "r");
  try {
    const buf = Buffer.alloc(Math.min(size, CHUNK * 16));
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      each(buf.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
}
