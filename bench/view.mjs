#!/usr/bin/env node
// `guild view` against its targets (issue 12), in headless Chromium (Debian's,
// driven by playwright-core): the runs page ready (rows visible) at 10,000 and
// 100,000 runs, `/api/runs` at those sizes, the compare page of 20 runs with
// two 10,000-point series each (with the page's own split of that time, from
// its performance marks), and the server's memory. Times are wall
// clock from Node's performance.now(); each figure is the median of REPS,
// with the first (cold) one reported apart. The first text search of a fresh
// server reads every run; while it runs, `/api/runs` is asked again and again
// to see whether the server still answers (it must not stall).
//
//   node bench/view.mjs [--sizes 10000,100000] [--reps 7] [--guild BIN] [--only compare]
//   (--only compare, or --sizes "", measures compare only; --guild measures another build's bin, for A/B)
//
// Stores are built once under bench/.stores/ (make-store.mjs; the 100,000-run
// store takes minutes and a few GB) and reused.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { cpus } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { chromium } from "playwright-core";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const STORE_GUILD = join(ROOT, "bin", "guild.js");
const STORES = join(ROOT, "bench", ".stores");
const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => (i % 2 ? acc : [...acc, [a.replace(/^--/, ""), all[i + 1]]]), []));
// `--only compare` is `--sizes ""`: the compare figures alone.
const SIZES = args.only === "compare" ? [] : (args.sizes ?? "10000,100000").split(",").filter(Boolean).map(Number);
const REPS = Number(args.reps ?? 7);
const GUILD = args.guild ?? STORE_GUILD;
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
// NaN: a figure this build cannot give (an older page without performance marks).
const ms = (x) => (Number.isNaN(x) ? "–" : `${x.toFixed(0)} ms`);

function store(size) {
  const home = join(STORES, String(size));
  if (!existsSync(join(home, "runs"))) {
    console.error(`building a ${size}-run store in ${home} ...`);
    execFileSync(process.execPath, [join(ROOT, "bench", "make-store.mjs"), home, String(size), "1"], { stdio: "inherit" });
  }
  // The run index is built by the first listing, as on any store in use.
  execFileSync(process.execPath, [STORE_GUILD, "runs", "-n", "1"], { env: { ...process.env, GUILD_HOME: home }, stdio: "ignore" });
  return home;
}

/** 20 runs, each with `loss` and `acc` series of 10,000 points, in our event-file format. */
async function compareStore() {
  const home = join(STORES, "view-compare-20x10000");
  if (existsSync(join(home, "runs"))) return home;
  execFileSync(process.execPath, [join(ROOT, "bench", "make-store.mjs"), home, "20", "0"], { stdio: "inherit" });
  const { encodeEvent } = await import(join(ROOT, "dist", "src", "core", "tfevent", "event.js"));
  const { frameRecord } = await import(join(ROOT, "dist", "src", "core", "tfevent", "tfrecord.js"));
  const { readdirSync } = await import("node:fs");
  readdirSync(join(home, "runs")).forEach((id, r) => {
    const records = [];
    for (let step = 0; step < 10_000; step++) {
      const loss = (1 + r / 10) / (1 + step / 500) + 0.02 * Math.sin(step / 7 + r);
      records.push(frameRecord(encodeEvent({ wallTime: 1.7e9 + step, step, scalars: [{ tag: "loss", value: loss }, { tag: "acc", value: 1 - loss / 2 }] })));
    }
    writeFileSync(join(home, "runs", id, ".guild", `events.out.tfevents.1700000000.bench.1.0`), Buffer.concat(records));
  });
  return home;
}

async function startView(home) {
  const child = spawn(process.execPath, [GUILD, "view", "--no-open"], { env: { ...process.env, GUILD_HOME: home }, stdio: ["ignore", "pipe", "inherit"] });
  const url = await new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (c) => {
      out += c;
      const m = /Running Guild View at (\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.on("exit", (code) => reject(new Error(`guild view exited ${code}`)));
  });
  return { child, url };
}

function memoryMiB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (name) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb("VmRSS") / 1024, peak: kb("VmHWM") / 1024 };
}

/** Milliseconds until the whole reply to a GET is in, and its status. */
function timeGetStatus(url) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    request(url, (res) => {
      res.resume();
      res.on("end", () => resolve({ ms: performance.now() - t0, status: res.statusCode }));
    }).on("error", reject).end();
  });
}

async function timeGet(url) {
  const { ms, status } = await timeGetStatus(url);
  if (status !== 200) throw new Error(`${url}: ${status}`);
  return ms;
}

/**
 * The first (cold) search of a fresh server, and `/api/runs` asked one after
 * another until it is answered: how long each of those waited.
 */
async function duringColdSearch(url) {
  let done = false;
  const t0 = performance.now();
  const search = timeGetStatus(`${url}/api/runs?q=m1`).finally(() => (done = true));
  const waits = [];
  const failed = new Set();
  while (!done) {
    // A pause between them, as a page would ask: back to back, they would slow the search itself.
    if (waits.length) await new Promise((r) => setTimeout(r, 250));
    if (done) break;
    const { ms, status } = await timeGetStatus(`${url}/api/runs`);
    waits.push(ms);
    // Node's server answers 408 to a request it could not read for 60 s (a blocked server).
    if (status !== 200) failed.add(status);
  }
  const s = await search;
  if (s.status !== 200) failed.add(`search ${s.status}`);
  return { searchMs: s.ms, elapsed: performance.now() - t0, waits, failed: [...failed] };
}

async function timed(label, reps, fn) {
  const times = [];
  for (let i = 0; i < reps; i++) times.push(await fn());
  return { label, cold: times[0], median: median(times.slice(1).length ? times.slice(1) : times) };
}

/**
 * Milliseconds from page.goto until the first animation frame in which
 * `selector` matches (the page's work and its microtasks done, about to be
 * painted), and the page's performance marks (name → ms since navigation).
 * The check runs at every frame: page.waitForSelector polls at a back-off
 * (20, 50, 100, 100, then every 500 ms), which added up to half a second.
 */
async function pageReady(browser, url, selector, marks = []) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const t0 = performance.now();
  await page.goto(url);
  await page.waitForFunction((s) => document.querySelector(s) !== null, selector, { polling: "raf", timeout: 120_000 });
  const t = performance.now() - t0;
  marks.push(Object.fromEntries(await page.evaluate(() => performance.getEntriesByType("mark").map((m) => [m.name, m.startTime]))));
  await page.close();
  return t;
}

/**
 * Milliseconds from the runs page's Compare click (the hash it sets) until
 * the compare page's charts are drawn, the runs page loaded before: the
 * app's code is in, what is left is the compare itself.
 */
async function compareFromRunsPage(browser, url, ids) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${url}/`);
  await page.waitForFunction(() => document.querySelector("body[data-ready=runs] tr[data-run-id]") !== null, undefined, { polling: "raf", timeout: 120_000 });
  const t0 = performance.now();
  await page.evaluate((hash) => (location.hash = hash), `#/compare/${ids.join(",")}`);
  await page.waitForFunction(() => document.querySelector("body[data-ready=compare] .chart-card canvas") !== null, undefined, { polling: "raf", timeout: 120_000 });
  const t = performance.now() - t0;
  await page.close();
  return t;
}

/**
 * The compare page's own split of its time, from its performance marks:
 * [label, first load, median of the rest].
 */
function compareSplit(marks) {
  const rest = marks.slice(1).length ? marks.slice(1) : marks;
  const phases = [
    // early.js asks /api/compare before this point, while app.js loads.
    ["page loaded until its main script asks the server (navigation, script)", "", "compare:fetch"],
    ["/api/compare and /api/series answered and parsed (from then on)", "compare:fetch", "compare:data"],
    ["tables and charts built (uPlot draws in the microtask after)", "compare:data", "compare:drawn"],
  ];
  const span = (m, from, to) => m[to] - (from ? m[from] : 0);
  return phases.map(([label, from, to]) => [label, span(marks[0], from, to), median(rest.map((m) => span(m, from, to)))]);
}

const rows = [];
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
try {
  for (const size of SIZES) {
    const home = store(size);
    const { child, url } = await startView(home);
    try {
      const cold = await duringColdSearch(url);
      rows.push({ size, label: `first /api/runs?q=m1 (search every run, cold), ${size} runs`, cold: cold.searchMs, median: cold.searchMs });
      const w = cold.waits;
      const failed = cold.failed.length ? `, answered ${cold.failed.join(", ")}` : "";
      rows.push({ size, label: `/api/runs during that search (${w.length} asked${failed}), ${size} runs: longest, median`, cold: Math.max(...w), median: median(w) });
      rows.push({ size, ...(await timed(`runs page ready, ${size} runs`, REPS, () => pageReady(browser, `${url}/`, "body[data-ready=runs] tr[data-run-id]"))) });
      rows.push({ size, ...(await timed(`/api/runs, ${size} runs`, REPS, () => timeGet(`${url}/api/runs`))) });
      rows.push({ size, ...(await timed(`/api/runs?status=error, ${size} runs`, 3, () => timeGet(`${url}/api/runs?status=error`))) });
      rows.push({ size, ...(await timed(`/api/runs?q=m1 (search every run, warm), ${size} runs`, 3, () => timeGet(`${url}/api/runs?q=m1`))) });
      const mem = memoryMiB(child.pid);
      rows.push({ size, label: `server memory after all of the above, ${size} runs`, cold: mem.peak, median: mem.rss, unit: "MiB" });
    } finally {
      child.kill("SIGINT");
    }
  }
  const home = await compareStore();
  const ids = JSON.parse(execFileSync(process.execPath, [GUILD, "runs", "--json"], { env: { ...process.env, GUILD_HOME: home } }).toString()).map((r) => r.id);
  // As a user gets there: the runs page loaded, then its Compare button
  // (which sets the hash); a fresh server, so the first is server-cold.
  const fromRuns = await startView(home);
  try {
    rows.push({ size: 20, ...(await timed("compare 20 runs × 2 series × 10,000 points, from the runs page's Compare button (charts drawn)", REPS, () => compareFromRunsPage(browser, fromRuns.url, ids))) });
  } finally {
    fromRuns.child.kill("SIGINT");
  }
  const { child, url } = await startView(home);
  try {
    const marks = [];
    rows.push({ size: 20, ...(await timed("compare 20 runs × 2 series × 10,000 points (charts drawn)", REPS, () => pageReady(browser, `${url}/#/compare/${ids.join(",")}`, "body[data-ready=compare] .chart-card canvas", marks))) });
    for (const [label, cold, rest] of compareSplit(marks)) rows.push({ size: 20, label: `… of which: ${label}`, cold, median: rest });
    rows.push({ size: 20, ...(await timed("/api/series of those 20 runs (≤ 2,000 points a series)", REPS, () => timeGet(`${url}/api/series?run=${ids.join(",")}`))) });
  } finally {
    child.kill("SIGINT");
  }
} finally {
  await browser.close();
}

console.log(`\n${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, Node ${process.version}\n`);
console.log("| what | first (cold) | median of the rest |");
console.log("|---|---:|---:|");
for (const r of rows) {
  const f = r.unit === "MiB" ? (x) => `${x.toFixed(0)} MiB` : ms;
  const [first, rest] = r.unit === "MiB" ? [`peak ${f(r.cold)}`, `now ${f(r.median)}`] : [f(r.cold), f(r.median)];
  console.log(`| ${r.label} | ${first} | ${rest} |`);
}
