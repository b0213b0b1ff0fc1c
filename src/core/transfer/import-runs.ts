/**
 * `guild import`: runs from a directory of exported runs, a `.zip` (Guild
 * AI's export) or a `.tar.gz`. An archive is first extracted whole where
 * new runs are assembled (`<home>/tmp/new-runs/`); its runs are then listed and selected like the store's,
 * and each chosen run is renamed into runs/ complete. A run already in the
 * store is skipped with a warning, as in Guild.
 */
import { existsSync, mkdirSync, rmSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Ctx } from "../context.js";
import { fail } from "../errors.js";
import { extractTarGz } from "../archive/targz.js";
import { extractZip } from "../archive/zip-read.js";
import { runsDirFor } from "../home.js";
import { newRunTmpDir, releaseNewRunTmpDir } from "../run/abandoned-tmp.js";
import { randomSuffix } from "../runs/delete.js";
import { moveRunDir } from "../store/run-index.js";
import { archiveKindFor } from "./archive-kind.js";
import { copyRunDir, moveRun } from "./run-copy.js";

export interface OpenArchive {
  /** A directory holding the archive's runs. */
  dir: string;
  /** Runs come from a file (extracted): they are moved into the store. */
  extracted: boolean;
  close(): void;
}

/** Checks `archive` and, for a zip or tar.gz, extracts it; `close()` removes what was extracted. */
export function openImportArchive(archive: string, move: boolean, ctx: Ctx): OpenArchive {
  const path = resolve(ctx.cwd, archive);
  if (!existsSync(path)) fail(`'${archive}' is not a valid archive - use a path to a directory, a .zip or a .tar.gz file`);
  const kind = archiveKindFor(archive);
  if (statSync(path).isDirectory()) return { dir: path, extracted: false, close: () => {} };
  if (kind === "dir") fail(`invalid archive ${archive} - expected a directory, a zip file or a .tar.gz file`);
  if (move) fail(`'--move' cannot be used with ${kind} archives`);
  // Where new runs are assembled: what a killed import leaves is cleaned up
  // by the next run made (abandoned-tmp.ts).
  const dir = join(newRunTmpDir(ctx.home), `import-${randomSuffix()}`);
  mkdirSync(dir, { recursive: true });
  const close = () => {
    rmSync(dir, { recursive: true, force: true });
    releaseNewRunTmpDir(ctx.home);
  };
  try {
    if (kind === "zip") extractZip(path, dir);
    else extractTarGz(path, dir);
  } catch (e) {
    close();
    throw e;
  }
  return { dir, extracted: true, close };
}

export interface ImportRun {
  id: string;
  dir: string;
}

/** Imports `runs` (rows listed from `archive.dir`); returns how many were imported. */
export function importRuns(runs: readonly ImportRun[], archive: OpenArchive, o: { move: boolean; copyResources: boolean }, ctx: Ctx): number {
  const runsDir = runsDirFor(ctx.home);
  mkdirSync(runsDir, { recursive: true });
  let count = 0;
  for (const run of runs) {
    const dest = join(runsDir, run.id);
    if (existsSync(dest)) {
      ctx.out.stderr(`WARNING: ${run.id} exists, skipping\n`);
      continue;
    }
    ctx.out.stderr(`${o.move ? "Moving" : "Copying"} ${run.id}\n`);
    const at = { home: ctx.home, staging: newRunTmpDir(ctx.home) };
    if (archive.extracted) moveRunDir(run.dir, dest, ctx.home);
    else if (o.move) moveRun(run.dir, dest, o.copyResources, at);
    else copyRunDir(run.dir, dest, o.copyResources, at);
    count++;
  }
  releaseNewRunTmpDir(ctx.home);
  return count;
}
