/**
 * `guild export`: runs copied (or moved) to a directory, a `.zip` (Guild
 * AI's format: `<id>/...` entries) or a `.tar.gz`. A run already in the
 * destination is skipped with a warning, as in Guild. An archive is written
 * to a temporary file and renamed over the old one (whose runs it keeps),
 * so a failed export leaves the old archive as it was; moved runs are
 * removed from the store only once the archive is complete.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Ctx } from "../context.js";
import { fail } from "../errors.js";
import { extractTarGz, writeTarGz } from "../archive/targz.js";
import { addDirToZip } from "../archive/zip-dir.js";
import { copyZipEntries } from "../archive/zip-read.js";
import { openZipWriter } from "../archive/zip-write.js";
import { randomSuffix, removeRunDir } from "../runs/delete.js";
import { shortId } from "../store/ids.js";
import { archiveKindFor } from "./archive-kind.js";
import { copyRunDir, moveRun } from "./run-copy.js";

export interface ExportRun {
  id: string;
  dir: string;
  status: string;
}

export interface ExportOptions {
  move: boolean;
  copyResources: boolean;
}

/** Exports `runs` to `location`; returns how many were exported. */
export function exportRuns(runs: readonly ExportRun[], location: string, o: ExportOptions, ctx: Ctx): number {
  const running = o.move ? runs.find((r) => r.status === "running") : undefined;
  if (running) fail(`cannot move run ${shortId(running.id)} while it is running\nStop it first with 'guild stop ${shortId(running.id)}'.`);
  const kind = archiveKindFor(location);
  const path = resolve(ctx.cwd, location);
  const exported = kind === "zip" ? exportToZip(runs, path, o, ctx) : kind === "tar.gz" ? exportToTarGz(runs, path, o, ctx) : exportToDir(runs, path, location, o, ctx);
  if (o.move && kind !== "dir") for (const r of exported) removeRunDir(r.dir, ctx);
  return exported.length;
}

function note(ctx: Ctx, line: string): void {
  ctx.out.stderr(`${line}\n`);
}

/** `shown` is the directory as the user gave it, for messages. */
function exportToDir(runs: readonly ExportRun[], dir: string, shown: string, o: ExportOptions, ctx: Ctx): ExportRun[] {
  initExportDir(dir, shown);
  const exported: ExportRun[] = [];
  for (const run of runs) {
    const dest = join(dir, run.id);
    if (existsSync(dest)) {
      note(ctx, `WARNING: ${join(shown, run.id)} exists, skipping`);
      continue;
    }
    note(ctx, `${o.move ? "Moving" : "Copying"} ${run.id}`);
    const at = { home: ctx.home, staging: dir };
    if (o.move) moveRun(run.dir, dest, o.copyResources, at);
    else copyRunDir(run.dir, dest, o.copyResources, at);
    exported.push(run);
  }
  return exported;
}

/** Guild marks an export dir `.guild-nocopy`, so it is never copied as source code. */
function initExportDir(dir: string, shown: string): void {
  if (existsSync(dir) && !statSync(dir).isDirectory()) fail(`'${shown}' is not a directory`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, ".guild-nocopy"), "");
  } catch (e) {
    fail(`error initializing export directory '${shown}': ${(e as Error).message}`);
  }
}

function exportToZip(runs: readonly ExportRun[], file: string, o: ExportOptions, ctx: Ctx): ExportRun[] {
  const tmp = `${file}.tmp-${randomSuffix()}`;
  const w = openZipWriter(tmp);
  try {
    if (existsSync(file)) copyZipEntries(file, w);
    const exported: ExportRun[] = [];
    for (const run of runs) {
      if (w.has(`${run.id}/`)) {
        note(ctx, `WARNING: ${run.id} exists, skipping`);
        continue;
      }
      note(ctx, `${o.move ? "Moving" : "Copying"} ${run.id}`);
      addDirToZip(w, run.dir, run.id, o.copyResources, (line) => note(ctx, line));
      exported.push(run);
    }
    w.close();
    renameSync(tmp, file);
    return exported;
  } finally {
    w.abort();
    rmSync(tmp, { force: true });
  }
}

/** Staged as a directory (the old archive's runs, then the new), then packed. */
function exportToTarGz(runs: readonly ExportRun[], file: string, o: ExportOptions, ctx: Ctx): ExportRun[] {
  const staging = join(ctx.home, "tmp", `export-${randomSuffix()}`);
  const tmp = `${file}.tmp-${randomSuffix()}`;
  mkdirSync(staging, { recursive: true });
  try {
    if (existsSync(file)) extractTarGz(file, staging);
    const exported: ExportRun[] = [];
    for (const run of runs) {
      if (existsSync(join(staging, run.id))) {
        note(ctx, `WARNING: ${run.id} exists, skipping`);
        continue;
      }
      note(ctx, `${o.move ? "Moving" : "Copying"} ${run.id}`);
      copyRunDir(run.dir, join(staging, run.id), o.copyResources, { home: ctx.home, staging });
      exported.push(run);
    }
    writeTarGz(tmp, staging, readdirSync(staging).sort(), false);
    renameSync(tmp, file);
    return exported;
  } finally {
    rmSync(staging, { recursive: true, force: true });
    rmSync(tmp, { force: true });
  }
}
