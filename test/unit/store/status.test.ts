// Run status (spec §2): the 2020 order of checks, with the later fixes the
// port adopts: exit_status is checked before the LOCK pid, a LOCK whose
// process is gone is `terminated`; and claims (store/claim.ts): a live claim
// is `pending`, an abandoned claim on a run that never started is `staged`.
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
  claim: "none",
  remoteExitStatus: undefined,
  exitStatus: undefined,
  locked: false,
  lockAlive: false,
};

describe("statusFromFacts", () => {
  const CASES: [string, Partial<StatusFacts>, RunStatus][] = [
    // 1. LOCK.remote wins over everything.
    ["remote lock", { remoteLock: true }, "running"],
    ["remote lock beats pending/staged/exit", { remoteLock: true, pending: true, claim: "staged", exitStatus: 1 }, "running"],
    // 2. PENDING (Guild's marker) or a live claim
    ["pending", { pending: true }, "pending"],
    ["claimed", { claim: "claimed" }, "pending"],
    ["pending beats exit_status", { pending: true, exitStatus: 0 }, "pending"],
    ["claim beats exit_status", { claim: "claimed", exitStatus: 0 }, "pending"],
    ["pending beats live lock", { pending: true, locked: true, lockAlive: true }, "pending"],
    ["claim beats live lock", { claim: "claimed", locked: true, lockAlive: true }, "pending"],
    // 3. STAGED
    ["staged", { claim: "staged" }, "staged"],
    ["Guild's PENDING beats staged", { pending: true, claim: "staged" }, "pending"],
    ["staged beats exit_status", { claim: "staged", exitStatus: 1 }, "staged"],
    ["staged beats live lock", { claim: "staged", locked: true, lockAlive: true }, "staged"],
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
    // 7. an abandoned claim: staged unless the run got started
    ["abandoned claim, never started", { claim: "abandoned" }, "staged"],
    ["abandoned claim, started and still running", { claim: "abandoned", locked: true, lockAlive: true }, "running"],
    ["abandoned claim, started and died", { claim: "abandoned", locked: true }, "terminated"],
    ["abandoned claim on a finished run", { claim: "abandoned", exitStatus: 0 }, "completed"],
    ["interrupted start, never started", { claim: "interrupted" }, "terminated"],
    ["interrupted start of a finished run", { claim: "interrupted", exitStatus: 1 }, "error"],
    // 8. nothing at all
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
    [`a claim by a live process`, { [`CLAIMED.${process.pid}.-.`]: "" }, "pending"],
    [`a claim by a dead process`, { [`CLAIMED.${deadPid}.-.`]: "" }, "staged"],
    [`a claim by a dead process on a run it started`, { [`CLAIMED.${deadPid}.-.`]: "", LOCK: `${deadPid}` }, "terminated"],
    [`a claim by a dead process on a finished run`, { [`CLAIMED.${deadPid}.-.`]: "", "attrs/exit_status": "1\n" }, "error"],
    [`a dead process's claim to start a run at once`, { [`STARTING.${deadPid}.-.`]: "" }, "terminated"],
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
