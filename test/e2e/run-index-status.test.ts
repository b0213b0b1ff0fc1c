/**
 * A status the run index remembers (finished and staged runs) never
 * outlives a change to the run's files: hand edits, deletes and starts
 * behind its back show at once in the listing and in its status filters.
 */
import { before, after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import { guild, guildOk } from "../helpers/guild-cli.js";
import { cacheAllRuns, indexText as indexFile, listedRows } from "../helpers/run-index.js";
import { tempProject, type TempProject } from "../helpers/temp-project.js";

describe("run index: cached statuses", () => {
  let p: TempProject;
  const g = () => ({ cwd: p.cwd, home: p.home, env: { TZ: "UTC" } });
  const ok = (...args: string[]) => guildOk(args, g());
  /** `[id prefix, status]` of every listed row, top first. */
  const rows = async (...filters: string[]) => parseRows(await ok("runs", "--all", ...filters));
  const parseRows = (out: string) => listedRows(out).map(({ id, cols }): [string | undefined, string | undefined] => [id, cols[3]]);
  const indexText = () => indexFile(p.home);
  const attr = (id: string, name: string) => join(p.home, "runs", id, ".guild", "attrs", name);
  let ids: { done: string; failed: string; staged: string; staged2: string };

  /** Rebuilds the index until it holds every run as a record. */
  const cacheAll = () => cacheAllRuns(g(), Object.values(ids), (id) => new RegExp(`^${id} \\d{16} [CES] \\d{16} [-\\d]{6} \\d{16}$`, "m"));

  before(async () => {
    p = tempProject("fixtures/projects/queue");
    const made: string[] = [];
    for (const args of [["code=0"], ["code=1"], ["code=0", "--stage"], ["code=0", "--stage"]]) {
      const r = await guild(["run", "fail.py", ...args, "-y"], g());
      const id = readdirSync(join(p.home, "runs")).find((d) => !made.includes(d));
      assert.ok(id, r.stderr);
      made.push(id);
    }
    const [done, failed, staged, staged2] = made as [string, string, string, string];
    ids = { done, failed, staged, staged2 };
  });
  after(() => p.cleanup());

  test("statuses come from the index, and agree with the files", async () => {
    await cacheAll();
    const short = (id: string) => id.slice(0, 8);
    assert.deepEqual(await rows(), [
      [short(ids.staged2), "staged"],
      [short(ids.staged), "staged"],
      [short(ids.failed), "error"],
      [short(ids.done), "completed"],
    ]);
  });

  test("a deleted exit_status shows at once, in the listing and its filters", async () => {
    await cacheAll();
    rmSync(attr(ids.done, "exit_status"));
    const short = ids.done.slice(0, 8);
    assert.deepEqual((await rows()).find(([id]) => id === short), [short, "error"]);
    assert.deepEqual(await rows("--completed"), []);
    assert.ok((await rows("--error")).some(([id]) => id === short));
    // Put back, by hand: completed again.
    writeFileSync(attr(ids.done, "exit_status"), "0\n");
    assert.deepEqual(await rows("--completed"), [[short, "completed"]]);
  });

  test("an exit_status edited in place shows at once", async () => {
    await cacheAll();
    writeFileSync(attr(ids.failed, "exit_status"), "-15\n");
    const short = ids.failed.slice(0, 8);
    assert.deepEqual(await rows("--terminated"), [[short, "terminated"]]);
    assert.deepEqual(await rows("--error"), []);
    writeFileSync(attr(ids.failed, "exit_status"), "1\n");
    assert.deepEqual(await rows("--error"), [[short, "error"]]);
  });

  test("a staged run started behind the index's back moves to the top with its status", async () => {
    await cacheAll();
    // As Guild AI starts a staged run: the STAGED marker goes, `started`
    // is written, and in the end the exit status.
    const dir = join(p.home, "runs", ids.staged);
    renameSync(join(dir, ".guild", "STAGED"), join(dir, ".guild", "PENDING"));
    const short = ids.staged.slice(0, 8);
    assert.deepEqual((await rows())[1], [short, "pending"]);
    assert.deepEqual((await rows("--staged")).map(([id]) => id), [ids.staged2.slice(0, 8)]);
    rmSync(join(dir, ".guild", "PENDING"));
    const startedUs = Date.now() * 1000;
    for (const [name, value] of [["started", startedUs], ["exit_status", 0], ["stopped", startedUs + 1000]] as const) {
      writeFileSync(attr(ids.staged, name), `${value}\n`);
    }
    assert.deepEqual((await rows()).slice(0, 2), [[short, "completed"], [ids.staged2.slice(0, 8), "staged"]]);
    assert.deepEqual((await rows("--staged")).map(([id]) => id), [ids.staged2.slice(0, 8)]);
    assert.deepEqual((await rows("--completed")).map(([id]) => id)[0], short);
  });

  test("a running run keeps its cached place, but its status comes from its files", async () => {
    // Made running by hand, as Guild AI's LOCK holds the run's pid: a live process of ours.
    const sleeper = spawn(process.execPath, ["-e", "setTimeout(() => {}, 600000)"], { stdio: "ignore" });
    const dir = join(p.home, "runs", ids.failed);
    try {
      rmSync(attr(ids.failed, "exit_status"));
      rmSync(attr(ids.failed, "stopped"), { force: true });
      writeFileSync(join(dir, ".guild", "LOCK"), String(sleeper.pid));
      const short = ids.failed.slice(0, 8);
      const deadline = Date.now() + 60_000;
      for (;;) {
        rmSync(join(p.home, "cache"), { recursive: true, force: true });
        await ok("runs");
        if (new RegExp(`^${ids.failed} \\d{16} R \\d{16} [-\\d]{6} \\d{16}$`, "m").test(indexText())) break;
        assert.ok(Date.now() < deadline, `running run never cached:\n${indexText()}`);
      }
      assert.deepEqual((await rows("--running")), [[short, "running"]]);
      // Its process dies and leaves its files as they were: terminated.
      sleeper.kill("SIGKILL");
      await once(sleeper, "exit");
      assert.deepEqual((await rows()).find(([id]) => id === short), [short, "terminated"]);
      assert.deepEqual(await rows("--running"), []);
      assert.deepEqual((await rows("--terminated")).map(([id]) => id), [short]);
    } finally {
      sleeper.kill("SIGKILL");
      rmSync(join(dir, ".guild", "LOCK"), { force: true });
      writeFileSync(attr(ids.failed, "exit_status"), "1\n");
    }
  });

  test("a run removed by hand from a cached store is not listed", async () => {
    await cacheAll();
    rmSync(join(p.home, "runs", ids.done), { recursive: true });
    const listed = (await rows()).map(([id]) => id);
    assert.equal(listed.includes(ids.done.slice(0, 8)), false);
    assert.equal(listed.length, 3);
  });

  test("a queue starts staged runs the index holds as records", async () => {
    assert.equal((await guild(["run", "fail.py", "code=0", "--stage", "-y"], g())).exitCode, 0);
    const fresh = readdirSync(join(p.home, "runs")).find((d) => !Object.values(ids).includes(d)) as string;
    ids = { ...ids, done: fresh };
    await cacheAll();
    assert.match(indexText(), new RegExp(`^${ids.staged2} \\d{16} S \\d{16} [-\\d]{6} \\d{16}$`, "m"));
    await ok("run", "queue", "run-once=yes", "-y");
    assert.deepEqual(await rows("--staged"), []);
    const statuses = new Map(await rows());
    assert.equal(statuses.get(ids.staged2.slice(0, 8)), "completed");
    assert.equal(statuses.get(fresh.slice(0, 8)), "completed");
  });

  test("a cached staged run deep in the list, started by this tool, lists at the top", async () => {
    const before = new Set(readdirSync(join(p.home, "runs")));
    const codes = Array.from({ length: 24 }, () => "0").join(",");
    await ok("run", "fail.py", `code=[${codes}]`, "--stage-trials", "-y");
    // The trials, less the batch run (which has a proto).
    const trials = readdirSync(join(p.home, "runs")).filter((d) => !before.has(d) && !existsSync(join(p.home, "runs", d, ".guild", "proto")));
    assert.ok(trials.length >= 24);
    ids = { ...ids, staged: trials[0] as string, staged2: trials[1] as string };
    await cacheAll();
    const shown = parseRows(await ok("runs"));
    assert.equal(shown.length, 20);
    const deep = trials.find((id) => !shown.some(([s]) => s === id.slice(0, 8)) && indexText().includes(`${id} `)) as string;
    assert.ok(deep, "a staged trial past the 20 rows shown");
    await ok("run", "--start", deep, "-y");
    assert.deepEqual(parseRows(await ok("runs"))[0], [deep.slice(0, 8), "completed"]);
  });
});
