/** `guild runs mark` (= `guild mark`): mark runs, or unmark them with `--clear`. */
import type { Command } from "commander";
import type { CliIo } from "./cli-io.js";
import { configure } from "../program.js";
import { contextFor } from "./context.js";
import { addFilterOptions, commandPath, runsFilterFor, type FilterCliOptions } from "./runs-options.js";

interface MarkCliOptions extends FilterCliOptions {
  clear?: boolean;
  yes?: boolean;
}

export function registerMarkCommand(parent: Command, io: CliIo): void {
  const cmd = parent
    .command("mark")
    .summary("Mark a run.")
    .description(
      "Mark a run. Marked runs are listed with [marked] and can be selected with --marked.\n" +
        "Without RUN, marks the latest unmarked run; with --clear, unmarks all marked runs.",
    )
    .argument("[runs...]", "runs to mark")
    .option("-c, --clear", "Clear the run's marked designation.")
    .option("-y, --yes", "Do not prompt before modifying runs.");
  addFilterOptions(cmd);
  cmd.action(async (specs: string[], o: MarkCliOptions, self: Command) => {
    const { markRuns } = await import("../core/runs/mark.js");
    const { runsForOp } = await import("./runs-op.js");
    const path = commandPath(self);
    const clear = o.clear === true;
    const filter = runsFilterFor(o, path);
    // Without RUN: mark the latest unmarked run, or unmark every marked one.
    if (!specs.length) Object.assign(filter, clear ? { marked: true } : { unmarked: true });
    const ctx = contextFor(self, io, { createHome: false });
    const rows = runsForOp(
      {
        query: filter,
        specs,
        defaultSpecs: clear ? [":"] : ["1"],
        cmdPath: path,
        yes: o.yes === true,
        preview: clear ? "You are about to unmark the following runs:" : "You are about to mark the following runs:",
        question: "Continue?",
        defaultYes: true,
        nothing: clear ? "No runs to unmark." : "No runs to mark.",
      },
      ctx,
    );
    if (!rows) return;
    const n = markRuns(rows, !clear);
    ctx.out.stdout(clear ? `Unmarked ${n} run(s)\n` : `Marked ${n} run(s)\n`);
  });
  configure(cmd, io);
}
