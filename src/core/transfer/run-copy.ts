/**
 * Copying and moving whole run directories for export and import. A copy
 * is made beside its destination under a hidden name and renamed into
 * place, so a reader (or a crash) never meets half a run. Links are kept
 * as they are (a batch's `../<trial>` links stay relative) unless
 * `followLinks` (`--copy-resources`) copies what they point at.
 */
import { cpSync, mkdirSync, rmSync } from "node:fs";
import { basename, join } from "node:path";
import { randomSuffix, removeRunDir } from "../runs/delete.js";
import { moveRunDir } from "../store/run-index.js";

export interface CopyPlaces {
  /** The store whose run index logs a move into its runs/. */
  home: string;
  /**
   * Where the copy is assembled: beside `dest`, or the home's tmp/ when
   * `dest` is in runs/ (whose every change the run index must see).
   */
  staging: string;
}

export function copyRunDir(src: string, dest: string, followLinks: boolean, at: CopyPlaces): void {
  mkdirSync(at.staging, { recursive: true });
  const tmp = join(at.staging, `.${basename(dest)}.copying-${randomSuffix()}`);
  try {
    cpSync(src, tmp, { recursive: true, verbatimSymlinks: true, dereference: followLinks, preserveTimestamps: true });
    moveRunDir(tmp, dest, at.home);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}

/**
 * Moves a run dir (logging moves into or out of `home`'s runs/ for the run
 * index). Across file systems, or to follow links, it is copied whole and
 * then the source removed.
 */
export function moveRun(src: string, dest: string, followLinks: boolean, at: CopyPlaces): void {
  if (!followLinks) {
    try {
      moveRunDir(src, dest, at.home);
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EXDEV") throw e;
    }
  }
  copyRunDir(src, dest, followLinks, at);
  removeRunDir(src, at);
}
