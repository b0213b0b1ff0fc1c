/** Prints `guild runs list`: the table, `--verbose` details, or `--json`. */
import type { Command } from "commander";
import type { Ctx } from "../core/context.js";
import { fail } from "../core/errors.js";
import { damageWarnings } from "../core/runs/damage.js";
import { infoFields, readRunInfo } from "../core/runs/info.js";
import { runListJson } from "../core/runs/json.js";
import { DEFAULT_LIST_LIMIT, filteredRunsView, userHomeFor } from "../core/runs/list.js";
import { cutLine, formatRunsTable, terminalWidth } from "../output.js";
import { parseLimit, type ListCliOptions } from "./runs.js";
import { commandPath, runsFilterFor } from "./runs-options.js";

export function listRunsCommand(ctx: Ctx, o: ListCliOptions & { more: number }, cmd: Command): void {
  const limit = parseLimit(o.limit);
  if (o.all && limit !== undefined) fail("--all and --limit cannot both be used");
  const view = filteredRunsView({ ...runsFilterFor(o, commandPath(cmd)), deleted: o.deleted === true }, ctx);
  if (o.json) {
    if (o.all || limit !== undefined || o.more) ctx.out.stderr("--json option always shows all runs\n");
    ctx.out.stdout(`${JSON.stringify(view.slice(0, view.length).map(runListJson))}\n`);
    return;
  }
  const shown = o.all ? view.length : (limit ?? DEFAULT_LIST_LIMIT * (1 + o.more));
  const rows = view.slice(0, shown);
  const width = terminalWidth(ctx.env);
  const userHome = userHomeFor(ctx.env);
  const out: string[] = [];
  formatRunsTable(rows).forEach((line, i) => {
    out.push(`${cutLine(line, width)}\n`);
    const row = rows[i];
    if (o.verbose && row) {
      for (const [name, value] of infoFields(readRunInfo(row, userHome, { env: false, deps: false }))) out.push(`  ${name}: ${value}\n`);
    }
  });
  for (const warning of damageWarnings(ctx.home, rows)) ctx.out.stderr(warning);
  ctx.out.stdout(out.join(""));
  if (view.length > shown && limit === undefined) {
    ctx.out.stderr(
      `Showing the first ${shown} runs (${view.length} total) - use --all to show all or -m to show more\n`,
    );
  }
}
