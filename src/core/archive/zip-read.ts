/**
 * A zip reader on node:zlib for `guild import` of a `.zip` (what Guild AI's
 * export writes: Python's zipfile, deflated or stored, ZIP64 records when
 * large). Entries are checked before anything is written: a name that is
 * absolute or climbs out (`..`) refuses the archive, and every file's
 * CRC-32 is verified. Symbolic links are extracted as files holding their
 * target, as Python's zipfile does.
 */
import { closeSync, fstatSync, mkdirSync, openSync, readSync, utimesSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { inflateRawSync } from "node:zlib";
import { fail } from "../errors.js";
import { crc32 } from "./crc32.js";
import type { ZipWriter } from "./zip-write.js";
import { dateFromDos, MAX_16, MAX_32, METHOD, SIG } from "./zip-format.js";

export interface ZipEntry {
  name: string;
  isDir: boolean;
  method: number;
  crc: number;
  csize: number;
  usize: number;
  offset: number;
  mtime: Date;
  /** Unix mode from the external attributes (a default when not made on Unix). */
  mode: number;
}

/** The entries of the zip at `path`; fails with `guild: invalid archive ...` when it is not one. */
export function readZipEntries(path: string): ZipEntry[] {
  const fd = openSync(path, "r");
  try {
    return centralDirectory(fd, path);
  } finally {
    closeSync(fd);
  }
}

/** Extracts every entry under `dest` (which must exist). */
export function extractZip(path: string, dest: string): void {
  const entries = readZipEntries(path);
  for (const e of entries) checkName(e.name, path);
  const fd = openSync(path, "r");
  try {
    for (const e of entries) extractEntry(fd, e, join(dest, e.name), path);
  } finally {
    closeSync(fd);
  }
}

function extractEntry(fd: number, e: ZipEntry, target: string, path: string): void {
  const data = e.isDir ? undefined : entryData(fd, e, path);
  try {
    if (!data) {
      mkdirSync(target, { recursive: true });
      return;
    }
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, data);
    utimesSync(target, e.mtime, e.mtime);
  } catch (err) {
    invalid(path, `cannot extract '${e.name}': ${(err as Error).message}`);
  }
}

/** Copies every entry of the zip at `path` into `w` (an export adding to an archive). */
export function copyZipEntries(path: string, w: ZipWriter): void {
  const entries = readZipEntries(path);
  const fd = openSync(path, "r");
  try {
    for (const e of entries) {
      if (e.isDir) w.addDir(e.name, e);
      else w.addBytes(e.name, entryData(fd, e, path), e);
    }
  } finally {
    closeSync(fd);
  }
}

function invalid(path: string, why: string): never {
  return fail(`invalid archive ${path}: ${why}`);
}

function checkName(name: string, path: string): void {
  const parts = name.split(/[/\\]/);
  if (!name || name.startsWith("/") || name.includes("\0") || /^[A-Za-z]:/.test(name) || parts.includes("..")) invalid(path, `unsafe path '${name}'`);
}

function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  const n = readSync(fd, buf, 0, length, position);
  return buf.subarray(0, n);
}

function centralDirectory(fd: number, path: string): ZipEntry[] {
  const size = fstatSync(fd).size;
  const tailStart = Math.max(0, size - (22 + MAX_16));
  const tail = readAt(fd, tailStart, size - tailStart);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === SIG.end) {
      at = i;
      break;
    }
  }
  if (at < 0) invalid(path, "not a zip file");
  let count = tail.readUInt16LE(at + 10);
  let cdSize = tail.readUInt32LE(at + 12);
  let cdOffset = tail.readUInt32LE(at + 16);
  if (count === MAX_16 || cdSize === MAX_32 || cdOffset === MAX_32) {
    const z64 = zip64End(fd, tailStart + at, path);
    ({ count, cdSize, cdOffset } = z64);
  }
  if (cdOffset + cdSize > size) invalid(path, "truncated");
  const cd = readAt(fd, cdOffset, cdSize);
  if (cd.length < cdSize) invalid(path, "truncated");
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== SIG.central) invalid(path, "bad central directory");
    const nameLen = cd.readUInt16LE(p + 28);
    const extraLen = cd.readUInt16LE(p + 30);
    const commentLen = cd.readUInt16LE(p + 32);
    const name = cd.subarray(p + 46, p + 46 + nameLen).toString("utf8");
    const entry: ZipEntry = {
      name,
      isDir: name.endsWith("/"),
      method: cd.readUInt16LE(p + 10),
      crc: cd.readUInt32LE(p + 16),
      csize: cd.readUInt32LE(p + 20),
      usize: cd.readUInt32LE(p + 24),
      offset: cd.readUInt32LE(p + 42),
      mtime: dateFromDos(cd.readUInt16LE(p + 14), cd.readUInt16LE(p + 12)),
      mode: cd.readUInt32LE(p + 38) >>> 16 || (name.endsWith("/") ? 0o40755 : 0o100644),
    };
    applyZip64Extra(entry, cd.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen));
    entries.push(entry);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

function zip64End(fd: number, endAt: number, path: string): { count: number; cdSize: number; cdOffset: number } {
  const locator = readAt(fd, endAt - 20, 20);
  if (locator.length < 20 || locator.readUInt32LE(0) !== SIG.end64Locator) invalid(path, "missing ZIP64 locator");
  const rec = readAt(fd, Number(locator.readBigUInt64LE(8)), 56);
  if (rec.length < 56 || rec.readUInt32LE(0) !== SIG.end64) invalid(path, "bad ZIP64 end record");
  return { count: Number(rec.readBigUInt64LE(32)), cdSize: Number(rec.readBigUInt64LE(40)), cdOffset: Number(rec.readBigUInt64LE(48)) };
}

/** ZIP64 extra field (0x0001): 8-byte values for the fields set to 0xFFFFFFFF, in order. */
function applyZip64Extra(e: ZipEntry, extra: Buffer): void {
  for (let p = 0; p + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(p);
    const len = extra.readUInt16LE(p + 2);
    if (id === 0x0001) {
      let q = p + 4;
      const next = () => {
        const v = Number(extra.readBigUInt64LE(q));
        q += 8;
        return v;
      };
      if (e.usize === MAX_32) e.usize = next();
      if (e.csize === MAX_32) e.csize = next();
      if (e.offset === MAX_32) e.offset = next();
    }
    p += 4 + len;
  }
}

function entryData(fd: number, e: ZipEntry, path: string): Buffer {
  const local = readAt(fd, e.offset, 30);
  if (local.length < 30 || local.readUInt32LE(0) !== SIG.local) invalid(path, `bad entry '${e.name}'`);
  const start = e.offset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  if (start + e.csize > fstatSync(fd).size) invalid(path, `truncated entry '${e.name}'`);
  const raw = readAt(fd, start, e.csize);
  if (raw.length < e.csize) invalid(path, `truncated entry '${e.name}'`);
  let data: Buffer;
  if (e.method === METHOD.store) data = raw;
  else if (e.method === METHOD.deflate) data = inflate(raw, e, path);
  else return invalid(path, `unsupported compression (method ${e.method}) for '${e.name}'`);
  if (data.length !== e.usize || crc32(data) !== e.crc) invalid(path, `bad CRC-32 for '${e.name}'`);
  return data;
}

function inflate(raw: Buffer, e: ZipEntry, path: string): Buffer {
  try {
    // Never more than the entry says it holds (a damaged or hostile zip).
    return inflateRawSync(raw, { maxOutputLength: Math.max(e.usize, 1) });
  } catch {
    return invalid(path, `corrupt entry '${e.name}'`);
  }
}
