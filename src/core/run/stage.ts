/** Staging: a run fully prepared (attrs, source, ENV) but not started. */
import type { Ctx } from "../context.js";
import { deleteAttr, hasAttr, writeAttr } from "../store/attrs.js";
import { noteRunChanged } from "../store/run-index.js";
import { runClaims } from "../store/claim.js";
import { timestampUs } from "../store/ids.js";
import { removeLock } from "../store/lock.js";
import { guildPath } from "../store/paths.js";
import { writeFileAtomic } from "../store/atomic.js";
import { envFileFor } from "./env-file.js";
import type { RunEnvRequest } from "./env.js";
import { noteRunStaged } from "./staged-runs.js";

export function stagedMessage(opDesc: string, id: string): string {
  return `${opDesc} staged as ${id}\nTo start the operation, use 'guild run --start ${id}'\n`;
}

/**
 * Turns a run we hold the claim on into a staged run: ENV written, its
 * timestamp refreshed (queues start the oldest first), and only then the
 * claim handed over as staged, in one step, so no queue can see it
 * half-staged.
 */
export function stageClaimedRun(req: RunEnvRequest, ctx: Ctx): void {
  // Its status and timestamp change: the run index re-reads it.
  noteRunChanged(req.runDir);
  if (hasAttr(req.runDir, "exit_status")) deleteAttr(req.runDir, "exit_status");
  // A LOCK left by an earlier start whose process died would make the
  // run read `terminated` again if a queue died claiming it.
  removeLock(req.runDir);
  writeFileAtomic(guildPath(req.runDir, "ENV"), envFileFor(req, ctx));
  writeAttr(req.runDir, "started", timestampUs());
  runClaims.stageClaimed(req.runDir);
  noteRunStaged(req.runId);
}
