/** Prints `guild runs list`. */
import type { Ctx } from "../core/context.js";
import { fail } from "../core/errors.js";
import { DEFAULT_LIST_LIMIT, filteredRunsView } from "../core/runs/list.js";
import { cutLine, formatRunsTable, terminalWidth } from "../output.js";
import { parseLimit, statusesFor, type ListCliOptions } from "./runs.js";

export function listRunsCommand(ctx: Ctx, o: ListCliOptions & { more: number }): void {
  const limit = parseLimit(o.limit);
  if (o.all && limit !== undefined) fail("--all and --limit cannot both be used");
  const rows = filteredRunsView({ statuses: statusesFor(o), deleted: o.deleted === true }, ctx);
  const shown = o.all ? rows.length : (limit ?? DEFAULT_LIST_LIMIT * (1 + o.more));
  const width = terminalWidth(ctx.env);
  const lines = formatRunsTable(rows.slice(0, shown)).map((line) => `${cutLine(line, width)}\n`);
  ctx.out.stdout(lines.join(""));
  if (rows.length > shown && limit === undefined) {
    ctx.out.stderr(
      `Showing the first ${shown} runs (${rows.length} total) - use --all to show all or -m to show more\n`,
    );
  }
}
