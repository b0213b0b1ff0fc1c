/** `guild runs stop` (= `guild stop`): stop running runs and what they started. */
import type { Command } from "commander";
import type { CliIo } from "./cli-io.js";
import { configure } from "../program.js";
import { contextFor } from "./context.js";
import { parseIntOption } from "./option-parsers.js";
import { addOpAndLabelFilters, commandPath, runsFilterFor, type FilterCliOptions } from "./runs-options.js";

interface StopCliOptions extends FilterCliOptions {
  yes?: boolean;
  wait?: boolean;
  force?: boolean;
  timeout?: number;
}

export function registerStopCommand(parent: Command, io: CliIo): void {
  const cmd = parent
    .command("stop")
    .summary("Stop one or more runs.")
    .description(
      "Stop one or more runs: SIGTERM to each run's process and the processes it started.\n" +
        "Only running runs are considered; without RUN, all of them are stopped.",
    )
    .argument("[runs...]", "runs to stop")
    .option("-y, --yes", "Do not prompt before stopping.")
    .option("-n, --no-wait", "Don't wait for runs to stop.")
    .option("--force", "Kill runs that have not stopped after the timeout (SIGKILL).")
    .option("--timeout <n>", "Seconds to wait for a run to stop (default is 30).", parseIntOption("--timeout"));
  addOpAndLabelFilters(cmd);
  cmd.action(async (specs: string[], o: StopCliOptions, self: Command) => {
    const { DEFAULT_STOP_TIMEOUT_S, stopRun } = await import("../core/runs/stop.js");
    const { fail } = await import("../core/errors.js");
    const { runsForOp } = await import("./runs-op.js");
    const ctx = contextFor(self, io, { createHome: false });
    const path = commandPath(self);
    const rows = runsForOp(
      {
        query: { ...runsFilterFor(o, path), statuses: ["running"] },
        specs,
        defaultSpecs: [":"],
        cmdPath: path,
        yes: o.yes === true,
        preview: "WARNING: You are about to stop the following runs:",
        question: "Stop {count} run(s)?",
        defaultYes: false,
        nothing: "Nothing to stop.",
      },
      ctx,
    );
    if (!rows) return;
    const timeoutMs = Math.max(0, o.timeout ?? DEFAULT_STOP_TIMEOUT_S) * 1000;
    const alive: number[] = [];
    for (const row of rows) alive.push(...(await stopRun(row, { wait: o.wait !== false, timeoutMs, force: o.force === true }, ctx)));
    if (alive.length) fail(`The following processes did not stop as expected: ${alive.join(", ")}`);
  });
  configure(cmd, io);
}
