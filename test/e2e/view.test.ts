/**
 * `guild view` in a real Chromium (Debian's, through playwright-core),
 * against a store made by real runs: the runs page and its filters, a run's
 * output, comparing three runs (charts drawn, "differences only"), a staged
 * run appearing without a reload, and a running run's output growing.
 * One browser for the file. The compare page's screenshot goes to
 * docs/view-compare.png when UPDATE_DOCS=1 (the README shows it).
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../helpers/browser.js";
import { guild, REPO_ROOT, startGuildIn, type GuildEnv } from "../helpers/guild-cli.js";
import { tempProject, type TempProject } from "../helpers/temp-project.js";
import { startView, type ViewProcess } from "../helpers/view-server.js";
import { waitFor } from "../helpers/wait.js";

// Prints a numbered line every 50 ms until a `stop` file appears in its run dir (at most a minute).
const TICKER = `import os, time
for i in range(1200):
    print("tick %i" % i, flush=True)
    if os.path.exists("stop"):
        break
    time.sleep(0.05)
`;

const WAIT = { timeout: 30_000 };

describe("guild view in a browser", () => {
  let p: TempProject;
  let g: GuildEnv;
  let view: ViewProcess;
  let browser: Browser;
  let page: Page;
  const ids: string[] = [];

  before(async () => {
    p = tempProject("fixtures/projects/scalars");
    g = { cwd: p.cwd, home: p.home };
    for (const x of ["1.0", "2.5", "4.0"]) assert.equal((await guild(["run", "train", `x=${x}`, "epochs=30", "-y"], g)).exitCode, 0);
    assert.equal((await guild(["run", "quiet", "-y"], g)).exitCode, 0);
    const runs = JSON.parse((await guild(["runs", "--json"], g)).stdout) as { id: string }[];
    ids.push(...runs.map((r) => r.id));
    view = await startView(p.root, g);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });

  after(async () => {
    await browser?.close();
    if (view) assert.equal(await view.stop(), 0, "Ctrl-C ends guild view cleanly");
    p.cleanup();
  });

  const rowIds = () => page.$$eval("tr[data-run-id]", (rows) => rows.map((r) => r.getAttribute("data-run-id")));
  /** Waits until the table shows exactly these runs, in this order. */
  const waitForRows = (expected: readonly (string | undefined)[]) =>
    page.waitForFunction(
      (want) => JSON.stringify([...document.querySelectorAll("tr[data-run-id]")].map((r) => r.getAttribute("data-run-id"))) === want,
      JSON.stringify(expected),
      WAIT,
    );

  test("the runs page lists every run, newest first, and filters by operation", async () => {
    await page.goto(`${view.url}/`);
    await page.waitForSelector("body[data-ready=runs]", WAIT);
    assert.deepEqual(await rowIds(), ids);
    assert.equal(await page.textContent("#run-count"), "1–4 of 4 runs");
    await page.fill("input[name=operation]", "quiet");
    await waitForRows([ids[0]]);
    await page.fill("input[name=operation]", "");
    await waitForRows(ids);
    await page.fill("input[name=q]", "x=2.5");
    await waitForRows([ids[2]]);
    await page.check("input[name=status-completed]");
    await page.fill("input[name=q]", "");
    await waitForRows(ids);
    // Let the last reload land before the next test clicks in the table.
    await Promise.all([page.waitForResponse((r) => r.url().includes("/api/runs?")), page.uncheck("input[name=status-completed]")]);
    await waitForRows(ids);
  });

  test("a run's page shows its output", async () => {
    await page.click(`tr[data-run-id="${ids[1]}"] a.run-link`);
    await page.waitForSelector("#run-status", WAIT);
    await page.click("nav.tabs button:text('Output')");
    await page.waitForFunction(() => document.getElementById("output")?.textContent?.includes("loss: "), undefined, WAIT);
    const output = (await page.textContent("#output")) ?? "";
    assert.match(output, /^x: 4\.0\nstep: 1\nloss: 4\.0\n/);
  });

  test("comparing three runs draws their charts; differences only hides equal flags", async () => {
    await page.goto(`${view.url}/#/`);
    await page.waitForSelector("body[data-ready=runs]", WAIT);
    for (const id of ids.slice(1)) await page.check(`tr[data-run-id="${id}"] input[type=checkbox]`);
    await page.click("#compare");
    await page.waitForSelector("body[data-ready=compare]", WAIT);
    const inked = () => page.$eval(".chart-card[data-key=loss] canvas", (c) => {
      const canvas = c as HTMLCanvasElement;
      const data = (canvas.getContext("2d") as CanvasRenderingContext2D).getImageData(0, 0, canvas.width, canvas.height).data;
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if ((data[i] as number) > 0) n++;
      return n;
    });
    const stepInk = await inked();
    assert.ok(stepInk > 500, `the loss chart has drawn (${stepInk} pixels)`);
    const visibleFlags = () => page.$$eval(".flags-table tbody tr", (rows) => rows.filter((r) => !(r as HTMLElement).hidden).map((r) => r.getAttribute("data-flag")));
    assert.deepEqual(await visibleFlags(), ["epochs", "x"]);
    await page.check("input[name=diff-only]");
    assert.deepEqual(await visibleFlags(), ["x"]);
    await page.uncheck("input[name=diff-only]");
    // Wall times are fetched only for an x axis of time: choosing it fetches them and draws again.
    const [withTime] = await Promise.all([
      page.waitForResponse((r) => r.url().includes("/api/series?") && r.url().includes("fields=step,value,time")),
      page.selectOption("select[name=x-axis]", "time"),
    ]);
    const timed = (await withTime.json()) as Record<string, { loss?: { time?: number[]; step: number[] } }>;
    assert.equal(timed[ids[1] as string]?.loss?.time?.length, timed[ids[1] as string]?.loss?.step.length);
    const xLabel = (want: string) =>
      page.waitForFunction((w) => document.querySelector(".chart-card[data-key=loss] .u-legend .u-series:first-child .u-label")?.textContent === w, want, WAIT);
    await xLabel("time");
    const timeInk = await inked();
    assert.ok(timeInk > 500, `the loss chart has drawn against time (${timeInk} pixels)`);
    await page.selectOption("select[name=x-axis]", "step");
    await xLabel("step");
    const shot = process.env.UPDATE_DOCS === "1" ? join(REPO_ROOT, "docs", "view-compare.png") : join(p.root, "compare.png");
    await page.screenshot({ path: shot, fullPage: true });
    assert.ok(statSync(shot).size > 10_000);
  });

  test("a compare page opened by its address asks /api/compare and /api/series once each, before its main script runs", async () => {
    const fresh = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      const asked: string[] = [];
      fresh.on("request", (r) => void (/^\/api\/(compare|series)$/.test(new URL(r.url()).pathname) && asked.push(new URL(r.url()).pathname)));
      await fresh.goto(`${view.url}/#/compare/${ids.slice(1).join(",")}`);
      await fresh.waitForSelector("body[data-ready=compare] .chart-card canvas", WAIT);
      assert.deepEqual(asked.sort(), ["/api/compare", "/api/series"]);
      // early.js asked them: before the main script's compare page marked its own start.
      const [pageAt, ...askedAt] = await fresh.evaluate(() => [
        performance.getEntriesByName("compare:fetch")[0]?.startTime ?? NaN,
        ...["/api/compare?", "/api/series?"].map((p) => performance.getEntriesByType("resource").find((e) => e.name.includes(p))?.startTime ?? NaN),
      ]);
      for (const at of askedAt) assert.ok(at < (pageAt as number), `asked at ${askedAt.join(", ")} ms, page started at ${pageAt} ms`);
      assert.deepEqual(await fresh.$$eval(".legend-item .mono", (els) => els.length), 3);
      // The points asked for: two per pixel of a chart, from the window's width, no fewer than the laid-out chart has.
      const chartWidth = await fresh.$eval(".chart-card[data-key=loss] canvas", (c) => c.getBoundingClientRect().width);
      const series = (await fresh.evaluate(() => performance.getEntriesByType("resource").find((e) => e.name.includes("/api/series?"))?.name ?? ""));
      const points = Number(new URL(series).searchParams.get("points"));
      assert.ok(points >= 2 * chartWidth && points <= 2 * chartWidth + 200, `${points} points for a chart ${chartWidth} px wide`);
    } finally {
      await fresh.close();
    }
  });

  test("a run staged while the page is open appears without a reload", async () => {
    await page.goto(`${view.url}/#/`);
    await page.waitForSelector("body[data-ready=runs]", WAIT);
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
    assert.equal((await guild(["run", "train", "x=9", "--stage", "-y"], g)).exitCode, 0);
    await page.waitForFunction(() => document.querySelectorAll("tr[data-run-id]").length === 5, undefined, WAIT);
    const status = await page.textContent("tbody tr:first-child .badge");
    assert.equal(status, "staged");
    assert.equal(await page.evaluate(() => (window as unknown as { marker?: number }).marker), 1, "no reload");
  });

  test("a running run's output tail grows", async () => {
    writeFileSync(join(p.cwd, "ticker.py"), TICKER);
    const run = startGuildIn(p.root, ["run", "ticker.py", "-y"], g, "ticker");
    let id: string | undefined;
    try {
      id = await waitFor("the ticker run to print", () => tickerRunId(p.home), 60_000);
      await page.goto(`${view.url}/#/run/${id}`);
      await page.click("nav.tabs button:text('Output')");
      await page.waitForFunction(() => /tick \d+/.test(document.getElementById("output")?.textContent ?? ""), undefined, WAIT);
      const first = await lastTick(page);
      await page.waitForFunction((n) => {
        const ticks = [...(document.getElementById("output")?.textContent ?? "").matchAll(/tick (\d+)/g)];
        return Number(ticks.at(-1)?.[1] ?? -1) >= n + 5;
      }, first, WAIT);
      assert.ok((await lastTick(page)) >= first + 5);
    } finally {
      // The operation runs in its run dir: the stop file goes there.
      if (id) writeFileSync(join(p.home, "runs", id, "stop"), "");
      else run.child.kill("SIGTERM");
      await run.exited;
    }
  });
});

async function lastTick(page: Page): Promise<number> {
  const text = (await page.textContent("#output")) ?? "";
  return Number([...text.matchAll(/tick (\d+)/g)].at(-1)?.[1] ?? -1);
}

/** The run whose output has its first tick: the ticker, once it prints. */
function tickerRunId(home: string): string | undefined {
  for (const id of readdirSync(join(home, "runs"))) {
    try {
      if (readFileSync(join(home, "runs", id, ".guild", "output"), "utf8").includes("tick 0")) return id;
    } catch {
      // Not started yet.
    }
  }
  return undefined;
}
