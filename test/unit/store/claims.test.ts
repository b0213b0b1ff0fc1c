// Claims (store/claim.ts, file-claims.ts): which process may start a run.
// Each case builds a run's `.guild` files, makes one call as this process,
// and checks the result and the files left. "Live" claims belong to our
// parent process (alive while we run), "dead" ones to a process that exited.
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runClaims, type ClaimResult, type ClaimState } from "../../../src/core/store/claim.js";
import { currentOwnerKey, ownerKeyFor, parseOwnerKey } from "../../../src/core/store/owner-key.js";
import { currentProcessId } from "../../../src/core/util/proc.js";

const root = mkdtempSync(join(tmpdir(), "claims-test-"));
after(() => rmSync(root, { recursive: true, force: true }));

const deadKey = ownerKeyFor({ ...currentProcessId(spawnSync("true").pid as number), startTime: 1 });
const dead = `CLAIMED.${deadKey}`;
const dead2 = `CLAIMED.${ownerKeyFor({ ...currentProcessId(spawnSync("true").pid as number), startTime: 2 })}`;
const deadStarting = `STARTING.${deadKey}`;
const parent = `CLAIMED.${ownerKeyFor(currentProcessId(process.ppid))}`;
const parentStarting = `STARTING.${ownerKeyFor(currentProcessId(process.ppid))}`;
const mine = `CLAIMED.${currentOwnerKey()}`;
const mineStarting = `STARTING.${currentOwnerKey()}`;

let n = 0;
function runDir(files: readonly string[]): string {
  const dir = join(root, `run${++n}`);
  mkdirSync(join(dir, ".guild", "attrs"), { recursive: true });
  for (const f of files) writeFileSync(join(dir, ".guild", f), f === "attrs/exit_status" ? "0\n" : "");
  return dir;
}

/** The markers left, with ours/live/dead names spelled as in the cases. */
function markers(dir: string): string[] {
  const names: Record<string, string> = {
    [mine]: "mine",
    [mineStarting]: "mineStarting",
    [parent]: "parent",
    [parentStarting]: "parentStarting",
    [dead]: "dead",
    [dead2]: "dead2",
    [deadStarting]: "deadStarting",
  };
  return readdirSync(join(dir, ".guild"))
    .filter((f) => f !== "attrs")
    .map((f) => names[f] ?? f)
    .sort();
}

const spelled = (files: readonly string[]) =>
  files.map((f) => ({ mine, mineStarting, parent, parentStarting, dead, dead2, deadStarting })[f as "mine"] ?? f);

describe("stateOf", () => {
  const CASES: [string, string[], ClaimState][] = [
    ["nothing", [], "none"],
    ["staged", ["STAGED"], "staged"],
    ["our claim", ["mine"], "claimed"],
    ["a live process's claim", ["parent"], "claimed"],
    ["a dead process's claim", ["dead"], "abandoned"],
    ["a dead and a live claim", ["dead", "parent"], "claimed"],
    ["a dead process's claim to start a run at once", ["deadStarting"], "interrupted"],
    ["a live process starting a run at once", ["parentStarting"], "claimed"],
  ];
  for (const [name, files, want] of CASES) {
    test(name, () => assert.equal(runClaims.stateOf(runDir(spelled(files))), want));
  }
});

type Op = "claimStaged" | "claimForStart";
describe("claiming", () => {
  const CASES: [string, Op, string[], ClaimResult, string[]][] = [
    ["a queue takes a staged run", "claimStaged", ["STAGED"], "claimed", ["mine"]],
    ["a queue finds nothing to take", "claimStaged", [], "not-staged", []],
    ["a queue leaves a live claim alone", "claimStaged", ["parent"], "taken", ["parent"]],
    ["a queue takes over a dead claim", "claimStaged", ["dead"], "claimed", ["mine"]],
    ["a dead claim on a started run: nothing to start", "claimStaged", ["dead", "LOCK"], "not-staged", ["LOCK"]],
    ["a dead claim on a finished run: nothing to start", "claimStaged", ["dead", "attrs/exit_status"], "not-staged", []],
    ["two dead claims: one taken, the other cleared", "claimStaged", ["dead", "dead2"], "claimed", ["mine"]],
    ["a queue leaves a run whose start was interrupted alone", "claimStaged", ["deadStarting"], "not-staged", ["deadStarting"]],
    ["--start takes a staged run", "claimForStart", ["STAGED"], "claimed", ["mine"]],
    ["--start takes its parent's claim (a queue handing over)", "claimForStart", ["parent"], "claimed", ["mine"]],
    ["--start takes over a dead claim", "claimForStart", ["dead", "LOCK"], "claimed", ["LOCK", "mine"]],
    ["--start claims a finished run (to start at once)", "claimForStart", ["attrs/exit_status"], "claimed", ["mineStarting"]],
    ["--start claims a run never staged", "claimForStart", [], "claimed", ["mineStarting"]],
    ["--start takes over an interrupted start", "claimForStart", ["deadStarting"], "claimed", ["mineStarting"]],
    ["--start takes its parent's claim to start at once", "claimForStart", ["parentStarting"], "claimed", ["mineStarting"]],
  ];
  for (const [name, op, files, want, left] of CASES) {
    test(name, () => {
      const dir = runDir(spelled(files));
      assert.equal(runClaims[op](dir), want);
      assert.deepEqual(markers(dir), left);
    });
  }

  test("--start backs off from another live process's claim", () => {
    // Our parent's claim is handed over only to its child: seen from a
    // grandchild it is another process's claim.
    const dir = runDir([parent]);
    const code = `import { runClaims } from ${JSON.stringify(claimModuleUrl())}; process.stdout.write(runClaims.claimForStart(${JSON.stringify(dir)}));`;
    const res = spawnSync("sh", ["-c", `"${process.execPath}" --input-type=module -e '${code}' | cat`], { encoding: "utf8" });
    assert.equal(res.stdout, "taken");
    assert.deepEqual(markers(dir), ["parent"]);
  });
});

describe("handing over", () => {
  test("stageClaimed turns our claim into STAGED", () => {
    const dir = runDir([mine]);
    runClaims.stageClaimed(dir);
    assert.deepEqual(markers(dir), ["STAGED"]);
  });
  test("completeClaim removes our claim and nothing else", () => {
    const dir = runDir([mine, "LOCK"]);
    assert.equal(runClaims.holdsClaim(dir), true);
    runClaims.completeClaim(dir);
    assert.equal(runClaims.holdsClaim(dir), false);
    assert.deepEqual(markers(dir), ["LOCK"]);
  });
  test("stageClaimed of a run being started at once", () => {
    const dir = runDir([mineStarting]);
    runClaims.stageClaimed(dir);
    assert.deepEqual(markers(dir), ["STAGED"]);
  });
  test("initNewRun", () => {
    const dirs = [runDir([]), runDir([]), runDir([])];
    runClaims.initNewRun(dirs[0] as string, "pending");
    runClaims.initNewRun(dirs[1] as string, "starting");
    runClaims.initNewRun(dirs[2] as string, "staged");
    assert.deepEqual(dirs.map(markers), [["mine"], ["mineStarting"], ["STAGED"]]);
  });
});

describe("owner keys", () => {
  const CASES: [string, ReturnType<typeof parseOwnerKey>][] = [
    ["12.345.box", { pid: 12, startTime: 345, host: "box" }],
    ["12.-.box", { pid: 12, host: "box" }],
    ["12.345.", { pid: 12, startTime: 345 }],
    ["12.345.a.b-c", { pid: 12, startTime: 345, host: "a.b-c" }],
    ["12.345.h%2Fx", { pid: 12, startTime: 345, host: "h/x" }],
    ["0.1.h", undefined],
    ["x.1.h", undefined],
    ["12", undefined],
    ["12.345.%E0%A4%A", undefined],
  ];
  for (const [key, want] of CASES) test(key, () => assert.deepEqual(parseOwnerKey(key), want));
  test("round trip", () => {
    const p = { pid: 99, startTime: 7, host: "gpu-01.example/odd" };
    assert.deepEqual(parseOwnerKey(ownerKeyFor(p)), p);
  });
});

function claimModuleUrl(): string {
  return new URL("../../../src/core/store/claim.js", import.meta.url).href;
}

describe("racing processes", () => {
  test("eight processes claiming the same 40 runs: each run is claimed exactly once", async () => {
    // Half the runs are staged, half hold a dead process's claim. Each
    // claimer stays alive until all have reported, so no claim is abandoned.
    const dirs = Array.from({ length: 40 }, (_, i) => runDir([i % 2 ? "STAGED" : dead]));
    const script = join(root, "claim-all.mjs");
    writeFileSync(
      script,
      `import { runClaims } from ${JSON.stringify(claimModuleUrl())};\n` +
        `const dirs = JSON.parse(process.argv[2]);\n` +
        `const won = dirs.filter((d) => runClaims.claimStaged(d) === "claimed");\n` +
        `process.stdout.write(JSON.stringify(won) + "\\n");\n` +
        `process.stdin.resume();\n`,
    );
    const claimers = Array.from({ length: 8 }, () => startClaimer(script, JSON.stringify(dirs)));
    try {
      const outputs = await Promise.all(claimers.map((c) => c.report));
      const won = outputs.flatMap((o) => JSON.parse(o) as string[]).sort();
      assert.deepEqual(won, [...dirs].sort());
    } finally {
      for (const c of claimers) c.child.stdin?.end();
    }
  });
});

function startClaimer(script: string, arg: string) {
  const child = spawn(process.execPath, [script, arg], { stdio: ["pipe", "pipe", "inherit"] });
  const report = new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (c: Buffer) => {
      out += c.toString();
      if (out.endsWith("\n")) resolve(out);
    });
    child.on("error", reject);
    child.on("close", (code) => reject(new Error(`claimer exited ${code} before reporting`)));
  });
  return { child, report };
}
