/**
 * `.tar.gz` archives through npm's `tar` (the library npm itself uses):
 * ustar with pax headers for long names, links kept as links unless
 * followed. Extraction refuses absolute and `..` paths and writing through
 * links (the library's guards); `strict` turns its warnings into errors.
 */
import { create, extract } from "tar";
import { fail } from "../errors.js";

/** Packs `names` (relative to `cwd`) into a gzipped tar at `file`. */
export function writeTarGz(file: string, cwd: string, names: readonly string[], followLinks: boolean): void {
  create({ gzip: true, file, cwd, sync: true, follow: followLinks, portable: true }, [...names]);
}

export function extractTarGz(file: string, dest: string): void {
  try {
    extract({ file, cwd: dest, sync: true, strict: true });
  } catch (e) {
    fail(`invalid archive ${file}: ${(e as Error).message}`);
  }
}
