/**
 * The one run a command works on (`cat`, `ls`, `runs info`): RUN among the
 * filtered runs, newest first, `1` (the latest) when not given.
 */
import type { Ctx } from "../context.js";
import { fail } from "../errors.js";
import { msg } from "../messages.js";
import { shortId } from "../store/ids.js";
import { filteredRuns, type RunRow } from "./list.js";
import { selectRuns } from "./select.js";

/** The filters `filteredRuns` takes. */
export type RunsQuery = Parameters<typeof filteredRuns>[0];

/** `cmd` names the command in errors: `guild cat`. */
export function oneRun(spec: string | undefined, filter: RunsQuery, cmd: string, ctx: Ctx): RunRow {
  const rows = filteredRuns(filter, ctx);
  if (!rows.length) fail(msg.noMatchingRuns());
  const runSpec = spec ?? "1";
  const selected = selectRuns(rows, [runSpec], cmd);
  if (selected.length > 1) fail(msg.multipleRunsMatch(runSpec, selected.map((r) => shortId(r.id))));
  return selected[0] as RunRow;
}
