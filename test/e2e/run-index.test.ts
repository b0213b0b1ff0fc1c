/**
 * The run index is only a cache: runs added, removed or restarted behind
 * its back list correctly at once, and deleting or corrupting it changes
 * nothing a user sees.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync, existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { guild } from "../helpers/guild-cli.js";
import { indexText } from "../helpers/run-index.js";
import { extractStore } from "../helpers/guild-stores.js";
import { tempProject, type TempProject } from "../helpers/temp-project.js";

describe("run index", () => {
  let p: TempProject;
  const g = () => ({ cwd: p.cwd, home: p.home, env: { TZ: "UTC" } });
  const list = async (...args: string[]) => {
    const r = await guild(["runs", "--all", ...args], g());
    assert.equal(r.exitCode, 0, r.stderr);
    return r.stdout;
  };
  const column = (out: string, n: number) => out.trim().split("\n").filter(Boolean).map((l) => l.split(/\s{2,}/)[n]);

  before(async () => {
    p = tempProject("fixtures/projects/queue");
    for (const code of [0, 1, 0]) assert.equal((await guild(["run", "fail.py", `code=${code}`, "-y"], g())).exitCode, code);
    assert.equal((await guild(["run", "fail.py", "code=0", "--stage", "-y"], g())).exitCode, 0);
  });
  after(() => p.cleanup());

  test("the index is written, and listing from it equals listing without it", async () => {
    const first = await list();
    assert.ok(existsSync(join(p.home, "cache", "runs-index-v4")));
    assert.equal(await list(), first);
    rmSync(join(p.home, "cache"), { recursive: true });
    assert.equal(await list(), first);
    writeFileSync(join(p.home, "cache", "runs-index-v4"), "garbage\n");
    assert.equal(await list(), first);
  });

  test("runs Guild AI wrote, copied in by hand, appear at once in order", async () => {
    const before = await list();
    const store = extractStore("guild-2020");
    try {
      for (const id of readdirSync(join(store.home, "runs"))) cpSync(join(store.home, "runs", id), join(p.home, "runs", id), { recursive: true });
    } finally {
      store.cleanup();
    }
    const after = await list();
    assert.equal(column(after, 1).length, column(before, 1).length + 10);
    // Guild's runs are older (2026-11-27 09:33) than ours: they list after ours.
    // (Their project dir is not ours: listed with its ` (<dir>)` suffix.)
    const ops = column(after, 1).map((op) => op?.replace(" (/srv/guild-example/project)", ""));
    assert.deepEqual(ops.slice(-10), ["sleepy.py", "say.py", "say.py", "say.py", "say.py+", "say-many", "add.py", "say.py", "say.py", "say.py+"]);
    assert.deepEqual(column(after, 3).slice(-10), ["completed", "completed", "completed", "completed", "completed", "completed", "staged", "completed", "completed", "completed"]);
  });

  test("runs removed by hand disappear at once", async () => {
    const ids = readdirSync(join(p.home, "runs"));
    const victim = ids.find((id) => id.startsWith("f7939c95")) as string;
    rmSync(join(p.home, "runs", victim), { recursive: true });
    const out = await list();
    assert.equal(out.includes("f7939c95"), false);
    assert.equal(column(out, 1).length, ids.length - 1);
  });

  test("a finished run started again moves to the top with its new status", async () => {
    const out = await list("--error");
    const sid = /^\[1:([0-9a-f]{8})\]/.exec(out)?.[1] as string;
    assert.ok(sid);
    const r = await guild(["run", "--start", sid, "code=0", "-y"], g());
    assert.equal(r.exitCode, 0, r.stderr);
    const top = (await list()).split("\n")[0] as string;
    assert.match(top, new RegExp(`^\\[1:${sid}\\]\\s+fail\\.py\\s+.*  completed  code=0$`));
    assert.equal(await list("--error"), "");
  });

  test("a run made right after a listing is listed (no stale directory time)", async () => {
    await list();
    assert.equal((await guild(["run", "fail.py", "code=0", "-y"], g())).exitCode, 0);
    const out = await list();
    assert.equal(column(out, 1).length, readdirSync(join(p.home, "runs")).length);
  });

  test("runs this tool adds, removes and restores are followed without listing runs/ again", async () => {
    const before = column(await list(), 0).length;
    assert.equal((await guild(["run", "fail.py", "code=0", "-y"], g())).exitCode, 0);
    const afterRun = await list();
    assert.equal(column(afterRun, 0).length, before + 1);
    const sid = /^\[1:([0-9a-f]{8})\]/.exec(afterRun)?.[1] as string;
    assert.equal((await guild(["runs", "rm", "-y", sid], g())).stdout, "Deleted 1 run(s)\n");
    assert.equal(column(await list(), 0).length, before);
    assert.equal((await guild(["runs", "restore", "-y", sid], g())).stdout, "Restored 1 run(s)\n");
    const restored = await list();
    assert.equal(column(restored, 0).length, before + 1);
    assert.match(restored.split("\n")[0] as string, new RegExp(`^\\[1:${sid}\\]`));
    // And a run copied in by hand right after is still seen.
    const store = extractStore("guild-2020");
    try {
      // The add.py run an earlier test removed by hand.
      const id = readdirSync(join(store.home, "runs")).find((r) => r.startsWith("f7939c95")) as string;
      cpSync(join(store.home, "runs", id), join(p.home, "runs", id), { recursive: true });
      assert.ok((await list()).includes(id.slice(0, 8)));
    } finally {
      store.cleanup();
    }
  });
});

/**
 * A listing reads the index's first records with its header and the rest
 * only as asked (run-index-file.ts): a store past that head lists as a
 * whole read does, and runs changed past it are still seen.
 */
describe("run index past its head", () => {
  let p: TempProject;
  const g = () => ({ cwd: p.cwd, home: p.home, env: { TZ: "UTC" } });
  const TRIALS = 400;
  const runs = async (...args: string[]) => {
    const r = await guild(["runs", ...args], g());
    assert.equal(r.exitCode, 0, r.stderr);
    return r.stdout;
  };

  before(async () => {
    p = tempProject("fixtures/projects/queue");
    const codes = Array.from({ length: TRIALS }, (_, i) => i).join(",");
    assert.equal((await guild(["run", "fail.py", `code=[${codes}]`, "--stage-trials", "-y", "-q"], g())).exitCode, 0);
  });
  after(() => p.cleanup());

  test("the newest rows, every row and a filter list as without the index", async () => {
    for (const args of [[], ["--all"], ["--all", "--staged"], ["--all", "-Fo", "fail.py"]]) {
      // Listed with no index (runs/ read, the index written), then from the index.
      rmSync(join(p.home, "cache"), { recursive: true, force: true });
      const expected = await runs(...args);
      // The index covers more than its head reads (16 KiB, ~170 records).
      assert.ok(statSync(join(p.home, "cache", "runs-index-v4")).size > 32 * 1024);
      assert.equal(await runs(...args), expected, args.join(" "));
      if (args[0] === "--all" && args.length === 1) assert.equal(expected.trim().split("\n").length, TRIALS + 1);
    }
  });

  test("a run past the head that finished behind the index's back shows its status", async () => {
    await runs("--all");
    const rows = (await runs("--all")).trim().split("\n");
    const deep = /^\[\d+:([0-9a-f]{8})\]/.exec(rows[300] as string)?.[1] as string;
    const id = readdirSync(join(p.home, "runs")).find((r) => r.startsWith(deep)) as string;
    rmSync(join(p.home, "runs", id, ".guild", "STAGED"));
    writeFileSync(join(p.home, "runs", id, ".guild", "attrs", "exit_status"), "3\n");
    const after = await runs("--all");
    const row = after.split("\n").find((l) => l.includes(deep)) as string;
    assert.match(row, /\berror\b/);
    assert.equal((await runs("--all", "--staged")).trim().split("\n").length, TRIALS - 1);
  });

  test("an index whose head cannot hold its live entries is read whole, and lists the same", async () => {
    // Entries of runs/ that are not runs are kept with the live ids: 600 of them pass the head.
    for (let i = 0; i < 600; i++) mkdirSync(join(p.home, "runs", `not-a-run-${String(i).padStart(30, "0")}`));
    for (const args of [[], ["--all"]]) {
      rmSync(join(p.home, "cache"), { recursive: true, force: true });
      const expected = await runs(...args);
      const lines = indexText(p.home).split("\n");
      const liveCount = Number((lines[0] as string).split(" ")[6]);
      assert.ok(lines.slice(0, 1 + liveCount).join("\n").length > 16 * 1024, "the live entries run past the head");
      const written = statSync(join(p.home, "cache", "runs-index-v4")).ino;
      assert.equal(await runs(...args), expected, args.join(" "));
      // Listed from that index, not rebuilt (a rebuild writes a new file).
      assert.equal(statSync(join(p.home, "cache", "runs-index-v4")).ino, written);
    }
  });
});
