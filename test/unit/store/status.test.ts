// Run status (spec §2): the 2020 order of checks, with the later fixes the
// port adopts: exit_status is checked before the LOCK pid, a LOCK whose
// process is gone is `terminated`, and a stale PENDING claim on a staged run
// falls back to `staged`.
import { test, describe, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  runStatus,
  statusForExitStatus,
  statusFromFacts,
  type RunStatus,
  type StatusFacts,
} from "../../../src/core/store/status.js";

const NONE: StatusFacts = {
  remoteLock: false,
  pending: false,
  pendingStale: false,
  staged: false,
  remoteExitStatus: undefined,
  exitStatus: undefined,
  locked: false,
  lockAlive: false,
};

describe("statusFromFacts", () => {
  const CASES: [string, Partial<StatusFacts>, RunStatus][] = [
    // 1. LOCK.remote wins over everything.
    ["remote lock", { remoteLock: true }, "running"],
    ["remote lock beats pending/staged/exit", { remoteLock: true, pending: true, staged: true, exitStatus: 1 }, "running"],
    // 2. PENDING
    ["pending", { pending: true }, "pending"],
    ["pending beats staged", { pending: true, staged: true }, "pending"],
    ["pending beats exit_status", { pending: true, exitStatus: 0 }, "pending"],
    ["pending beats live lock", { pending: true, locked: true, lockAlive: true }, "pending"],
    ["stale pending claim on staged run", { pending: true, pendingStale: true, staged: true }, "staged"],
    ["stale pending claim, not staged", { pending: true, pendingStale: true }, "pending"],
    // 3. STAGED
    ["staged", { staged: true }, "staged"],
    ["staged beats exit_status", { staged: true, exitStatus: 1 }, "staged"],
    ["staged beats live lock", { staged: true, locked: true, lockAlive: true }, "staged"],
    // 4. exit_status.remote: 0 completed, 2 terminated, else error
    ["remote exit 0", { remoteExitStatus: 0 }, "completed"],
    ["remote exit 2", { remoteExitStatus: 2 }, "terminated"],
    ["remote exit 1", { remoteExitStatus: 1 }, "error"],
    ["remote exit -15", { remoteExitStatus: -15 }, "error"],
    ["remote exit beats local exit", { remoteExitStatus: 0, exitStatus: 1 }, "completed"],
    ["remote exit null ignored", { remoteExitStatus: null, exitStatus: 0 }, "completed"],
    // 5. exit_status (checked before the pid)
    ["exit 0", { exitStatus: 0 }, "completed"],
    ["exit 1", { exitStatus: 1 }, "error"],
    ["exit 2", { exitStatus: 2 }, "error"],
    ["exit -15", { exitStatus: -15 }, "terminated"],
    ["exit -9", { exitStatus: -9 }, "terminated"],
    ["exit 0 with live lock", { exitStatus: 0, locked: true, lockAlive: true }, "completed"],
    ["exit -15 with live lock", { exitStatus: -15, locked: true, lockAlive: true }, "terminated"],
    ["exit 1 with dead lock", { exitStatus: 1, locked: true }, "error"],
    ["exit null is absent", { exitStatus: null }, "error"],
    // 6. LOCK pid
    ["live lock", { locked: true, lockAlive: true }, "running"],
    ["dead lock, no exit_status", { locked: true }, "terminated"],
    ["exit null, live lock", { exitStatus: null, locked: true, lockAlive: true }, "running"],
    // 7. nothing at all
    ["no markers, no exit_status", {}, "error"],
  ];
  for (const [name, facts, want] of CASES) {
    test(name, () => assert.equal(statusFromFacts({ ...NONE, ...facts }), want));
  }
});

describe("statusForExitStatus", () => {
  const CASES: [unknown, RunStatus][] = [
    [0, "completed"],
    [1, "error"],
    [127, "error"],
    [-1, "terminated"],
    [-15, "terminated"],
    [null, "error"],
    [undefined, "error"],
    ["0", "error"],
  ];
  for (const [code, want] of CASES) {
    test(String(code), () => assert.equal(statusForExitStatus(code), want));
  }
});

describe("runStatus on run directories written as Guild writes them", () => {
  const root = mkdtempSync(join(tmpdir(), "status-test-"));
  after(() => rmSync(root, { recursive: true, force: true }));
  const deadPid = spawnSync("true").pid as number;
  let n = 0;

  function runDir(files: Record<string, string>): string {
    const dir = join(root, `run${++n}`);
    mkdirSync(join(dir, ".guild", "attrs"), { recursive: true });
    writeFileSync(join(dir, ".guild", "opref"), "script:/p '' '' say.py\n");
    for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, ".guild", path), text);
    return dir;
  }

  const CASES: [string, Record<string, string>, RunStatus][] = [
    ["completed run", { "attrs/exit_status": "0\n" }, "completed"],
    ["failed run", { "attrs/exit_status": "1\n" }, "error"],
    ["killed run", { "attrs/exit_status": "-15\n" }, "terminated"],
    ["staged run", { STAGED: "" }, "staged"],
    ["Guild's empty PENDING marker", { PENDING: "" }, "pending"],
    ["Guild's empty PENDING marker on a staged run", { PENDING: "", STAGED: "" }, "pending"],
    ["our PENDING claim by a dead process on a staged run", { PENDING: `${deadPid}`.padEnd(9) + "\n", STAGED: "" }, "staged"],
    ["our PENDING claim by a live process on a staged run", { PENDING: `${process.pid}`.padEnd(9) + "\n", STAGED: "" }, "pending"],
    ["LOCK.remote", { "LOCK.remote": "" }, "running"],
    ["remote exit status 2", { "attrs/exit_status.remote": "2\n" }, "terminated"],
    ["Guild LOCK (pid only) of a live process", { LOCK: `${process.pid}` }, "running"],
    ["Guild LOCK (pid only) of a dead process", { LOCK: `${deadPid}` }, "terminated"],
    ["live LOCK but exit_status written", { LOCK: `${process.pid}`, "attrs/exit_status": "0\n" }, "completed"],
    ["nothing written", {}, "error"],
  ];
  for (const [name, files, want] of CASES) {
    test(name, () => assert.equal(runStatus(runDir(files)), want));
  }
});
