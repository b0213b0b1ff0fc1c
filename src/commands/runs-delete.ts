/** Prints `guild runs rm|delete`: running runs are stopped (after asking) first. */
import type { Command } from "commander";
import type { Ctx } from "../core/context.js";
import { deleteRuns, heldMessage } from "../core/runs/delete.js";
import { DEFAULT_STOP_TIMEOUT_S, stopRun } from "../core/runs/stop.js";
import { confirm } from "../core/util/prompt.js";
import type { RmCliOptions } from "./runs.js";
import { runsForOp } from "./runs-op.js";
import { commandPath, runsFilterFor } from "./runs-options.js";

export async function deleteRunsCommand(ctx: Ctx, specs: string[], o: RmCliOptions, cmd: Command): Promise<void> {
  const permanent = o.permanent === true;
  const rows = runsForOp(
    {
      query: runsFilterFor(o, commandPath(cmd)),
      specs,
      defaultSpecs: [":"],
      cmdPath: commandPath(cmd),
      yes: o.yes === true,
      preview: permanent
        ? "WARNING: You are about to permanently delete the following runs:"
        : "You are about to delete the following runs:",
      question: permanent ? "Permanently delete {count} run(s)?" : "Delete {count} run(s)?",
      defaultYes: !permanent,
      nothing: "Nothing to delete.",
    },
    ctx,
  );
  if (!rows) return;
  const running = rows.filter((r) => r.status === "running");
  if (running.length && !o.yes) {
    ctx.out.stderr("WARNING: one or more runs are still running and will be stopped before being deleted.\n");
    if (!confirm("Really delete these runs?", false, (s) => ctx.out.stderr(s))) return;
  }
  for (const run of running) {
    await stopRun(run, { wait: true, timeoutMs: DEFAULT_STOP_TIMEOUT_S * 1000, force: true }, ctx);
  }
  const { deleted, held } = deleteRuns(rows, permanent, ctx);
  for (const run of held) ctx.out.stderr(heldMessage(run.id));
  ctx.out.stdout(permanent ? `Permanently deleted ${deleted} run(s)\n` : `Deleted ${deleted} run(s)\n`);
}
