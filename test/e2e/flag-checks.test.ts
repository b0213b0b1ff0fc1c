/**
 * Flag definitions through the built bin (spec §4.4, §4.6, §4.7, §5.6):
 * every refusal with Guild's message and exit code before anything is
 * written, and the accepted values as the operation receives them.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { guild } from "../helpers/guild-cli.js";
import { tempProject, type TempProject } from "../helpers/temp-project.js";
import { session, text, type Session } from "../helpers/transcript.js";

const TRY_FLAGS = "Try 'guild run types --help-op' for a list of flags or use --force-flags to skip this check.";
const TRY_HELP = "Try 'guild run --help' for more information.";

/** [project, args, stderr, exit code] — `<tmp>` is the project's temp root. */
const REFUSED: [string, string[], string, number?][] = [
  ["flags", ["types", "i=2.5"], "guild: invalid value 2.5 for i: invalid value for type 'int'"],
  ["flags", ["types", "i=abc"], "guild: invalid value abc for i: invalid value for type 'int'"],
  ["flags", ["types", "f=abc"], "guild: invalid value abc for f: invalid value for type 'float'"],
  ["flags", ["types", "n=abc"], "guild: invalid value abc for n: invalid value for type 'number'"],
  ["flags", ["types", "i=[1,x]"], "guild: invalid value [1, 'x'] for i: invalid value for type 'int'"],
  ["flags", ["types", "nope=1"], `guild: unsupported flag 'nope'\n${TRY_FLAGS}`],
  ["flags", ["ranges", "i=0"], "guild: invalid value 0 for i: out of range (less than min 1)"],
  ["flags", ["ranges", "i=[5,11]"], "guild: invalid value 11 for i: out of range (greater than max 10)"],
  ["flags", ["ranges", "x=2"], "guild: invalid value 2.0 for x: out of range (greater than max 1)"],
  ["flags", ["paths", "data=nope"], "guild: invalid value <tmp>/project/nope for data: <tmp>/project/nope does not exist"],
  ["flags", ["choices", "color=green"], "Unsupported value for 'color' - supported values are:\n\n  red   Warm colour\n  blue  Cold colour\n\nRun the command again using one of these options."],
  ["flags", ["choices", "size=[1,5]"], "Unsupported value for 'size' - supported values are:\n\n  1  \n  2  \n  3  \n\nRun the command again using one of these options."],
  ["flags", ["required"], "Operation requires the following missing flags:\n\n  name  Name to use\n  tag   \n\nRun the command again with these flags specified as NAME=VAL."],
  ["flags", ["required", "name=x", "tag="], "Operation requires the following missing flags:\n\n  tag  \n\nRun the command again with these flags specified as NAME=VAL."],
  ["flags", ["typed.py", "count=abc"], "guild: invalid value abc for count: invalid value for type 'int'"],
  ["flags", ["typed.py", "count=1.5"], "guild: invalid value 1.5 for count: invalid value for type 'int'"],
  ["flags", ["typed.py", "mode=medium"], "Unsupported value for 'mode' - supported values are:\n\n  fast  \n  slow  \n\nRun the command again using one of these options."],
  ["flags", ["types", "i"], "guild: invalid argument 'i' - expected NAME=VAL"],
  ["sweep", ["say.py", "@nope.csv"], "guild: batch file ./nope.csv does not exist"],
  ["sweep", ["say.py", "@trials.txt"], "guild: cannot read trials for ./trials.txt: unsupported extension"],
  ["sweep", ["say.py", "@not-a-list.yaml"], "guild: cannot read trials for ./not-a-list.yaml: invalid data type for trials: expected list or dict, got int"],
  ["sweep", ["say.py", "@bad-trial.json"], "guild: cannot read trials for ./bad-trial.json: invalid data type for trial 123: expected dict"],
  ["sweep", ["say.py", "@unknown-flag.csv"], "guild: unsupported flag 'nope'\nTry 'guild run say.py --help-op' for a list of flags or use --force-flags to skip this check."],
  ["sweep", ["train.py", "-o", "random"], "ERROR: [guild] flags for batch (act=relu, layers=2, lr=0.01) do not contain any search dimensions\nTry specifying a range for one or more flags as NAME=[MIN:MAX]."],
  ["sweep", ["train.py", "lr=foo[1:2]"], "ERROR: [guild] unknown function 'foo' used for flag lr"],
  ["sweep", ["train.py", "lr=[1:2:3:4]"], "ERROR: [guild] uniform requires 2 or 3 args, got [1, 2, 3, 4] for flag lr"],
  ["sweep", ["train.py", "lr=loguniform[0:1]"], "ERROR: [guild] invalid search dimension for flag lr: loguniform bounds must be greater than 0"],
  // Ranges are checked like plain values (issue 14): bounds are numbers, inside min/max.
  ["sweep", ["train.py", "lr=[0.1:abc]"], "ERROR: [guild] invalid search dimension for flag lr: expected a number, got abc"],
  ["sweep", ["train.py", "lr=uniform[abc:def]"], "ERROR: [guild] invalid search dimension for flag lr: expected a number, got abc"],
  ["sweep", ["train.py", "layers=[1:abc]", "-m", "3"], "ERROR: [guild] invalid search dimension for flag layers: expected a number, got abc"],
  ["flags", ["ranges", "i=[1:abc]"], "ERROR: [guild] invalid search dimension for flag i: expected a number, got abc"],
  ["flags", ["ranges", "x=[0.5:2]"], "guild: invalid value [0.5:2] for x: out of range (greater than max 1)"],
  ["flags", ["ranges", "i=[0:5]"], "guild: invalid value [0:5] for i: out of range (less than min 1)"],
  ["flags", ["ranges", "i=[2.5:5]"], "guild: invalid value [2.5:5] for i: an int flag's range must have int bounds"],
  ["sweep", ["say.py", "--print-trials"], "guild: cannot print trials for a non-batch operation"],
  ["sweep", ["say.py", "--save-trials", "t.csv"], "guild: cannot save trials for a non-batch operation"],
  ["sweep", ["say.py", "--print-cmd", "--print-env"], `guild: --print-cmd and --print-env cannot both be used\n${TRY_HELP}`],
  ["sweep", ["say.py", "msg=[a,b]", "--print-trials", "--stage-trials"], `guild: --print-trials and --stage-trials cannot both be used\n${TRY_HELP}`],
  ["sweep", ["say.py", "-t", "a", "-l", "b"], `guild: --tag and --label cannot both be used\n${TRY_HELP}`],
  ["sweep", ["say.py", "-bt", "a", "-bl", "b"], `guild: --batch-tag and --batch-label cannot both be used\n${TRY_HELP}`],
  ["sweep", ["say.py", "-m", "0"], `guild: invalid value for '-m' / '--max-trials': 0 is smaller than the minimum valid value 1\n${TRY_HELP}`, 2],
  ["sweep", ["say.py", "--random-seed", "x"], `guild: invalid value for '--random-seed': 'x' is not a valid integer\n${TRY_HELP}`, 2],
];

for (const project of ["flags", "sweep"]) {
  // Refusals write nothing, so the cases can share a project and run side by side.
  describe(`refused before anything runs (${project})`, { concurrency: 4 }, () => {
    let p: TempProject;
    before(() => (p = tempProject(`fixtures/projects/${project}`)));
    after(() => p.cleanup());

    for (const [proj, args, stderr, exitCode = 1] of REFUSED) {
      if (proj !== project) continue;
      test(args.join(" "), async () => {
        const r = await guild(["run", ...args, "-y"], { cwd: p.cwd, home: p.home });
        assert.deepEqual([r.stdout, r.stderr.replaceAll(p.root, "<tmp>"), r.exitCode], ["", `${stderr}\n`, exitCode]);
        const runs = join(p.home, "runs");
        assert.deepEqual(existsSync(runs) ? readdirSync(runs) : [], []);
      });
    }
  });
}

describe("accepted flag values, as the operation gets them", () => {
  let p: TempProject;
  let s: Session;
  before(() => {
    p = tempProject("fixtures/projects/flags");
    s = session({ cwd: p.cwd, home: p.home, env: { HOME: "/home/me" } }, [p.root]);
  });
  after(() => p.cleanup());

  test("types: coerced values, defaults too; paths made absolute", async () => {
    assert.equal(
      await s.run(["run", "types", "i=3", "f=2", "n=1e-3", "b=0", "s=1.5", "p=~/x", "-y"]),
      text`
        args: --b  --f 2.0 --i 3 --n 0.001 --p /home/me/x --s 1.5
        FLAG_B=0
        FLAG_F=2.0
        FLAG_I=3
        FLAG_N=0.001
        FLAG_P=/home/me/x
        FLAG_S=1.5
      `,
    );
    // Columns are as wide as the temp path, so spaces are collapsed here.
    assert.equal(
      (await s.run(["run", "types", "i=yes", "b=yes", "s=[1, 2]", "--print-trials"])).replace(/ +/g, " "),
      text`
        # b f i n p s
        1 yes 1.0 1 2 <tmp>/project/data '1'
        2 yes 1.0 1 2 <tmp>/project/data '2'
      `,
    );
  });

  test("arg-name, arg-skip, arg-switch, env-name and null-label", async () => {
    assert.equal(
      await s.run(["run", "args", "sw=yes", "maybe=x", "env=bye", "-y"]),
      text`
        args: --env bye --maybe x --option 1 --sw
        FLAG_MAYBE=x
        FLAG_OPT=1
        FLAG_SKIP=1
        FLAG_SW=1
        MY_ENV=bye
      `,
    );
    assert.equal((await s.run(["run", "args", "sw=no", "opt=5", "-y"])).split("\n")[0], "args: --env hello --option 5");
    const r = await guild(["run", "args"], { cwd: p.cwd, home: p.home }, "n\n");
    assert.equal(r.stderr, "You are about to run args\n  env: hello\n  maybe: not set\n  opt: 1\n  skip: 1\n  sw: no\nContinue? (Y/n) ");
  });

  test("choices: an alias stands for its value and sets the choice's flags", async () => {
    assert.equal((await s.run(["run", "choices", "color=b", "size=2.0", "-y"])).split("\n")[0], "args: --color blue --shade dark --size 2.0");
    assert.equal((await s.run(["run", "choices", "color=blue", "shade=pale", "-y"])).split("\n")[0], "args: --color blue --shade pale --size 1");
  });

  test("argparse type= and choices= are imported from the script", async () => {
    assert.equal(await s.run(["run", "typed.py", "count=3", "rate=1", "mode=slow", "-y"]), "count=3 rate=1.0 mode='slow'\n");
  });

  test("--force-flags passes what the checks would refuse", async () => {
    assert.equal(
      (await s.run(["run", "types", "--force-flags", "i=abc", "zz=1", "-y"])).split("\n")[0],
      "args: --b  --f 1.0 --i abc --n 2 --p <tmp>/project/data --s abc --zz 1",
    );
  });
});
