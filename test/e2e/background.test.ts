/**
 * `guild run --background` / `--pidfile`, and stopping runs: the detached
 * run is listed as running, a "no" at the stop and delete prompts leaves it
 * running, `guild stop` ends it `terminated` with its processes gone.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { guild, type GuildEnv } from "../helpers/guild-cli.js";
import { tempProject, type TempProject } from "../helpers/temp-project.js";
import { waitFor, waitForAsync } from "../helpers/wait.js";
import { session, text, type Session } from "../helpers/transcript.js";

const prompt = (t: string) => t.replace(/\n$/, "");

function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return !/^\S+ \(.*\) [ZX] /.test(stat);
  } catch {
    return false;
  }
}

describe("background runs and stop", () => {
  let p: TempProject;
  let g: GuildEnv;
  let s: Session;
  before(() => {
    p = tempProject("fixtures/projects/manage");
    g = { cwd: p.cwd, home: p.home };
    s = session(g, [p.root]);
  });
  after(async () => {
    await guild(["stop", "-y", "--force", "--timeout", "5"], g);
    p.cleanup();
  });

  const status = async () => (await guild(["runs"], g)).stdout;

  test("--background starts a detached run; guild stop ends it terminated", async () => {
    const started = await guild(["run", "sleep.py", "--background", "-y"], g);
    assert.equal(started.exitCode, 0);
    const m = /^sleep\.py started in background as ([0-9a-f]{32}) \(pidfile (\/\S+\/guild-pid-\w+)\)\n$/.exec(started.stderr);
    assert.ok(m, started.stderr);
    assert.equal(started.stdout, "");
    const [, runId = "", pidfile = ""] = m;
    const guildPid = Number(readFileSync(pidfile, "utf8"));
    assert.ok(isAlive(guildPid), "the detached guild process runs");
    await waitForAsync("the run to be running", async () => /  running  /.test(await status()));
    const lock = join(p.home, "runs", runId, ".guild", "LOCK");
    const opPid = Number.parseInt(readFileSync(lock, "utf8"), 10);
    assert.ok(isAlive(opPid));

    assert.equal(
      await s.run(["runs", "stop"], "n\n"),
      prompt(text`
        WARNING: You are about to stop the following runs:
          [~1~]  sleep.py  <time>  running  seconds=60
        Stop 1 run(s)? (y/N) |
      `),
    );
    assert.equal(
      await s.run(["runs", "rm", "1"], "y\nn\n"),
      prompt(text`
        You are about to delete the following runs:
          [~1~]  sleep.py  <time>  running  seconds=60
        Delete 1 run(s)? (Y/n) WARNING: one or more runs are still running and will be stopped before being deleted.
        Really delete these runs? (y/N) |
      `),
    );
    assert.ok(isAlive(opPid), "a 'no' leaves the run running");
    assert.match(await status(), /  running  /);

    assert.equal(await s.run(["stop", "-y"]), `Stopping ~1~ (pid ${opPid})\n`);
    assert.ok(!isAlive(opPid), "the operation process is gone");
    assert.equal(await s.run(["runs"]), "[1:~1~]  sleep.py  <time>  terminated  seconds=60\n");
    const info = await s.run(["runs", "info"]);
    assert.match(info, /\nstatus: terminated\n[^]*\nexit_status: -15\npid: \n/);
    await waitFor("the detached guild process to exit", () => !isAlive(guildPid));
    await waitFor("the pidfile to be removed", () => !existsSync(pidfile));
    assert.equal(await s.run(["stop", "-y"]), "Nothing to stop.\n");
  });

  test("stopping one run leaves the others running", async () => {
    const idOf = (stderr: string) => /as ([0-9a-f]{32})/.exec(stderr)?.[1] ?? "?";
    const a = idOf((await guild(["run", "sleep.py", "--background", "-y"], g)).stderr);
    const b = idOf((await guild(["run", "sleep.py", "--background", "-y"], g)).stderr);
    const running = async () => (await guild(["runs", "--running", "--json"], g)).stdout;
    await waitForAsync("both runs to be running", async () => (JSON.parse(await running()) as unknown[]).length === 2);
    const stopped = await guild(["stop", "-y", b.slice(0, 8)], g);
    assert.match(stopped.stdout, new RegExp(`^Stopping ${b} \\(pid \\d+\\)\n$`));
    const runs = JSON.parse((await guild(["runs", "--json"], g)).stdout) as { id: string; status: string }[];
    assert.equal(runs.find((r) => r.id === b)?.status, "terminated");
    assert.equal(runs.find((r) => r.id === a)?.status, "running");
    assert.match((await guild(["stop", "-y"], g)).stdout, new RegExp(`^Stopping ${a} `));
    assert.equal(JSON.parse(await running()).length, 0);
  });

  test("--pidfile names the pidfile; the run completes on its own", async () => {
    assert.match(
      await s.run(["run", "sleep.py", "seconds=0", "--pidfile", "run.pid", "-y"]),
      /^sleep\.py started in background as ~\d+~ \(pidfile run\.pid\)\n$/,
    );
    await waitForAsync("the run to complete", async () => /^\[1:\w+\]  sleep\.py  \S+ \S+  completed +seconds=0$/m.test(await status()));
    await waitFor("the pidfile to be removed", () => !existsSync(join(p.cwd, "run.pid")));
  });

  test("a queue in the background", async () => {
    const started = await guild(["run", "queue", "run-once=yes", "-b", "-y"], g);
    // Guild 0.9.1 prints `queue:queue started in background ...`.
    assert.match(started.stderr, /^queue started in background as [0-9a-f]{32} \(pidfile \/\S+\)\n$/);
    await waitForAsync("the queue to complete", async () => /^\[1:\w+\]  queue +\S+ \S+  completed  /m.test(await status()));
  });

  test("--background cannot be used with --stage", async () => {
    assert.equal(
      await s.run(["run", "sleep.py", "--stage", "--background", "-y"]),
      text`
        guild: --stage and --background cannot both be used
        Try 'guild run --help' for more information.
        <exit 1>
      `,
    );
    assert.equal(
      await s.run(["run", "sleep.py", "--stage", "--pidfile", "x.pid", "-y"]),
      text`
        guild: --stage and --pidfile cannot both be used
        Try 'guild run --help' for more information.
        <exit 1>
      `,
    );
  });
});
