/**
 * Deleting runs: moved to `<home>/trash/runs/` (restorable), or removed
 * with `permanent`; purging removes trashed runs; restoring moves them back.
 * A batch's trials are separate runs and stay. Each run leaves its place in
 * one rename, so no listing sees a half-deleted run.
 *
 * A staged run is claimed first, as a queue claims it, so a run is either
 * deleted or started, never both; a run a live process holds (a queue or
 * batch about to start it, or one running after all) is left alone and
 * reported.
 */
import { mkdirSync, rmSync, existsSync } from "node:fs";
import { moveRunDir } from "../store/run-index-changes.js";
import { basename, dirname, join } from "node:path";
import type { Ctx } from "../context.js";
import { runsDirFor, trashRunsDirFor } from "../home.js";
import { runClaims } from "../store/claim.js";
import { isLockAlive } from "../store/lock.js";
import { rethrowStoreWriteError } from "../store/write-errors.js";

export interface RunLocation {
  id: string;
  dir: string;
}

/** `deleted` runs are gone; `held` ones a live process holds were left alone. */
export interface DeleteResult {
  deleted: number;
  held: RunLocation[];
}

export function deleteRuns(rows: readonly RunLocation[], permanent: boolean, ctx: Ctx): DeleteResult {
  const trash = trashRunsDirFor(ctx.home);
  const held: RunLocation[] = [];
  for (const row of rows) {
    try {
      const taken = takeForDelete(row.dir);
      if (taken === "held") {
        held.push(row);
        continue;
      }
      if (permanent) removeRunDir(row.dir, ctx);
      else moveRun(row.dir, join(trash, row.id), ctx);
      // A staged run we claimed reads staged in the trash (and once restored).
      if (taken === "claimed" && !permanent) runClaims.releaseClaim(join(trash, row.id));
    } catch (e) {
      rethrowStoreWriteError(e, `delete run ${row.id}`);
    }
  }
  return { deleted: rows.length - held.length, held };
}

/** Permanently removes trashed runs (`rows` from the `--deleted` listing). */
export function purgeRuns(rows: readonly RunLocation[], ctx: Ctx): DeleteResult {
  const held: RunLocation[] = [];
  for (const row of rows) {
    try {
      if (takeForDelete(row.dir) === "held") held.push(row);
      else removeRunDir(row.dir, ctx);
    } catch (e) {
      rethrowStoreWriteError(e, `delete run ${row.id}`);
    }
  }
  return { deleted: rows.length - held.length, held };
}

export function heldMessage(id: string): string {
  return `WARNING: run ${id} is held by a running process (being started or running): not deleted\n`;
}

/**
 * Makes a run ours to delete: a staged run is claimed (as a queue would);
 * `held` when a live process holds its claim or runs it.
 */
function takeForDelete(dir: string): "claimed" | "free" | "held" {
  const state = runClaims.stateOf(dir);
  if (state === "staged" || state === "abandoned") {
    const claim = runClaims.claimStaged(dir);
    if (claim === "claimed") return "claimed";
    if (claim === "taken") return "held";
  }
  if (state === "claimed") return "held";
  return isLockAlive(dir) ? "held" : "free";
}

/** Moves trashed runs back into the runs dir. */
export function restoreRuns(rows: readonly RunLocation[], ctx: Ctx): number {
  const runs = runsDirFor(ctx.home);
  for (const row of rows) {
    try {
      moveRun(row.dir, join(runs, row.id), ctx);
    } catch (e) {
      rethrowStoreWriteError(e, `restore run ${row.id}`);
    }
  }
  return rows.length;
}

/** A run already at `dest` is first moved aside, as Guild does. */
function moveRun(src: string, dest: string, ctx: Ctx): void {
  mkdirSync(dirname(dest), { recursive: true });
  if (existsSync(dest)) {
    const backup = `${dest}_${randomSuffix()}`;
    ctx.out.stderr(`WARNING: ${dest} exists, moving to ${backup}\n`);
    moveRunDir(dest, backup, ctx.home);
  }
  moveRunDir(src, dest, ctx.home);
}

/** Removes a run dir: renamed aside first (out of every listing at once), then deleted. */
export function removeRunDir(dir: string, ctx: Pick<Ctx, "home">): void {
  const aside = join(ctx.home, "tmp", `deleting-${basename(dir)}-${randomSuffix()}`);
  mkdirSync(dirname(aside), { recursive: true });
  try {
    moveRunDir(dir, aside, ctx.home);
  } catch {
    // Another file system (a home made of symlinks): remove in place.
    rmSync(dir, { recursive: true, force: true });
    return;
  }
  rmSync(aside, { recursive: true, force: true });
}

/**
 * Eight hex digits for a backup or scratch name. (Not node:crypto: loading
 * it costs every `guild runs` command a few milliseconds, and these names
 * need no secrecy, only to differ.)
 */
export function randomSuffix(): string {
  return Math.floor(Math.random() * 2 ** 32)
    .toString(16)
    .padStart(8, "0");
}
