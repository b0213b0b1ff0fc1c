/**
 * A run directory into a zip, as Guild's export writes it: `id/`, then
 * every directory and file below as `id/<path>`. Links are followed to
 * what they point at (a link to a file adds the file); a linked directory
 * (a batch's trials) is added as an empty directory unless `followLinks`
 * (`--copy-resources`), which adds what is in it. A dangling link is left out.
 */
import { lstatSync, readdirSync, statSync, type Stats } from "node:fs";
import { join } from "node:path";
import type { ZipWriter } from "./zip-write.js";

export function addDirToZip(w: ZipWriter, dir: string, prefix: string, followLinks: boolean, warn: (line: string) => void): void {
  w.addDir(prefix, statSync(dir));
  walk(w, dir, prefix, followLinks, warn);
}

function walk(w: ZipWriter, dir: string, prefix: string, followLinks: boolean, warn: (line: string) => void): void {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const zipName = `${prefix}/${name}`;
    const st = followedStat(path);
    if (!st) {
      warn(`WARNING: ${path} is a broken link, skipping`);
      continue;
    }
    if (st.isDirectory()) {
      w.addDir(zipName, st);
      if (followLinks || !lstatSync(path).isSymbolicLink()) walk(w, path, zipName, followLinks, warn);
    } else if (st.isFile()) w.addFile(zipName, path, st);
  }
}

function followedStat(path: string): Stats | undefined {
  return statSync(path, { throwIfNoEntry: false });
}
