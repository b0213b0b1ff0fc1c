/**
 * The queue stress test at a size the suite can afford: 4 queues in poll
 * mode drain staged trials while some are killed with SIGKILL and replaced
 * (test/stress/queue-stress.ts has the checks; `npm run test:stress` runs
 * it at full size). Also the stress fixture's operation that cannot start.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { guild } from "../helpers/guild-cli.js";
import { listedRuns } from "../helpers/runs.js";
import { tempProject } from "../helpers/temp-project.js";
import { runQueueStress } from "../stress/queue-stress.js";

test("4 queues drain 40 trials while queues are killed: each trial completes exactly once", { timeout: 300_000 }, async () => {
  const seed = Math.floor(Math.random() * 1_000_000);
  const report = await runQueueStress({ trials: 40, queues: 4, kills: 4, seed, timeoutMs: 240_000 });
  assert.equal(report.kills, 4, `seed ${seed}`);
  assert.equal(report.trials, 40);
});

test("an operation whose command does not exist: a clear error, exit 127, the run recorded as failed", async () => {
  const p = tempProject("fixtures/projects/stress");
  try {
    const g = { cwd: p.cwd, home: p.home };
    const res = await guild(["run", "missing-command", "-y"], g);
    assert.deepEqual([res.stderr, res.exitCode], ["guild: cannot run no-such-command-for-guild-tests: command not found\n", 127]);
    assert.deepEqual((await listedRuns(g)).map((r) => r.status), ["error"]);
  } finally {
    p.cleanup();
  }
});
