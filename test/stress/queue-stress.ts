/**
 * The queue stress test: several queues in poll mode drain staged trials
 * while queues are killed with SIGKILL at random moments and replaced.
 * Trials a killed queue was running end `terminated`; as a user would, the
 * test stages again those that had not completed (`guild run --start ID
 * --stage`). At the end every trial has completed exactly once, counted
 * from the files each trial writes in its own run directory, every start is
 * accounted for (one, plus one per re-stage: no queue ever started a trial
 * twice), and no run is left running, pending or staged.
 *
 * Then a round that kills a queue's whole process group while its run
 * works (group-kill-round.ts). Every failure names the seed, to replay it.
 *
 * `npm run test:stress` runs it at full size (scripts/stress-queues.mjs);
 * the e2e suite runs it small.
 */
import assert from "node:assert/strict";
import type { ChildProcess } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { runStatus } from "../../src/core/store/status.js";
import { exitOf, guild, spawnGuild, type GuildEnv } from "../helpers/guild-cli.js";
import { killLeftovers, listedRuns } from "../helpers/runs.js";
import { tempProject } from "../helpers/temp-project.js";
import { groupKillRound } from "./group-kill-round.js";
import { seededRandom } from "../helpers/seeded-random.js";

export interface StressOptions {
  trials: number;
  queues: number;
  /** Queues killed with SIGKILL over the run, spread over its progress. */
  kills: number;
  /** Rounds that kill a queue's whole process group while its run works. */
  groupKills?: number;
  seed: number;
  timeoutMs: number;
  log?: (line: string) => void;
}

export interface StressReport {
  trials: number;
  queuesStarted: number;
  kills: number;
  /** Trials staged again after their queue was killed under them. */
  restaged: number;
  /** Trials that completed their work though their queue died (`terminated`). */
  completedOrphans: number;
  /** Process-group kills that caught a run while it worked. */
  groupKills: number;
  seconds: number;
}

interface Queue {
  child: ChildProcess;
  exited: Promise<number>;
  done: boolean;
}

export async function runQueueStress(o: StressOptions): Promise<StressReport> {
  try {
    return await stress(o);
  } catch (e) {
    if (e instanceof Error) e.message = `(seed ${o.seed}) ${e.message}`;
    throw e;
  }
}

async function stress(o: StressOptions): Promise<StressReport> {
  const log = o.log ?? (() => {});
  const random = seededRandom(o.seed);
  const p = tempProject("fixtures/projects/stress");
  const g: GuildEnv = { cwd: p.cwd, home: p.home };
  const queues: Queue[] = [];
  const started = Date.now();
  try {
    const trials = await stageTrials(g, o.trials);
    log(`staged ${trials.length} trials; starting ${o.queues} queues`);
    const startQueue = () => {
      const fd = openSync(join(p.root, `queue-${queues.length}.out`), "w");
      const child = spawnGuild(["run", "queue", "poll-interval=1", "-y"], g, fd);
      const q: Queue = { child, exited: exitOf(child).finally(() => closeSync(fd)), done: false };
      void q.exited.then(() => (q.done = true));
      queues.push(q);
    };
    for (let i = 0; i < o.queues; i++) startQueue();

    const restages = new Map<string, number>();
    let kills = 0;
    let nextKillAt = killThreshold(1, o) + Math.floor(random() * 3);
    for (;;) {
      if (Date.now() - started > o.timeoutMs) throw new Error(`stress: timed out (seed ${o.seed}): ${progress(trials)}`);
      const completed = trials.filter((t) => count(t, "completions") > 0).length;
      if (kills < o.kills && completed >= Math.min(nextKillAt, trials.length)) {
        await sleep(random() * 300);
        const live = queues.filter((q) => !q.done);
        const victim = live[Math.floor(random() * live.length)];
        victim?.child.kill("SIGKILL");
        if (victim) await victim.exited;
        kills++;
        log(`killed a queue at ${completed}/${trials.length} completed (${kills}/${o.kills})`);
        startQueue();
        nextKillAt = killThreshold(kills + 1, o) + Math.floor(random() * 3);
      }
      for (const t of trials) {
        // Its queue died under it (or while starting it) before it
        // completed: stage it again.
        // Status first: once terminated, nothing runs that could still complete it.
        if (runStatus(t) === "terminated" && count(t, "completions") === 0) {
          const res = await guild(["run", "--start", t, "--stage", "-y"], g);
          assert.equal(res.exitCode, 0, `re-staging ${t}: ${res.stderr}`);
          restages.set(t, (restages.get(t) ?? 0) + 1);
          log(`staged ${t.slice(-32, -24)} again`);
        }
      }
      if (kills >= o.kills && trials.every((t) => count(t, "completions") > 0 && settled(t))) break;
      await sleep(100);
    }
    for (const q of queues) q.child.kill("SIGTERM");
    await Promise.all(queues.map((q) => q.exited));

    // Completed exactly once; started at most once per staging (a queue
    // killed while creating the process leaves a run that never started).
    for (const t of trials) {
      const why = () => trialHistory(p.root, t, restages.get(t) ?? 0);
      assert.equal(count(t, "completions"), 1, `completions of ${t}\n${why()}`);
      const starts = count(t, "starts");
      assert.ok(starts >= 1 && starts <= 1 + (restages.get(t) ?? 0), `${t} started ${starts} times\n${why()}`);
    }
    const listed = await listedRuns(g);
    const statuses = listed.map((r) => `${r.op} ${r.status}`);
    const bad = listed.filter((r) => /running|pending|staged/.test(r.status));
    assert.deepEqual(bad.map((r) => describeRun(g.home, r.sid)), [], "no run is left running, pending or staged");
    assert.equal(statuses.filter((s) => s.startsWith("trial ")).length, o.trials);
    const orphans = trials.filter((t) => runStatus(t) === "terminated").length;
    const groupKills = await groupKillRound(g, p.root, o.groupKills ?? 0, random, log);
    return {
      trials: trials.length,
      queuesStarted: queues.length,
      kills,
      restaged: [...restages.values()].reduce((a, b) => a + b, 0),
      completedOrphans: orphans,
      groupKills,
      seconds: Math.round((Date.now() - started) / 100) / 10,
    };
  } finally {
    for (const q of queues) if (!q.done) q.child.kill("SIGKILL");
    await Promise.all(queues.map((q) => q.exited));
    killLeftovers(p.home);
    p.cleanup();
  }
}

/** Stages the trials with one batch; returns their run dirs. */
async function stageTrials(g: GuildEnv, n: number): Promise<string[]> {
  const values = Array.from({ length: n }, (_, i) => i + 1).join(",");
  const res = await guild(["run", "trial", `n=[${values}]`, "--stage-trials", "-y"], g);
  assert.equal(res.exitCode, 0, res.stderr);
  const ids = [...res.stdout.matchAll(/staged as ([0-9a-f]{32})/g)].map((m) => m[1] ?? "");
  assert.equal(ids.length, n);
  return ids.map((id) => join(g.home, "runs", id));
}

/** Kill k happens once this many trials have completed. */
function killThreshold(k: number, o: StressOptions): number {
  return Math.floor((k * o.trials) / (o.kills + 1));
}

function count(dir: string, file: string): number {
  const path = join(dir, file);
  return existsSync(path) ? readFileSync(path, "utf8").split("\n").filter(Boolean).length : 0;
}

/** Finished one way or the other: nothing more will happen to it. */
function settled(dir: string): boolean {
  const status = runStatus(dir);
  return status === "completed" || status === "terminated";
}

function progress(trials: readonly string[]): string {
  const by: Record<string, number> = {};
  for (const t of trials) by[runStatus(t)] = (by[runStatus(t)] ?? 0) + 1;
  return JSON.stringify(by);
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}


/** What a run's markers say, for a failure message. */
function describeRun(home: string, sid: string): string {
  const id = readdirSync(join(home, "runs")).find((n) => n.startsWith(sid)) ?? sid;
  const guildDir = join(home, "runs", id, ".guild");
  const markers = existsSync(guildDir) ? readdirSync(guildDir).filter((n) => /^[A-Z]/.test(n)) : [];
  const lock = readOr(join(guildDir, "LOCK")).replace(/\s+/g, " ");
  const pid = Number.parseInt(lock, 10);
  const cmdline = pid > 0 ? readOr(`/proc/${pid}/cmdline`).replace(/\0/g, " ") : "";
  return `${id} markers=[${markers.join(",")}] LOCK=[${lock}] process=[${cmdline || "gone"}]`;
}

function readOr(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "";
  }
}

/** What the queues logged about a trial, for a failure message. */
function trialHistory(root: string, trial: string, restages: number): string {
  const id = trial.slice(-32);
  const lines = [`staged again ${restages} time(s); starts ${count(trial, "starts")}, completions ${count(trial, "completions")}`];
  for (const name of readdirSync(root).filter((n) => n.startsWith("queue-")).sort()) {
    const text = readFileSync(join(root, name), "utf8");
    const hits = text.split("\n").filter((l) => l.includes(id) || l.includes(id.slice(0, 8)));
    if (hits.length) lines.push(`${name}: ${hits.join(" | ")}`);
  }
  return lines.join("\n");
}
