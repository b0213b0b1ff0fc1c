/**
 * Deleting runs: moved to `<home>/trash/runs/` (restorable), or removed
 * with `permanent`; purging removes trashed runs; restoring moves them back.
 * A batch's trials are separate runs and stay. Each run leaves its place in
 * one rename, so no listing sees a half-deleted run.
 */
import { mkdirSync, rmSync, existsSync } from "node:fs";
import { moveRunDir } from "../store/run-index-changes.js";
import { basename, dirname, join } from "node:path";
import type { Ctx } from "../context.js";
import { runsDirFor, trashRunsDirFor } from "../home.js";

export interface RunLocation {
  id: string;
  dir: string;
}

export function deleteRuns(rows: readonly RunLocation[], permanent: boolean, ctx: Ctx): number {
  const trash = trashRunsDirFor(ctx.home);
  for (const row of rows) {
    if (permanent) removeRunDir(row.dir, ctx);
    else moveRun(row.dir, join(trash, row.id), ctx);
  }
  return rows.length;
}

/** Permanently removes trashed runs (`rows` from the `--deleted` listing). */
export function purgeRuns(rows: readonly RunLocation[], ctx: Ctx): number {
  for (const row of rows) removeRunDir(row.dir, ctx);
  return rows.length;
}

/** Moves trashed runs back into the runs dir. */
export function restoreRuns(rows: readonly RunLocation[], ctx: Ctx): number {
  const runs = runsDirFor(ctx.home);
  for (const row of rows) moveRun(row.dir, join(runs, row.id), ctx);
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
