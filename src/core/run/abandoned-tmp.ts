/**
 * New runs are assembled in `<home>/tmp/new-runs/<owner key>/<id>`, one
 * directory per creating process. A process killed while assembling a run
 * leaves its directory behind; the next process that makes a run removes
 * the directories of owners that are dead (never a live process's, never
 * another host's, which cannot be checked from here).
 *
 * Removal first renames the directory into this process's own corner of
 * `<home>/tmp/removing/`, so two processes cleaning up at once never remove
 * the same files, and a cleanup killed half-way is finished by the next.
 */
import { mkdirSync, readdirSync, renameSync, rmdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { currentOwnerKey, parseOwnerKey } from "../store/owner-key.js";
import { isRecordedProcessAlive } from "../util/proc.js";

const checked = new Set<string>();
let moved = 0;

/** Where this process assembles its new runs. */
export function newRunTmpDir(home: string): string {
  return join(home, "tmp", "new-runs", currentOwnerKey());
}

const releasing = new Set<string>();

/**
 * Removes this process's (empty) assembly directory when the process exits.
 * Not after each run: making and removing it again per run was a fifth of a
 * staged trial's cost. Left behind by a kill, it is removed as a dead
 * owner's by the next run made.
 */
export function releaseNewRunTmpDir(home: string): void {
  // One exit listener for every home this process made runs in.
  if (!releasing.size) process.once("exit", releaseAll);
  releasing.add(home);
}

function releaseAll(): void {
  for (const home of releasing) {
    try {
      rmdirSync(newRunTmpDir(home));
    } catch {
      // Not empty or already gone: either way nothing to do.
    }
  }
}

/** Once per process and home: removes what dead processes left in `tmp/`. */
export function removeAbandonedTmpDirs(home: string): void {
  if (checked.has(home)) return;
  checked.add(home);
  const trash = join(home, "tmp", "removing", currentOwnerKey());
  removeDeadOwnersDirs(join(home, "tmp", "new-runs"), trash);
  removeDeadOwnersDirs(join(home, "tmp", "removing"), trash);
  try {
    rmdirSync(trash);
  } catch {
    // Never made, or a removal failed: left for a later cleanup.
  }
}

function removeDeadOwnersDirs(parent: string, trash: string): void {
  for (const name of listDir(parent)) {
    if (name === currentOwnerKey()) continue;
    const owner = parseOwnerKey(name);
    if (!owner || isRecordedProcessAlive(owner)) continue;
    const aside = join(trash, `${moved++}-${name}`);
    try {
      mkdirSync(trash, { recursive: true });
      renameSync(join(parent, name), aside);
    } catch {
      continue; // another process is removing it
    }
    try {
      rmSync(aside, { recursive: true, force: true });
    } catch {
      // Permissions or a busy mount: leave it rather than fail a run.
    }
  }
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
