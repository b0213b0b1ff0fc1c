/**
 * Copies a directory tree of regular files (a run's source copy). fs.cpSync
 * stats every path several times; this walks once and lets the kernel copy
 * (copyFileSync uses copy_file_range). A missing source copies nothing.
 */
import { copyFileSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";

export function copyDirSync(src: string, dest: string): void {
  let entries;
  try {
    entries = readdirSync(src, { withFileTypes: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return;
    throw e;
  }
  mkdirSync(dest, { recursive: true });
  for (const entry of entries) {
    const from = join(src, entry.name);
    const to = join(dest, entry.name);
    if (entry.isDirectory()) copyDirSync(from, to);
    else if (entry.isFile()) copyFileSync(from, to);
  }
}
