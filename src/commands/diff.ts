/** `guild diff [RUN [RUN]]`: diff two runs' attributes, output, source code or files. */
import type { Command } from "commander";
import type { CliIo } from "../cli.js";
import { configure } from "../program.js";
import { contextFor } from "./context.js";
import { addRunFilters, runsQueryFor, type RunFilterCliOptions } from "./run-filters.js";
import { collect } from "./runs-options.js";

interface DiffCliOptions extends RunFilterCliOptions {
  output?: boolean;
  sourcecode?: boolean;
  env?: boolean;
  flags?: boolean;
  attrs?: boolean;
  deps?: boolean;
  path: string[];
  working?: boolean;
  dir?: string;
  cmd?: string;
}

export function registerDiffCommand(program: Command, io: CliIo): void {
  const cmd = program
    .command("diff")
    .summary("Diff two runs.")
    .description(
      "Diff two runs.\n\n" +
        "Without RUN arguments the latest two filtered runs are diffed (2 against 1).\n" +
        "With one RUN a second is required, except with --working or --dir, which\n" +
        "diff the run against a directory. The diff program is 'diff -ru' unless\n" +
        "--cmd names another; it is given the two paths to compare.",
    )
    .argument("[run]", "run to diff")
    .argument("[other-run]", "run to diff against")
    .option("-O, --output", "Diff run output.")
    .option("-s, --sourcecode", "Diff run source code.")
    .option("-e, --env", "Diff run environment.")
    .option("-f, --flags", "Diff run flags.")
    .option("-a, --attrs", "Diff all run attributes; if specified other attribute options are ignored.")
    .option("-D, --deps", "Diff run dependencies.")
    .option("-p, --path <path>", "Diff specified path. May be used more than once.", collect, [])
    .option("-w, --working", "Diff run sourcecode to the associated working directory.")
    .option("-d, --dir <path>", "Diff run to the specified directory, relative to cwd.")
    .option("-c, --cmd <cmd>", "Command used to diff runs.");
  addRunFilters(cmd);
  cmd.action(async (run: string | undefined, otherRun: string | undefined, o: DiffCliOptions, self: Command) => {
    const { diffRuns } = await import("../core/diff/diff-runs.js");
    const ctx = contextFor(self, io, { createHome: false });
    diffRuns(
      {
        run,
        otherRun,
        dir: o.dir,
        working: o.working === true,
        cmd: o.cmd,
        output: o.output === true,
        sourcecode: o.sourcecode === true,
        env: o.env === true,
        flags: o.flags === true,
        attrs: o.attrs === true,
        deps: o.deps === true,
        paths: o.path,
        query: runsQueryFor(o, self),
      },
      ctx,
    );
  });
  configure(cmd, io);
}
