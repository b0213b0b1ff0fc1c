/**
 * The distributed stress test: simulated hosts (PID + UTS namespaces, see
 * helpers/hosts.ts), each running queue workers on one Redis broker, drain
 * a staged sweep from one shared store. Mid-sweep one whole host is killed
 * (every process in it, SIGKILL) and Redis is restarted once (without
 * persistence: every job is lost, and the workers' reconciling must bring
 * back what is still staged).
 *
 * Checked from each trial's own side effects (`starts`, `completions` in its
 * run dir): every trial completed exactly once; a trial started twice was
 * lost with the dead host and started again once (`retry-lost=1`, recorded
 * in its `retry_lost_attempt` attr); nothing is left pending, running or
 * staged; the dead host's runs stop reading `running` within lease + poll
 * interval (plus a margin for a loaded machine); Guild AI, when installed,
 * lists every run.
 *
 * `npm run test:stress-hosts` runs it (scripts/stress-hosts.mjs).
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { guild, type GuildEnv } from "../helpers/guild-cli.js";
import { startHost, type SimulatedHost } from "../helpers/hosts.js";
import { startRedis } from "../helpers/redis.js";
import { listedRuns, runDirsOf } from "../helpers/runs.js";
import { tempProject } from "../helpers/temp-project.js";
import { waitFor, waitForAsync } from "../helpers/wait.js";

export interface HostsStressOptions {
  hosts: number;
  workersPerHost: number;
  trials: number;
  leaseSeconds: number;
  pollSeconds: number;
  timeoutMs: number;
  log: (line: string) => void;
}

export interface HostsStressReport {
  trials: number;
  retriedAfterHostDeath: number;
  workDoneBeforeHostDied: number;
  lostBeforeWorkStarted: number;
  deadHostDetectedMs: number;
  guildAiListed: number | "not installed";
}

const REF_GUILD = "/work/ref-guild/bin/guild";
const DETECTION_MARGIN_MS = 10_000;

function lines(path: string): number {
  return existsSync(path) ? readFileSync(path, "utf8").split("\n").filter(Boolean).length : 0;
}

function attr(dir: string, name: string): string | undefined {
  const path = join(dir, ".guild", "attrs", name);
  return existsSync(path) ? readFileSync(path, "utf8").trim() : undefined;
}

export async function runHostsStress(o: HostsStressOptions): Promise<HostsStressReport> {
  const p = tempProject("fixtures/projects/stress");
  const redis = await startRedis();
  const g: GuildEnv = { cwd: p.cwd, home: p.home, env: { GUILD_BROKER: redis.url, GUILD_LEASE: String(o.leaseSeconds) } };
  const hosts: SimulatedHost[] = [];
  try {
    const n = Array.from({ length: o.trials }, (_, i) => i + 1).join(",");
    const staged = await guild(["run", "trial", `n=[${n}]`, "--stage-trials", "-y"], g);
    assert.equal(staged.exitCode, 0, staged.stderr);
    const worker = ["run", "queue", `poll-interval=${o.pollSeconds}`, "retry-lost=1", "-y"];
    for (let h = 1; h <= o.hosts; h++) hosts.push(startHost(`host-${h}`, p.root, Array(o.workersPerHost).fill(worker), g));
    o.log(`${o.trials} trials staged; ${o.hosts} hosts x ${o.workersPerHost} workers started`);
    const trials = () => runDirsOf(p.home, "trial");
    const completed = () => trials().filter((d) => lines(join(d, "completions")) > 0).length;
    const deadline = { timeoutMs: o.timeoutMs };

    await waitFor("a third of the trials", () => completed() >= o.trials / 3, deadline.timeoutMs);
    const victim = hosts[0] as SimulatedHost;
    const victimRuns = () => trials().filter((d) => attr(d, "host")?.includes(victim.name) && lines(join(d, "completions")) === 0);
    const killedAt = Date.now();
    victim.kill();
    await victim.exited;
    o.log(`killed ${victim.name} with ${completed()} trials completed`);
    const detected = waitForAsync(
      "the dead host's runs to stop reading running",
      async () => {
        const ids = new Set(victimRuns().map((d) => d.split("/").pop()?.slice(0, 8)));
        const rows = await listedRuns(g);
        return !rows.some((r) => ids.has(r.sid) && r.status === "running") && Date.now();
      },
      deadline.timeoutMs,
    );

    await waitFor("half of the trials", () => completed() >= o.trials / 2, deadline.timeoutMs);
    await redis.restart();
    o.log(`restarted Redis with ${completed()} trials completed`);
    const detectedMs = (await detected) - killedAt;
    o.log(`dead host's runs detected after ${detectedMs} ms`);
    // Lease + poll interval, plus a margin for `guild runs` itself on a loaded machine.
    assert.ok(detectedMs <= (o.leaseSeconds + o.pollSeconds) * 1000 + DETECTION_MARGIN_MS, `detected after ${detectedMs} ms`);

    await waitFor("every trial to complete", () => completed() === o.trials, deadline.timeoutMs);
    for (const h of hosts.slice(1)) h.terminate();
    await Promise.all(hosts.map((h) => h.exited));
    o.log("all trials completed; workers stopped");
    return { ...checkSideEffects(trials(), o.trials), deadHostDetectedMs: detectedMs, guildAiListed: guildAiCount(g, o.trials), ...(await checkStatuses(g)) };
  } finally {
    for (const h of hosts) h.kill();
    await Promise.all(hosts.map((h) => h.exited));
    await redis.stop();
    p.cleanup();
  }
}

/**
 * A trial started twice must have been lost once (its host died under it)
 * and started again once. It may then have completed twice: its host died
 * after its work was done but before its exit was recorded (Guarantees:
 * such a run reads `terminated`), counted apart. A trial started once may
 * still carry one retry: taken for lost before its work started, it was
 * retried once and its work ran once, which is what counts.
 */
function checkSideEffects(dirs: string[], trials: number) {
  assert.equal(dirs.length, trials);
  let retried = 0;
  let workDoneBeforeHostDied = 0;
  let lostBeforeWorkStarted = 0;
  for (const dir of dirs) {
    const starts = lines(join(dir, "starts"));
    const completions = lines(join(dir, "completions"));
    const attempt = attr(dir, "retry_lost_attempt");
    if (starts === 2) {
      assert.equal(attempt, "1", `${dir}: started twice, so lost once and retried`);
      assert.ok(completions === 1 || completions === 2, `${dir}: completed after its retry`);
      retried += 1;
      if (completions === 2) workDoneBeforeHostDied += 1;
    } else {
      assert.deepEqual([starts, completions], [1, 1], `${dir}: started and completed once`);
      assert.ok(attempt === undefined || attempt === "1", `${dir}: retried at most once (attempt ${attempt})`);
      if (attempt === "1") lostBeforeWorkStarted += 1;
    }
  }
  return { trials, retriedAfterHostDeath: retried, workDoneBeforeHostDied, lostBeforeWorkStarted };
}

async function checkStatuses(g: GuildEnv): Promise<Record<string, never>> {
  const rows = await listedRuns(g);
  const left = rows.filter((r) => r.op !== "queue" && r.status !== "completed");
  assert.deepEqual(left, [], "every run but the queues completed");
  return {};
}

/** Guild AI lists the store (runs made through the broker are ordinary runs). */
function guildAiCount(g: GuildEnv, trials: number): number | "not installed" {
  if (!existsSync(REF_GUILD)) return "not installed";
  const res = spawnSync(REF_GUILD, ["runs", "--all", "-Fo", "trial"], { env: { ...process.env, GUILD_HOME: g.home }, cwd: g.cwd, encoding: "utf8" });
  const listed = res.stdout.split("\n").filter((l) => /^\[\d+:/.test(l)).length;
  assert.equal(listed, trials, `Guild AI lists every trial:\n${res.stdout}${res.stderr}`);
  return listed;
}
