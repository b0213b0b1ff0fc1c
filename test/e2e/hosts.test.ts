/**
 * One store shared by several hosts (simulated: each a PID + UTS namespace
 * with its own host name, see helpers/hosts.ts). A host never checks
 * another host's pids: a run there is judged by its heartbeat, a claim by
 * its lease, and both run out once that host is gone.
 */
import { afterEach, beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { guild, type GuildEnv } from "../helpers/guild-cli.js";
import { canSimulateHosts, guildOn, startGuildOn as startOn, type HostProcess } from "../helpers/hosts.js";
import { listedRuns, runDirsOf, shortIdOf } from "../helpers/runs.js";
import { tempProject, type TempProject } from "../helpers/temp-project.js";
import { waitFor, waitForAsync } from "../helpers/wait.js";

const skip = canSimulateHosts() ? false : "needs root and unshare to simulate hosts";
const LIMIT = { timeout: 120_000, skip };

let p: TempProject;
let g: GuildEnv;
beforeEach(() => {
  p = tempProject("fixtures/projects/crash");
  // A short lease, so a dead host is noticed quickly.
  g = { cwd: p.cwd, home: p.home, env: { GUILD_LEASE: "2" } };
});
// Hosts are killed whole: their LOCKs name pids of their own namespaces,
// which must not be signalled from here.
const hosts: HostProcess[] = [];
afterEach(async () => {
  for (const h of hosts.splice(0)) {
    h.killHost();
    await h.exited;
  }
  p.cleanup();
});

function startGuildOn(host: string, args: readonly string[]): HostProcess {
  const h = startOn(host, p.root, args, g);
  hosts.push(h);
  return h;
}

const onHost = (host: string) => (args: readonly string[], env: GuildEnv) => guildOn(host, args, env);

/** The status of each run dir as one `guild runs --all` on `host` lists them. */
async function statusesOn(host: string, dirs: readonly string[]): Promise<(string | undefined)[]> {
  const listed = await listedRuns(g, onHost(host));
  return dirs.map((dir) => listed.find((r) => r.sid === shortIdOf(dir))?.status);
}

async function statusOn(host: string, dir: string): Promise<string | undefined> {
  return (await statusesOn(host, [dir]))[0];
}

function lines(path: string): number {
  return existsSync(path) ? readFileSync(path, "utf8").split("\n").filter(Boolean).length : 0;
}

describe("runs on other hosts", () => {
  test("a run on a live host reads running elsewhere; once its host dies, terminated everywhere", LIMIT, async () => {
    const a = startGuildOn("host-a", ["run", "work.py", "seconds=120", "-y"]);
    const dir = await waitFor("the run to start", () => runDirsOf(p.home, "work.py").find((d) => lines(join(d, "starts")) === 1));
    // host-b cannot see host-a's pids: only the heartbeat says it is alive.
    assert.equal(await statusOn("host-b", dir), "running");
    assert.match(readFileSync(join(dir, ".guild", "HEARTBEAT"), "utf8"), /^host=host-a@\S+ pid=\d+ start=\d+ seq=\d+ lease=2\n$/);
    const stop = await guildOn("host-b", ["runs", "stop", "-y"], g);
    assert.match(stop.stdout, /^Run [0-9a-f]{32} is running on host host-a: stop it there\n/m, stop.stdout + stop.stderr);
    a.killHost();
    await a.exited;
    await waitForAsync("host-b to see the run terminated", async () => (await statusOn("host-b", dir)) === "terminated" || undefined);
    assert.equal((await listedRuns(g)).find((r) => r.sid === shortIdOf(dir))?.status, "terminated");
    assert.match(readFileSync(join(dir, ".guild", "attrs", "host"), "utf8"), /host-a/);
  });

  test("file queues on two hosts drain one staged sweep, each trial once", LIMIT, async () => {
    const staged = await guild(["run", "work.py", "n=[1,2,3,4,5,6]", "seconds=0.2", "--stage-trials", "-y"], g);
    assert.equal(staged.exitCode, 0, staged.stderr);
    const queue = ["run", "queue", "run-once=yes", "poll-interval=1", "-y"];
    const results = await Promise.all(["host-a", "host-b"].map((h) => guildOn(h, queue, g)));
    for (const r of results) assert.equal(r.exitCode, 0, r.stderr);
    const trials = runDirsOf(p.home, "work.py");
    assert.equal(trials.length, 6);
    for (const dir of trials) {
      assert.equal(lines(join(dir, "starts")), 1, dir);
      assert.equal(lines(join(dir, "completions")), 1, dir);
      assert.match(readFileSync(join(dir, ".guild", "attrs", "host"), "utf8"), /host-[ab]/);
    }
    const statuses = (await listedRuns(g)).filter((r) => r.op === "work.py").map((r) => r.status);
    assert.deepEqual(statuses, Array(6).fill("completed"));
    // Each run tells where it ran; `--host` lists one host's runs.
    const onA = (await guild(["runs", "--host", "host-a", "-o", "work.py"], g)).stdout.split("\n").filter(Boolean).length;
    const onB = (await guild(["runs", "--host", "host-b", "-o", "work.py"], g)).stdout.split("\n").filter(Boolean).length;
    assert.equal(onA + onB, 6);
    assert.equal((await guild(["runs", "--host", "elsewhere"], g)).stdout, "");
    const info = await guild(["runs", "info", "-o", "work.py"], g);
    assert.match(info.stdout, /\npid: \nhost: host-[ab]\n/, info.stdout);
  });

  test("trials claimed by a batch on a dead host are staged again once the lease passed, and run elsewhere", LIMIT, async () => {
    const a = startGuildOn("host-a", ["run", "work.py", "seconds=[120,0.1,0.2]", "-y"]);
    const first = await waitFor("the first trial to start", () => runDirsOf(p.home, "work.py").find((d) => lines(join(d, "starts")) === 1));
    await waitFor("all trials to be made", () => runDirsOf(p.home, "work.py").length === 3);
    const waiting = runDirsOf(p.home, "work.py").filter((d) => d !== first);
    // Claims outlive their first lease while the batch lives: wait for two leases' worth of
    // renewals of the running trial's heartbeat (six per lease), then look.
    const seq = () => Number(/seq=(\d+)/.exec(readFileSync(join(first, ".guild", "HEARTBEAT"), "utf8"))?.[1] ?? 0);
    const seq0 = seq();
    await waitFor("two leases to pass", () => seq() >= seq0 + 12);
    // One listing shows every trial's status: one `guild runs` per look, not one per trial.
    assert.deepEqual(await statusesOn("host-b", waiting), ["pending", "pending"]);
    a.killHost();
    await a.exited;
    // Once staged or terminated, a trial stays so (no queue runs here): all three at once.
    const settled = ["staged", "staged", "terminated"].join();
    await waitForAsync("the trials to be staged and the first to read terminated", async () => (await statusesOn("host-b", [...waiting, first])).join() === settled || undefined);
    const drained = await guildOn("host-b", ["run", "queue", "run-once=yes", "-y"], g);
    assert.equal(drained.exitCode, 0, drained.stderr);
    for (const dir of waiting) assert.equal(lines(join(dir, "starts")), 1, dir);
  });
});
