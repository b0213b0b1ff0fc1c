/** `guild tensorboard [RUN...]`: TensorBoard on a temporary log dir of runs' event files and HParams summaries. */
import type { Command } from "commander";
import type { CliIo } from "../cli.js";
import { configure } from "../program.js";
import { contextFor } from "./context.js";
import { parseIntOption } from "./option-parsers.js";
import { addRunFilters, runsQueryFor, type RunFilterCliOptions } from "./run-filters.js";
import { collect } from "./runs-options.js";

interface TensorboardCliOptions extends RunFilterCliOptions {
  host?: string;
  port?: number;
  includeBatch?: boolean;
  skipHparams?: boolean;
  keepLogdir?: boolean;
  testLogdir?: boolean;
  tbOption: string[];
}

export function registerTensorboardCommand(program: Command, io: CliIo): void {
  const cmd = program
    .command("tensorboard")
    .summary("Visualize runs with TensorBoard.")
    .description(
      "Visualize runs with TensorBoard.\n\n" +
        "Starts 'tensorboard' (found on PATH) on a temporary log dir holding, for each\n" +
        "run, links to its event files and HParams summaries (flags as hparams, the\n" +
        "run's status), so the HParams dashboard shows flags against scalars. The\n" +
        "log dir is prepared once and removed when TensorBoard exits.\n\n" +
        "RUN may be an index (1), a range (2:4) or an id prefix; all runs when not\n" +
        "given. Batch runs are left out unless --include-batch.",
    )
    .argument("[runs...]", "runs to show")
    .option("--host <host>", "Name of host interface to listen on.")
    .option("-p, --port <port>", "Port to listen on.", parseIntOption("--port"))
    .option("-O <option=value>", "An option passed through to TensorBoard as --OPTION VALUE. May be used more than once.", collect, [])
    .option("--include-batch", "Include batch runs.")
    .option("--skip-hparams", "Don't generate HParam TF summaries.")
    .option("--keep-logdir", "Don't delete the temporary log dir when TensorBoard exits.")
    .option("--test-logdir", "Prepare the log dir, print its path and exit (the dir is kept).");
  addRunFilters(cmd);
  cmd.action(async (specs: string[], o: TensorboardCliOptions & { O: string[] }, self: Command) => {
    const { selectRunRows } = await import("../core/runs/select-rows.js");
    const { isBatchRun } = await import("../core/store/find-run.js");
    const { runTensorboard } = await import("../core/tensorboard/serve.js");
    const ctx = contextFor(self, io, { createHome: false });
    const rows = selectRunRows(runsQueryFor(o, self), specs, "guild tensorboard", ctx).filter((r) => o.includeBatch || !isBatchRun(r.dir));
    io.exitCode = await runTensorboard(
      rows,
      {
        host: o.host,
        port: o.port,
        hparams: o.skipHparams !== true,
        testLogdir: o.testLogdir === true,
        keepLogdir: o.keepLogdir === true,
        tbOptions: o.O,
      },
      ctx,
    );
  });
  configure(cmd, io);
}
