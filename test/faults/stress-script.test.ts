/**
 * The stress script (scripts/stress-queues.mjs) as a user runs it: `--help`
 * and bad options get a usage message, never a stack (issue 10, item 7), and
 * every failure prints the seed that replays it (issue 16).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { REPO_ROOT } from "../helpers/guild-cli.js";

function stress(args: string[]) {
  const res = spawnSync(process.execPath, [join(REPO_ROOT, "scripts", "stress-queues.mjs"), ...args], { cwd: REPO_ROOT, encoding: "utf8" });
  return { stdout: res.stdout, stderr: res.stderr, exitCode: res.status };
}

test("--help prints the usage and exits 0", () => {
  const res = stress(["--help"]);
  assert.equal(res.exitCode, 0, res.stderr);
  assert.match(res.stdout, /^Usage: node scripts\/stress-queues\.mjs \[options\]\n/);
  assert.match(res.stdout, /--seed N/);
});

test("an unknown option or a bad number: a message and the usage, exit 2, no stack", () => {
  for (const args of [["--bogus"], ["--seed"], ["--kills", "x"]]) {
    const res = stress(args);
    assert.equal(res.exitCode, 2, args.join(" "));
    assert.match(res.stderr, /^stress: /);
    assert.doesNotMatch(res.stderr, /\n +at /);
  }
});

test("a failure prints the seed, and --seed replays it", { timeout: 120_000 }, () => {
  // A zero timeout fails at once, after staging: a failure we can make on purpose.
  const res = stress(["--trials", "1", "--queues", "1", "--kills", "0", "--group-kills", "0", "--seed", "4242", "--timeout-min", "0"]);
  assert.equal(res.exitCode, 1);
  assert.match(res.stdout, /seed 4242\n/);
  assert.match(res.stderr, /^stress: FAILED \(seed 4242; replay with --seed 4242\)\n/);
  assert.match(res.stderr, /\(seed 4242\) stress: timed out/);
});
