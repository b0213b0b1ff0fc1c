/**
 * `guild view`'s server through the built bin, without a browser: the JSON
 * API's shapes against `runs list --json` / `runs info --json`, its errors,
 * the DNS-rebinding and read-only guards, the event stream, RUN arguments,
 * and the command's own errors.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { request } from "node:http";
import { createServer } from "node:net";
import { guild, type GuildEnv } from "../helpers/guild-cli.js";
import { tempProject, type TempProject } from "../helpers/temp-project.js";
import { startView, type ViewProcess } from "../helpers/view-server.js";

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function get(url: string, o: { host?: string; method?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const req = request({ host: u.hostname, port: u.port, path: u.pathname + u.search, method: o.method ?? "GET", headers: o.host ? { Host: o.host } : {} }, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

async function getJson(url: string): Promise<unknown> {
  const r = await get(url);
  assert.equal(r.status, 200, r.body);
  return JSON.parse(r.body);
}

describe("guild view: the server and its API", () => {
  let p: TempProject;
  let g: GuildEnv;
  let view: ViewProcess;
  let listed: { id: string; [key: string]: unknown }[];

  before(async () => {
    p = tempProject("fixtures/projects/scalars");
    g = { cwd: p.cwd, home: p.home };
    for (const x of ["1.0", "2.0"]) assert.equal((await guild(["run", "train", `x=${x}`, "-y"], g)).exitCode, 0);
    listed = JSON.parse((await guild(["runs", "--json"], g)).stdout);
    view = await startView(p.root, g);
  });

  after(async () => {
    if (view) await view.stop();
    p.cleanup();
  });

  test("/api/runs: each run as `runs list --json` shows it, plus flags and last scalars", async () => {
    const page = (await getJson(`${view.url}/api/runs`)) as { total: number; runs: Record<string, unknown>[] };
    assert.equal(page.total, 2);
    page.runs.forEach((run, i) => {
      const { flags, scalars, ...rest } = run;
      assert.deepEqual(rest, listed[i]);
      assert.deepEqual(rest.tags, []);
      assert.deepEqual(Object.keys(flags as object).sort(), ["epochs", "x"]);
      assert.deepEqual((scalars as Record<string, unknown>).loss, [Math.fround(((i === 0 ? 2.0 : 1.0) - 2.0) ** 2 / 3), 3]);
    });
    const filtered = (await getJson(`${view.url}/api/runs?q=x%3D1.0&sort=flag:x`)) as { runs: { id: string }[] };
    assert.deepEqual(filtered.runs.map((r) => r.id), [listed[1]?.id]);
    // The id is searched too, and words may come from different fields.
    const byId = (await getJson(`${view.url}/api/runs?q=${listed[0]?.id.slice(0, 8)}+X%3D2`)) as { runs: { id: string }[] };
    assert.deepEqual(byId.runs.map((r) => r.id), [listed[0]?.id]);
  });

  test("/api/runs/ID is `runs info --json` (with environment and dependencies)", async () => {
    const id = listed[0]?.id as string;
    const info = JSON.parse((await guild(["runs", "info", id, "--json", "--env", "--deps", "--all-scalars"], g)).stdout) as Record<string, unknown>;
    assert.deepEqual(await getJson(`${view.url}/api/runs/${id}`), info);
  });

  test("output, scalars, series and compare", async () => {
    const [a, b] = listed.map((r) => r.id);
    const out = (await getJson(`${view.url}/api/runs/${a}/output?offset=0`)) as { text: string; next: number; size: number };
    assert.match(out.text, /^x: 2\.0\nstep: 1\n/);
    assert.equal(out.next, out.size);
    const tail = (await getJson(`${view.url}/api/runs/${a}/output?tail=30`)) as { text: string; offset: number };
    assert.deepEqual([tail.text, tail.offset], ["acc: 0.9666666666666667\n", out.size - 24]);
    const series = (await getJson(`${view.url}/api/series?run=${a},${b}&key=loss`)) as Record<string, Record<string, { step: number[] }>>;
    assert.deepEqual(Object.keys(series), [a, b]);
    assert.deepEqual(series[a as string]?.loss?.step, [1, 2, 3]);
    // Only the fields asked for.
    const lean = (await getJson(`${view.url}/api/series?run=${a}&key=loss&fields=step,value`)) as Record<string, Record<string, object>>;
    assert.deepEqual(Object.keys(lean[a as string]?.loss ?? {}), ["step", "value"]);
    const cmp = (await getJson(`${view.url}/api/compare?run=${a}&run=${b}`)) as { flags: string[]; differentFlags: string[]; scalars: string[] };
    assert.deepEqual([cmp.flags, cmp.differentFlags, cmp.scalars], [["epochs", "x"], ["x"], ["acc", "loss"]]);
  });

  test("bad requests get a JSON error and a 4xx status", async () => {
    const cases: [string, number, RegExp][] = [
      ["/api/runs?status=done", 400, /invalid status 'done'/],
      ["/api/runs/0123456789abcdef0123456789abcdef", 404, /no run/],
      ["/api/runs/..%2F..%2Fetc", 404, /no run/],
      [`/api/runs/${listed[0]?.id}/file?path=../../../etc/passwd`, 400, /outside the run/],
      [`/api/runs/${listed[0]?.id}/file?path=nope.txt`, 404, /no file 'nope.txt'/],
      ["/api/compare", 400, /no runs given/],
      [`/api/series?run=${listed[0]?.id}&fields=step,colour`, 400, /invalid field 'colour'/],
      ["/api/nothing", 404, /no such endpoint/],
    ];
    for (const [path, status, re] of cases) {
      const r = await get(`${view.url}${path}`);
      assert.equal(r.status, status, path);
      assert.match((JSON.parse(r.body) as { error: string }).error, re, path);
    }
  });

  test("read-only, no CORS, and only for its own Host", async () => {
    assert.equal((await get(`${view.url}/api/runs`, { method: "POST" })).status, 405);
    assert.equal((await get(`${view.url}/api/runs`, { method: "DELETE" })).status, 405);
    assert.equal((await get(`${view.url}/api/runs`, { host: `attacker.example:${view.port}` })).status, 403);
    assert.equal((await get(`${view.url}/`, { host: `localhost:${view.port}` })).status, 200);
    const r = await get(`${view.url}/api/runs`);
    assert.equal(r.headers["access-control-allow-origin"], undefined);
    const page = await get(`${view.url}/`);
    assert.match(String(page.headers["content-security-policy"]), /default-src 'self'/);
    assert.match(page.body, /<script defer src="\/app\.js">/);
  });

  test("the event stream reports a run staged into the store", async () => {
    const events = await new Promise<string>((resolve, reject) => {
      const u = new URL(`${view.url}/api/events`);
      const req = request({ host: u.hostname, port: u.port, path: u.pathname }, (res) => {
        let text = "";
        res.on("data", (c: Buffer) => {
          text += c.toString();
          if (text.includes(": connected")) void guild(["run", "train", "--stage", "-y"], g);
          if (/event: runs\ndata: \{.*"listChanged":true/.test(text)) {
            req.destroy();
            resolve(text);
          }
        });
      });
      req.on("error", (e) => ((e as NodeJS.ErrnoException).code === "ECONNRESET" ? undefined : reject(e)));
      req.end();
    });
    assert.match(events, /^retry: 1000\n: connected\n\n/);
  });

  test("RUN arguments limit the runs shown", async () => {
    const one = await startView(p.root, g, ["2"]);
    try {
      const page = (await getJson(`${one.url}/api/runs`)) as { total: number; runs: { id: string }[] };
      assert.equal(page.total, 1);
    } finally {
      await one.stop();
    }
  });

  test("command errors: a port in use, a port out of range", async () => {
    const busy = createServer().listen(0, "127.0.0.1");
    await new Promise((r) => busy.once("listening", r));
    const port = (busy.address() as { port: number }).port;
    try {
      const r = await guild(["view", "--no-open", "--port", String(port)], g);
      assert.deepEqual([r.exitCode, r.stderr, r.stdout], [1, `guild: port ${port} on 127.0.0.1 is already in use\n`, ""]);
    } finally {
      busy.close();
    }
    const bad = await guild(["view", "-n", "-p", "70000"], g);
    assert.equal(bad.exitCode, 2);
    assert.match(bad.stderr, /^guild: invalid value for '-p' \/ '--port': 70000 is not in the range 0<=x<=65535\n/);
    const notNumber = await guild(["view", "-n", "--port", "http"], g);
    assert.equal(notNumber.exitCode, 2);
    assert.match(notNumber.stderr, /invalid value for '-p' \/ '--port': 'http' is not a valid integer/);
  });
});
