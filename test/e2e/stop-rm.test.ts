/**
 * `guild runs stop` options and `guild runs rm` of running runs, each case on
 * real background runs: `--timeout` gives up on a process that ignores SIGTERM
 * (and says which), `--force` then kills it, `--no-wait` returns at once and
 * leaves the stop to happen, `rm -y` stops a running run before moving it to
 * the trash and counts it. No case depends on how long anything takes: a
 * process that ignores SIGTERM stays alive however long one waits.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { guild, type GuildEnv } from "../helpers/guild-cli.js";
import { isAlive, killLeftovers, lockPid, statusesBySid } from "../helpers/runs.js";
import { tempProject, type TempProject } from "../helpers/temp-project.js";
import { waitFor, waitForAsync } from "../helpers/wait.js";

interface Scene {
  p: TempProject;
  g: GuildEnv;
}

/**
 * Each case in a project of its own, so the cases can run at once (they spend
 * their time waiting on processes). Afterwards: what a failure left running is
 * killed, and the background guild processes get to record their runs' ends
 * before the dirs go (removing them under it would race it).
 */
async function inProject(body: (s: Scene) => Promise<void>): Promise<void> {
  const p = tempProject("fixtures/projects/crash");
  const g = { cwd: p.cwd, home: p.home };
  // Stops on SIGTERM (Python's default), unlike stubborn.py.
  writeFileSync(join(p.cwd, "sleepy.py"), 'import time\nprint("ready", flush=True)\ntime.sleep(60)\n');
  try {
    await body({ p, g });
  } finally {
    killLeftovers(p.home);
    await waitForAsync("runs to finish", async () => !Object.values(await statusesBySid(g)).includes("running"));
    p.cleanup();
  }
}

/** Starts `script` in the background; resolves with its run id and operation pid once it runs. */
async function startRunning({ p, g }: Scene, script: string): Promise<{ id: string; pid: number }> {
  const started = await guild(["run", script, "--background", "-y"], g);
  assert.equal(started.exitCode, 0, started.stderr);
  const id = /as ([0-9a-f]{32})/.exec(started.stderr)?.[1];
  assert.ok(id, started.stderr);
  const runDir = join(p.home, "runs", id);
  const pid = await waitFor(`${script} to run`, () => {
    const pid = lockPid(runDir);
    return pid !== undefined && pid > 1 && readyIn(runDir) ? pid : undefined;
  });
  return { id, pid };
}

// The scripts print a line once they are set up (stubborn.py after ignoring SIGTERM).
function readyIn(runDir: string): boolean {
  try {
    return readFileSync(join(runDir, ".guild", "output"), "utf8").length > 0;
  } catch {
    return false;
  }
}

const statusOf = async (g: GuildEnv, id: string) => (await statusesBySid(g))[id.slice(0, 8)];

describe("guild runs stop", { concurrency: true }, () => {
  test("--timeout gives up on a run that ignores SIGTERM, naming its process", () =>
    inProject(async (scene) => {
      const { g } = scene;
      const run = await startRunning(scene, "stubborn.py");
      const r = await guild(["runs", "stop", "-y", "--timeout", "1"], g);
      assert.equal(r.stdout, `Stopping ${run.id} (pid ${run.pid})\n`);
      // Only the operation: the gate's watcher (ours, not the run's) is neither waited for nor named.
      assert.equal(r.stderr, `guild: The following processes did not stop as expected: ${run.pid}\n`);
      assert.equal(r.exitCode, 1);
      assert.ok(isAlive(run.pid), "SIGTERM alone leaves it running");
      assert.equal(await statusOf(g, run.id), "running");
    }));

  test("--force kills what is left after the timeout; the run ends terminated", () =>
    inProject(async (scene) => {
      const { g } = scene;
      const run = await startRunning(scene, "stubborn.py");
      const r = await guild(["runs", "stop", "-y", "--force", "--timeout", "1"], g);
      assert.equal(r.stdout, `Stopping ${run.id} (pid ${run.pid})\n`);
      assert.equal(r.stderr, "");
      assert.equal(r.exitCode, 0);
      assert.ok(!isAlive(run.pid));
      assert.equal(await waitForAsync("the run to read terminated", async () => (await statusOf(g, run.id)) === "terminated" || undefined), true);
    }));

  test("--no-wait sends SIGTERM and returns without waiting for the run", () =>
    inProject(async (scene) => {
      const { g } = scene;
      const run = await startRunning(scene, "stubborn.py");
      // A wait would end in the error --timeout gives; --no-wait returns 0 with the process still there.
      const r = await guild(["runs", "stop", "-y", "--no-wait", "--timeout", "1"], g);
      assert.equal(r.stdout, `Stopping ${run.id} (pid ${run.pid})\n`);
      assert.equal(r.stderr, "");
      assert.equal(r.exitCode, 0);
      assert.ok(isAlive(run.pid));
      assert.equal(await statusOf(g, run.id), "running");
    }));

  test("--no-wait on a run that stops: it ends terminated on its own", () =>
    inProject(async (scene) => {
      const { g } = scene;
      const run = await startRunning(scene, "sleepy.py");
      const r = await guild(["runs", "stop", "-y", "-n"], g);
      assert.equal(r.exitCode, 0, r.stderr);
      await waitForAsync("the run to read terminated", async () => (await statusOf(g, run.id)) === "terminated" || undefined);
      assert.ok(!isAlive(run.pid));
    }));
});

describe("guild runs rm of running runs", { concurrency: true }, () => {
  test("-y stops a running run first, then moves it to the trash and counts it", () =>
    inProject(async (scene) => {
      const { p, g } = scene;
      writeFileSync(join(p.cwd, "quick.py"), 'print("done")\n');
      assert.equal((await guild(["run", "quick.py", "-y"], g)).exitCode, 0);
      const run = await startRunning(scene, "sleepy.py");
      const before = readdirSync(join(p.home, "runs"));
      const r = await guild(["runs", "rm", "-y", ":"], g);
      assert.equal(r.exitCode, 0, r.stderr);
      assert.match(r.stdout, new RegExp(`^Stopping ${run.id} \\(pid ${run.pid}\\)\n`));
      assert.match(r.stdout, new RegExp(`Deleted ${before.length} run\\(s\\)\n$`));
      assert.ok(!isAlive(run.pid), "the run's process was stopped");
      assert.deepEqual(existsSync(join(p.home, "runs")) ? readdirSync(join(p.home, "runs")) : [], []);
      assert.deepEqual(readdirSync(join(p.home, "trash", "runs")).sort(), [...before].sort());
    }));
});
