/**
 * `guild run --start RUN`: starts (or with --stage re-stages) an existing
 * run in place, from its stored `op` attr and flags, so runs staged by Guild
 * AI start here too. A running run is refused (a later Guild fix), and the
 * claim makes a run started by two processes at once start only once.
 */
import { opCtx, type Ctx } from "../context.js";
import { exitQuietly, fail } from "../errors.js";
import { parseFlagArgs } from "../flags/args.js";
import { decodeFlagValue } from "../flags/decode.js";
import { nameMap, type FlagMap } from "../flags/value.js";
import { renderLabel } from "../label.js";
import { msg } from "../messages.js";
import type { Operation } from "../op/operation.js";
import { writeAttr, deleteAttr } from "../store/attrs.js";
import { runClaims } from "../store/claim.js";
import { findRunForStart } from "../store/find-run.js";
import { isLockAlive } from "../store/lock.js";
import { rethrowStoreWriteError } from "../store/write-errors.js";
import { runOpDesc } from "../runs/op-desc.js";
import { protoDir } from "../store/paths.js";
import { runStatus } from "../store/status.js";
import { confirm } from "../util/prompt.js";
import { existsSync } from "node:fs";
import { storedOperation } from "./stored-op.js";
import type { RunOptions } from "./options.js";
import { previewText } from "./preview.js";
import { commandFor } from "./run-attrs.js";
import type { RunResult } from "./run-op.js";
import { stageClaimedRun } from "./stage.js";
import { startClaimedRun } from "./start.js";
import { startInBackground } from "./background.js";

export async function restartRun(spec: string, opts: RunOptions, ctx: Ctx): Promise<RunResult> {
  const run = findRunForStart(spec, ctx.home, ctx.cwd);
  const stored = storedOperation(run.dir);
  if (!stored) fail(msg.missingOpConfig(run.dir));
  const { op } = stored;
  const flags = flagsWithOverrides(stored.flags, opts, ctx);
  if (runStatus(run.dir) === "running") fail(msg.cannotRestartRunning(run.id));
  commandFor(op, flags, ctx.env); // fails on a bad `${ref}` before the run is touched
  const subject = `${run.id} (${displayName(run.dir, op)})`;
  if (!opts.yes) {
    const text = previewText({ action: opts.stage ? "stage" : "start", subject, flags, flagDefs: op.flagDefs });
    if (!confirm(text, true, (s) => ctx.out.stderr(s))) exitQuietly(0);
  }
  if (opts.background && opts.runId === undefined) return startInBackground(run.id, op.opref, opts, ctx);
  if (claimForStart(run.dir) !== "claimed") fail(`cannot start run ${run.id}: another process is starting it`);
  // Checked again now that no one else can start it: it may have been
  // started since we looked.
  if (isLockAlive(run.dir)) {
    // Its LOCK, not a claim, tells who runs it.
    runClaims.completeClaim(run.dir);
    fail(msg.cannotRestartRunning(run.id));
  }
  updateRestartAttrs(run.dir, op, flags, opts);
  const envReq = { op, runDir: run.dir, runId: run.id, flags };
  if (opts.stage) {
    stageClaimedRun(envReq, ctx);
    return { exitCode: 0, runId: run.id };
  }
  return { exitCode: await startClaimedRun(envReq, opCtx(ctx, opts.quiet)), runId: run.id };
}

function displayName(runDir: string, op: Operation): string {
  // A batch shows as its proto's op with `+` (or `+random`).
  return existsSync(protoDir(runDir)) ? runOpDesc(runDir) : op.opDesc;
}

/** `--start ID name=val` overrides stored flag values. */
function flagsWithOverrides(stored: FlagMap, opts: RunOptions, ctx: Ctx): FlagMap {
  const flags: FlagMap = nameMap(stored);
  for (const [name, raw] of parseFlagArgs(opts.flagArgs).assigns) {
    const decoded = decodeFlagValue(raw);
    for (const w of decoded.warnings) ctx.out.stderr(`WARNING: ${w}\n`);
    flags[name] = decoded.value;
  }
  return flags;
}

/** Later Guild keeps the original `run_params` on restart, and so do we. */
function updateRestartAttrs(runDir: string, op: Operation, flags: FlagMap, opts: RunOptions): void {
  const userFlags = parseFlagArgs(opts.flagArgs).assigns.map(([name]) => name);
  writeAttr(runDir, "flags", flags);
  writeAttr(runDir, "user_flags", Object.fromEntries(userFlags.map((n) => [n, flags[n] ?? null])));
  if (!userFlags.length) return;
  const label = renderLabel(op.labelTemplate, flags);
  if (label) writeAttr(runDir, "label", label);
  else deleteAttr(runDir, "label");
}

function claimForStart(runDir: string): ReturnType<typeof runClaims.claimForStart> {
  try {
    return runClaims.claimForStart(runDir);
  } catch (e) {
    rethrowStoreWriteError(e, `start run in '${runDir}'`);
  }
}
