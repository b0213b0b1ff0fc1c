/**
 * A run's files for the run page: the listing (`guild ls`'s, with sizes)
 * and one file's bytes for a preview. Paths are relative to the run dir
 * (or its source code copy) and may not leave it.
 */
import { closeSync, openSync, readSync, realpathSync, statSync } from "node:fs";
import { extname, join, relative, resolve, sep } from "node:path";
import { listRunFiles } from "../runs/run-files.js";
import { SOURCECODE_DIR } from "../run/op-attr.js";

export interface FileEntry {
  path: string;
  dir: boolean;
  size: number;
}

export function runFileList(runDir: string, sourcecode: boolean): FileEntry[] {
  const paths = listRunFiles(runDir, { sourcecode, all: false, fullPath: false, followLinks: false });
  return paths.map((p) => {
    const dir = p.endsWith("/");
    const rel = sourcecode ? p.slice(SOURCECODE_DIR.length + 1) : p;
    const size = dir ? 0 : (statSync(join(runDir, p), { throwIfNoEntry: false })?.size ?? 0);
    return { path: dir ? rel.slice(0, -1) : rel, dir, size };
  }).filter((f) => f.path !== "");
}

export type FileRead =
  | { kind: "file"; bytes: Buffer; size: number; type: string }
  | { kind: "missing" }
  | { kind: "directory" }
  | { kind: "outside" };

/** Up to `limit` bytes of a run file, with the content type to serve it as. */
export function readRunFileForView(runDir: string, path: string, sourcecode: boolean, limit: number): FileRead {
  const root = sourcecode ? join(runDir, SOURCECODE_DIR) : runDir;
  const full = resolve(root, path);
  if (!isInside(root, full)) return { kind: "outside" };
  const st = statSync(full, { throwIfNoEntry: false });
  if (!st) return { kind: "missing" };
  if (st.isDirectory()) return { kind: "directory" };
  if (!isInside(realpathSync(runDir), realpathSync(full))) return { kind: "outside" };
  return { kind: "file", bytes: readHead(full, Math.min(limit, st.size)), size: st.size, type: contentTypeFor(full) };
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== "" && !rel.startsWith(`..${sep}`) && rel !== ".." && !rel.startsWith(sep);
}

function readHead(path: string, length: number): Buffer {
  const buf = Buffer.alloc(length);
  const fd = openSync(path, "r");
  try {
    let read = 0;
    while (read < length) {
      const n = readSync(fd, buf, read, length - read, read);
      if (n === 0) break;
      read += n;
    }
    return buf.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

const IMAGE_TYPES: Record<string, string> = {
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".bmp": "image/bmp",
};

/**
 * Images as themselves, CSV as text/csv, everything else as plain text or
 * bytes: a run's HTML or SVG is never rendered in our origin.
 */
export function contentTypeFor(path: string): string {
  const ext = extname(path).toLowerCase();
  if (IMAGE_TYPES[ext]) return IMAGE_TYPES[ext];
  if (ext === ".csv") return "text/csv; charset=utf-8";
  return "text/plain; charset=utf-8";
}
