/**
 * Creating a run directory. The run is assembled under `<home>/tmp/` and
 * renamed into `runs/` only when complete, so no reader (a listing, a queue
 * looking for staged runs, Guild AI itself) ever sees a half-made run, and a
 * crash while creating one leaves nothing in the store.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { moveRunDir } from "../store/run-index-changes.js";
import { join } from "node:path";
import type { Ctx } from "../context.js";
import { runsDirFor } from "../home.js";
import { writeNewRunAttrs } from "../store/attrs.js";
import { copyDirSync } from "../util/copy-dir.js";
import { newRunId, timestampUs } from "../store/ids.js";
import { formatProcessId } from "../store/lock.js";
import { formatOpref } from "../store/opref.js";
import { guildPath, MARKER } from "../store/paths.js";
import { currentProcessId } from "../util/proc.js";
import type { RunAttrsRequest } from "./run-attrs.js";
import { initialRunAttrs } from "./run-attrs.js";
import { copySourcecode } from "./sourcecode.js";

/**
 * The state a new run appears in: claimed by us (to start now, or a trial
 * waiting for its batch), staged, or a batch's proto (Guild leaves an empty
 * PENDING marker in protos).
 */
export type InitialState = "pending" | "staged" | "proto";

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

export function tmpDirFor(home: string): string {
  return join(home, "tmp", "new-runs");
}

export function createRun(req: NewRunRequest, ctx: Ctx): { id: string; dir: string } {
  const id = req.id ?? newRunId();
  const tmp = join(tmpDirFor(ctx.home), id);
  const dir = join(runsDirFor(ctx.home), id);
  try {
    writeRunDir(tmp, { ...req, id }, ctx);
    moveRunDir(tmp, dir, ctx.home);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  return { id, dir };
}

/** Writes a complete run directory at `dir` (used for runs and protos). */
export function writeRunDir(dir: string, req: NewRunRequest & { id: string }, ctx: Ctx): void {
  mkdirSync(guildPath(dir), { recursive: true });
  writeFileSync(guildPath(dir, "opref"), `${formatOpref(req.op.opref)}\n`);
  writeNewRunAttrs(dir, initialRunAttrs(req, ctx.env));
  if (req.sourcecode) copySourcecode(req.sourcecode.root, req.sourcecode.files, guildPath(dir, "sourcecode"));
  if (req.sourcecodeDir) copyDirSync(req.sourcecodeDir, guildPath(dir, "sourcecode"));
  for (const [name, text] of Object.entries(req.guildFiles ?? {})) writeFileSync(guildPath(dir, name), text);
  req.populate?.(dir);
  // A staged run's timestamp is when it was staged: queues start the oldest.
  if (req.state === "staged") writeNewRunAttrs(dir, { started: timestampUs() });
  const marker = req.state === "staged" ? MARKER.STAGED : MARKER.PENDING;
  writeFileSync(guildPath(dir, marker), req.state === "pending" ? formatProcessId(currentProcessId()) : "");
}
