/**
 * Item 1 of issue 10: when the `guild` that supervises a run dies by any
 * means (SIGKILL of it alone, of its whole process group), no process of the
 * run survives it, the run reads `terminated` (true: its work was cut short),
 * and nothing it did is done twice. Ctrl-C and SIGTERM still stop runs
 * gracefully, and `guild` then exits 130 / 143 as shells expect.
 */
import { beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { exitOf, GUILD_BIN, guild, guildEnv, type GuildEnv } from "../helpers/guild-cli.js";
import { isAlive, listedStatuses, lockPid, runDirsOf, treePids } from "../helpers/runs.js";
import type { TempProject } from "../helpers/temp-project.js";
import { lineCount, listedStatus, stageRun, useFaultProject } from "../helpers/fault-project.js";
import { waitFor } from "../helpers/wait.js";

const project = useFaultProject("fixtures/projects/crash");
let p: TempProject;
let g: GuildEnv;
beforeEach(() => ({ p, g } = project));

const LIMIT = { timeout: 120_000 };

/** Starts guild as a shell starts a job: a process group of its own. */
function startJob(args: string[]): { child: ChildProcess; exited: Promise<number>; output: () => string } {
  const path = join(p.root, `job-${Date.now()}.out`);
  const fd = openSync(path, "w");
  const child = spawn(process.execPath, [GUILD_BIN, ...args], { cwd: g.cwd, env: guildEnv(g), stdio: ["ignore", fd, fd], detached: true });
  const exited = exitOf(child).finally(() => closeSync(fd));
  return { child, exited, output: () => readFileSync(path, "utf8") };
}

function killGroup(child: ChildProcess): void {
  const pid = child.pid;
  if (pid === undefined || pid <= 1) throw new Error("no process group");
  process.kill(-pid, "SIGKILL");
}

const statusOf = (dir: string) => listedStatus(project.g, dir);
const stage = (args: string[]) => stageRun(project.g, args);

const allDead = (pids: number[]) => pids.every((pid) => !isAlive(pid));
const lines = lineCount;

describe("the supervising guild dies", () => {
  for (const [name, kill] of [
    ["SIGKILL of its process group", killGroup],
    ["SIGKILL of guild alone", (c: ChildProcess) => c.kill("SIGKILL")],
  ] as const) {
    test(`${name}: the run's processes die with it and the run reads terminated`, LIMIT, async () => {
      const job = startJob(["run", "tree.py", "-y"]);
      const run = await waitFor("the run", () => runDirsOf(p.home, "tree.py").find((d) => treePids(d)));
      const { op, child } = treePids(run) ?? { op: 0, child: 0 };
      await waitFor("its output", () => existsSync(join(run, ".guild", "output")) && readFileSync(join(run, ".guild", "output"), "utf8") === "ready\n");
      kill(job.child);
      await job.exited;
      await waitFor("the operation and its child to die", () => allDead([op, child]), 10_000);
      assert.equal(await statusOf(run), "terminated");
      assert.equal(readFileSync(join(run, ".guild", "output"), "utf8"), "ready\n");
    });
  }

  test("a queue's group killed while its run works: the work is cut short, not finished behind its back, and never run again", LIMIT, async () => {
    const run = await stage(["append.py", "seconds=3"]);
    const queue = startJob(["run", "queue", "poll-interval=1", "-y"]);
    await waitFor("the run to start working", () => lines(join(run, "starts")) === 1);
    const gate = await waitFor("its LOCK", () => lockPid(run));
    killGroup(queue.child);
    await queue.exited;
    await waitFor("the operation to die", () => !isAlive(gate), 10_000);
    assert.equal(lines(join(run, "work.log")), 0);
    assert.equal(await statusOf(run), "terminated");
    // A later queue leaves the terminated run alone.
    const again = await guild(["run", "queue", "run-once=yes", "-y"], g);
    assert.equal(again.exitCode, 0, again.stderr);
    assert.equal(lines(join(run, "starts")), 1);
  });

  test("a queue's group killed while a batch it started runs: the batch's guild and its trial stop too", LIMIT, async () => {
    const batch = await stage(["tree.py", "seconds=[300,301]"]);
    const queue = startJob(["run", "queue", "poll-interval=1", "-y"]);
    const trial = await waitFor("a trial", () => runDirsOf(p.home, "tree.py").find((d) => treePids(d)));
    const { op, child } = treePids(trial) ?? { op: 0, child: 0 };
    const batchGuild = await waitFor("the batch's LOCK", () => lockPid(batch));
    killGroup(queue.child);
    await queue.exited;
    await waitFor("the batch's guild and its trial to stop", () => allDead([batchGuild, op, child]), 15_000);
    assert.deepEqual(await listedStatuses(project.g, [batch, trial]), ["terminated", "terminated"]);
  });
});

describe("exit codes after a signal", () => {
  const CASES: [string, string[], NodeJS.Signals, number][] = [
    ["a run, Ctrl-C", ["run", "tree.py", "-y"], "SIGINT", 130],
    ["a run, SIGTERM", ["run", "tree.py", "-y"], "SIGTERM", 143],
    ["a batch, SIGTERM", ["run", "tree.py", "seconds=[300,301]", "-y"], "SIGTERM", 143],
    ["a queue, Ctrl-C", ["run", "queue", "poll-interval=1", "-y"], "SIGINT", 130],
  ];
  for (const [name, args, signal, want] of CASES) {
    test(name, LIMIT, async () => {
      const job = startJob(args);
      if (args[1] === "queue") await waitFor("the queue to wait", () => job.output().includes("Waiting for staged runs"));
      else await waitFor("the run to start", () => runDirsOf(p.home, "tree.py").find((d) => treePids(d)));
      job.child.kill(signal);
      assert.equal(await job.exited, want, job.output());
      // Every run that started reads terminated (a batch's later trials stay staged).
      const started = runDirsOf(p.home, args[1] === "queue" ? "queue" : "tree.py").filter((d) => args[1] === "queue" || treePids(d));
      assert.ok(started.length > 0);
      assert.deepEqual(await listedStatuses(project.g, started), started.map(() => "terminated"));
    });
  }
});
