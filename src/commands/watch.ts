/** `guild watch`: follow a run's output until it stops (the latest running run by default). */
import type { Command } from "commander";
import type { CliIo } from "./cli-io.js";
import { fail } from "../core/errors.js";
import { configure } from "../program.js";
import { contextFor } from "./context.js";
import { addFilterOptions, commandPath, runsFilterFor, type FilterCliOptions } from "./runs-options.js";

export function registerWatchCommand(program: Command, io: CliIo): void {
  const cmd = program
    .command("watch")
    .summary("Watch run output.")
    .description(
      "Watch a run's output until it stops. Without RUN, the latest running run.\n" +
        "RUN may be an index (1) or an id prefix. Ctrl-C stops watching (the run goes on).",
    )
    .argument("[run]", "run to watch");
  addFilterOptions(cmd);
  cmd.action(async (spec: string | undefined, o: FilterCliOptions, self: Command) => {
    const { oneRun } = await import("../core/runs/one-run.js");
    const { filteredRuns } = await import("../core/runs/list.js");
    const { watchRun } = await import("../core/runs/watch.js");
    const ctx = contextFor(self, io, { createHome: false });
    const path = commandPath(self);
    const query = runsFilterFor(o, path);
    const row =
      spec !== undefined
        ? oneRun(spec, query, path, ctx)
        : (filteredRuns({ ...query, statuses: ["running"] }, ctx)[0] ??
          fail("nothing to watch\nYou can view the output of a specific run using 'guild watch RUN'."));
    if (ctx.env.NO_WATCHING_MSG !== "1") ctx.out.stderr(`Watching run ${row.id}\n`);
    let interrupted = false;
    // Ctrl-C ends the watch, not the run (which has its own process group).
    process.once("SIGINT", () => (interrupted = true));
    const status = await watchRun(row.dir, ctx.out, () => interrupted);
    if (interrupted) ctx.out.stdout(`\nStopped watching ${row.id}${status === "running" ? " (still running)" : ""}\n`);
    else ctx.out.stderr(`Run ${row.id} stopped with a status of '${status}'\n`);
  });
  configure(cmd, io);
}
