/**
 * Queue flags [§7.2]: `wait-for-running` (no start while other runs run;
 * queues do not count), `gpus` (GPU-spec matching with its log line, and
 * CUDA_VISIBLE_DEVICES for each run it starts), and bad flag values.
 */
import { afterEach, beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { guild, startGuildIn, type GuildEnv } from "../helpers/guild-cli.js";
import { killLeftovers, listedRuns, runDirsOf, runIds, shortIdOf, treePids } from "../helpers/runs.js";
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

const LIMIT = { timeout: 120_000 };

/** Starts guild in the background, its output to a file. */
function startGuild(args: string[], name = "guild") {
  return startGuildIn(p.root, args, g, name);
}

const LOG = (text: string) => new RegExp(`^INFO: \\[queue\\] \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d ${text}$`, "m");

describe("wait-for-running", () => {
  test("queues wait while another run runs (other queues do not count), then start the run once", LIMIT, async () => {
    const busy = startGuild(["run", "tree.py", "-y"], "busy");
    const busyDir = await waitFor("the busy run", () => runDirsOf(p.home, "tree.py").find((d) => treePids(d)));
    const staged = await guild(["run", "work.py", "--stage", "-y"], g);
    const stagedId = /staged as ([0-9a-f]{32})/.exec(staged.stdout)?.[1] ?? "?";
    const queues = [1, 2].map((i) => startGuild(["run", "queue", "wait-for-running=yes", "poll-interval=1", "-y"], `queue${i}`));
    const waiting = LOG(`Found staged run ${stagedId.slice(0, 8)} \\(waiting for runs to finish: ${shortIdOf(busyDir)}\\)`);
    for (const q of queues) await waitFor("the queue to wait", () => waiting.test(q.output()));
    // A few polls later, still waiting: nothing started. A quiet window is the point: the
    // queue logs its wait once and then polls silently, so no event marks "a few polls
    // later". A slow machine can only make the check weaker, never make it fail.
    await new Promise((r) => setTimeout(r, 2500));
    assert.equal(existsSync(join(p.home, "runs", stagedId, "starts")), false);
    busy.child.kill("SIGTERM");
    await busy.exited;
    await waitFor("the staged run to finish", () => existsSync(join(p.home, "runs", stagedId, ".guild", "attrs", "exit_status")));
    for (const q of queues) {
      q.child.kill("SIGTERM");
      await q.exited;
    }
    const starts = queues.map((q) => (q.output().match(new RegExp(`Starting staged run ${stagedId}`, "g")) ?? []).length);
    assert.equal(starts[0]! + starts[1]!, 1, "exactly one queue started it");
    assert.equal(readFileSync(join(p.home, "runs", stagedId, "starts"), "utf8"), "start\n");
    for (const q of queues) assert.equal(q.output().match(waiting)?.length, 1, "the wait is logged once");
  });
});

describe("gpus", () => {
  test("two gpus queues split a sweep; each run sees its queue's CUDA_VISIBLE_DEVICES", LIMIT, async () => {
    // The run staged with --gpus 1 is there first: the gpus=0 queue must
    // pass it over (and say so), the gpus=1 queue start it.
    const pinned = await guild(["run", "show_gpus.py", "n=7", "--gpus", "1", "--stage", "-y"], g);
    const pinnedId = /staged as ([0-9a-f]{32})/.exec(pinned.stdout)?.[1] ?? "?";
    const start = (gpu: string) => ({ gpu, ...startGuild(["run", "queue", `gpus=${gpu}`, "poll-interval=1", "-y"], `gpu${gpu}`) });
    const queues = [start("0")];
    const mismatch = LOG(`Ignorning staged run ${pinnedId} \\(GPU spec mismatch: run is 1, queue is 0\\)`);
    await waitFor("the gpus=0 queue to pass the pinned run over", () => mismatch.test(queues[0]!.output()));
    queues.push(start("1"));
    for (const q of queues) await waitFor("the queue to wait", () => LOG("Waiting for staged runs").test(q.output()));
    // Runs of a second each: both queues get some of the sweep.
    const sweep = await guild(["run", "show_gpus.py", "n=[1,2,3,4,5,6]", "seconds=1", "--stage-trials", "-y"], g);
    assert.equal(sweep.exitCode, 0, sweep.stderr);
    const runs = () => runDirsOf(p.home, "show_gpus.py");
    const finished = (d: string) => existsSync(join(d, ".guild", "attrs", "exit_status"));
    await waitFor("all seven runs to finish", () => runs().length === 7 && runs().every(finished), 90_000);
    for (const q of queues) {
      q.child.kill("SIGTERM");
      await q.exited;
    }
    const startedBy = new Map<string, string>();
    for (const q of queues) {
      for (const m of q.output().matchAll(/Starting staged run ([0-9a-f]{32})/g)) startedBy.set(m[1] ?? "", q.gpu);
    }
    for (const dir of runs()) {
      const id = dir.split("/").pop() ?? "";
      assert.match(outputOf(dir), new RegExp(`sees CUDA_VISIBLE_DEVICES=${startedBy.get(id)}\\n$`), `run ${id}`);
    }
    assert.equal(startedBy.get(pinnedId), "1", "the run staged with --gpus 1 went to the gpus=1 queue");
    assert.equal(queues[0]!.output().match(new RegExp(mismatch.source, "gm"))?.length, 1, "the mismatch is logged once");
    assert.match(queues[0]!.output(), /^Masking available GPUs \(CUDA_VISIBLE_DEVICES='0'\)$/m);
    const counts = ["0", "1"].map((gpu) => [...startedBy.values()].filter((v) => v === gpu).length);
    assert.ok(counts.every((c) => c > 0), `both queues took runs: ${counts.join(", ")}`);
    assert.equal(counts[0]! + counts[1]!, 7);
    const statuses = (await listedRuns(g)).filter((r) => r.op === "show_gpus.py").map((r) => r.status);
    assert.deepEqual(statuses, Array(7).fill("completed"));
  });
});

function outputOf(dir: string): string {
  try {
    return readFileSync(join(dir, ".guild", "output"), "utf8");
  } catch {
    return "";
  }
}

describe("bad queue flags", () => {
  const CASES: [string, string][] = [
    ["poll-interval=abc", "guild: invalid value abc for poll-interval: invalid value for type 'int'\n"],
    ["poll-interval=1.5", "guild: invalid value 1.5 for poll-interval: invalid value for type 'int'\n"],
    ["poll-interval=-1", "guild: invalid value -1 for poll-interval: out of range (less than min 0)\n"],
    ["poll-interval=[1,-2]", "guild: invalid value -2 for poll-interval: out of range (less than min 0)\n"],
  ];
  for (const [arg, stderr] of CASES) {
    test(arg, LIMIT, async () => {
      const res = await guild(["run", "queue", arg, "-y"], g);
      assert.deepEqual([res.stderr, res.stdout, res.exitCode], [stderr, "", 1]);
      assert.deepEqual(runIds(p.home), []);
    });
  }
});
