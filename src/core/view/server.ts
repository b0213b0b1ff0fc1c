/**
 * The `guild view` server (node:http): the page's static assets, the JSON
 * API, run files for previews and the event stream. Read-only: only GET
 * and HEAD are served. Requests whose Host header does not name the bound
 * address are refused (DNS rebinding), and no CORS headers are sent.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { hostname } from "node:os";
import { performance } from "node:perf_hooks";
import type { Ctx } from "../context.js";
import { ApiError, handleApi, runFor, type ApiContext } from "./api.js";
import { SeriesCache } from "./event-series.js";
import { isAllowedHost } from "./host-check.js";
import { sendBytes, sendError, sendJson } from "./http-util.js";
import { FactsCache } from "./run-facts.js";
import { readRunFileForView } from "./run-file-view.js";
import type { PassSignal, ViewScope } from "./runs-page.js";
import { EventHub } from "./sse.js";
import { serveAsset } from "./static-assets.js";
import { StoreWatcher } from "./store-watch.js";
import { warmUpScanner } from "./warm-up.js";

export interface ViewServerOptions {
  host: string;
  port: number;
  assetsDir: string;
  scope: ViewScope;
}

export interface ViewServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

const FILE_PREVIEW_LIMIT = 8 * 1024 * 1024;

export async function startViewServer(o: ViewServerOptions, ctx: Ctx): Promise<ViewServer> {
  const api: ApiContext = { ctx, facts: new FactsCache(), series: new SeriesCache(), scope: o.scope };
  const hub = new EventHub();
  let port = o.port;
  const server = createServer((req, res) => {
    if (!isAllowedHost(req.headers.host, o.host, port, hostname())) return sendError(res, 403, "host not allowed");
    if (req.method !== "GET" && req.method !== "HEAD") return sendError(res, 405, "read-only: only GET and HEAD");
    route(req, res, api, hub, o.assetsDir);
  });
  await listen(server, o.host, o.port);
  const address = server.address();
  port = typeof address === "object" && address ? address.port : o.port;
  const stopWarmUp = warmUpScanner();
  const watcher = new StoreWatcher(ctx.home, (c) => {
    if (c.runs.length || c.listChanged) hub.send("runs", { ids: c.runs, listChanged: c.listChanged });
    if (c.output.length) hub.send("output", { ids: c.output });
  });
  return {
    server,
    url: `http://${urlHost(o.host)}:${port}`,
    close: () => {
      stopWarmUp();
      watcher.close();
      hub.close();
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function route(req: IncomingMessage, res: ServerResponse, api: ApiContext, hub: EventHub, assetsDir: string): void {
  const url = new URL(req.url ?? "/", "http://view.invalid");
  try {
    if (url.pathname === "/api/events") return hub.open(req, res);
    const file = /^\/api\/runs\/([^/]+)\/file$/.exec(url.pathname);
    if (file) return sendRunFile(res, url, api, decodeURIComponent(file[1] as string));
    if (url.pathname.startsWith("/api/")) return sendApi(res, handleApi(url, api, passSignal(res, hub)));
    serveAsset(res, assetsDir, url.pathname);
  } catch (e) {
    sendFailure(res, e);
  }
}

function sendApi(res: ServerResponse, value: unknown): void {
  if (!(value instanceof Promise)) return sendJson(res, value);
  value.then(
    (v: unknown) => {
      if (v !== undefined && !res.destroyed) sendJson(res, v);
    },
    (e: unknown) => {
      if (!res.destroyed) sendFailure(res, e);
    },
  );
}

function sendFailure(res: ServerResponse, e: unknown): void {
  if (e instanceof ApiError) return sendError(res, e.status, e.message);
  sendError(res, 500, `internal error: ${(e as Error).message}`);
}

const PROGRESS_EVERY_MS = 250;

/**
 * A long pass's signal: aborted once the response is closed (a client that
 * left stops its pass), and its progress sent on the event stream as
 * `pass {done, total}`: at its first pause, then at most every 250 ms.
 */
function passSignal(res: ServerResponse, hub: EventHub): PassSignal {
  let lastSent = -Infinity;
  const signal = {
    aborted: false,
    progress(done: number, total: number) {
      const now = performance.now();
      if (now - lastSent < PROGRESS_EVERY_MS) return;
      lastSent = now;
      hub.send("pass", { done, total });
    },
  };
  res.once("close", () => (signal.aborted = true));
  return signal;
}

function sendRunFile(res: ServerResponse, url: URL, api: ApiContext, id: string): void {
  const run = runFor(id, api.ctx);
  const path = url.searchParams.get("path");
  if (!path) throw new ApiError(400, "no path given (path=PATH)");
  const limit = Math.min(FILE_PREVIEW_LIMIT, Number(url.searchParams.get("limit") ?? FILE_PREVIEW_LIMIT) || FILE_PREVIEW_LIMIT);
  const read = readRunFileForView(run.dir, path, url.searchParams.get("sourcecode") === "1", limit);
  if (read.kind === "outside") throw new ApiError(400, `path '${path}' is outside the run`);
  if (read.kind === "missing") throw new ApiError(404, `no file '${path}' in run ${id}`);
  if (read.kind === "directory") throw new ApiError(400, `'${path}' is a directory`);
  sendBytes(res, read.bytes, read.type, 200, {
    "Content-Security-Policy": "sandbox",
    "X-File-Size": String(read.size),
  });
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

function urlHost(host: string): string {
  return host.includes(":") ? `[${host}]` : host;
}
