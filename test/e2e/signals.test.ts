/**
 * Signals: Ctrl-C or SIGTERM to `guild run` stops the operation's whole
 * process tree and records `terminated` (-15); SIGTERM to a queue stops its
 * current run the same way and leaves staged runs staged; stopping a run a
 * queue started (SIGTERM to the process in its LOCK, as `guild runs stop`
 * does) never holds the queue up.
 */
import { afterEach, beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { guild, startGuildIn, type GuildEnv } from "../helpers/guild-cli.js";
import { isAlive, killLeftovers, listedRuns, listedStatuses, lockPid, readAttrText, runDirsOf, shortIdOf, signalPid, treePids } from "../helpers/runs.js";
import { tempProject, type TempProject } from "../helpers/temp-project.js";
import { waitFor } from "../helpers/wait.js";

let p: TempProject;
let g: GuildEnv;
beforeEach(() => {
  p = tempProject("fixtures/projects/crash");
  g = { cwd: p.cwd, home: p.home };
});
afterEach(() => {
  killLeftovers(p.home);
  p.cleanup();
});

/** No test here may hang: a process that never ends fails it. */
const LIMIT = { timeout: 120_000 };

/** Starts guild in the background, its output to a file. */
function startGuild(args: string[], name = "guild") {
  return startGuildIn(p.root, args, g, name);
}

/** Waits for a tree.py run to have started its child; returns its pids. */
async function treeStarted(dir?: string): Promise<{ dir: string; op: number; child: number }> {
  return waitFor("tree.py to start its child", () => {
    const d = dir ?? runDirsOf(p.home, "tree.py").find((x) => treePids(x));
    const pids = d && treePids(d);
    return d && pids ? { dir: d, ...pids } : undefined;
  });
}

async function statusOf(dir: string): Promise<string | undefined> {
  return (await listedRuns(g)).find((r) => r.sid === shortIdOf(dir))?.status;
}

async function stage(args: string[]): Promise<string> {
  const res = await guild(["run", ...args, "--stage", "-y"], g);
  assert.equal(res.exitCode, 0, res.stderr);
  return join(p.home, "runs", /staged as ([0-9a-f]{32})/.exec(res.stdout)?.[1] ?? "?");
}

describe("guild run, stopped by a signal", () => {
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    test(`${signal} stops the operation and what it started; the run is terminated`, LIMIT, async () => {
      const run = startGuild(["run", "tree.py", "-y"]);
      const { dir, op, child } = await treeStarted();
      await waitFor("ready", () => run.output().includes("ready\n"));
      run.child.kill(signal);
      assert.equal(await run.exited, signal === "SIGINT" ? 130 : 143);
      await waitFor("the operation's processes to end", () => !isAlive(op) && !isAlive(child));
      assert.equal(readAttrText(dir, "exit_status"), "-15");
      assert.equal(await statusOf(dir), "terminated");
      assert.equal(readFileSync(join(dir, ".guild", "output"), "utf8"), "ready\n");
      assert.equal(existsSync(join(dir, ".guild", "LOCK")), false);
    });
  }

  test("a second Ctrl-C kills an operation that ignores the first", LIMIT, async () => {
    const run = startGuild(["run", "stubborn.py", "-y"]);
    await waitFor("ready", () => run.output().includes("ready\n"));
    const [dir = ""] = runDirsOf(p.home, "stubborn.py");
    const op = await waitFor("its LOCK", () => lockPid(dir));
    run.child.kill("SIGINT");
    // The operation ignores SIGTERM: still running a moment later. A quiet window is the
    // point here: nothing marks that the first Ctrl-C was handled (the SIGTERM it sends is
    // ignored), so the window gives a wrong SIGKILL on the first Ctrl-C the time to show. A
    // slow machine can only make the check weaker, never make it fail.
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(isAlive(op), true);
    run.child.kill("SIGINT");
    assert.equal(await run.exited, 130);
    await waitFor("the operation to be killed", () => !isAlive(op));
    assert.equal(await statusOf(dir), "terminated");
  });
});

describe("queues and signals", () => {
  test("SIGTERM to a queue stops its run, leaves staged runs staged, and ends the queue terminated", LIMIT, async () => {
    const first = await stage(["tree.py"]);
    const second = await stage(["work.py", "n=2"]);
    const queue = startGuild(["run", "queue", "run-once=yes", "-y"], "queue");
    const { op, child } = await treeStarted(first);
    queue.child.kill("SIGTERM");
    await queue.exited;
    await waitFor("the run's processes to end", () => !isAlive(op) && !isAlive(child));
    const [queueDir = ""] = runDirsOf(p.home, "queue");
    assert.equal(readAttrText(first, "exit_status"), "-15");
    assert.equal(readAttrText(queueDir, "exit_status"), "-15");
    assert.deepEqual(
      await listedStatuses(g, [first, second, queueDir]),
      ["terminated", "staged", "terminated"],
    );
    assert.equal(queue.output().match(/Starting staged run/g)?.length, 1);
  });

  test("stopping the run a queue is running lets the queue go on", LIMIT, async () => {
    // tree.py's child shares its stdout; only the LOCK process is signalled,
    // as Guild's `runs stop` does.
    const first = await stage(["tree.py"]);
    const second = await stage(["work.py", "n=2"]);
    const queue = startGuild(["run", "queue", "run-once=yes", "-y"], "queue");
    const { op, child } = await treeStarted(first);
    assert.equal(lockPid(first), op);
    signalPid(op, "SIGTERM");
    assert.equal(await queue.exited, 0);
    assert.equal(isAlive(child), false);
    const [queueDir = ""] = runDirsOf(p.home, "queue");
    assert.deepEqual(
      await listedStatuses(g, [first, second, queueDir]),
      ["terminated", "completed", "completed"],
    );
    assert.match(queue.output(), /ERROR: \[queue\] \S+ \S+ [0-9a-f]{32} failed with exit code -15\n/);
    assert.match(queue.output(), /work 2 done\n/);
  });

  test("stopping a batch a queue started stops the batch, not the queue", LIMIT, async () => {
    const batch = await stage(["work.py", "seconds=[300,0]"]);
    const later = await stage(["work.py", "n=9"]);
    const queue = startGuild(["run", "queue", "run-once=yes", "-y"], "queue");
    const trial = await waitFor("the first trial to start", () =>
      runDirsOf(p.home, "work.py").find((d) => existsSync(join(d, "starts")) && d !== later),
    );
    const batchPid = await waitFor("the batch's LOCK", () => lockPid(batch));
    assert.notEqual(batchPid, queue.child.pid, "the batch runs in a process of its own");
    signalPid(batchPid, "SIGTERM");
    assert.equal(await queue.exited, 0);
    const statuses = Object.fromEntries((await listedRuns(g)).map((r) => [r.sid, r.status]));
    const trials = runDirsOf(p.home, "work.py").filter((d) => d !== later);
    assert.equal(trials.length, 2);
    const other = trials.find((d) => d !== trial) ?? "";
    assert.deepEqual(
      [batch, trial, other, later].map((d) => statuses[shortIdOf(d)]),
      ["terminated", "terminated", "completed", "completed"],
      "the batch and its running trial stopped; its other trial was left staged, and the queue ran it",
    );
    assert.equal(statuses[shortIdOf(runDirsOf(p.home, "queue")[0] ?? "")], "completed");
  });
});
