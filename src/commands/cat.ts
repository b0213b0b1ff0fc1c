/** `guild cat [RUN]`: show a run file (`-p PATH`) or the run's output (`--output`). */
import type { Command } from "commander";
import type { CliIo } from "./cli-io.js";
import { configure } from "../program.js";
import { contextFor } from "./context.js";
import { addRunFilters, runsQueryFor, type RunFilterCliOptions } from "./run-filters.js";

interface CatCliOptions extends RunFilterCliOptions {
  path?: string;
  sourcecode?: boolean;
  output?: boolean;
}

export function registerCatCommand(program: Command, io: CliIo): void {
  const cmd = program
    .command("cat")
    .summary("Show contents of a run file.")
    .description(
      "Show contents of a run file.\n\n" +
        "RUN may be an index (1), or an id prefix; the latest run when not given.\n" +
        "-p/--path is required unless --output is used. PATH is relative to the run\n" +
        "directory, or to its source code copy with --sourcecode.",
    )
    .argument("[run]", "run to show a file of")
    .option("-p, --path <path>", "Path of file to show. Required unless --output is used.")
    .option("-s, --sourcecode", "Apply PATH to source code files.")
    .option("-O, --output", "Show run output. Cannot be used with --path.");
  addRunFilters(cmd);
  cmd.action(async (run: string | undefined, o: CatCliOptions, self: Command) => {
    const { catRunFile } = await import("../core/runs/run-files.js");
    const ctx = contextFor(self, io, { createHome: false });
    const filter = runsQueryFor(o, self);
    const { bytes, note } = catRunFile(run, filter, { output: o.output === true, path: o.path, sourcecode: o.sourcecode === true }, ctx);
    if (note) ctx.out.stderr(`${note}\n`);
    ctx.out.stdout(bytes);
  });
  configure(cmd, io);
}
