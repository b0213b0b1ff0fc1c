/**
 * The query string of `/api/runs`, as the runs commands' filter options
 * (status, operation, label, unlabeled, marked, unmarked, started,
 * digest), plus a text search, a sort column and a page. Pure: parameters
 * in, a typed query out, or a `ViewQueryError` naming the bad parameter.
 */
import type { RunsFilter } from "../runs/filter.js";
import { parseTimeRange, TimeRangeError } from "../runs/timerange.js";
import { STATUSES, type RunStatus } from "../store/status.js";

export interface SortSpec {
  /** `started` (default), `id`, `operation`, `status`, `label`, `stopped`, `flag:NAME` or `scalar:KEY`. */
  column: string;
  desc: boolean;
}

export interface ViewRunsQuery {
  filter: RunsFilter;
  /** Case-insensitive words that must all appear in the run's id, operation, label, tags or flags. */
  text: string[];
  sort: SortSpec;
  offset: number;
  limit: number;
}

export class ViewQueryError extends Error {}

export const DEFAULT_PAGE = 100;
const MAX_PAGE = 1000;
const PLAIN_COLUMNS = new Set(["started", "stopped", "id", "operation", "status", "label"]);

export function parseRunsQuery(params: URLSearchParams, now = new Date()): ViewRunsQuery {
  const filter: RunsFilter = {
    statuses: statusesParam(params),
    ops: params.getAll("operation"),
    labels: params.getAll("label"),
    unlabeled: flagParam(params, "unlabeled"),
    marked: flagParam(params, "marked"),
    unmarked: flagParam(params, "unmarked"),
    started: startedParam(params.get("started"), now),
    digest: params.get("digest") ?? undefined,
  };
  if (filter.labels?.length && filter.unlabeled) throw new ViewQueryError("label and unlabeled cannot both be used");
  if (filter.marked && filter.unmarked) throw new ViewQueryError("marked and unmarked cannot both be used");
  return {
    filter,
    text: (params.get("q") ?? "").toLowerCase().split(/\s+/).filter(Boolean),
    sort: sortParam(params),
    offset: intParam(params, "offset", 0, Number.MAX_SAFE_INTEGER),
    limit: intParam(params, "limit", DEFAULT_PAGE, MAX_PAGE),
  };
}

/** True for the default order (newest first), which the run index serves without reading runs. */
export function isDefaultSort(sort: SortSpec): boolean {
  return sort.column === "started" && sort.desc;
}

function statusesParam(params: URLSearchParams): RunStatus[] {
  const names = params.getAll("status").flatMap((s) => s.split(",")).filter(Boolean);
  for (const name of names) {
    if (!(STATUSES as readonly string[]).includes(name)) {
      throw new ViewQueryError(`invalid status '${name}' (expected one of ${STATUSES.join(", ")})`);
    }
  }
  return names as RunStatus[];
}

function flagParam(params: URLSearchParams, name: string): boolean {
  const value = params.get(name);
  return value !== null && value !== "0" && value !== "false";
}

function startedParam(spec: string | null, now: Date): RunsFilter["started"] {
  if (spec === null || spec === "") return undefined;
  try {
    return parseTimeRange(spec)(now);
  } catch (e) {
    if (e instanceof TimeRangeError) throw new ViewQueryError(`invalid started range: ${e.message}`);
    throw e;
  }
}

function sortParam(params: URLSearchParams): SortSpec {
  const column = params.get("sort") || "started";
  if (!PLAIN_COLUMNS.has(column) && !/^(flag|scalar):.+/.test(column)) {
    throw new ViewQueryError(`invalid sort column '${column}'`);
  }
  const desc = params.get("desc");
  return { column, desc: desc === null ? column === "started" : desc !== "0" && desc !== "false" };
}

function intParam(params: URLSearchParams, name: string, dflt: number, max: number): number {
  const text = params.get(name);
  if (text === null || text === "") return dflt;
  if (!/^\d+$/.test(text)) throw new ViewQueryError(`invalid ${name} '${text}' (expected a whole number)`);
  return Math.min(Number(text), max);
}
