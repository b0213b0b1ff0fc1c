/** `guild view [RUN...]`: see and compare runs in a browser (core/view/). */
import { InvalidArgumentError, type Command } from "commander";
import type { CliIo } from "./cli-io.js";
import { configure } from "../program.js";
import { contextFor } from "./context.js";
import { parseIntOption } from "./option-parsers.js";
import { addRunFilters, runsQueryFor, type RunFilterCliOptions } from "./run-filters.js";

interface ViewCliOptions extends RunFilterCliOptions {
  host: string;
  port: number;
  open: boolean;
}

function parsePort(value: string): number {
  const port = parseIntOption("'-p' / '--port'", 0)(value);
  if (port > 65535) throw new InvalidArgumentError(`invalid value for '-p' / '--port': ${port} is not in the range 0<=x<=65535`);
  return port;
}

export function registerViewCommand(program: Command, io: CliIo): void {
  const cmd = program
    .command("view")
    .summary("Visualize runs in a local web application.")
    .description(
      "Visualize runs in a local web application: the runs list (live), each run's\n" +
        "output, scalars and files, and a comparison of runs with charts.\n\n" +
        "RUN may be an index (1), a range (2:4) or an id prefix; with RUN or filter\n" +
        "options only those runs are shown. Serves until Ctrl-C.",
    )
    .argument("[runs...]", "runs to show")
    .option("--host <host>", "Name of host interface to listen on.", "127.0.0.1")
    .option("-p, --port <port>", "Port to listen on (0: any free port).", parsePort, 0)
    .option("-n, --no-open", "Don't open Guild View in a browser.");
  addRunFilters(cmd);
  cmd.action(async (specs: string[], o: ViewCliOptions, self: Command) => {
    const { viewRuns } = await import("../core/view/view.js");
    const ctx = contextFor(self, io, { createHome: false });
    await viewRuns({ host: o.host, port: o.port, open: o.open, specs, filter: runsQueryFor(o, self) }, ctx);
  });
  configure(cmd, io);
}
