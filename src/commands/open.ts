/** `guild open`: open a run's directory or a file in it with the desktop opener, or `--cmd`. */
import type { Command } from "commander";
import type { CliIo } from "./cli-io.js";
import { configure } from "../program.js";
import { contextFor } from "./context.js";
import { addFilterOptions, commandPath, runsFilterFor, type FilterCliOptions } from "./runs-options.js";

interface OpenCliOptions extends FilterCliOptions {
  path?: string;
  sourcecode?: boolean;
  output?: boolean;
  cmd?: string;
}

export function registerOpenCommand(program: Command, io: CliIo): void {
  const cmd = program
    .command("open")
    .summary("Open a run path or output.")
    .description(
      "Open a run path or output with the desktop opener (xdg-open, or open on macOS),\n" +
        "or with --cmd: `guild open --cmd echo` prints the run directory.\n" +
        "RUN may be an index (1) or an id prefix; the latest run by default.",
    )
    .argument("[run]", "run to open")
    .option("-p, --path <path>", "Path to open under run directory.")
    .option("-s, --sourcecode", "Open run source code directory.")
    .option("-O, --output", "Open run output. Cannot be used with other options.")
    .option("-c, --cmd <cmd>", "Command used to open run.");
  addFilterOptions(cmd);
  cmd.action(async (spec: string | undefined, o: OpenCliOptions, self: Command) => {
    const { oneRun } = await import("../core/runs/one-run.js");
    const { openWith, pathToOpen } = await import("../core/runs/open-path.js");
    const ctx = contextFor(self, io, { createHome: false });
    const path = commandPath(self);
    const row = oneRun(spec, runsFilterFor(o, path), path, ctx);
    if (o.output && (o.path !== undefined || o.sourcecode)) ctx.out.stderr("--output cannot be used with other options - ignorning other options\n");
    const target = pathToOpen(row.dir, { path: o.path, sourcecode: o.sourcecode === true, output: o.output === true });
    openWith(o.cmd, target);
  });
  configure(cmd, io);
}
