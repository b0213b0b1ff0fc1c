/**
 * Control runs (batches, random search, queues) print their children's
 * output but log none of their scalars (Guild's do, so `compare --min loss`
 * ranks a queue among its runs); `runs info` shows a run's own scalars
 * (Guild 0.9.1 lists a batch's trials' as `<id>/.guild#loss` too) and a
 * pipeline's `steps` as YAML (Guild flattens them).
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { guild, type GuildEnv } from "../helpers/guild-cli.js";
import { tempProject, type TempProject } from "../helpers/temp-project.js";

interface JsonRun {
  id: string;
  operation: string;
  scalars: Record<string, unknown>;
}

describe("control runs and runs info", () => {
  let p: TempProject;
  let g: GuildEnv;
  /** `runs info --json` of every run, by operation (the newest of each). */
  const infos = new Map<string, JsonRun>();
  before(async () => {
    p = tempProject("fixtures/projects/scalars");
    g = { cwd: p.cwd, home: p.home };
    writeFileSync(
      join(p.cwd, "guild.yml"),
      "pipe:\n  steps:\n    - run: train\n      flags: {x: 2.0}\n    - train epochs=1\n",
      { flag: "a" },
    );
    for (const args of [
      ["run", "train", "x=[0.5,1.0]", "-y"],
      ["run", "train", "x=[0.1:0.9]", "-m", "1", "-y"],
      ["run", "train", "x=1.5", "--stage", "-y"],
      ["run", "queue", "run-once=yes", "-y"],
      ["run", "pipe", "-y"],
    ]) {
      const r = await guild(args, g);
      assert.equal(r.exitCode, 0, `${args.join(" ")}: ${r.stderr}`);
    }
    const list = JSON.parse((await guild(["runs", "--json"], g)).stdout) as JsonRun[];
    for (const run of list.reverse()) {
      infos.set(run.operation, JSON.parse((await guild(["runs", "info", "--json", run.id], g)).stdout) as JsonRun);
    }
  });
  after(() => p.cleanup());

  test("a grid batch, a random search and a queue log no scalars", () => {
    for (const op of ["train+", "train+random", "queue"]) {
      assert.deepEqual(infos.get(op)?.scalars, {}, op);
    }
    assert.deepEqual(Object.keys(infos.get("train")?.scalars ?? {}).sort(), ["acc", "loss"]);
  });

  test("compare --min loss: the queue has no loss and sorts last", async () => {
    const r = await guild(["compare", "--csv", "-", "--min", "loss"], g);
    const lines = r.stdout.trim().split("\n");
    const loss = (lines[0] ?? "").split(",").indexOf("loss");
    const last = (lines.at(-1) ?? "").split(",");
    assert.deepEqual([last[1], last[loss]], ["queue", ""], r.stdout);
  });

  test("runs info of a pipeline shows steps as YAML and its own scalars", async () => {
    const r = await guild(["runs", "info", infos.get("pipe")?.id ?? "?"], g);
    assert.match(r.stdout, /\nsteps: \n  - flags:\n      x: 2\.0\n    run: train\n  - train epochs=1\nflags:\n/);
    assert.doesNotMatch(r.stdout, /#loss/);
  });

  test("runs info of a batch lists no trial's scalars", async () => {
    const r = await guild(["runs", "info", infos.get("train+")?.id ?? "?"], g);
    assert.match(r.stdout, /\nscalars:\n$/);
  });
});
