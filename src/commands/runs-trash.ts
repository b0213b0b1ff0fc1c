/** `guild runs purge` and `guild runs restore`: act on deleted runs (`runs list -d`). */
import type { Command } from "commander";
import type { CliIo } from "../cli.js";
import { configure } from "../program.js";
import { contextFor } from "./context.js";
import { addFilterOptions, commandPath, runsFilterFor, type FilterCliOptions } from "./runs-options.js";

interface TrashCliOptions extends FilterCliOptions {
  yes?: boolean;
}

export function registerPurgeCommand(runs: Command, io: CliIo): void {
  const cmd = runs
    .command("purge")
    .summary("Permanently delete one or more deleted runs.")
    .description(
      "Permanently delete one or more deleted runs (see 'guild runs list --deleted').\n" +
        "Without RUN, all deleted runs matching the filters are purged.",
    )
    .argument("[runs...]", "deleted runs to purge")
    .option("-y, --yes", "Do not prompt before purging.");
  addFilterOptions(cmd);
  cmd.action(async (specs: string[], o: TrashCliOptions, self: Command) => {
    const { purgeRuns } = await import("../core/runs/delete.js");
    const { runsForOp } = await import("./runs-op.js");
    const ctx = contextFor(self, io, { createHome: false });
    const path = commandPath(self);
    const rows = runsForOp(
      {
        query: { ...runsFilterFor(o, path), deleted: true },
        specs,
        defaultSpecs: [":"],
        cmdPath: path,
        yes: o.yes === true,
        preview: "WARNING: You are about to permanently delete the following runs:",
        question: "Permanently delete {count} run(s)?",
        defaultYes: false,
        nothing: "Nothing to purge.",
      },
      ctx,
    );
    if (rows) ctx.out.stdout(`Permanently deleted ${purgeRuns(rows, ctx)} run(s)\n`);
  });
  configure(cmd, io);
}

export function registerRestoreCommand(runs: Command, io: CliIo): void {
  const cmd = runs
    .command("restore")
    .summary("Restore one or more deleted runs.")
    .description(
      "Restore one or more deleted runs (see 'guild runs list --deleted').\n" +
        "Without RUN, all deleted runs matching the filters are restored.",
    )
    .argument("[runs...]", "deleted runs to restore")
    .option("-y, --yes", "Do not prompt before restoring.");
  addFilterOptions(cmd);
  cmd.action(async (specs: string[], o: TrashCliOptions, self: Command) => {
    const { restoreRuns } = await import("../core/runs/delete.js");
    const { runsForOp } = await import("./runs-op.js");
    const ctx = contextFor(self, io, { createHome: false });
    const path = commandPath(self);
    const rows = runsForOp(
      {
        query: { ...runsFilterFor(o, path), deleted: true },
        specs,
        defaultSpecs: [":"],
        cmdPath: path,
        yes: o.yes === true,
        preview: "You are about to restore the following runs:",
        question: "Restore {count} run(s)?",
        defaultYes: true,
        nothing: "Nothing to restore.",
      },
      ctx,
    );
    if (rows) ctx.out.stdout(`Restored ${restoreRuns(rows, ctx)} run(s)\n`);
  });
  configure(cmd, io);
}
