/** `guild runs info [RUN]`: one run's details (§9.7), or `--json`. */
import type { Command } from "commander";
import type { CliIo } from "./cli-io.js";
import { configure } from "../program.js";
import { contextFor } from "./context.js";
import { addFilterOptions, commandPath, runsFilterFor, type FilterCliOptions } from "./runs-options.js";

interface InfoCliOptions extends FilterCliOptions {
  env?: boolean;
  deps?: boolean;
  json?: boolean;
  allScalars?: boolean;
}

export function registerInfoCommand(runs: Command, io: CliIo): void {
  const cmd = runs
    .command("info")
    .summary("Show run information.")
    .description("Show run information. RUN may be an index (1), or an id prefix; the latest run by default.")
    .argument("[run]", "run to show")
    .option("-e, --env", "Show run environment.")
    .option("-d, --deps", "Show resolved dependencies.")
    .option("-s, --all-scalars", "Show all scalar values (including sys/ tags).")
    .option("--json", "Format information as JSON (schema in the README).");
  addFilterOptions(cmd);
  cmd.action(async (spec: string | undefined, o: InfoCliOptions, self: Command) => {
    const { runInfoFor } = await import("../core/runs/info.js");
    const ctx = contextFor(self, io, { createHome: false });
    const path = commandPath(self);
    const opts = { env: o.env === true, deps: o.deps === true, allScalars: o.allScalars === true };
    const info = runInfoFor(runsFilterFor(o, path), spec, path, opts, ctx);
    if (o.json) {
      const { runInfoJson } = await import("../core/runs/json.js");
      ctx.out.stdout(`${JSON.stringify(runInfoJson(info))}\n`);
      return;
    }
    const { formatRunInfo } = await import("../core/runs/info-format.js");
    ctx.out.stdout(formatRunInfo(info).map((l) => `${l}\n`).join(""));
  });
  configure(cmd, io);
}
