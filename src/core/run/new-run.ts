/**
 * Creating a run directory. The run is assembled under `<home>/tmp/` and
 * renamed into `runs/` only when complete, so no reader (a listing, a queue
 * looking for staged runs, Guild AI itself) ever sees a half-made run, and a
 * crash while creating one leaves nothing in the store (what it leaves in
 * `tmp/` is removed by the next run made; see abandoned-tmp.ts).
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { moveRunDir } from "../store/run-index-changes.js";
import { join } from "node:path";
import type { Ctx } from "../context.js";
import { runsDirFor } from "../home.js";
import { writeNewRunAttrs } from "../store/attrs.js";
import { runClaims } from "../store/claim.js";
import { copyDirSync } from "../util/copy-dir.js";
import { newRunId, timestampUs } from "../store/ids.js";
import { formatOpref } from "../store/opref.js";
import { guildPath, MARKER } from "../store/paths.js";
import { rethrowStoreWriteError } from "../store/write-errors.js";
import { newRunTmpDir, releaseNewRunTmpDir, removeAbandonedTmpDirs } from "./abandoned-tmp.js";
import type { RunAttrsRequest } from "./run-attrs.js";
import { initialRunAttrs } from "./run-attrs.js";
import { copySourcecode } from "./sourcecode.js";
import { noteRunStaged } from "./staged-runs.js";

/**
 * The state a new run appears in: claimed by us to start now (`starting`),
 * a trial waiting for its batch (`pending`: staged if the batch dies),
 * staged, or a batch's proto (Guild leaves an empty PENDING marker in
 * protos).
 */
export type InitialState = "starting" | "pending" | "staged" | "proto";

export interface NewRunRequest extends Omit<RunAttrsRequest, "id"> {
  state: InitialState;
  /** Files to copy into `.guild/sourcecode`, from `root`. */
  sourcecode?: { root: string; files: readonly string[] };
  /** An existing source dir (a batch proto's) to copy as is. */
  sourcecodeDir?: string;
  /** Extra files to write under `.guild/` (e.g. ENV for staged runs). */
  guildFiles?: Record<string, string>;
  /** Fills in more of the run dir (a batch's proto) before it appears. */
  populate?: (tmpRunDir: string) => void;
  id?: string;
}

export function createRun(req: NewRunRequest, ctx: Ctx): { id: string; dir: string } {
  removeAbandonedTmpDirs(ctx.home);
  const id = req.id ?? newRunId();
  const tmp = join(newRunTmpDir(ctx.home), id);
  const dir = join(runsDirFor(ctx.home), id);
  try {
    writeRunDir(tmp, { ...req, id }, ctx);
    moveRunDir(tmp, dir, ctx.home);
    // Only a run being started holds a claim to keep fresh; a staged one's
    // token is its STAGED marker, and a proto has none.
    if (req.state === "pending" || req.state === "starting") runClaims.keepNewRunClaim(dir);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    rethrowStoreWriteError(e, `create a run in '${ctx.home}'`);
  } finally {
    releaseNewRunTmpDir(ctx.home);
  }
  return { id, dir };
}

/** Writes a complete run directory at `dir` (used for runs and protos). */
export function writeRunDir(dir: string, req: NewRunRequest & { id: string }, ctx: Ctx): void {
  mkdirSync(guildPath(dir), { recursive: true });
  writeFileSync(guildPath(dir, "opref"), `${formatOpref(req.op.opref)}\n`);
  const attrs = initialRunAttrs(req, ctx.env);
  // A staged run's timestamp is when it was staged: queues start the oldest.
  if (req.state === "staged") attrs.started = timestampUs();
  writeNewRunAttrs(dir, attrs);
  if (req.sourcecode) copySourcecode(req.sourcecode.root, req.sourcecode.files, guildPath(dir, "sourcecode"));
  if (req.sourcecodeDir) copyDirSync(req.sourcecodeDir, guildPath(dir, "sourcecode"));
  for (const [name, text] of Object.entries(req.guildFiles ?? {})) writeFileSync(guildPath(dir, name), text);
  req.populate?.(dir);
  if (req.state === "proto") writeFileSync(guildPath(dir, MARKER.PENDING), "");
  else runClaims.initNewRun(dir, req.state);
  if (req.state === "staged") noteRunStaged(req.id);
}
