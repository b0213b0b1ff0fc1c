/** Prints `guild runs rm|delete`. */
import type { Ctx } from "../core/context.js";
import { deleteRuns } from "../core/runs/delete.js";
import { filteredRuns } from "../core/runs/list.js";
import { selectRuns } from "../core/runs/select.js";
import { confirm } from "../core/util/prompt.js";
import { formatRunsTable } from "../output.js";
import { statusesFor, type RmCliOptions } from "./runs.js";

export function deleteRunsCommand(ctx: Ctx, specs: string[], o: RmCliOptions, cmdName: string): void {
  const rows = selectRuns(filteredRuns({ statuses: statusesFor(o), deleted: false }, ctx), specs, cmdName);
  if (!rows.length) {
    ctx.out.stderr("Nothing to delete.\n");
    return;
  }
  if (!o.yes && !confirmDelete(rows, o.permanent === true, ctx)) return;
  const n = deleteRuns(rows, o.permanent === true, ctx);
  ctx.out.stdout(o.permanent ? `Permanently deleted ${n} run(s)\n` : `Deleted ${n} run(s)\n`);
}

function confirmDelete(rows: Parameters<typeof formatRunsTable>[0], permanent: boolean, ctx: Ctx): boolean {
  const header = permanent
    ? "WARNING: You are about to permanently delete the following runs:"
    : "You are about to delete the following runs:";
  const table = formatRunsTable(rows, false).map((line) => `  ${line}`);
  ctx.out.stderr(`${header}\n${table.join("\n")}\n`);
  const question = permanent ? `Permanently delete ${rows.length} run(s)?` : `Delete ${rows.length} run(s)?`;
  return confirm(question, !permanent, (s) => ctx.out.stderr(s));
}
