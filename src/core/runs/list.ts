/**
 * `guild runs list`: the runs of a store (or its trash) as rows, newest
 * first, filtered (core/runs/filter.ts), each with its 1-based index in the
 * filtered list. Enumeration (core/store/list-runs.ts) and filtering are
 * kept apart so a listing index can replace the former.
 */
import { homedir } from "node:os";
import type { Ctx } from "../context.js";
import { trashRunsDirFor } from "../home.js";
import { readAttr } from "../store/attrs.js";
import { listRuns, listRunsIn, type RunEntry } from "../store/list-runs.js";
import { runStatus, type RunStatus } from "../store/status.js";
import { readdirSync } from "node:fs";
import { filterRuns, type FilterableRun, type RunsFilter } from "./filter.js";
import { opDirSuffix, runOpInfo } from "./op-desc.js";

export interface RunsQuery extends RunsFilter {
  /** List the trash (`--deleted`) instead of the runs. */
  deleted?: boolean;
}

export interface RunRow extends FilterableRun {
  index: number;
  id: string;
  dir: string;
  started: unknown;
  status: RunStatus;
  /** Project dir the run came from; null for builtins. */
  opDir: string | null;
  /** ` (<dir>)` when `opDir` is not the current directory. */
  opDirSuffix: string;
}

export const DEFAULT_LIST_LIMIT = 20;

/** Runs after filtering, newest first, each with its 1-based index. */
export function filteredRuns(query: RunsQuery, ctx: Ctx): RunRow[] {
  const entries = query.deleted ? trashEntries(ctx.home) : listRuns(ctx.home);
  const userHome = userHomeFor(ctx.env);
  const rows = entries.map((entry) => rowFor(entry, ctx.cwd, userHome));
  const filtered = filterRuns(rows, query);
  filtered.forEach((row, i) => (row.index = i + 1));
  return filtered;
}

export function userHomeFor(env: NodeJS.ProcessEnv): string {
  return env.HOME || homedir();
}

export function rowFor(entry: RunEntry, cwd: string, userHome: string): RunRow {
  const op = runOpInfo(entry.dir, userHome);
  let digest: string | undefined;
  return {
    index: 0,
    id: entry.id,
    dir: entry.dir,
    opDesc: op.opDesc,
    pkgDesc: op.pkgDesc,
    opDir: op.opDir,
    opDirSuffix: opDirSuffix(op.opDir, cwd, userHome),
    started: readAttr(entry.dir, "started"),
    timestamp: entry.timestamp,
    status: runStatus(entry.dir),
    label: labelText(readAttr(entry.dir, "label")),
    marked: Boolean(readAttr(entry.dir, "marked")),
    // Read only when asked for (-D, --json): most listings never need it.
    get digest() {
      if (digest === undefined) {
        const value = readAttr(entry.dir, "sourcecode_digest");
        digest = typeof value === "string" ? value : "";
      }
      return digest;
    },
  };
}

function labelText(label: unknown): string {
  return typeof label === "string" ? label : label === undefined || label === null ? "" : String(label);
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
