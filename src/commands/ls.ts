/** `guild ls [RUN]`: list a run's files. */
import type { Command } from "commander";
import type { CliIo } from "./cli-io.js";
import { configure } from "../program.js";
import { contextFor } from "./context.js";
import { addRunFilters, runsQueryFor, type RunFilterCliOptions } from "./run-filters.js";

interface LsCliOptions extends RunFilterCliOptions {
  path?: string;
  sourcecode?: boolean;
  all?: boolean;
  fullPath?: boolean;
  followLinks?: boolean;
  noFormat?: boolean;
}

export function registerLsCommand(program: Command, io: CliIo): void {
  const cmd = program
    .command("ls")
    .summary("List run files.")
    .description(
      "List run files.\n\n" +
        "RUN may be an index (1), or an id prefix; the latest run when not given.\n" +
        "--path limits the list to paths starting with PATH or matching it as a\n" +
        "pattern (*, ?, [...]); with --sourcecode, within the run's source code copy.",
    )
    .argument("[run]", "run to list files of")
    .option("-p, --path <path>", "Path to list.")
    .option("-s, --sourcecode", "List source code files.")
    .option("-a, --all", "Show all files including Guild files.")
    .option("-f, --full-path", "Show full path for files.")
    .option("-L, --follow-links", "Follow links.")
    .option("-n, --no-format", "Show files without additional formatting.");
  addRunFilters(cmd);
  cmd.action(async (run: string | undefined, o: LsCliOptions & { format?: boolean }, self: Command) => {
    const { lsRun } = await import("../core/runs/run-files.js");
    const ctx = contextFor(self, io, { createHome: false });
    const filter = runsQueryFor(o, self);
    const options = {
      path: o.path,
      sourcecode: o.sourcecode === true,
      all: o.all === true,
      fullPath: o.fullPath === true,
      followLinks: o.followLinks === true,
    };
    const { header, files } = lsRun(run, filter, options, ctx);
    const plain = options.fullPath || o.format === false;
    if (!plain) ctx.out.stdout(`${header}:\n`);
    for (const f of files) ctx.out.stdout(plain ? `${f}\n` : `  ${f}\n`);
  });
  configure(cmd, io);
}
