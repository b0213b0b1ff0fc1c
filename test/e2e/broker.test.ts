/**
 * Queues through a broker: a real `redis-server` on a loopback port, the
 * built `guild` as stager and as BullMQ workers (on simulated hosts where
 * it matters). The store stays the source of truth: checked from each
 * run's own side effects (`starts`, `completions` in its run dir).
 */
import { after, afterEach, before, beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { guild, startGuildIn, type GuildEnv } from "../helpers/guild-cli.js";
import { canSimulateHosts, guildOn, startGuildOn } from "../helpers/hosts.js";
import { hasRedis, startRedis, type TestRedis } from "../helpers/redis.js";
import { killLeftovers, listedRuns, runDirsOf } from "../helpers/runs.js";
import { tempProject, type TempProject } from "../helpers/temp-project.js";
import { waitFor, waitForAsync } from "../helpers/wait.js";

const LIMIT = { timeout: 120_000, skip: hasRedis() ? false : "needs redis-server" };

let redis: TestRedis;
let p: TempProject;
let g: GuildEnv;
before(async () => {
  if (hasRedis()) redis = await startRedis();
});
after(async () => {
  await redis?.stop();
});
beforeEach(() => {
  redis?.cli("FLUSHALL");
  p = tempProject("fixtures/projects/crash");
  g = { cwd: p.cwd, home: p.home, env: { GUILD_BROKER: redis?.url } };
});
afterEach(() => {
  killLeftovers(p.home);
  p.cleanup();
});

function lines(path: string): number {
  return existsSync(path) ? readFileSync(path, "utf8").split("\n").filter(Boolean).length : 0;
}

function assertEachRanOnce(count: number): void {
  const trials = runDirsOf(p.home, "work.py");
  assert.equal(trials.length, count);
  for (const dir of trials) {
    assert.equal(lines(join(dir, "starts")), 1, dir);
    assert.equal(lines(join(dir, "completions")), 1, dir);
  }
}

/** The store's jobs in Redis (BullMQ keeps each job in a hash named by its id). */
function jobKeys(): string[] {
  return redis.cli("--scan", "--pattern", "guild:runs-*:run-*").split("\n").filter(Boolean);
}

const WORKER = ["run", "queue", "run-once=yes", "poll-interval=1", "-y"];

describe("queues through a broker", () => {
  test("staging adds one job per staged run; a worker starts each once", LIMIT, async () => {
    const staged = await guild(["run", "work.py", "n=[1,2,3,4]", "seconds=0.1", "--stage-trials", "-y"], g);
    assert.equal(staged.exitCode, 0, staged.stderr);
    assert.equal(jobKeys().length, 4);
    const again = await guild(["run", "work.py", "n=5", "--stage", "-y"], g);
    assert.equal(again.exitCode, 0, again.stderr);
    assert.equal(jobKeys().length, 5);
    const worker = await guild(WORKER, g);
    assert.equal(worker.exitCode, 0, worker.stderr);
    assert.match(worker.stderr, /Taking staged runs from redis:\/\/127\.0\.0\.1:\d+ \(1 at once\)/);
    assertEachRanOnce(5);
    assert.deepEqual(jobKeys(), []);
  });

  test("runs staged without the broker are found by the worker (broker= flag)", LIMIT, async () => {
    const plain = { ...g, env: {} };
    const staged = await guild(["run", "work.py", "n=[1,2,3]", "seconds=0.1", "--stage-trials", "-y"], plain);
    assert.equal(staged.exitCode, 0, staged.stderr);
    assert.equal(jobKeys().length, 0);
    const worker = await guild([...WORKER, `broker=${redis.url}`], plain);
    assert.equal(worker.exitCode, 0, worker.stderr);
    assertEachRanOnce(3);
  });

  test("a failing run is a completed job with an error run, never retried", LIMIT, async () => {
    const q = tempProject("fixtures/projects/queue");
    try {
      const qg = { ...g, cwd: q.cwd, home: q.home };
      assert.equal((await guild(["run", "fail.py", "--stage", "-y"], qg)).exitCode, 0);
      const worker = await guild(WORKER, qg);
      assert.equal(worker.exitCode, 0, worker.stderr);
      assert.equal((worker.stdout.match(/failing with 3/g) ?? []).length, 1, worker.stdout);
      assert.deepEqual((await listedRuns(qg)).filter((r) => r.op === "fail.py").map((r) => r.status), ["error"]);
      assert.equal(redis.cli("--scan", "--pattern", "guild:*:failed").trim(), "");
    } finally {
      q.cleanup();
    }
  });

  test("guild queues: bad or missing broker", LIMIT, async () => {
    const none = await guild(["queues"], { ...g, env: {} });
    assert.deepEqual([none.exitCode, none.stderr], [1, "guild: no broker: set GUILD_BROKER=redis://HOST:PORT[/DB] or use --broker\n"]);
    const bad = await guild(["queues", "--broker", "http://x"], g);
    assert.deepEqual([bad.exitCode, bad.stderr], [1, "guild: invalid broker 'http://x': expected redis://HOST:PORT[/DB]\n"]);
    const down = await guild(["queues", "--broker", "redis://127.0.0.1:1"], g);
    assert.equal(down.exitCode, 1);
    assert.match(down.stderr, /^guild: cannot reach broker redis:\/\/127\.0\.0\.1:1: .*ECONNREFUSED/);
  });

  test("workers on two hosts, two runs at once each, start every run once", { ...LIMIT, skip: LIMIT.skip || (canSimulateHosts() ? false : "needs unshare") }, async () => {
    const staged = await guild(["run", "work.py", "n=[1,2,3,4,5,6,7,8]", "seconds=0.3", "--stage-trials", "-y"], g);
    assert.equal(staged.exitCode, 0, staged.stderr);
    const workers = await Promise.all(["host-a", "host-b"].map((h) => guildOn(h, [...WORKER, "concurrency=2"], g)));
    for (const w of workers) assert.equal(w.exitCode, 0, w.stderr);
    assertEachRanOnce(8);
    assert.deepEqual([...new Set((await listedRuns(g)).filter((r) => r.op === "work.py").map((r) => r.status))], ["completed"]);
  });

  test("retry-lost=1: a run lost with its host is started again once, elsewhere, in the same run dir", { ...LIMIT, skip: LIMIT.skip || (canSimulateHosts() ? false : "needs unshare") }, async () => {
    const lg = { ...g, env: { ...g.env, GUILD_LEASE: "2" } };
    assert.equal((await guild(["run", "work.py", "seconds=5", "--stage", "-y"], lg)).exitCode, 0);
    const a = startGuildOn("host-a", p.root, ["run", "queue", "poll-interval=1", "-y"], lg);
    try {
      const dir = await waitFor("the run to start on host-a", () => runDirsOf(p.home, "work.py").find((d) => lines(join(d, "starts")) === 1));
      a.killHost();
      await a.exited;
      const statusOnB = async () => (await listedRuns(lg, (args, env) => guildOn("host-b", args, env))).find((r) => r.op === "work.py")?.status;
      await waitForAsync("the run to read terminated on host-b", async () => (await statusOnB()) === "terminated");
      const plain = await guildOn("host-b", WORKER, lg);
      assert.equal(plain.exitCode, 0, plain.stderr);
      assert.equal(lines(join(dir, "starts")), 1, "not retried without retry-lost");
      const retried = await guildOn("host-b", [...WORKER, "retry-lost=1"], lg);
      assert.equal(retried.exitCode, 0, retried.stderr);
      assert.match(retried.stderr, /Starting lost run [0-9a-f]{32} again \(attempt 1 of 1\)/);
      assert.deepEqual([lines(join(dir, "starts")), lines(join(dir, "completions"))], [2, 1]);
      assert.equal(readFileSync(join(dir, ".guild", "attrs", "retry_lost_attempt"), "utf8").trim(), "1");
      assert.equal(await statusOnB(), "completed");
      const again = await guildOn("host-b", [...WORKER, "retry-lost=1"], lg);
      assert.equal(again.exitCode, 0, again.stderr);
      assert.equal(lines(join(dir, "starts")), 2, "a completed run is not started again");
    } finally {
      a.killHost();
      await a.exited;
    }
  });

  test("SIGTERM: the worker takes no more jobs, lets its run finish, then exits; a second signal stops the run", LIMIT, async () => {
    const staged = await guild(["run", "work.py", "seconds=[3,60]", "--stage-trials", "-y"], g);
    assert.equal(staged.exitCode, 0, staged.stderr);
    const w = startGuildIn(p.root, ["run", "queue", "poll-interval=1", "-y"], g, "worker");
    const started = () => runDirsOf(p.home, "work.py").filter((d) => lines(join(d, "starts")) === 1);
    const [first] = await waitFor("a run to start", () => (started().length ? started() : undefined));
    w.child.kill("SIGTERM");
    await w.exited;
    assert.equal(lines(join(first as string, "completions")), 1, w.output());
    assert.equal(started().length, 1, "no second run taken after SIGTERM");
    const w2 = startGuildIn(p.root, ["run", "queue", "poll-interval=1", "-y"], g, "worker2");
    const second = await waitFor("the other run to start", () => started().find((d) => d !== first));
    const queues = await guild(["queues"], g);
    assert.equal(queues.exitCode, 0, queues.stderr);
    assert.match(queues.stdout, new RegExp(`^HOST +PID +QUEUE +RUNNING +SINCE\n\\S+ +${w2.child.pid} +[0-9a-f]{8} +${basename(second).slice(0, 8)} +\\d{4}-`), queues.stdout);
    assert.match(queues.stdout, /\nJobs: 0 waiting, 1 active, 0 delayed, 0 failed\n$/);
    const json = JSON.parse((await guild(["queues", "--json"], g)).stdout) as { workers: { pid: number; runs: string[] }[]; jobs: Record<string, number> };
    assert.deepEqual(json.workers.map((w) => [w.pid, w.runs]), [[w2.child.pid, [basename(second)]]]);
    assert.deepEqual(json.jobs, { waiting: 0, active: 1, delayed: 0, failed: 0 });
    w2.child.kill("SIGTERM");
    await waitFor("the worker to stop taking runs", () => w2.output().includes("Stopping: taking no more runs, waiting for 1 to finish"));
    w2.child.kill("SIGTERM");
    await w2.exited;
    assert.equal(lines(join(second, "completions")), 0);
    const statuses = (await listedRuns(g)).filter((r) => r.op === "work.py").map((r) => r.status);
    assert.deepEqual(statuses.sort(), ["completed", "terminated"], w2.output());
  });
});
