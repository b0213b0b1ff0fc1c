/** `guild import ARCHIVE [RUN...]`: copy or move runs from a directory, a .zip or a .tar.gz into the store. */
import type { Command } from "commander";
import type { CliIo } from "../cli.js";
import { configure } from "../program.js";
import { contextFor } from "./context.js";
import { addRunFilters, runsQueryFor, type RunFilterCliOptions } from "./run-filters.js";
import { confirmCopyResources, type TransferCliOptions } from "./transfer-options.js";

export function registerImportCommand(program: Command, io: CliIo): void {
  const cmd = program
    .command("import")
    .summary("Import one or more runs from an archive.")
    .description(
      "Import one or more runs from ARCHIVE.\n\n" +
        "ARCHIVE is a directory of exported runs ('guild export DIR'), a .zip (as\n" +
        "Guild AI's export writes) or a .tar.gz. Runs already in the store are\n" +
        "skipped. --move (directories only) moves the runs instead of copying them.\n" +
        "Links to resources are kept as links unless --copy-resources.\n\n" +
        "RUN may be an index (1), a range (2:4) or an id prefix among the archive's\n" +
        "runs; all of them when not given.",
    )
    .argument("<archive>", "directory or archive to import from")
    .argument("[runs...]", "runs to import")
    .option("-m, --move", "Move imported runs rather than copy.")
    .option("--copy-resources", "Copy resources for each imported run.")
    .option("-y, --yes", "Do not prompt before importing.");
  addRunFilters(cmd);
  cmd.action(async (archive: string, specs: string[], o: TransferCliOptions & RunFilterCliOptions, self: Command) => {
    const { runsForOp } = await import("./runs-op.js");
    const { importRuns, openImportArchive } = await import("../core/transfer/import-runs.js");
    const ctx = contextFor(self, io);
    const query = runsQueryFor(o, self);
    const opened = openImportArchive(archive, o.move === true, ctx);
    try {
      const rows = runsForOp(
        {
          query: { ...query, archive: opened.dir },
          specs,
          defaultSpecs: [":"],
          cmdPath: "guild import",
          yes: o.yes === true,
          preview: `You are about to import (${o.move ? "move" : "copy"}) the following runs from '${archive}':`,
          question: "Continue?",
          defaultYes: true,
          nothing: "No runs to import.",
        },
        ctx,
      );
      if (!rows || !confirmCopyResources(o, ctx)) return;
      const n = importRuns(rows, opened, { move: o.move === true, copyResources: o.copyResources === true }, ctx);
      ctx.out.stderr(`Imported ${n} run(s) from ${archive}\n`);
    } finally {
      opened.close();
    }
  });
  configure(cmd, io);
}
