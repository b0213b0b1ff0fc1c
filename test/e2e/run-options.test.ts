/**
 * `guild run` options the suite had no end-to-end test for: `--quiet` with
 * `--stage` (README: no staging message; the operation's output under `-q` is
 * in quiet-and-prompts.test.ts), `--restart` (the same as `--start`: the run
 * itself runs again), and a pipeline flag `STEP:FLAG` setting a step's flag.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { guild, type GuildEnv } from "../helpers/guild-cli.js";
import { runIds } from "../helpers/runs.js";
import { tempProject, type TempProject } from "../helpers/temp-project.js";

let p: TempProject;
let g: GuildEnv;
before(() => {
  p = tempProject("examples/say");
  g = { cwd: p.cwd, home: p.home };
});
after(() => p.cleanup());

const run = (args: string[]) => guild(args, g);
const outputOf = (id: string) => readFileSync(join(p.home, "runs", id, ".guild", "output"), "utf8");

describe("guild run", () => {
  test("--quiet --stage prints no staging message", async () => {
    const r = await run(["run", "say.py", "msg=later", "--stage", "--quiet", "-y"]);
    assert.deepEqual([r.exitCode, r.stdout, r.stderr], [0, "", ""]);
    const staged = await run(["runs", "-G"]);
    assert.match(staged.stdout, /^\[1:[0-9a-f]{8}\] +say\.py +\S+ \S+ +staged +loud=no msg=later$/m);
  });

  test("--restart runs the same run again, as --start does", async () => {
    const first = await run(["run", "say.py", "msg=again", "-y"]);
    assert.equal(first.stdout, "again\n");
    const id = (await run(["select"])).stdout.trim();
    const count = runIds(p.home).length;
    const again = await run(["run", "--restart", id.slice(0, 8), "-y"]);
    assert.deepEqual([again.exitCode, again.stdout], [0, "again\n"], again.stderr);
    assert.equal(runIds(p.home).length, count, "no new run");
    assert.equal((await run(["select"])).stdout.trim(), id);
    assert.equal(outputOf(id), "again\n");
  });
});

describe("pipeline flags for a step", () => {
  const YML = [
    "train:",
    '  exec: python3 -c "import sys; print(sys.argv[1:])" ${flag_args}',
    "  flags:",
    "    lr: 0.1",
    "    epochs: 1",
    "pipe:",
    "  flags:",
    "    train:lr: 0.5",
    "  steps:",
    "    - train",
    "",
  ].join("\n");

  test("train:lr sets lr of the step train: its default, then a value given", async () => {
    writeFileSync(join(p.cwd, "guild.yml"), YML);
    const byDefault = await run(["run", "pipe", "-y"]);
    assert.equal(byDefault.stdout, "['--epochs', '1', '--lr', '0.5']\n", byDefault.stderr);
    assert.equal(byDefault.stderr, "INFO: [guild] running train: train lr=0.5\n");
    const given = await run(["run", "pipe", "train:lr=0.01", "-y"]);
    assert.equal(given.stdout, "['--epochs', '1', '--lr', '0.01']\n", given.stderr);
    const runs = await run(["runs", "-n", "2"]);
    assert.match(runs.stdout, /^\[1:\w+\] +train +\S+ \S+ +completed +epochs=1 lr=0\.01\n\[2:\w+\] +pipe +\S+ \S+ +completed +train:lr=0\.01\n$/);
  });
});
