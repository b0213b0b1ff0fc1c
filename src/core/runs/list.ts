/**
 * `guild runs list`: the runs of a store (or its trash) as rows, newest
 * first, filtered by status, then cut to the requested count.
 */
import type { Ctx } from "../context.js";
import { trashRunsDirFor } from "../home.js";
import { readAttr } from "../store/attrs.js";
import { listRuns, listRunsIn, type RunEntry } from "../store/list-runs.js";
import { runStatus, type RunStatus } from "../store/status.js";
import { readdirSync } from "node:fs";
import { runOpDesc } from "./op-desc.js";

export interface RunsFilter {
  statuses: readonly RunStatus[];
  deleted: boolean;
}

export interface RunRow {
  index: number;
  id: string;
  dir: string;
  opDesc: string;
  started: unknown;
  status: RunStatus;
  label: string;
}

export const DEFAULT_LIST_LIMIT = 20;

/** Runs after filtering, newest first, each with its 1-based index. */
export function filteredRuns(filter: RunsFilter, ctx: Ctx): RunRow[] {
  const entries = filter.deleted ? trashEntries(ctx.home) : listRuns(ctx.home);
  const rows: RunRow[] = [];
  for (const entry of entries) {
    const status = runStatus(entry.dir);
    if (filter.statuses.length && !filter.statuses.includes(status)) continue;
    rows.push(rowFor(entry, status, rows.length + 1));
  }
  return rows;
}

function rowFor(entry: RunEntry, status: RunStatus, index: number): RunRow {
  const label = readAttr(entry.dir, "label");
  return {
    index,
    id: entry.id,
    dir: entry.dir,
    opDesc: runOpDesc(entry.dir),
    started: readAttr(entry.dir, "started"),
    status,
    label: typeof label === "string" ? label : label === undefined || label === null ? "" : String(label),
  };
}

function trashEntries(home: string): RunEntry[] {
  const dir = trashRunsDirFor(home);
  let ids: string[];
  try {
    ids = readdirSync(dir).filter((n) => !n.startsWith("."));
  } catch {
    ids = [];
  }
  return listRunsIn(dir, ids);
}
