/**
 * `guild compare`: the runs to compare (filtered, selected, batch runs left
 * out unless asked for) with the facts the table needs, then the table.
 */
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { Ctx } from "../context.js";
import { fail } from "../errors.js";
import { isFlagMap } from "../flags/value.js";
import { filteredRuns, userHomeFor, type RunRow } from "../runs/list.js";
import { opInfoFor } from "../runs/op-desc.js";
import type { RunsQuery } from "../runs/one-run.js";
import { selectRuns } from "../runs/select.js";
import type { ScalarSummary } from "../scalars/run-scalars.js";
import { compareCodePoints } from "../yaml/emitter.js";
import { writeFileAtomic } from "../store/atomic.js";
import { readAttr } from "../store/attrs.js";
import { formatTimestampUs } from "../util/time-format.js";
import { sortSmall } from "../util/sort-small.js";
import { readOpref } from "../store/opref.js";
import { ColspecError, parseColspec, type Col } from "./colspec.js";
import { compareTable, type CompareTable, type RunFacts, type TableOptions } from "./compare-table.js";
import { opCompareReader } from "./op-compare.js";
import { openRowCache } from "./row-cache.js";
import type { EventDirData, RunData } from "./run-data.js";

export interface CompareOptions extends Omit<TableOptions, "columns"> {
  specs: readonly string[];
  filter: RunsQuery;
  includeBatch: boolean;
  /** `-c` column specs. */
  columns?: string;
}

export function compareRuns(o: CompareOptions, ctx: Ctx): CompareTable {
  const columns = o.columns === undefined ? [] : userCols(o.columns);
  const selected = selectRuns(filteredRuns(o.filter, ctx), o.specs, "guild compare");
  const cache = openRowCache(ctx.home);
  const withData = selected.map((row) => ({ row, data: cache.dataFor(row.dir) }));
  cache.save();
  const runs = o.includeBatch ? withData : withData.filter((r) => !r.data.batch);
  const opCols = o.skipOpCols ? undefined : opCompareReader((line) => ctx.out.stderr(`${line}\n`));
  const userHome = userHomeFor(ctx.env);
  const table = compareTable(
    runs.map(({ row, data }) => ({ ...runFacts(row, data, userHome), compareCols: opCols?.colsOf(data.opref, data.attrs.compare) })),
    { ...o, columns },
  );
  const col = o.minCol ?? o.maxCol;
  if (col !== undefined && table.rows.length && !table.header.includes(col)) {
    fail(`no column '${col}' to sort by\nColumns: ${table.header.join(", ")}`);
  }
  return table;
}

function userCols(spec: string): Col[] {
  try {
    return parseColspec(spec);
  } catch (e) {
    if (!(e instanceof ColspecError)) throw e;
    return fail(`invalid column spec '${spec}': ${e.message}\nTry 'guild compare --help' for the column spec syntax.`);
  }
}

function runFacts(row: RunRow, data: RunData, userHome: string): RunFacts {
  const { flags, label, started, stopped, marked } = data.attrs;
  const op = opInfoFor(data.opref, data.protoRef, userHome);
  const time = duration(row.status, started, stopped);
  return {
    id: row.id,
    dir: row.dir,
    opDesc: op.opDesc,
    started: formatTimestampUs(started),
    time,
    attr: (name) => coreAttr(row, name, time),
    status: row.status,
    label: label === undefined || label === null ? null : String(label),
    marked: marked === true,
    flags: isFlagMap(flags) ? flags : {},
    scalars: runScalarsOf(data),
  };
}

/** Every event directory's summaries, sorted by prefix then tag (as `runScalars`). */
function runScalarsOf(data: RunData): ScalarSummary[] {
  const all = data.eventDirs.length === 1 ? [...(data.eventDirs[0] as EventDirData).summaries] : data.eventDirs.flatMap((d) => d.summaries);
  return sortSmall(all, byPrefixAndTag);
}

function byPrefixAndTag(a: ScalarSummary, b: ScalarSummary): number {
  return compareCodePoints(a.prefix, b.prefix) || compareCodePoints(a.tag, b.tag);
}

/** A `.name` column: Guild's core attributes (index.CORE_ATTRS) formatted, others as stored. */
function coreAttr(row: RunRow, name: string, time: string | null): unknown {
  switch (name) {
    case "id":
      return row.id;
    case "run":
    case "short_id":
      return row.id.slice(0, 8);
    case "operation":
      return row.opDesc;
    case "from":
      return row.pkgDesc;
    case "op":
    case "op_model": {
      const opref = readOpref(row.dir);
      return (name === "op" ? opref?.opName : opref?.modelName) || null;
    }
    case "sourcecode":
      return row.digest.slice(0, 8) || null;
    case "started":
    case "stopped":
      return formatTimestampUs(readAttr(row.dir, name)) || null;
    case "status":
      return row.status;
    case "time":
      return time;
    default:
      return readAttr(row.dir, name);
  }
}

/** `H:MM:SS` from started to stopped (to now while running); null if unknown. */
export function duration(status: string, started: unknown, stopped: unknown, nowUs = Date.now() * 1000): string | null {
  if (typeof started !== "number") return null;
  const end = status === "running" ? nowUs : typeof stopped === "number" ? stopped : undefined;
  if (end === undefined) return null;
  const secs = Math.floor((end - started) / 1_000_000);
  const h = Math.floor(secs / 3600);
  const m = Math.floor((secs % 3600) / 60);
  const s = secs % 60;
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
