/**
 * Starting a run we hold the claim on (see store/claim.ts): the attrs of a
 * (re)start, then the OS process or one of our in-process drivers (batch,
 * steps, queue), then the exit status. The status a reader derives is right
 * at every step: pending while claimed, running once LOCK names a live
 * process (the claim ends only after LOCK is written), then
 * completed/error/terminated from `exit_status`; and if this process dies,
 * staged (died before LOCK) or terminated (died after).
 */
import type { Ctx } from "../context.js";
import type { FlagMap } from "../flags/value.js";
import type { Operation } from "../op/operation.js";
import { deleteAttr, writeAttr } from "../store/attrs.js";
import { noteRunChanged } from "../store/run-index.js";
import { runClaims } from "../store/claim.js";
import { timestampUs } from "../store/ids.js";
import { removeLock, writeLock } from "../store/lock.js";
import { startHeartbeat } from "../store/heartbeat.js";
import { leaseMs } from "../store/lease.js";
import { currentProcessId, hostName } from "../util/proc.js";
import { runEnvFor } from "./env.js";
import { execProcess } from "./exec-process.js";
import { openOutputWriter, teeOut } from "./output-writer.js";
import { openOutputScalars, type OutputScalarsSource } from "../scalars/output-scalars.js";
import { commandFor } from "./run-attrs.js";
import { runDriver } from "./drivers.js";
import { fsErrorMessage } from "../store/write-errors.js";

export interface StartRequest {
  runDir: string;
  runId: string;
  op: Operation;
  flags: FlagMap;
  /** Extra env for the process (e.g. CUDA_VISIBLE_DEVICES from a queue). */
  extraEnv?: Record<string, string>;
}

export async function startClaimedRun(req: StartRequest, ctx: Ctx): Promise<number> {
  const command = commandOrRelease(req, ctx);
  // A staged or finished run changes status and moves to the top: the run
  // index re-reads it rather than keep its cached place.
  noteRunChanged(req.runDir);
  deleteAttr(req.runDir, "exit_status");
  deleteAttr(req.runDir, "stopped");
  deleteAttr(req.runDir, "error");
  // An error while starting or inside a driver still ends the run, recorded
  // as failed (and the claim ends with it).
  let exitStatus = 1;
  const stopHeartbeat = startHeartbeat(req.runDir);
  try {
    const env = runEnvFor({ op: req.op, runDir: req.runDir, runId: req.runId, flags: req.flags, extra: req.extraEnv }, ctx);
    for (const w of command.warnings) ctx.out.stderr(`${w}\n`);
    writeAttr(req.runDir, "cmd", command.argv);
    writeAttr(req.runDir, "env", env);
    writeAttr(req.runDir, "started", timestampUs());
    writeAttr(req.runDir, "host", hostName()); // where it runs, which may not be where it was staged
    exitStatus =
      req.op.kind === "process"
        ? await execProcess({ runDir: req.runDir, argv: command.argv, env, out: ctx.out, scalars: scalarsSource(req) })
        : await runInProcess(req, ctx);
  } finally {
    runClaims.completeClaim(req.runDir);
    try {
      recordEnd(req.runDir, exitStatus);
    } finally {
      stopHeartbeat();
    }
  }
  return exitStatus;
}

/**
 * If the end cannot be recorded (a full disk), the LOCK still goes: a run
 * with neither reads `error`, never `terminated` for work that finished.
 */
function recordEnd(runDir: string, exitStatus: number): void {
  try {
    writeAttr(runDir, "exit_status", exitStatus);
    writeAttr(runDir, "stopped", timestampUs());
  } finally {
    removeLock(runDir);
  }
}

/** The command, built before the run is touched: if it fails (a bad `${ref}`), the run is left as it was. */
function commandOrRelease(req: StartRequest, ctx: Ctx): ReturnType<typeof commandFor> {
  try {
    leaseMs(); // a bad GUILD_LEASE stops here too, before the run is touched
    return commandFor(req.op, req.flags, ctx.env);
  } catch (e) {
    runClaims.releaseClaim(req.runDir);
    throw e;
  }
}

/** The run's `output-scalars` and flags, as its `op` and `flags` attrs hold them. */
function scalarsSource(req: StartRequest): OutputScalarsSource {
  return { config: req.op.outputScalars, flags: req.flags };
}

/** Batch, steps and queue runs are driven by this process itself. */
async function runInProcess(req: StartRequest, ctx: Ctx): Promise<number> {
  writeLock(req.runDir, currentProcessId());
  runClaims.completeClaim(req.runDir);
  // Control runs (batch, optimizers, queue) print their children's output
  // but log none of their scalars: a queue is not ranked by its runs' loss.
  // A pipeline (steps) keeps them, as Guild's steps run does.
  const scalars = req.op.kind === "steps" ? openOutputScalars(req.runDir, scalarsSource(req), ctx.out) : undefined;
  // A driver's output that cannot be recorded is still shown: its runs go on.
  const writer = openOutputWriter(req.runDir, scalars, (e) => {
    ctx.out.stderr(`guild: ${fsErrorMessage(e, "write the run's output") ?? String(e)}\n`);
  });
  try {
    return await runDriver(req, { ...ctx, out: teeOut(ctx.out, writer) });
  } finally {
    writer.close();
  }
}
