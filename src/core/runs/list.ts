/**
 * `guild runs list`: the runs of a store (or its trash) as rows, newest
 * first, filtered (core/runs/filter.ts), each with its 1-based index in the
 * filtered list. Enumeration (the run index, core/store/run-index.ts) and
 * filtering are kept apart; rows read a run's files only for the fields
 * that are used, so listing the newest 20 of 100,000 runs reads 20 runs.
 */
import { homedir } from "node:os";
import { readdirSync } from "node:fs";
import type { Ctx } from "../context.js";
import { runsDirFor, trashRunsDirFor } from "../home.js";
import { readAttr, readOptionalAttr } from "../store/attrs.js";
import { listRunsIn, type RunEntry } from "../store/list-runs.js";
import { noteRunChanged, openRunList, recheckRunList, type RunList } from "../store/run-index.js";
import { arraySource, mergedRunList } from "../store/run-list.js";
import type { IndexedStatus } from "../store/run-order.js";
import { runStatus, type RunStatus } from "../store/status.js";
import { isFilterEmpty, statusCheckNeeded, type FilterableRun, type RunsFilter } from "./filter.js";
import { matchingView } from "./filter-view.js";
import { opDirSuffix, runOpInfo, type RunOpInfo } from "./op-desc.js";

export interface RunsQuery extends RunsFilter {
  /** List the trash (`--deleted`) instead of the runs. */
  deleted?: boolean;
  /** List the runs in this directory (an export, an archive being imported) instead. */
  archive?: string;
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

/** Filtered runs, newest first, materialised only as far as they are used. */
export interface RowsView {
  readonly length: number;
  /** Rows `start` to `end` (0-based, end exclusive), with 1-based indexes. */
  slice(start: number, end: number): RunRow[];
}

export const DEFAULT_LIST_LIMIT = 20;

/** Runs after filtering, newest first, each with its 1-based index. */
export function filteredRuns(query: RunsQuery, ctx: Ctx): RunRow[] {
  const view = filteredRunsView(query, ctx);
  return view.slice(0, view.length);
}

/**
 * Without filters, rows come straight from the run list by position; with
 * filters every run is looked at, but only through the fields the filters
 * use (a status filter reads one stat for a cached run: the index knows
 * its status, the stat tells whether it still holds; an operation filter
 * likewise stats the run's opref). See filter-view.ts.
 */
export function filteredRunsView(query: RunsQuery, ctx: Ctx): RowsView {
  const otherDir = query.archive ?? (query.deleted ? trashRunsDirFor(ctx.home) : undefined);
  let list: RunList = otherDir !== undefined ? mergedRunList(arraySource(entriesIn(otherDir)), []) : openRunList(ctx.home);
  const recheck = (start: number, end: number, needsCheck?: (status: IndexedStatus, position: number) => boolean) => {
    if (otherDir === undefined) list = recheckRunList(ctx.home, list, start, end, needsCheck);
  };
  const userHome = userHomeFor(ctx.env);
  if (isFilterEmpty(query)) {
    return {
      length: list.length,
      slice: (start, end) => {
        recheck(start, end);
        const rows: RunRow[] = [];
        for (let i = start; i < Math.min(end, list.length); i++) rows.push(rowFor(list.at(i), ctx.cwd, userHome, i + 1));
        return rows;
      },
    };
  }
  const makeRow = (entry: RunEntry, index: number) => rowFor(entry, ctx.cwd, userHome, index);
  const noteStale = (ids: string[]) => {
    if (otherDir === undefined) for (const id of ids) noteRunChanged(`${runsDirFor(ctx.home)}/${id}`);
  };
  if (!isOpFilterOnly(query)) {
    const needsCheck = statusCheckNeeded(query);
    recheck(0, list.length, needsCheck);
    return matchingView(list, query, { needsCheck, userHome, makeRow, noteStale });
  }
  // An operation filter alone needs no status: like a plain listing, only
  // the rows shown are checked (a run that changed may move: match again).
  const view = () => matchingView(list, query, { needsCheck: () => true, userHome, makeRow, noteStale });
  let matches = view();
  return {
    get length() {
      return matches.length;
    },
    slice: (start, end) => {
      for (let round = 0; round < 3; round++) {
        const shown = new Set(matches.positionsIn(start, end));
        if (!shown.size) break;
        const before = list;
        recheck(Math.min(...shown), Math.max(...shown) + 1, (_status, k) => shown.has(k));
        if (list === before) break;
        matches = view();
      }
      return matches.slice(start, end);
    },
  };
}

function isOpFilterOnly(query: RunsQuery): boolean {
  return Boolean(query.ops?.length) && isFilterEmpty({ ...query, ops: undefined });
}

export function userHomeFor(env: NodeJS.ProcessEnv): string {
  return env.HOME || homedir();
}

export function rowFor(entry: RunEntry, cwd: string, userHome: string, index = 0): RunRow {
  return new LazyRow(entry, cwd, userHome, index);
}

/**
 * A row whose fields are read from the run's files when first used. (A
 * class: its getters live on the prototype, so a row costs one small object
 * rather than a set of closures — thousands are made for a filter.)
 */
class LazyRow implements RunRow {
  index: number;
  readonly id: string;
  readonly dir: string;
  readonly timestamp: number | undefined;
  readonly #cwd: string;
  readonly #userHome: string;
  #status?: RunStatus;
  #op?: RunOpInfo;
  #started?: { value: unknown };
  #label?: string;
  #marked?: boolean;
  #digest?: string;
  #host?: string;
  #tags?: readonly string[];

  constructor(entry: RunEntry, cwd: string, userHome: string, index: number) {
    this.index = index;
    this.id = entry.id;
    this.dir = entry.dir;
    this.timestamp = entry.timestamp;
    // A running run's process may have died since: read its status.
    this.#status = entry.indexedStatus === "running" ? undefined : entry.indexedStatus;
    this.#cwd = cwd;
    this.#userHome = userHome;
  }

  get status(): RunStatus {
    this.#status ??= runStatus(this.dir);
    return this.#status;
  }

  get #opInfo(): RunOpInfo {
    this.#op ??= runOpInfo(this.dir, this.#userHome);
    return this.#op;
  }

  get opDesc(): string {
    return this.#opInfo.opDesc;
  }

  get pkgDesc(): string {
    return this.#opInfo.pkgDesc;
  }

  get opDir(): string | null {
    return this.#opInfo.opDir;
  }

  get opDirSuffix(): string {
    return opDirSuffix(this.opDir, this.#cwd, this.#userHome);
  }

  get started(): unknown {
    this.#started ??= { value: readAttr(this.dir, "started") };
    return this.#started.value;
  }

  get label(): string {
    this.#label ??= labelText(readAttr(this.dir, "label"));
    return this.#label;
  }

  get marked(): boolean {
    this.#marked ??= Boolean(readOptionalAttr(this.dir, "marked"));
    return this.#marked;
  }

  get digest(): string {
    if (this.#digest === undefined) {
      const value = readAttr(this.dir, "sourcecode_digest");
      this.#digest = typeof value === "string" ? value : "";
    }
    return this.#digest;
  }

  get host(): string {
    if (this.#host === undefined) {
      const value = readAttr(this.dir, "host");
      this.#host = typeof value === "string" ? value : "";
    }
    return this.#host;
  }

  get tags(): readonly string[] {
    this.#tags ??= tagsOf(readOptionalAttr(this.dir, "tags"));
    return this.#tags;
  }

  /** Plain data (for JSON and spreading), every field read. */
  toJSON(): Omit<RunRow, "toJSON"> {
    const { index, id, dir, timestamp, status, opDesc, pkgDesc, opDir, opDirSuffix, started, label, marked, digest, tags, host } = this;
    return { index, id, dir, timestamp, status, opDesc, pkgDesc, opDir, opDirSuffix, started, label, marked, digest, tags, host };
  }
}

/** A run's tags: Guild writes a list of strings; anything else reads as none. */
export function tagsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.map((t) => String(t)) : [];
}

function labelText(label: unknown): string {
  return typeof label === "string" ? label : label === undefined || label === null ? "" : String(label);
}

/** The runs in a directory other than the store's runs/ (the trash, an export). */
function entriesIn(dir: string): RunEntry[] {
  let ids: string[];
  try {
    ids = readdirSync(dir).filter((n) => !n.startsWith("."));
  } catch {
    ids = [];
  }
  return listRunsIn(dir, ids);
}
