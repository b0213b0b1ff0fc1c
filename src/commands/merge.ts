/** `guild merge [RUN]`: copy a run's files into the project directory. */
import type { Command } from "commander";
import type { CliIo } from "../cli.js";
import { fail } from "../core/errors.js";
import { configure } from "../program.js";
import { contextFor } from "./context.js";
import { addRunFilters, runsQueryFor, type RunFilterCliOptions } from "./run-filters.js";
import { collect } from "./runs-options.js";

interface MergeCliOptions extends RunFilterCliOptions {
  targetDir?: string;
  sourcecode?: boolean;
  all?: boolean;
  skipSourcecode?: boolean;
  exclude: string[];
  preview?: boolean;
  yes?: boolean;
  replace?: boolean;
}

export function registerMergeCommand(program: Command, io: CliIo): void {
  const cmd = program
    .command("merge")
    .summary("Copy run files to a project directory.")
    .description(
      "Copy run files to a project directory.\n\n" +
        "By default the run's source code files are copied into the current\n" +
        "directory, which must be the project the run came from (use --target-dir\n" +
        "DIR to copy elsewhere). --all also copies the files the run made. Files that\n" +
        "are unchanged are skipped. The command fails if any file would be replaced,\n" +
        "unless --replace.\n\n" +
        "RUN may be an index (1) or an id prefix; the latest run when not given.",
    )
    .argument("[run]", "run to merge")
    .option("-t, --target-dir <dir>", "Directory to merge run files to (required if the run is not from the current directory).")
    .option("-s, --sourcecode", "Only copy run source code. Cannot be used with --skip-sourcecode.")
    .option("-a, --all", "Copy all run files (with --skip-sourcecode and --exclude, all but those).")
    .option("-S, --skip-sourcecode", "Don't copy run source code.")
    .option("-x, --exclude <pattern>", "Exclude a file or pattern (may be used multiple times).", collect, [])
    .option("-p, --preview", "Show what would happen on a merge.")
    .option("-y, --yes", "Don't prompt before copying files.")
    .option("--replace", "Allow replacement of existing files. Cannot be used with --no-replace.")
    .option("--no-replace", "Fail if any target file would be replaced (the default). Cannot be used with --replace.");
  addRunFilters(cmd);
  cmd.action(async (run: string | undefined, o: MergeCliOptions, self: Command) => {
    if (o.sourcecode && o.skipSourcecode) fail("--sourcecode and --skip-sourcecode cannot both be specified\nTry 'guild merge --help' for more information.");
    const { mergeRun } = await import("../core/merge/merge-run.js");
    const { formatRunsTable } = await import("../output.js");
    const ctx = contextFor(self, io, { createHome: false });
    mergeRun(
      {
        run,
        query: runsQueryFor(o, self),
        targetDir: o.targetDir,
        all: o.all === true,
        skipSourcecode: o.skipSourcecode === true,
        sourcecodeOnly: o.sourcecode === true,
        exclude: o.exclude,
        preview: o.preview === true,
        yes: o.yes === true,
        replace: o.replace === true,
      },
      (row) => formatRunsTable([row], false).map((l) => `  ${l}`).join("\n"),
      ctx,
    );
  });
  configure(cmd, io);
}
