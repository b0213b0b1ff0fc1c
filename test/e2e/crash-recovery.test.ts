/**
 * Processes that die without cleaning up: queues and batches killed with
 * SIGKILL, claims left by dead processes, LOCKs naming a recycled pid,
 * half-made runs in `<home>/tmp`. Nothing is lost, nothing runs twice, and
 * `guild runs` tells the truth about each run.
 */
import { after, afterEach, before, beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { basename, dirname, join } from "node:path";
import { guild, startGuildIn, type GuildEnv } from "../helpers/guild-cli.js";
import { claimName, isAlive, killLeftovers, listedRuns, listedStatuses, lockPid, readAttrText, runDirsOf, runIds, shortIdOf, signalPid, treePids } from "../helpers/runs.js";
import { tempProject, type TempProject } from "../helpers/temp-project.js";
import { waitFor } from "../helpers/wait.js";

let p: TempProject;
let g: GuildEnv;
const extraPids: number[] = [];
beforeEach(() => {
  p = tempProject("fixtures/projects/crash");
  g = { cwd: p.cwd, home: p.home };
});
afterEach(() => {
  killLeftovers(p.home);
  for (const pid of extraPids.splice(0)) if (isAlive(pid)) signalPid(pid, "SIGKILL");
  p.cleanup();
});

const LIMIT = { timeout: 120_000 };

/** Starts guild in the background, its output to a file. */
function startGuild(args: string[], name = "guild") {
  return startGuildIn(p.root, args, g, name);
}

async function stage(args: string[]): Promise<string> {
  const res = await guild(["run", ...args, "--stage", "-y"], g);
  assert.equal(res.exitCode, 0, res.stderr);
  return join(p.home, "runs", /staged as ([0-9a-f]{32})/.exec(res.stdout)?.[1] ?? "?");
}

async function statusOf(dir: string): Promise<string | undefined> {
  return (await listedRuns(g)).find((r) => r.sid === shortIdOf(dir))?.status;
}

async function runOnceQueue(): Promise<string> {
  const res = await guild(["run", "queue", "run-once=yes", "-y"], g);
  assert.equal(res.exitCode, 0, res.stderr);
  return res.stderr;
}

function lines(path: string): number {
  return existsSync(path) ? readFileSync(path, "utf8").split("\n").filter(Boolean).length : 0;
}

function deadPid(): number {
  return spawnSync("true").pid as number;
}

/** A process that is alive, and is not guild's parent (the test). */
function otherLiveProcess(): number {
  const child = spawn("sleep", ["120"], { stdio: "ignore" });
  extraPids.push(child.pid as number);
  return child.pid as number;
}

describe("a queue killed with SIGKILL while running a run", () => {
  test("the run's processes die with the queue: the run reads terminated, keeps its output and starts again", LIMIT, async () => {
    const run = await stage(["tree.py"]);
    const queue = startGuild(["run", "queue", "poll-interval=1", "-y"], "queue");
    const { op, child } = await waitFor("the run to start", () => treePids(run));
    await waitFor("its output", () => readFileSync(join(run, ".guild", "output"), "utf8") === "ready\n");
    queue.child.kill("SIGKILL");
    await queue.exited;
    const [queueDir = ""] = runDirsOf(p.home, "queue");
    // Its gate (run/supervision.ts) takes the operation's group with the queue.
    await waitFor("the run's processes to end", () => !isAlive(op) && !isAlive(child));
    assert.deepEqual(await listedStatuses(g, [run, queueDir]), ["terminated", "terminated"]);
    assert.equal(readFileSync(join(run, ".guild", "output"), "utf8"), "ready\n");
    const again = await guild(["run", "--start", run, "seconds=0", "-y"], g);
    assert.equal(again.exitCode, 0, again.stderr);
    assert.equal(await statusOf(run), "completed");
  });

  test("a run whose process dies with its queue (broken pipe) shows terminated", LIMIT, async () => {
    const run = await stage(["ticker.py"]);
    const queue = startGuild(["run", "queue", "poll-interval=1", "-y"], "queue");
    await waitFor("a tick", () => queue.output().includes("tick 1\n"));
    const op = await waitFor("its LOCK", () => lockPid(run));
    queue.child.kill("SIGKILL");
    await queue.exited;
    await waitFor("the ticker to die writing to its dead queue", () => !isAlive(op));
    assert.equal(await statusOf(run), "terminated");
    assert.equal(readAttrText(run, "exit_status"), undefined);
    assert.match(readFileSync(join(run, ".guild", "output"), "utf8"), /^tick 0\ntick 1\n/);
  });
});

describe("claims left by processes", () => {
  test("a claim whose process died: the run is staged again and a queue starts it once", LIMIT, async () => {
    const run = await stage(["work.py"]);
    renameSync(join(run, ".guild", "STAGED"), join(run, ".guild", claimName(deadPid())));
    assert.equal(await statusOf(run), "staged");
    assert.match(await runOnceQueue(), /Starting staged run/);
    assert.equal(await statusOf(run), "completed");
    assert.equal(lines(join(run, "starts")), 1);
    assert.equal(existsSync(join(run, ".guild", claimName(deadPid()))), false);
  });

  test("a claim held by a live process: the run is pending, and no one else starts it", LIMIT, async () => {
    const run = await stage(["work.py"]);
    const holder = otherLiveProcess();
    renameSync(join(run, ".guild", "STAGED"), join(run, ".guild", claimName(holder)));
    assert.equal(await statusOf(run), "pending");
    assert.doesNotMatch(await runOnceQueue(), /Starting staged run/);
    const byHand = await guild(["run", "--start", run, "-y"], g);
    assert.equal(byHand.stderr, `guild: cannot start run ${run.split("/").pop()}: another process is starting it\n`);
    assert.equal(byHand.exitCode, 1);
    signalPid(holder, "SIGKILL");
    await waitFor("the holder to die", () => !isAlive(holder));
    assert.equal(await statusOf(run), "staged");
    assert.match(await runOnceQueue(), /Starting staged run/);
    assert.equal(await statusOf(run), "completed");
    assert.equal(lines(join(run, "starts")), 1);
  });

  test("trials a killed batch never handed over are left staged, and a queue runs them", LIMIT, async () => {
    const batch = startGuild(["run", "work.py", "seconds=[300,0,0]", "-y"], "batch");
    const first = await waitFor("the first trial", () => runDirsOf(p.home, "work.py").find((d) => existsSync(join(d, "starts"))));
    const op = await waitFor("the first trial's process", () => lockPid(first));
    const [batchDir = ""] = runDirsOf(p.home, "+");
    const others = runDirsOf(p.home, "work.py").filter((d) => d !== first);
    const statuses = () => listedStatuses(g, [batchDir, first, ...others]);
    // Its trials wait `pending`, held by the batch: no queue may take them.
    assert.deepEqual(await statuses(), ["running", "running", "pending", "pending"]);
    assert.doesNotMatch(await runOnceQueue(), /Starting staged run/);
    batch.child.kill("SIGKILL");
    await batch.exited;
    // The running trial's processes die with the batch (run/supervision.ts).
    await waitFor("the first trial to end", () => !isAlive(op));
    assert.deepEqual(await statuses(), ["terminated", "terminated", "staged", "staged"]);
    await runOnceQueue();
    assert.deepEqual(await statuses(), ["terminated", "terminated", "completed", "completed"]);
    assert.deepEqual([first, ...others].map((d) => lines(join(d, "starts"))), [1, 1, 1]);
  });
});

describe("LOCK files", () => {
  // Each case starts from the same finished run: made once, then its home is
  // copied back before each case (at the same path: a run records its
  // project's path), where a `guild run` each cost ~0.3 s of CPU.
  let made: TempProject;
  let saved: string;
  before(async () => {
    made = tempProject("fixtures/projects/crash");
    const res = await guild(["run", "work.py", "-y"], { cwd: made.cwd, home: made.home });
    assert.equal(res.exitCode, 0, res.stderr);
    saved = join(made.root, "finished-home");
    cpSync(made.home, saved, { recursive: true, preserveTimestamps: true });
  });
  after(() => made?.cleanup());
  beforeEach(() => {
    rmSync(made.home, { recursive: true, force: true });
    cpSync(saved, made.home, { recursive: true, preserveTimestamps: true });
    g = { cwd: made.cwd, home: made.home };
  });
  afterEach(() => killLeftovers(made.home));

  function finishedRun(): string {
    const [dir = ""] = runDirsOf(made.home, "work.py");
    rmSync(join(dir, ".guild", "attrs", "exit_status"));
    return dir;
  }
  const startOf = (pid: number) => claimName(pid).split(".")[2];
  const CASES: [string, (pid: number) => string, string][] = [
    ["a live process with the recorded start time", (pid) => `${pid}`.padEnd(9) + `\nstart=${startOf(pid)} host=${hostname()}\n`, "running"],
    ["a recycled pid: live, but started later than the run", (pid) => `${pid}`.padEnd(9) + `\nstart=1 host=${hostname()}\n`, "terminated"],
    ["a dead process", () => `${deadPid()}`.padEnd(9) + `\nstart=1 host=${hostname()}\n`, "terminated"],
    ["Guild's pid-only LOCK of a live process (cannot tell)", (pid) => `${pid}`, "running"],
    ["Guild's pid-only LOCK of a dead process", () => `${deadPid()}`, "terminated"],
    ["a process on another host, LOCK fresh (judged by its age, not its pid)", (pid) => `${pid}`.padEnd(9) + `\nstart=1 host=elsewhere.example\n`, "running"],
    [
      "a process that exited while the guild that started it still records its end",
      (pid) => `${deadPid()}`.padEnd(9) + `\nstart=1 host=${hostname()} guild=${pid}.${startOf(pid)}\n`,
      "running",
    ],
    [
      "a process that exited, and the guild that started it died too",
      (pid) => `${deadPid()}`.padEnd(9) + `\nstart=1 host=${hostname()} guild=${pid}.1\n`,
      "terminated",
    ],
  ];
  for (const [name, lock, want] of CASES) {
    test(name, LIMIT, async () => {
      const dir = finishedRun();
      writeFileSync(join(dir, ".guild", "LOCK"), lock(otherLiveProcess()));
      assert.equal(await statusOf(dir), want);
      if (want !== "terminated") return;
      const again = await guild(["run", "--start", dir, "-y"], g);
      assert.equal(again.exitCode, 0, again.stderr);
      assert.equal(await statusOf(dir), "completed");
    });
  }
});

describe("half-made runs in <home>/tmp", () => {
  test("what dead processes left is removed by the next run made; a live process's is kept", LIMIT, async () => {
    const tmp = join(p.home, "tmp");
    const dead = join(tmp, "new-runs", claimName(deadPid()).slice("CLAIMED.".length), "a".repeat(32));
    const live = join(tmp, "new-runs", claimName(otherLiveProcess()).slice("CLAIMED.".length), "b".repeat(32));
    const halfRemoved = join(tmp, "removing", claimName(deadPid()).slice("CLAIMED.".length), "0-x", "c".repeat(32));
    for (const dir of [dead, live, halfRemoved]) {
      mkdirSync(join(dir, ".guild", "attrs"), { recursive: true });
      writeFileSync(join(dir, ".guild", "opref"), "script:/x '' '' work.py\n");
    }
    const res = await guild(["run", "work.py", "-y"], g);
    assert.equal(res.exitCode, 0, res.stderr);
    assert.deepEqual([existsSync(dead), existsSync(live), existsSync(halfRemoved)], [false, true, false]);
    assert.equal(runIds(p.home).length, 1);
    // The run's own assembly dir went when its process exited.
    assert.deepEqual(readdirSync(join(tmp, "new-runs")), [basename(dirname(live))]);
  });
});
