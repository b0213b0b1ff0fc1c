/**
 * The JSON API under `/api/` (documented in the README, "guild view"):
 * read-only views of the store in the shapes `--json` prints. Each handler
 * takes the parsed URL and returns a value to send, or throws an
 * `ApiError` with the status to send instead.
 */
import type { Ctx } from "../context.js";
import { readRunInfo } from "../runs/info.js";
import { runInfoJson } from "../runs/json.js";
import { userHomeFor, type RunRow } from "../runs/list.js";
import { compareData, seriesData } from "./compare-data.js";
import { MAX_POINTS } from "./downsample.js";
import { JsonText } from "./http-util.js";
import { SERIES_FIELDS, seriesJsonText, type SeriesField } from "./series-json.js";
import type { SeriesCache } from "./event-series.js";
import type { FactsCache } from "./run-facts.js";
import { runFileList } from "./run-file-view.js";
import { runRowById } from "./run-lookup.js";
import { readOutputChunk } from "./run-output.js";
import { parseRunsQuery, ViewQueryError } from "./runs-query.js";
import { runsPage, type PassSignal, type ViewScope } from "./runs-page.js";
import { runScalars } from "../scalars/run-scalars.js";

export class ApiError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

export interface ApiContext {
  ctx: Ctx;
  facts: FactsCache;
  series: SeriesCache;
  scope: ViewScope;
}

type Handler = (url: URL, api: ApiContext, run?: RunRow) => unknown;

/** `/api/runs/<id>/<what>` handlers. */
const RUN_HANDLERS: Record<string, Handler> = {
  "": (_url, api, run) => runInfoJson(readRunInfo(run as RunRow, userHomeFor(api.ctx.env), { env: true, deps: true, allScalars: true })),
  output: (url, _api, run) => readOutputChunk((run as RunRow).dir, outputFrom(url)),
  files: (url, _api, run) => runFileList((run as RunRow).dir, url.searchParams.get("sourcecode") === "1"),
  scalars: (_url, _api, run) => runScalars((run as RunRow).dir),
};

/**
 * The value to send for an API request; a promise for the runs list, whose
 * pass over every run yields between slices (undefined if `signal` ended it).
 */
export function handleApi(url: URL, api: ApiContext, signal?: PassSignal): unknown {
  const parts = url.pathname.split("/").slice(2).map(decodeURIComponent);
  try {
    if (parts[0] === "runs" && parts.length === 1) return runsPage(parseRunsQuery(url.searchParams), api.scope, api.ctx, api.facts, signal);
    if (parts[0] === "runs" && parts.length <= 3) {
      const handler = RUN_HANDLERS[parts[2] ?? ""];
      if (!handler) throw new ApiError(404, `no such endpoint '${url.pathname}'`);
      return handler(url, api, runFor(parts[1] ?? "", api.ctx));
    }
    if (parts[0] === "compare" && parts.length === 1) return compareData(runsParam(url, api.ctx), api.facts, api.series);
    if (parts[0] === "series" && parts.length === 1) {
      const limit = Math.min(MAX_POINTS, positiveInt(url.searchParams.get("points"), MAX_POINTS));
      return new JsonText(seriesJsonText(seriesData(runsParam(url, api.ctx), url.searchParams.getAll("key"), api.series, limit), seriesFields(url)));
    }
  } catch (e) {
    if (e instanceof ViewQueryError) throw new ApiError(400, e.message);
    throw e;
  }
  throw new ApiError(404, `no such endpoint '${url.pathname}'`);
}

export function runFor(id: string, ctx: Ctx): RunRow {
  const row = runRowById(id, ctx);
  if (!row) throw new ApiError(404, `no run '${id}'`);
  return row;
}

function runsParam(url: URL, ctx: Ctx): RunRow[] {
  const ids = url.searchParams.getAll("run").flatMap((s) => s.split(",")).filter(Boolean);
  if (!ids.length) throw new ApiError(400, "no runs given (run=ID, repeated or comma-separated)");
  return [...new Set(ids)].map((id) => runFor(id, ctx));
}

function seriesFields(url: URL): SeriesField[] {
  const text = url.searchParams.get("fields");
  if (text === null) return [...SERIES_FIELDS];
  const names = text.split(",").filter(Boolean);
  const bad = names.find((n) => !(SERIES_FIELDS as readonly string[]).includes(n));
  if (bad !== undefined) throw new ApiError(400, `invalid field '${bad}' (fields: ${SERIES_FIELDS.join(", ")})`);
  return SERIES_FIELDS.filter((f) => names.includes(f));
}

function outputFrom(url: URL): { offset?: number; tail?: number } {
  const tail = url.searchParams.get("tail");
  if (tail !== null) return { tail: positiveInt(tail, 0) };
  return { offset: positiveInt(url.searchParams.get("offset"), 0) };
}

function positiveInt(text: string | null, dflt: number): number {
  if (text === null || text === "") return dflt;
  if (!/^\d+$/.test(text)) throw new ApiError(400, `invalid number '${text}'`);
  return Number(text);
}
