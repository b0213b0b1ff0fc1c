/**
 * The queue stress test at a size the suite can afford: 4 queues in poll
 * mode drain staged trials while some are killed with SIGKILL and replaced
 * (test/stress/queue-stress.ts has the checks; `npm run test:stress` runs
 * it at full size).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { runQueueStress } from "../stress/queue-stress.js";

test("4 queues drain 40 trials while queues are killed: each trial completes exactly once", { timeout: 300_000 }, async () => {
  const seed = Math.floor(Math.random() * 1_000_000);
  const report = await runQueueStress({ trials: 40, queues: 4, kills: 4, seed, timeoutMs: 240_000 });
  assert.equal(report.kills, 4, `seed ${seed}`);
  assert.equal(report.trials, 40);
});
