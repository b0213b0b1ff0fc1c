/**
 * Filters decided from the run index's cache (cached statuses, cached
 * operations) agree with the runs' files after changes behind its back:
 * an opref edited, an exit_status deleted, a staged run started by hand.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { guild, guildOk } from "../helpers/guild-cli.js";
import { cacheAllRuns, listedRows } from "../helpers/run-index.js";
import { tempProject, type TempProject } from "../helpers/temp-project.js";

describe("run index: filters decided from the cache", () => {
  let p: TempProject;
  const g = () => ({ cwd: p.cwd, home: p.home, env: { TZ: "UTC" } });
  const ok = (...args: string[]) => guildOk(args, g());
  /** `[id prefix, operation, status]` of every listed row, top first. */
  const rows = async (...filters: string[]) => listedRows(await ok("runs", "--all", ...filters)).map(({ id, cols }) => [id, cols[1], cols[3]]);
  const guildFile = (id: string, ...path: string[]) => join(p.home, "runs", id, ".guild", ...path);
  const short = (id: string) => id.slice(0, 8);
  let ids: string[] = [];

  /** Rebuilds the index until every run is a record with its status and operation cached. */
  const cacheAll = () => cacheAllRuns(g(), ids, (id) => new RegExp(`^${id} \\d{16} [CES] \\d{16} \\d{6} \\d{16}$`, "m"));

  before(async () => {
    p = tempProject("fixtures/projects/queue");
    for (const args of [["code=0"], ["code=1"], ["code=0", "--stage"]]) {
      const r = await guild(["run", "fail.py", ...args, "-y"], g());
      const id = readdirSync(join(p.home, "runs")).find((d) => !ids.includes(d));
      assert.ok(id, r.stderr);
      ids.push(id);
    }
  });
  after(() => p.cleanup());

  test("an opref edited in place shows at once in -Fo and the listing", async () => {
    const [done, failed, staged] = ids as [string, string, string];
    await cacheAll();
    assert.deepEqual(
      (await rows("-Fo", "fail.py")).map(([id]) => id),
      [staged, failed, done].map(short),
    );
    const opref = readFileSync(guildFile(failed, "opref"), "utf8");
    writeFileSync(guildFile(failed, "opref"), opref.replace("fail.py", "other.py"));
    assert.deepEqual(await rows("-Fo", "other.py"), [[short(failed), "other.py", "error"]]);
    assert.deepEqual((await rows("-Fo", "fail.py")).map(([id]) => id), [staged, done].map(short));
    assert.deepEqual((await rows("-Fo", "other.py", "--error")).map(([id]) => id), [short(failed)]);
    writeFileSync(guildFile(failed, "opref"), opref);
    assert.deepEqual(await rows("-Fo", "other.py"), []);
  });

  test("an operation filter shows a deleted exit_status at once", async () => {
    const done = ids[0] as string;
    await cacheAll();
    const exitStatus = guildFile(done, "attrs", "exit_status");
    rmSync(exitStatus);
    assert.deepEqual((await rows("-Fo", "fail.py")).find(([id]) => id === short(done)), [short(done), "fail.py", "error"]);
    assert.deepEqual(await rows("-Fo", "fail.py", "--completed"), []);
    writeFileSync(exitStatus, "0\n");
    assert.deepEqual(await rows("-Fo", "fail.py", "--completed"), [[short(done), "fail.py", "completed"]]);
  });

  test("a staged run started by hand moves to the top of an operation filter", async () => {
    const [done, failed, staged] = ids as [string, string, string];
    // A run made after the staged one, so the staged one is not on top.
    await ok("run", "fail.py", "code=0", "-y");
    const newest = readdirSync(join(p.home, "runs")).find((d) => !ids.includes(d)) as string;
    ids.push(newest);
    await cacheAll();
    assert.deepEqual((await rows("-Fo", "fail.py")).map(([id]) => id), [newest, staged, failed, done].map(short));
    assert.deepEqual((await rows("--staged")).map(([id]) => id), [short(staged)]);
    // As Guild AI runs it: STAGED goes, `started` is written, then the exit status.
    renameSync(guildFile(staged, "STAGED"), guildFile(staged, "PENDING"));
    rmSync(guildFile(staged, "PENDING"));
    const startedUs = Date.now() * 1000 + 1_000_000;
    for (const [name, value] of [["started", startedUs], ["exit_status", 0], ["stopped", startedUs + 1000]] as const) {
      writeFileSync(guildFile(staged, "attrs", name), `${value}\n`);
    }
    assert.deepEqual((await rows("-Fo", "fail.py")).slice(0, 2), [
      [short(staged), "fail.py", "completed"],
      [short(newest), "fail.py", "completed"],
    ]);
    assert.deepEqual(await rows("--staged"), []);
    assert.deepEqual((await rows("--completed")).map(([id]) => id), [staged, newest, done].map(short));
  });
});
