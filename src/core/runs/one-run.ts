/**
 * The one run a command works on (`cat`, `ls`, `runs info`): RUN among the
 * filtered runs, newest first, `1` (the latest) when not given.
 */
import type { Ctx } from "../context.js";
import type { filteredRuns, RunRow } from "./list.js";
import { selectOneRunRow } from "./select-rows.js";

/** The filters `filteredRuns` takes. */
export type RunsQuery = Parameters<typeof filteredRuns>[0];

/** `cmd` names the command in errors: `guild cat`. */
export function oneRun(spec: string | undefined, filter: RunsQuery, cmd: string, ctx: Ctx): RunRow {
  return selectOneRunRow(filter, spec, cmd, ctx);
}
