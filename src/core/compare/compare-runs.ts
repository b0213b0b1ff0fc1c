/**
 * `guild compare`: the runs to compare (filtered, selected, batch runs left
 * out unless asked for) with the facts the table needs, then the table.
 */
import { existsSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { Ctx } from "../context.js";
import { fail } from "../errors.js";
import { isFlagMap } from "../flags/value.js";
import { filteredRuns, type RunRow } from "../runs/list.js";
import type { RunsQuery } from "../runs/one-run.js";
import { selectRuns } from "../runs/select.js";
import { runScalars, type DirSummarizer } from "../scalars/run-scalars.js";
import { openSummaryCache } from "../scalars/summary-cache.js";
import { writeFileAtomic } from "../store/atomic.js";
import { readAttr } from "../store/attrs.js";
import { protoDir } from "../store/paths.js";
import { formatTimestampUs } from "../util/time-format.js";
import { compareTable, type CompareTable, type RunFacts, type TableOptions } from "./compare-table.js";

export interface CompareOptions extends TableOptions {
  specs: readonly string[];
  filter: RunsQuery;
  includeBatch: boolean;
}

export function compareRuns(o: CompareOptions, ctx: Ctx): CompareTable {
  const selected = selectRuns(filteredRuns(o.filter, ctx), o.specs, "guild compare");
  const runs = o.includeBatch ? selected : selected.filter((r) => !existsSync(protoDir(r.dir)));
  const cache = openSummaryCache(ctx.home);
  const table = compareTable(
    runs.map((r) => runFacts(r, cache.summarizer)),
    o,
  );
  cache.save();
  const col = o.minCol ?? o.maxCol;
  if (col !== undefined && table.rows.length && !table.header.includes(col)) {
    fail(`no column '${col}' to sort by\nColumns: ${table.header.join(", ")}`);
  }
  return table;
}

function runFacts(row: RunRow, summarizer: DirSummarizer): RunFacts {
  const flags = readAttr(row.dir, "flags");
  const label = readAttr(row.dir, "label");
  return {
    id: row.id,
    dir: row.dir,
    opDesc: row.opDesc,
    started: formatTimestampUs(row.started),
    time: duration(row.status, row.started, readAttr(row.dir, "stopped")),
    status: row.status,
    label: label === undefined || label === null ? null : String(label),
    marked: readAttr(row.dir, "marked") === true,
    flags: isFlagMap(flags) ? flags : {},
    scalars: runScalars(row.dir, summarizer),
  };
}

/** `H:MM:SS` from started to stopped (to now while running); null if unknown. */
export function duration(status: string, started: unknown, stopped: unknown, nowUs = Date.now() * 1000): string | null {
  if (typeof started !== "number") return null;
  const end = status === "running" ? nowUs : typeof stopped === "number" ? stopped : undefined;
  if (end === undefined) return null;
  const secs = Math.floor((end - started) / 1_000_000);
  const [h, m, s] = [Math.floor(secs / 3600), Math.floor((secs % 3600) / 60), secs % 60];
  return `${h}:${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}`;
}

/** Writes `--csv PATH`, creating its directory as Guild does. */
export function saveCompareCsv(path: string, text: string): void {
  try {
    mkdirSync(dirname(resolve(path)), { recursive: true });
    writeFileAtomic(resolve(path), text);
  } catch (e) {
    fail(`error opening ${path}: ${(e as Error).message}`);
  }
}
