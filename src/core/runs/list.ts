/**
 * `guild runs list`: the runs of a store (or its trash) as rows, newest
 * first, filtered by status, then cut to the requested count.
 */
import type { Ctx } from "../context.js";
import { trashRunsDirFor } from "../home.js";
import { readAttr } from "../store/attrs.js";
import { listRunsIn, type RunEntry } from "../store/list-runs.js";
import { openRunList, type RunList } from "../store/run-index.js";
import { arraySource, mergedRunList } from "../store/run-list.js";
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

/** Filtered runs, newest first, materialised only as far as they are used. */
export interface RowsView {
  readonly length: number;
  /** Rows `start` to `end` (0-based, end exclusive), with 1-based indexes. */
  slice(start: number, end: number): RunRow[];
}

/** Runs after filtering, newest first, each with its 1-based index. */
export function filteredRuns(filter: RunsFilter, ctx: Ctx): RunRow[] {
  const view = filteredRunsView(filter, ctx);
  return view.slice(0, view.length);
}

/**
 * Without filters, rows come straight from the run list: showing the newest
 * 20 of 100,000 runs reads 20 runs (plus the live ones).
 */
export function filteredRunsView(filter: RunsFilter, ctx: Ctx): RowsView {
  const list: RunList = filter.deleted ? arrayList(trashEntries(ctx.home)) : openRunList(ctx.home);
  if (!filter.statuses.length) {
    return {
      length: list.length,
      slice: (start, end) => {
        const rows: RunRow[] = [];
        for (let i = start; i < Math.min(end, list.length); i++) {
          const entry = list.at(i);
          rows.push(rowFor(entry, entry.finalStatus ?? runStatus(entry.dir), i + 1));
        }
        return rows;
      },
    };
  }
  const rows: RunRow[] = [];
  for (const entry of list) {
    const status = entry.finalStatus ?? runStatus(entry.dir);
    if (filter.statuses.includes(status)) rows.push(rowFor(entry, status, rows.length + 1));
  }
  return { length: rows.length, slice: (start, end) => rows.slice(start, end) };
}

function arrayList(entries: RunEntry[]): RunList {
  return mergedRunList(arraySource(entries), []);
}

/**
 * A row whose display fields are read from the run's files only when used,
 * so listing 20 of 100,000 runs reads 20 runs. (A class: its getters live
 * on the prototype, so a row costs one small object, not a set of closures.)
 */
class LazyRow implements RunRow {
  readonly index: number;
  readonly id: string;
  readonly dir: string;
  readonly status: RunStatus;
  #opDesc?: string;
  #label?: string;
  #started?: { value: unknown };

  constructor(entry: RunEntry, status: RunStatus, index: number) {
    this.index = index;
    this.id = entry.id;
    this.dir = entry.dir;
    this.status = status;
  }

  get opDesc(): string {
    this.#opDesc ??= runOpDesc(this.dir);
    return this.#opDesc;
  }

  get label(): string {
    this.#label ??= labelText(readAttr(this.dir, "label"));
    return this.#label;
  }

  get started(): unknown {
    this.#started ??= { value: readAttr(this.dir, "started") };
    return this.#started.value;
  }
}

function rowFor(entry: RunEntry, status: RunStatus, index: number): RunRow {
  return new LazyRow(entry, status, index);
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
