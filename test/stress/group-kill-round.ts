/**
 * The stress test's process-group round (issue 10, item 1): a queue is
 * started as a shell starts a job (a process group of its own), and while
 * its run works the whole group is killed with SIGKILL. From the
 * operation's own side effects (`starts`, `completions` in its run dir):
 * once no process of the run is left, its work was cut short, not finished
 * behind the dead queue's back; it reads `terminated`; staged again and run
 * by another queue it completes once. Nothing that finished reads
 * `terminated`.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { runStatus } from "../../src/core/store/status.js";
import { exitOf, GUILD_BIN, guild, guildEnv, type GuildEnv } from "../helpers/guild-cli.js";
import { lockPid } from "../helpers/runs.js";
import { waitFor } from "../helpers/wait.js";

export async function groupKillRound(g: GuildEnv, outDir: string, rounds: number, random: () => number, log: (line: string) => void): Promise<number> {
  let killed = 0;
  for (let i = 0; i < rounds; i++) {
    const run = await stageWork(g, 2 + Math.round(random() * 10) / 10);
    const fd = openSync(join(outDir, `group-queue-${i}.out`), "w");
    const queue = spawn(process.execPath, [GUILD_BIN, "run", "queue", "poll-interval=1", "-y"], { cwd: g.cwd, env: guildEnv(g), stdio: ["ignore", fd, fd], detached: true });
    const exited = exitOf(queue).finally(() => closeSync(fd));
    await waitFor("the run to start working", () => count(run, "starts") === 1, 60_000);
    await new Promise((r) => setTimeout(r, random() * 500));
    const opGroup = await waitFor("its LOCK", () => lockPid(run));
    // It works for two seconds or more; a machine too slow to kill it in
    // time is said, not counted as a pass.
    const finishedFirst = count(run, "completions") > 0;
    if (queue.pid === undefined) throw new Error("the queue did not start");
    process.kill(-queue.pid, "SIGKILL");
    await exited;
    await waitFor("every process of the run to end", () => groupMembers(opGroup).length === 0, 30_000);
    if (finishedFirst) {
      log(`group round ${i}: the run finished before the kill; not counted`);
      assert.equal(runStatus(run), "completed", `a run that finished reads ${runStatus(run)}`);
      continue;
    }
    assert.equal(count(run, "completions"), 0, `${run}: its work finished after its queue's group was killed`);
    assert.equal(runStatus(run), "terminated");
    await rerun(g, run);
    killed++;
    log(`group round ${i}: killed a queue's group while its run worked; no work ran twice`);
  }
  return killed;
}

async function stageWork(g: GuildEnv, seconds: number): Promise<string> {
  const res = await guild(["run", "work", `seconds=${seconds}`, "--stage", "-y"], g);
  assert.equal(res.exitCode, 0, res.stderr);
  return join(g.home, "runs", /staged as ([0-9a-f]{32})/.exec(res.stdout)?.[1] ?? "?");
}

/** Staged again and run to the end by another queue: it completes exactly once. */
async function rerun(g: GuildEnv, run: string): Promise<void> {
  const restage = await guild(["run", "--start", run, "seconds=0", "--stage", "-y"], g);
  assert.equal(restage.exitCode, 0, restage.stderr);
  const queue = await guild(["run", "queue", "run-once=yes", "-y"], g);
  assert.equal(queue.exitCode, 0, queue.stderr);
  assert.deepEqual([count(run, "starts"), count(run, "completions"), runStatus(run)], [2, 1, "completed"]);
}

function count(dir: string, file: string): number {
  const path = join(dir, file);
  return existsSync(path) ? readFileSync(path, "utf8").split("\n").filter(Boolean).length : 0;
}

/** Live processes in process group `pgid` (from /proc; zombies are not live). */
function groupMembers(pgid: number): number[] {
  const members: number[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, "utf8");
    } catch {
      continue;
    }
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(fields[2]) === pgid && fields[0] !== "Z" && fields[0] !== "X") members.push(Number(name));
  }
  return members;
}
