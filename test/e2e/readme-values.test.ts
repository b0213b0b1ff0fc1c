/**
 * The README's "Flag values" table and its seeded random-search example, end
 * to end through the built bin: each value written on the command line, the
 * value `--print-trials` shows (strings that look like numbers are quoted)
 * and the argument `--print-cmd` passes. The random-search values are pinned
 * here and must also be what the README prints.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { guild, REPO_ROOT } from "../helpers/guild-cli.js";
import { tempProject, type TempProject } from "../helpers/temp-project.js";

// The README table's rows: what you write, what the trial shows, what the script gets.
const SCALARS: [written: string, shown: string, passed: string][] = [
  ["yes", "yes", "1"],
  ["no", "no", "''"],
  ["true", "yes", "1"],
  ["off", "no", "''"],
  ["y", "y", "y"],
  ["n", "n", "n"],
  ["null", "null", ""],
  ["~", "null", ""],
  ["1", "1", "1"],
  ["010", "10", "10"],
  ["+5", "5", "5"],
  ["0x1F", "31", "31"],
  ["1.0", "1.0", "1.0"],
  [".5", "0.5", "0.5"],
  ["1e-5", "1.0e-05", "1e-05"],
  ["1.5e3", "1500.0", "1500.0"],
  ["1e5", "'1e5'", "1e5"],
  ["123e4", "'123e4'", "123e4"],
  ["1_000", "'1_000'", "1_000"],
  ["1:30", "'1:30'", "1:30"],
  ["a b", "a b", "'a b'"],
  ["'1'", "'1'", "1"],
];

const LISTS: [written: string, trials: string[]][] = [
  ["[a, b]", ["a", "b"]],
  ["[1,2]*2", ["1", "2", "1", "2"]],
  ["range[1:5]", ["1", "2", "3", "4", "5"]],
  ["range[0:1:0.25]", ["0.0", "0.25", "0.5", "0.75", "1.0"]],
  ["linspace[1:10]", ["1.0", "3.25", "5.5", "7.75", "10.0"]],
  ["logspace[-4:-1:4]", ["0.0001", "0.001", "0.01", "0.1"]],
];

let p: TempProject;
before(() => {
  p = tempProject("fixtures/projects/sweep");
  writeFileSync(join(p.cwd, "guild.yml"), 'show:\n  exec: python3 -c "pass" ${flag_args}\n');
});
after(() => p.cleanup());

const run = (args: string[]) => guild(args, { cwd: p.cwd, home: p.home });
const name = (i: number) => `f${String(i).padStart(2, "0")}`;

/** The one trial's cells of a `--print-trials` table, by column name (cells may hold spaces). */
function trialCells(table: string): Map<string, string> {
  const [header = "", row = ""] = table.split("\n");
  const starts = [...header.matchAll(/\S+/g)].map((m) => ({ name: m[0], at: m.index }));
  return new Map(starts.map((c, i) => [c.name, row.slice(c.at, starts[i + 1]?.at).trim()]));
}

describe("README flag values", () => {
  const assigns = SCALARS.map(([written], i) => `${name(i)}=${written}`);

  test("scalars: the value each becomes", async () => {
    // A one-item list makes it a batch of one trial, so --print-trials shows every value at once.
    const r = await run(["run", "show", ...assigns, "one=[1]", "--force-flags", "--print-trials"]);
    assert.equal(r.exitCode, 0, r.stderr);
    const cells = trialCells(r.stdout);
    for (const [i, [written, shown]] of SCALARS.entries()) assert.equal(cells.get(name(i)), shown, written);
  });

  test("scalars: the argument each is passed as", async () => {
    const r = await run(["run", "show", ...assigns, "--force-flags", "--print-cmd"]);
    assert.equal(r.exitCode, 0, r.stderr);
    const expected = SCALARS.map(([, , passed], i) => (passed === "" ? "" : ` --${name(i)} ${passed}`)).join("");
    assert.equal(r.stdout, `python3 -c pass${expected}\n`);
  });

  for (const [written, trials] of LISTS) {
    test(`${written} is a sweep over ${trials.join(", ")}`, async () => {
      const r = await run(["run", "show", `x=${written}`, "--force-flags", "--print-trials"]);
      assert.equal(r.exitCode, 0, r.stderr);
      const rows = trials.map((v, i) => `${String(i + 1).padEnd(Math.max(String(trials.length).length, 1))}  ${v}`);
      assert.equal(r.stdout, [`#${" ".repeat(String(trials.length).length - 1)}  x`, ...rows, ""].join("\n"));
    });
  }

  test("a map is one value, passed as its Python repr", async () => {
    const r = await run(["run", "show", "x={a: 1}", "--force-flags", "--print-cmd"]);
    assert.equal(r.stdout, `python3 -c pass --x '{'"'"'a'"'"': 1}'\n`);
  });
});

describe("README seeded random search", () => {
  const ARGS = ["run", "train.py", "lr=loguniform[1e-4:1e-1]", "layers=[1:8]", "act=[relu,tanh]", "-m", "4", "--random-seed", "7", "--print-trials"];
  const PINNED = [
    "#  act   layers  lr",
    "1  relu  4       0.004977474002083615",
    "2  tanh  7       0.004957828125016911",
    "3  relu  3       0.007070310233234063",
    "4  relu  2       0.09272870352284635",
    "",
  ].join("\n");

  test("seed 7 draws the pinned trials, which the README shows", async () => {
    const r = await run(ARGS);
    assert.equal(r.exitCode, 0, r.stderr);
    assert.equal(r.stdout, PINNED);
    const readme = readFileSync(join(REPO_ROOT, "README.md"), "utf8");
    const command = `$ guild run train.py 'lr=loguniform[1e-4:1e-1]' 'layers=[1:8]' 'act=[relu,tanh]' -m 4 --random-seed 7 --print-trials\n`;
    assert.ok(readme.includes(command + PINNED), "README's seeded example differs from the pinned trials");
  });
});
