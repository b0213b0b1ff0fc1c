/**
 * `guild view`: serves the store until the process is asked to stop.
 * Starts the server, reports its URL, opens a browser if wanted, and
 * resolves once Ctrl-C (SIGINT), SIGTERM or SIGHUP arrives and the server
 * has closed.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Ctx } from "../context.js";
import { fail } from "../errors.js";
import { packageRoot } from "../package-info.js";
import { selectRuns } from "../runs/select.js";
import { filteredRuns } from "../runs/list.js";
import type { RunsFilter } from "../runs/filter.js";
import { openBrowser } from "./open-browser.js";
import type { ViewScope } from "./runs-page.js";
import { startViewServer } from "./server.js";

export interface ViewOptions {
  host: string;
  port: number;
  open: boolean;
  specs: readonly string[];
  filter: RunsFilter;
}

export async function viewRuns(o: ViewOptions, ctx: Ctx): Promise<void> {
  const scope = scopeFor(o, ctx);
  const assetsDir = viewAssetsDir();
  if (!existsSync(join(assetsDir, "index.html"))) fail(`the view's page is missing from ${assetsDir} (run 'npm run build')`);
  let view;
  try {
    view = await startViewServer({ host: o.host, port: o.port, assetsDir, scope }, ctx);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === "EADDRINUSE") fail(`port ${o.port} on ${o.host} is already in use`);
    if (err.code === "EADDRNOTAVAIL" || err.code === "ENOTFOUND") fail(`cannot listen on '${o.host}': no such address here`);
    if (err.code === "EACCES") fail(`cannot listen on port ${o.port}: permission denied`);
    throw e;
  }
  ctx.out.stdout(`Running Guild View at ${view.url}\n`);
  if (o.open) openBrowser(view.url, ctx.env);
  await untilStopped();
  await view.close();
}

/** RUN args select among the filtered runs once, by id, as `guild runs` would. */
function scopeFor(o: ViewOptions, ctx: Ctx): ViewScope {
  if (!o.specs.length) return { filter: o.filter };
  const runs = selectRuns(filteredRuns({ ...o.filter, deleted: false }, ctx), o.specs, "guild view");
  return { filter: o.filter, ids: new Set(runs.map((r) => r.id)) };
}

export function viewAssetsDir(): string {
  return join(packageRoot(), "dist", "bundle", "view");
}

function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      for (const s of SIGNALS) process.off(s, stop);
      resolve();
    };
    for (const s of SIGNALS) process.on(s, stop);
  });
}

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
