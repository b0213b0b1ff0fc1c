/**
 * Sweeps the ways Guild users write them, through the built bin: random
 * search repeated from a seed, batch files with list flags, --max-trials,
 * --print-trials / --save-trials / --print-cmd, and --fail-on-trial-error.
 */
import { afterEach, beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { guild } from "../helpers/guild-cli.js";
import { tempProject, type TempProject } from "../helpers/temp-project.js";
import { session, text, type Session } from "../helpers/transcript.js";

const RANDOM_SWEEP = ["run", "train.py", "lr=loguniform[1e-4:1e-1]", "layers=[1:8]", "act=[relu,tanh]", "--random-seed", "7", "-m", "3"];

describe("sweeps", () => {
  let p: TempProject;
  let s: Session;
  beforeEach(() => {
    p = tempProject("fixtures/projects/sweep");
    s = session({ cwd: p.cwd, home: p.home }, [p.root]);
  });
  afterEach(() => p.cleanup());
  const runIds = () => (existsSync(join(p.home, "runs")) ? readdirSync(join(p.home, "runs")) : []);

  test("a random sweep with a seed is repeated exactly", async () => {
    const first = await s.run([...RANDOM_SWEEP, "-y"]);
    assert.match(first, /^INFO: \[guild\] Running trial ~1~: train\.py \(act=(relu|tanh), layers=\d, lr=0\.\d+\)\nlr=/);
    assert.equal(first.split("\n").length, 7);
    const second = await s.run([...RANDOM_SWEEP, "-y"]);
    // Same trials, new runs: only the run names differ.
    assert.equal(second.replace(/~\d+~/g, "~"), first.replace(/~\d+~/g, "~"));
    const table = await s.run([...RANDOM_SWEEP, "--print-trials"]);
    const trialValues = [...first.matchAll(/^lr=(\S+) layers=(\d) act=(\w+)$/gm)].map((m) => `${m[3]}  ${m[2]}       ${m[1]}`);
    assert.deepEqual(table.trimEnd().split("\n"), ["#  act   layers  lr", ...trialValues.map((row, i) => `${i + 1}  ${row}`)]);
    assert.equal(
      (await s.run(["runs"])).replace(/=0\.\d+/g, "=<lr>"),
      text`
        [1:~6~]  train.py         <time>  completed  ${labelOf(first, 3)}
        [2:~5~]  train.py         <time>  completed  ${labelOf(first, 2)}
        [3:~4~]  train.py         <time>  completed  ${labelOf(first, 1)}
        [4:~7~]  train.py+random  <time>  completed  |
        [5:~3~]  train.py         <time>  completed  ${labelOf(first, 3)}
        [6:~2~]  train.py         <time>  completed  ${labelOf(first, 2)}
        [7:~1~]  train.py         <time>  completed  ${labelOf(first, 1)}
        [8:~8~]  train.py+random  <time>  completed  |
      `,
    );
    const runsDir = join(p.home, "runs");
    const runFile = (...parts: string[]) => readFileSync(join(runsDir, ...parts), "utf8");
    const batches = runIds().filter((id) => existsSync(join(runsDir, id, ".guild", "proto")));
    assert.equal(batches.length, 2);
    const trialFlags = (batch: string) =>
      readdirSync(join(runsDir, batch))
        .filter((name) => /^[0-9a-f]{32}$/.test(name))
        .map((trial) => runFile(trial, ".guild", "attrs", "flags"))
        .sort();
    for (const batch of batches) {
      assert.equal(runFile(batch, ".guild", "opref"), "builtin:guildai 0.1.0 skopt random\n");
      const attrs = ["max_trials", "random_seed", "objective"].map((a) => runFile(batch, ".guild", "attrs", a));
      assert.deepEqual(attrs, ["3\n", "7\n", "loss\n"]);
      assert.equal(trialFlags(batch).length, 3);
    }
    assert.deepEqual(trialFlags(batches[0] as string), trialFlags(batches[1] as string));
  });

  test("random search with --stage-trials stages the trials, the batch completes", async () => {
    const out = await s.run(["run", "say.py", "msg=[a,b,c]", "loud=[yes,no]", "-o", "random", "-m", "2", "--random-seed", "3", "--stage-trials", "-y"]);
    assert.equal(
      out,
      text`
        INFO: [guild] Staging trial ~1~: say.py (loud=no, msg=b)
        say.py staged as ~1~
        To start the operation, use 'guild run --start ~1~'
        INFO: [guild] Staging trial ~2~: say.py (loud=no, msg=a)
        say.py staged as ~2~
        To start the operation, use 'guild run --start ~2~'
      `,
    );
    assert.equal(
      await s.run(["runs"]),
      text`
        [1:~2~]  say.py         <time>  staged     loud=no msg=a
        [2:~1~]  say.py         <time>  staged     loud=no msg=b
        [3:~3~]  say.py+random  <time>  completed  |
      `,
    );
  });

  test("CSV and YAML batch files combined with a list flag: rows x values, in order", async () => {
    assert.equal(
      await s.run(["run", "say.py", "@trials.csv", "@more.yaml", "loud=[yes,no]", "-y"]),
      text`
        INFO: [guild] Running trial ~1~: say.py (loud=yes, msg=hi)
        HI
        INFO: [guild] Running trial ~2~: say.py (loud=no, msg=hi)
        hi
        INFO: [guild] Running trial ~3~: say.py (loud=yes, msg='hello, you')
        HELLO, YOU
        INFO: [guild] Running trial ~4~: say.py (loud=no, msg='hello, you')
        hello, you
        INFO: [guild] Running trial ~5~: say.py (loud=yes, msg=hola)
        HOLA
        INFO: [guild] Running trial ~6~: say.py (loud=no, msg=hola)
        hola
      `,
    );
    const batch = runIds().find((id) => existsSync(join(p.home, "runs", id, ".guild", "proto")));
    assert.equal(
      readFileSync(join(p.home, "runs", batch ?? "?", ".guild", "proto", ".guild", "attrs", "trials"), "utf8"),
      "- loud: false\n  msg: hi\n- loud: true\n  msg: hello, you\n- msg: hola\n",
    );
  });

  test("one trial in all is a plain run; command-line flags win", async () => {
    assert.equal(await s.run(["run", "say.py", "@one.yml", "-y"]), "SOLO\n");
    assert.equal(await s.run(["run", "say.py", "@one.yml", "msg=override", "-y"]), "OVERRIDE\n");
    assert.equal(runIds().length, 2);
  });

  test("--max-trials on a grid keeps a seeded subset in grid order", async () => {
    const args = ["run", "say.py", "msg=[a,b,c,d,e,f]", "-m", "3", "--random-seed", "1", "--print-trials"];
    const table = await s.run(args);
    const msgs = table.trimEnd().split("\n").slice(1).map((line) => line.split(/\s+/)[2]);
    assert.equal(msgs.length, 3);
    assert.deepEqual(msgs, [...msgs].sort());
    assert.equal(await s.run(args), table);
    assert.equal(await s.run(["run", "say.py", "msg=[a,b,c]", "-m", "3", "--print-trials"]), "#  loud  msg\n1  no    a\n2  no    b\n3  no    c\n");
  });

  test("--print-trials and --save-trials; saved trials read back as a batch file", async () => {
    assert.equal(
      await s.run(["run", "say.py", "msg=[hi,'hello there','1']", "loud=[no,yes]", "--print-trials"]),
      text`
        #  loud  msg
        1  no    hi
        2  no    hello there
        3  no    '1'
        4  yes   hi
        5  yes   hello there
        6  yes   '1'
      `,
    );
    assert.equal(
      await s.run(["run", "say.py", "msg=[hi,'hello there','1']", "--save-trials", "saved.csv"]),
      "Saving trials to <tmp>/project/saved.csv\n",
    );
    assert.equal(readFileSync(join(p.cwd, "saved.csv"), "utf8"), "loud,msg\nno,hi\nno,hello there\nno,'1'\n");
    assert.equal(
      await s.run(["run", "say.py", "@saved.csv", "--print-trials"]),
      "#  loud  msg\n1  no    hi\n2  no    hello there\n3  no    '1'\n",
    );
    assert.deepEqual(runIds(), []);
  });

  test("--print-cmd and --print-env", async () => {
    const cmd = await s.run(["run", "say.py", "msg=[a,'b c']", "--print-cmd"]);
    assert.match(cmd, /^\S*python\S* -um guild\.batch_main\n\S*python\S* -um guild\.op_main say --msg a\n\S*python\S* -um guild\.op_main say --msg 'b c'\n$/);
    assert.match(await s.run(["run", "train.py", "lr=0.5", "--print-cmd"]), /^\S*python\S* -um guild\.op_main train --act relu --layers 2 --lr 0\.5\n$/);
    assert.equal(
      await s.run(["run", "say.py", "msg=hi there", "--gpus", "1", "--print-env"]),
      text`
        CUDA_VISIBLE_DEVICES=1
        FLAGS_DEST=args
        FLAG_LOUD=0
        FLAG_MSG='hi there'
        GUILD_PLUGINS=
        PROJECT_DIR=.
      `,
    );
    assert.deepEqual(runIds(), []);
  });

  test("labels: -l templates per trial, -t, --batch-label and --batch-tag", async () => {
    await s.run(["run", "train.py", "lr=[0.1,0.25]", "-l", "lr ${lr|%.2f} ${act}", "-bl", "my batch", "--stage-trials", "-y"]);
    await s.run(["run", "train.py", "lr=[0.123456789]", "-t", "exp", "-bt", "sweep", "--stage-trials", "-y"]);
    await s.run(["run", "say.py", "msg=hello world", "-l", "${msg} said ${missing|default:-}", "-y"]);
    assert.equal(
      await s.run(["runs"]),
      text`
        [1:~4~]  say.py     <time>  completed  'hello world' said -
        [2:~3~]  train.py   <time>  staged     exp act=relu layers=2 lr=0.12345
        [3:~5~]  train.py+  <time>  completed  sweep |
        [4:~2~]  train.py   <time>  staged     lr 0.25 relu
        [5:~1~]  train.py   <time>  staged     lr 0.10 relu
        [6:~6~]  train.py+  <time>  completed  my batch
      `,
    );
  });

  test("--fail-on-trial-error stops the batch; the rest stay staged", async () => {
    assert.equal(
      await s.run(["run", "fail.py", "code=[0,3,0]", "--fail-on-trial-error", "-y"]),
      text`
        INFO: [guild] Running trial ~1~: fail.py (code=0)
        code 0
        INFO: [guild] Running trial ~2~: fail.py (code=3)
        code 3
        ERROR: [guild] trial ~2~ exited with an error (see log for details)
        ERROR: [guild] stopping batch because a trial failed (remaining staged trials may be started as needed)
        <exit 1>
      `,
    );
    assert.equal(
      await s.run(["runs"]),
      text`
        [1:~3~]  fail.py   <time>  staged     code=0
        [2:~2~]  fail.py   <time>  error      code=3
        [3:~1~]  fail.py   <time>  completed  code=0
        [4:~4~]  fail.py+  <time>  error      |
      `,
    );
  });

  test("without it, a failed trial is logged and the batch completes", async () => {
    const out = await s.run(["run", "fail.py", "code=[3,0]", "-y"]);
    assert.equal(out, text`
      INFO: [guild] Running trial ~1~: fail.py (code=3)
      code 3
      ERROR: [guild] trial ~1~ exited with an error (see log for details)
      INFO: [guild] Running trial ~2~: fail.py (code=0)
      code 0
    `);
  });
});

/** The label the n-th trial of a transcript got, floats shown as `<lr>`. */
function labelOf(transcript: string, n: number): string {
  const m = [...transcript.matchAll(/^INFO: \[guild\] Running trial ~\d+~: train\.py \((.*)\)$/gm)][n - 1];
  return (m?.[1] ?? "").replaceAll(", ", " ").replace(/=0\.\d+/g, "=<lr>");
}

describe("guild run without -y asks first", () => {
  let p: TempProject;
  beforeEach(() => (p = tempProject("fixtures/projects/sweep")));
  afterEach(() => p.cleanup());
  const g = () => ({ cwd: p.cwd, home: p.home });
  const runIds = () => (existsSync(join(p.home, "runs")) ? readdirSync(join(p.home, "runs")) : []);

  test("answering no writes nothing and exits 0", async () => {
    const r = await guild(["run", "say.py", "msg=[a,b,c]"], g(), "n\n");
    assert.deepEqual(
      [r.stdout, r.stderr, r.exitCode],
      ["", "You are about to run say.py as a batch (3 trials)\n  loud: no\n  msg: [a, b, c]\nContinue? (Y/n) ", 0],
    );
    assert.deepEqual(runIds(), []);
  });

  test("anything but y, yes or an empty answer is no", async () => {
    const r = await guild(["run", "say.py", "msg=hi"], g(), "maybe\n");
    assert.deepEqual([r.stdout, r.exitCode], ["", 0]);
    assert.deepEqual(runIds(), []);
  });

  test("an empty answer is yes", async () => {
    const r = await guild(["run", "say.py", "msg=hi"], g(), "\n");
    assert.deepEqual([r.stdout, r.stderr, r.exitCode], ["hi\n", "You are about to run say.py\n  loud: no\n  msg: hi\nContinue? (Y/n) ", 0]);
    assert.equal(runIds().length, 1);
  });

  test("previews of random search, batch files and staging", async () => {
    const cases: [string[], string][] = [
      [["train.py", "lr=[0.001:0.1]"], "You are about to run train.py with random search (max 20 trials)\n  act: relu\n  layers: 2\n  lr: [0.001:0.1]\nContinue? (Y/n) "],
      [["train.py", "lr=[0.001:0.1]", "-m", "5", "--stage"], "You are about to stage train.py with random search (max 5 trials)\n  act: relu\n  layers: 2\n  lr: [0.001:0.1]\nContinue? (Y/n) "],
      [["say.py", "@trials.csv", "@more.yaml"], "You are about to run say.py as a batch (3 trials) (flags below used unless specified in batch trial)\n  loud: no\n  msg: hello\nContinue? (Y/n) "],
      [["say.py", "msg=[a,b]", "-m", "1"], "You are about to run say.py as a batch (2 trials)\n  loud: no\n  msg: [a, b]\nContinue? (Y/n) "],
    ];
    for (const [args, expected] of cases) {
      const r = await guild(["run", ...args], g(), "n\n");
      assert.deepEqual([r.stderr, r.exitCode], [expected, 0], args.join(" "));
    }
    assert.deepEqual(runIds(), []);
  });
});
