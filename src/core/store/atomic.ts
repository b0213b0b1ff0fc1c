/**
 * Writes that never leave a half-written file: write a temp file beside the
 * target, then rename over it (rename is atomic within a filesystem).
 */
import { closeSync, openSync, renameSync, rmSync, unlinkSync, writeFileSync, writeSync } from "node:fs";
import { dirname, basename, join } from "node:path";

let counter = 0;

function tempPathFor(path: string): string {
  counter += 1;
  return join(dirname(path), `.${basename(path)}.${process.pid}.${counter}.tmp`);
}

export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const tmp = tempPathFor(path);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw withPath(e, path);
  }
}

/** A write error names the file it was for, not our temp file (Node names none for a failed write). */
function withPath(e: unknown, path: string): unknown {
  const err = e as NodeJS.ErrnoException | undefined;
  if (err && typeof err === "object" && err.code) Object.assign(err, { path, syscall: "write", dest: undefined });
  return e;
}

/**
 * Creates `path` only if it does not exist (O_EXCL): the one primitive that
 * lets exactly one of several processes win a claim. Returns false if the
 * file was already there.
 */
export function createExclusive(path: string, data = ""): boolean {
  let fd: number;
  try {
    fd = openSync(path, "wx");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw e;
  }
  try {
    if (data) writeSync(fd, data);
  } finally {
    closeSync(fd);
  }
  return true;
}

/** Removes a file; a file that is already gone is not an error. */
export function removeFile(path: string): void {
  try {
    unlinkSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
}
