/** `guild select`: print a run's id (or a path or attribute) for scripts (Guild 0.9). */
import type { Command } from "commander";
import type { CliIo } from "./cli-io.js";
import { fail } from "../core/errors.js";
import { configure } from "../program.js";
import { contextFor } from "./context.js";
import { addFilterOptions, commandPath, runsFilterFor, type FilterCliOptions } from "./runs-options.js";

interface SelectCliOptions extends FilterCliOptions {
  all?: boolean;
  shortId?: boolean;
  attr?: string;
  path?: boolean;
}

export function registerSelectCommand(program: Command, io: CliIo): void {
  const cmd = program
    .command("select")
    .summary("Select a run and show its ID.")
    .description(
      "Select a run and show its ID, e.g. for another command:\n" +
        "  guild run --restart $(guild select -Fo train)\n" +
        "RUN may be an index (1), a range (2:4) or an id prefix; the latest matching run by default.\n" +
        "With --all, or more than one RUN, every selected run is shown, one per line.",
    )
    .argument("[runs...]", "runs to select")
    .option("-A, --all", "Select all matching runs, not just the latest.")
    .option("-s, --short-id", "Use short ID.")
    .option("-a, --attr <attr>", "Show specified run attribute rather than run ID.")
    .option("-p, --path", "Show run path (--dir).")
    .option("--dir", "Show run path.");
  addFilterOptions(cmd);
  cmd.action(async (specs: string[], o: SelectCliOptions & { dir?: boolean }, self: Command) => {
    if (o.shortId && o.attr !== undefined) fail("--short-id and --attr cannot both be specified\nTry 'guild select --help' for more information.");
    const { selectOneRunRow, selectRunRows } = await import("../core/runs/select-rows.js");
    const { selectedAttr } = await import("../core/runs/select-attr.js");
    const { userHomeFor } = await import("../core/runs/list.js");
    const { shortId } = await import("../core/store/ids.js");
    const ctx = contextFor(self, io, { createHome: false });
    const path = commandPath(self);
    const query = runsFilterFor(o, path);
    const rows =
      o.all || specs.length > 1 ? selectRunRows(query, specs.length ? specs : [":"], path, ctx) : [selectOneRunRow(query, specs[0], path, ctx)];
    const userHome = userHomeFor(ctx.env);
    for (const row of rows) {
      const shown =
        o.attr !== undefined ? selectedAttr(row, o.attr, userHome) : o.shortId ? shortId(row.id) : o.path || o.dir ? row.dir : row.id;
      ctx.out.stdout(`${shown}\n`);
    }
  });
  configure(cmd, io);
}
