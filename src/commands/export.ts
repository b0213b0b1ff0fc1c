/** `guild export LOCATION [RUN...]`: copy or move runs to a directory, a .zip or a .tar.gz. */
import type { Command } from "commander";
import type { CliIo } from "../cli.js";
import { configure } from "../program.js";
import { contextFor } from "./context.js";
import { addRunFilters, runsQueryFor, type RunFilterCliOptions } from "./run-filters.js";
import { confirmCopyResources, type TransferCliOptions } from "./transfer-options.js";

export function registerExportCommand(program: Command, io: CliIo): void {
  const cmd = program
    .command("export")
    .summary("Export one or more runs.")
    .description(
      "Export one or more runs.\n\n" +
        "LOCATION is a directory (created when missing), or an archive: a name ending\n" +
        "in .zip (the archive Guild AI writes and imports) or .tar.gz. Runs already\n" +
        "there are skipped; an existing archive keeps its runs.\n\n" +
        "By default runs are copied; --move moves them. Links to resources are kept\n" +
        "as links unless --copy-resources, which copies what they point at (each\n" +
        "exported run then holds its own copy).\n\n" +
        "RUN may be an index (1), a range (2:4) or an id prefix; all runs when not given.",
    )
    .argument("<location>", "directory or archive to export to")
    .argument("[runs...]", "runs to export")
    .option("-m, --move", "Move exported runs rather than copy.")
    .option("-r, --copy-resources", "Copy resources for each exported run.")
    .option("-y, --yes", "Do not prompt before exporting.");
  addRunFilters(cmd);
  cmd.action(async (location: string, specs: string[], o: TransferCliOptions & RunFilterCliOptions, self: Command) => {
    const { runsForOp } = await import("./runs-op.js");
    const { exportRuns } = await import("../core/transfer/export-runs.js");
    const ctx = contextFor(self, io, { createHome: false });
    const rows = runsForOp(
      {
        query: runsQueryFor(o, self),
        specs,
        defaultSpecs: [":"],
        cmdPath: "guild export",
        yes: o.yes === true,
        preview: `You are about to ${o.move ? "move" : "copy"} the following runs to '${location}':`,
        question: "Continue?",
        defaultYes: true,
        nothing: "No runs to export.",
      },
      ctx,
    );
    if (!rows || !confirmCopyResources(o, ctx)) return;
    const n = exportRuns(rows, location, { move: o.move === true, copyResources: o.copyResources === true }, ctx);
    ctx.out.stderr(`Exported ${n} run(s) to ${location}\n`);
  });
  configure(cmd, io);
}
