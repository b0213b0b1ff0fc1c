/**
 * Copying the project's source code into a run (§3.8), with Guild's default
 * selection: text files under 1 MiB, at most 100 of them, skipping caches,
 * hidden and build dirs, virtualenvs and dirs marked `.guild-nocopy` (such as
 * a Guild home inside the project). Returns the digest Guild records.
 */
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { md5Hex } from "../util/md5.js";

const MAX_FILES = 100;
const MAX_BYTES = 1024 * 1024;

export interface SourcecodeCopy {
  files: string[];
  digest: string | null;
}

export function selectSourcecode(root: string, warn: (line: string) => void): string[] {
  const selected: string[] = [];
  let limitWarned = false;
  const walk = (rel: string): void => {
    const dir = join(root, rel);
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    } catch {
      return;
    }
    for (const entry of entries) {
      const relPath = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!skipDir(join(root, relPath), entry.name)) walk(relPath);
      } else if (entry.isFile() && isSourceFile(join(root, relPath), relPath, warn)) {
        if (selected.length >= MAX_FILES) {
          if (!limitWarned) warn(tooManyFilesWarning());
          limitWarned = true;
          return;
        }
        selected.push(relPath);
      }
    }
  };
  walk("");
  return selected;
}

function skipDir(path: string, name: string): boolean {
  return (
    name.startsWith(".") ||
    name === "__pycache__" ||
    name === "build" ||
    name.endsWith(".egg-info") ||
    existsSync(join(path, ".guild-nocopy")) ||
    existsSync(join(path, "bin", "activate"))
  );
}

function isSourceFile(path: string, relPath: string, warn: (line: string) => void): boolean {
  if (relPath.endsWith(".pyc")) return false;
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    return false;
  }
  if (!isText(path)) return false;
  if (size > MAX_BYTES) {
    warn(
      `WARNING: Skipping potential source code file ${relPath} because it's too big. ` +
        "To control which files are copied, define 'sourcecode' for the operation in a Guild file.",
    );
    return false;
  }
  return true;
}

function isText(path: string): boolean {
  const buf = Buffer.alloc(1024);
  let fd: number | undefined;
  try {
    fd = openSync(path, "r");
    const n = readSync(fd, buf, 0, buf.length, 0);
    return !buf.subarray(0, n).includes(0);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function tooManyFilesWarning(): string {
  return (
    `WARNING: Found more than ${MAX_FILES} source code files but will only copy ${MAX_FILES} as a safety measure. ` +
    "To control which files are copied, define 'sourcecode' for the operation in a Guild file."
  );
}

export function copySourcecode(root: string, files: readonly string[], dest: string): void {
  for (const rel of files) {
    const target = join(dest, rel);
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(join(root, rel), target);
  }
}

/** md5 over (path, NUL, bytes, NUL) for each file in path order; null if none. */
export function sourcecodeDigest(root: string, files: readonly string[]): string | null {
  if (!files.length) return null;
  return md5Hex([...files].sort().flatMap((rel) => [rel, "\0", readFileSync(join(root, rel)), "\0"]));
}
