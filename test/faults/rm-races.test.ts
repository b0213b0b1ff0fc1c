/**
 * Item 3 of issue 10: `runs rm` and `runs purge` claim a staged run before
 * moving it (the claim queues use), so a run is deleted or started, never
 * both; runs a live process holds are left alone and reported; a queue
 * treats a run that vanished as deleted.
 */
import { beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, renameSync } from "node:fs";
import { join } from "node:path";
import { guild, startGuildIn, type GuildEnv } from "../helpers/guild-cli.js";
import { claimName, isAlive, listedRuns, shortIdOf, signalPid } from "../helpers/runs.js";
import type { TempProject } from "../helpers/temp-project.js";
import { lineCount, useFaultProject } from "../helpers/fault-project.js";
import { waitFor } from "../helpers/wait.js";

const holders: ChildProcess[] = [];
const project = useFaultProject("fixtures/projects/crash", () => {
  for (const h of holders.splice(0)) if (h.pid && isAlive(h.pid)) signalPid(h.pid, "SIGKILL");
});
let p: TempProject;
let g: GuildEnv;
beforeEach(() => ({ p, g } = project));

const LIMIT = { timeout: 180_000 };

async function stageTrials(n: number): Promise<string[]> {
  const values = Array.from({ length: n }, (_, i) => i + 1).join(",");
  const res = await guild(["run", "work.py", `n=[${values}]`, "--stage-trials", "-y"], g);
  assert.equal(res.exitCode, 0, res.stderr);
  return [...res.stdout.matchAll(/staged as ([0-9a-f]{32})/g)].map((m) => join(p.home, "runs", m[1] ?? ""));
}

/** A live process that is neither guild nor its parent, to hold a claim. */
function liveHolder(): number {
  const child = spawn("sleep", ["120"], { stdio: "ignore" });
  holders.push(child);
  return child.pid as number;
}

const lines = lineCount;

describe("runs rm and purge leave held runs alone", () => {
  for (const [name, rmArgs] of [
    ["runs rm", ["runs", "rm", "-y"]],
    ["runs rm --permanent", ["runs", "rm", "-p", "-y"]],
  ] as const) {
    test(`${name}: a staged run claimed by a live process is skipped, said, and not counted`, LIMIT, async () => {
      const [held = "", free = ""] = await stageTrials(2);
      renameSync(join(held, ".guild", "STAGED"), join(held, ".guild", claimName(liveHolder())));
      const res = await guild([...rmArgs, shortIdOf(held), shortIdOf(free)], g);
      assert.equal(res.exitCode, 0, res.stderr);
      assert.match(res.stdout, /deleted 1 run\(s\)\n$/i);
      assert.equal(res.stderr, `WARNING: run ${held.split("/").pop()} is held by a running process (being started or running): not deleted\n`);
      assert.equal(existsSync(held), true);
      assert.equal(existsSync(free), false);
    });
  }

  test("a deleted staged run reads staged in the trash and once restored, and a queue then runs it once", LIMIT, async () => {
    const [run = ""] = await stageTrials(1);
    assert.equal((await guild(["runs", "rm", "-y"], g)).exitCode, 0);
    const trashed = (await listedRunsDeleted()).find((r) => r.includes(shortIdOf(run)));
    assert.match(trashed ?? "", /staged/);
    assert.equal((await guild(["runs", "restore", "-y"], g)).exitCode, 0);
    assert.equal((await listedRuns(g)).find((r) => r.sid === shortIdOf(run))?.status, "staged");
    const queue = await guild(["run", "queue", "run-once=yes", "-y"], g);
    assert.equal(queue.exitCode, 0, queue.stderr);
    assert.equal(lines(join(run, "starts")), 1);
  });

  test("runs purge skips a trashed run a live process holds", LIMIT, async () => {
    const [held = "", free = ""] = await stageTrials(2);
    assert.equal((await guild(["runs", "rm", "-y", shortIdOf(held), shortIdOf(free)], g)).exitCode, 0);
    const heldInTrash = join(p.home, "trash", "runs", held.split("/").pop() ?? "");
    renameSync(join(heldInTrash, ".guild", "STAGED"), join(heldInTrash, ".guild", claimName(liveHolder())));
    const res = await guild(["runs", "purge", "-y"], g);
    assert.equal(res.exitCode, 0, res.stderr);
    assert.match(res.stdout, /Permanently deleted 1 run\(s\)\n$/);
    assert.match(res.stderr, /is held by a running process/);
    assert.equal(existsSync(heldInTrash), true);
    assert.equal(existsSync(join(p.home, "trash", "runs", free.split("/").pop() ?? "")), false);
  });
});

async function listedRunsDeleted(): Promise<string[]> {
  const res = await guild(["runs", "--deleted", "--all"], g);
  assert.equal(res.exitCode, 0, res.stderr);
  return res.stdout.split("\n").filter(Boolean);
}

describe("runs rm racing two queues", () => {
  test("every run is deleted or run once, never both; no queue crashes; nothing in the trash ran", LIMIT, async () => {
    const runs = await stageTrials(40);
    const queues = [0, 1].map((i) => startGuildIn(p.root, ["run", "queue", "poll-interval=1", "-y"], g, `queue-${i}`));
    await waitFor("a queue to start a run", () => queues.some((q) => q.output().includes("Starting staged run")));
    const rm = await guild(["runs", "rm", "-y", "--staged"], g);
    assert.equal(rm.exitCode, 0, rm.stderr);
    const live = () => runs.filter((d) => existsSync(d));
    await waitFor("every run left to finish", () => live().every((d) => existsSync(join(d, ".guild", "attrs", "exit_status"))), 120_000);
    for (const q of queues) q.child.kill("SIGTERM");
    for (const q of queues) await q.exited;
    for (const q of queues) assert.doesNotMatch(q.output(), /internal error|\n +at |ERROR/, q.output());
    const trash = join(p.home, "trash", "runs");
    const trashed = existsSync(trash) ? readdirSync(trash).map((id) => join(trash, id)) : [];
    assert.equal(trashed.length + live().length, runs.length);
    for (const d of trashed) assert.equal(lines(join(d, "starts")), 0, `${d} was deleted after it started`);
    for (const d of live()) assert.equal(lines(join(d, "starts")), 1, `${d} ran ${lines(join(d, "starts"))} times`);
    const statuses = await listedRuns(g);
    for (const d of live()) assert.equal(statuses.find((r) => r.sid === shortIdOf(d))?.status, "completed");
  });
});
