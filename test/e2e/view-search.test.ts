/**
 * `guild view`'s first text search reads every run of the store, and a
 * status filter checks every run's status against its files; on a large
 * store that takes a while, and the server must go on answering other
 * requests meanwhile. Ordering, not timing: once the event stream says the
 * pass is under way (a `pass` event, sent when it first lets other work
 * in), another request is sent, and its reply must come before the pass's.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { request, type IncomingMessage } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launchChromium } from "../helpers/browser.js";
import { REPO_ROOT } from "../helpers/guild-cli.js";
import { startView, type ViewProcess } from "../helpers/view-server.js";

const RUNS = 3000;

function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request(url, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    })
      .on("error", reject)
      .end();
  });
}

/** Resolves with the first `pass` event's data from the event stream; the stream is then closed. */
function firstPassEvent(url: string): { opened: Promise<void>; pass: Promise<{ done: number; total: number }> } {
  let opened!: () => void;
  const openedP = new Promise<void>((r) => (opened = r));
  const pass = new Promise<{ done: number; total: number }>((resolve, reject) => {
    const req = request(`${url}/api/events`, (res: IncomingMessage) => {
      let text = "";
      res.on("data", (c: Buffer) => {
        text += c.toString();
        if (text.includes(": connected")) opened();
        const m = /event: pass\ndata: (.*)\n/.exec(text);
        if (m) {
          resolve(JSON.parse(m[1] as string) as { done: number; total: number });
          req.destroy();
        }
      });
    });
    req.on("error", reject);
    req.end();
  });
  return { opened: openedP, pass };
}

let dir: string;
let home: string;
let view: ViewProcess;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "view-search-"));
  home = join(dir, "home");
  // Runs as Guild AI writes them (bench/make-store.mjs), none staged: each says `msg=m<n>`.
  execFileSync(process.execPath, [join(REPO_ROOT, "bench", "make-store.mjs"), home, String(RUNS), "0"], { stdio: "ignore" });
  view = await startView(dir, { cwd: dir, home });
});

after(async () => {
  if (view) await view.stop();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * Sends `path`; once the event stream says its pass is under way, asks for
 * another page, whose reply must come first. Returns `path`'s reply.
 */
async function answeredMeanwhile(path: string): Promise<{ status: number; body: string }> {
  const events = firstPassEvent(view.url);
  await events.opened;
  const order: string[] = [];
  const slow = get(`${view.url}${path}`).then((r) => (order.push("slow"), r));
  const pass = await Promise.race([events.pass, slow.then(() => undefined)]);
  assert.ok(pass, `${path} was answered without ever letting other requests in`);
  assert.equal(pass.total, RUNS);
  assert.ok(pass.done < RUNS, `the pass is under way (${pass.done} of ${RUNS} read)`);
  const other = await get(`${view.url}/api/runs?limit=1`).then((r) => (order.push("other"), r));
  const reply = await slow;
  assert.deepEqual(order, ["other", "slow"]);
  assert.equal(other.status, 200, other.body);
  assert.equal((JSON.parse(other.body) as { total: number }).total, RUNS);
  assert.equal(reply.status, 200, reply.body);
  return reply;
}

test("another request is answered while a cold search reads every run", async () => {
  const found = await answeredMeanwhile("/api/runs?q=m1&limit=1");
  // m1, m10-m19, m100-m199, m1000-m1999 of m0..m2999 (make-store numbers runs from 0).
  assert.equal((JSON.parse(found.body) as { total: number }).total, 1 + 10 + 100 + 1000);
});

test("another request is answered while a status filter checks every run", async () => {
  const errors = await answeredMeanwhile("/api/runs?status=error&limit=2");
  // make-store fails run i when i % 20 == 7: 150 of 3,000, newest first as the default order has them.
  const page = JSON.parse(errors.body) as { total: number; runs: { id: string; status: string }[] };
  assert.equal(page.total, RUNS / 20);
  assert.deepEqual(page.runs.map((r) => r.status), ["error", "error"]);
  const all = (await get(`${view.url}/api/runs?limit=100`).then((r) => JSON.parse(r.body))) as { runs: { id: string; status: string }[] };
  assert.deepEqual(page.runs.map((r) => r.id), all.runs.filter((r) => r.status === "error").slice(0, 2).map((r) => r.id));
});

test("the runs page shows a cold search's progress while it reads every run, and hides it after", async () => {
  // A server of its own: its search is cold, as the first search of a session is.
  const fresh = await startView(dir, { cwd: dir, home });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${fresh.url}/`);
    await page.waitForSelector("body[data-ready=runs][data-live]", { timeout: 30_000 });
    // What the progress line did, in order, with the count the table showed at each change.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      const line = document.getElementById("pass-progress") as HTMLElement;
      new MutationObserver(() => {
        const now = line.hidden ? "hidden" : "shown";
        if (seen.at(-1)?.startsWith(now)) return;
        seen.push(`${now} ${document.getElementById("run-count")?.textContent ?? ""}`);
      }).observe(line, { attributes: true, attributeFilter: ["hidden"] });
    });
    await page.fill("input[name=q]", "m1");
    await page.waitForFunction(() => document.getElementById("run-count")?.textContent === "1–100 of 1,111 runs", undefined, { timeout: 60_000 });
    await page.waitForFunction(() => (document.getElementById("pass-progress") as HTMLElement).hidden, undefined, { timeout: 30_000 });
    const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    assert.deepEqual(seen, ["shown 1–100 of 3,000 runs", "hidden 1–100 of 1,111 runs"]);
  } finally {
    await browser.close();
    await fresh.stop();
  }
});
