// Steps (spec §8): one `steps:` item as a `guild run` invocation, the args
// shown in `INFO: [guild] running <name>: <args>` and the step link names.
// Expected values are what Guild's steps_main (93926134) builds for the same
// step data and parent run (its Step class and _init_step_cmd, run under
// python3): opspec, parent options, step options in a fixed order, batch
// files, then sorted flag assigns.
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { GuildError } from "../../../src/core/errors.js";
import { float, type FlagMap } from "../../../src/core/flags/value.js";
import { parseStep, stepArgs, stepLinkName, type StepParent, type StepSpec } from "../../../src/core/steps/step-spec.js";

const SEED = { run: "say.py", flags: { msg: ["hi", "hello", "hola"] } };

describe("parseStep", () => {
  const CASES: [string, unknown, Partial<StepSpec>][] = [
    ["seed step (map flags)", SEED, { name: "say.py", opspec: "say.py", options: [], flagArgs: ["msg=[hi, hello, hola]"], ignored: [] }],
    ["string step", "say.py msg=hi", { name: "say.py", opspec: "say.py", options: [], flagArgs: ["msg=hi"], ignored: [] }],
    ["name", { run: "train", name: "first" }, { name: "first", opspec: "train" }],
    ["model opspec", "m1:train lr=0.1", { name: "m1:train", opspec: "m1:train", flagArgs: ["lr=0.1"] }],
    ["quoted option value", "say.py --label 'a b' msg=x", { opspec: "say.py", options: ["--label", "a b"], flagArgs: ["msg=x"] }],
    ["options before the opspec", "--max-trials 3 train", { opspec: "train", options: ["--max-trials", "3"] }],
    ["-l", "say.py -l foo", { options: ["--label", "foo"] }],
    ["-t", "say.py -t bar", { options: ["--tag", "bar"] }],
    ["-m", "say.py -m 2", { options: ["--max-trials", "2"] }],
    ["-o", "say.py -o random", { options: ["--optimizer", "random"] }],
    ["-bl and -bt", "say.py -bl a -bt b", { options: ["--batch-label", "a", "--batch-tag", "b"] }],
    ["-lfoo, --label=x: the last wins", 'say.py --label="a b" -lfoo', { options: ["--label", "foo"] }],
    ["-n is --no-wait, which a step ignores", "say.py -n", { options: [], ignored: ["no_wait"] }],
    ["--needed", "say.py --needed", { options: ["--needed"] }],
    ["--fail-on-trial-error", "say.py --fail-on-trial-error", { options: ["--fail-on-trial-error"] }],
    ["map label", { run: "train", label: "x" }, { opspec: "train", options: ["--label", "x"] }],
    ["map max-trials", { run: "train", "max-trials": 5 }, { options: ["--max-trials", "5"] }],
    ["map fail-on-trial-error", { run: "train", "fail-on-trial-error": true }, { options: ["--fail-on-trial-error"] }],
    ["map switches false are off", { run: "train", needed: false, "fail-on-trial-error": false }, { options: [] }],
    ["a false map switch leaves the spec's", { run: "train --needed", needed: false }, { options: ["--needed"] }],
    ["map gpus as a string", { run: "train", gpus: 1 }, { options: ["--gpus", "1"] }],
    ["map random-seed as a string", { run: "train", "random-seed": 42 }, { options: ["--random-seed", "42"] }],
    ["map batch-label", { run: "train", "batch-label": "bl" }, { options: ["--batch-label", "bl"] }],
    ["map opspec replaces the spec's", { run: "train", opspec: "other" }, { name: "other", opspec: "other" }],
    ["null map flags dropped", { run: "say.py", flags: { msg: null, loud: true } }, { flagArgs: ["loud=yes"] }],
    ["map flag encodings, sorted", { run: "op", flags: { n: "1", f: false, l: [1, "a"] } }, { flagArgs: ["f=no", "l=[1, a]", "n='1'"] }],
    ["map flags replace the spec's", { run: "say.py msg=hi", flags: { loud: true } }, { flagArgs: ["loud=yes"] }],
    ["an empty flags list too", { run: "train x=1", flags: [] }, { flagArgs: [] }],
    ["batch files", "train @b.csv x=1", { batchFiles: ["b.csv"], flagArgs: ["x=1"] }],
    ["unused options are reported, sorted", "say.py --stage --print-cmd msg=x", {
      opspec: "say.py",
      flagArgs: ["msg=x"],
      ignored: ["print_cmd", "stage"],
      warnings: [
        "run parameter print_cmd used in 'say.py --stage --print-cmd msg=x' ignored",
        "run parameter stage used in 'say.py --stage --print-cmd msg=x' ignored",
      ],
    }],
    ["an ignored option's value is not a flag arg", "say.py --run-dir /x msg=hi", { flagArgs: ["msg=hi"], ignored: ["run_dir"] }],
    ["--stage-trials in a step's run spec is ignored", "say.py --stage-trials msg=x", {
      options: [],
      ignored: ["stage_trials"],
      warnings: ["run parameter stage_trials used in 'say.py --stage-trials msg=x' ignored"],
    }],
    ["the spec in Python's repr", `say.py -y msg="it's"`, { warnings: [`run parameter yes used in 'say.py -y msg="it\\'s"' ignored`] }],
  ];
  for (const [name, data, want] of CASES) {
    test(name, () => {
      const spec = parseStep(data);
      const picked = Object.fromEntries(Object.keys(want).map((k) => [k, spec[k as keyof StepSpec]]));
      assert.deepEqual(picked, want);
    });
  }
});

describe("stepArgs: the `running` log line (§8)", () => {
  test("seed", () => assert.equal(stepArgs(parseStep(SEED), false).join(" "), "say.py msg=[hi, hello, hola]"));
  test("seed with --stage-trials", () => {
    assert.equal(stepArgs(parseStep(SEED), true).join(" "), "say.py --stage-trials msg=[hi, hello, hola]");
  });
  const CASES: [unknown, boolean, string][] = [
    ["say.py msg=hi", false, "say.py msg=hi"],
    ["m1:train --max-trials 3 lr=0.1", false, "m1:train --max-trials 3 lr=0.1"],
    ["m1:train lr=0.1 --max-trials 3", true, "m1:train --stage-trials --max-trials 3 lr=0.1"],
    ["say.py --label 'a b' msg=x", false, "say.py --label a b msg=x"],
    [{ run: "train", name: "first" }, false, "train"],
    [{ run: "say.py", flags: { msg: null, loud: true } }, false, "say.py loud=yes"],
    // Flags sorted, decoded and shown in display encoding, nulls dropped.
    [{ run: "say.py", flags: { b: 1, a: 2 } }, false, "say.py a=2 b=1"],
    ["say.py b=1 a=2", false, "say.py a=2 b=1"],
    ["say.py msg=[hi,hello]", false, "say.py msg=[hi, hello]"],
    ["say.py x=010 z=1e5", false, "say.py x=10 z='1e5'"],
    ["say.py msg=x loud=null", false, "say.py msg=x"],
    [{ run: "op", flags: { s: "a b" } }, false, "op s='a b'"],
    ['say.py msg="a b" --label "x"', false, "say.py --label x msg='a b'"],
    [{ run: "train", flags: ["b=1", "a=x y"] }, false, "train a='x y' b=1"],
    [{ run: "train", flags: { a: null, b: { k: [1, 2] }, c: float(1), d: "1" } }, false, "train b={k: [1, 2]} c=1.0 d='1'"],
    // Options in Guild's fixed order.
    [{ run: "train", "max-trials": 5, label: "x", "fail-on-trial-error": true }, false,
      "train --fail-on-trial-error --label x --max-trials 5"],
    [{ run: "train", label: "L", gpus: 1 }, false, "train --gpus 1 --label L"],
    [{ run: "train", needed: true, "random-seed": 42, tag: "t", "batch-label": "bl", optimizer: "random", "batch-tag": "bt" }, false,
      "train --batch-label bl --batch-tag bt --needed --optimizer random --random-seed 42 --tag t"],
    ["train -Fo a=1 -Fo b=2 --optimize -N loss --stop-after 3 --no-gpus -f -r rem", false,
      "train --force-flags --minimize loss --no-gpus --opt-flag a=1 --opt-flag b=2 --optimize --remote rem --stop-after 3"],
    [{ run: "train", "force-flags": true, "no-gpus": 1, "opt-flags": ["a=1"] }, false, "train --force-flags --no-gpus --opt-flag a=1"],
    [{ run: "train", "max-trials": 0, label: "", gpus: null }, false, "train"],
    ["train @b.csv x=1", false, "train @b.csv x=1"],
    ["msg=hi", false, "msg=hi"],
    [`say.py -y msg="it's"`, false, "say.py msg=it's"],
  ];
  for (const [data, stage, want] of CASES) {
    test(`${JSON.stringify(data)}${stage ? " (stage trials)" : ""}`, () => {
      assert.equal(stepArgs(parseStep(data), stage).join(" "), want);
    });
  }
});

describe("a step in its parent run", () => {
  const parent = (p: Partial<StepParent>): StepParent => ({ flags: {}, runParams: {}, modelName: "", ...p });
  const CASES: [string, unknown, StepParent, string][] = [
    ["unset params come from the parent's run params", "train",
      parent({ runParams: { label: "P", max_trials: 2, gpus: "0", stage_trials: true, random_seed: 5, tag: null, yes: true, opspec: "pipeline", flags: [] } }),
      "train --gpus 0 --label P --max-trials 2 --random-seed 5"],
    ["${flag} refs to the parent's flags", 'train lr=${lr} msg="a ${lr}" s=${s} n=${n} m=${n}z',
      parent({ flags: { lr: float(0.1), s: "x y", n: null } }), "train lr=0.1 m=nullz msg='a 0.1' s='x y'"],
    ["refs in options and map flags", { run: "train", label: "a${x}", tag: "${l}", flags: { y: "${l}" } },
      parent({ flags: { x: float(1.5), l: [1, 2] } }), "train --label a1.5 --tag [1, 2] y=[1, 2]"],
    ["a ref inside text is spelled as block YAML", { run: "train", flags: { z: "v${l}" } }, parent({ flags: { l: [1, 2] } }),
      "train z='v- 1\n\n  - 2'"],
    ["--gpus, --label and --tag refs", "train --label ${x} --tag t${x} --gpus ${x}", parent({ flags: { x: "L" } }),
      "train --gpus L --label L --tag tL"],
    ["<opspec>:NAME and <name>:NAME parent flags win", { run: "train lr=1", name: "first" },
      parent({ flags: { "train:lr": float(0.5), "first:x": 1, lr: 2 } }), "train lr=0.5 x=1"],
    ["the parent's model for a step with none", "train", parent({ modelName: "m1" }), "m1:train"],
    ["a step's own model", "m2:train", parent({ modelName: "m1" }), "m2:train"],
    ["a script in a model's pipeline", "say.py", parent({ modelName: "m1" }), "m1:say.py"],
  ];
  for (const [name, data, p, want] of CASES) test(name, () => assert.equal(stepArgs(parseStep(data, p), false).join(" "), want));

  test("the name stays as written", () => assert.equal(parseStep("train", parent({ modelName: "m1" })).name, "train"));
});

describe("bad steps fail with Guild's message", () => {
  const fails = (message: string) => (e: unknown) => e instanceof GuildError && e.message === message && e.exitCode === 1;
  const CASES: [unknown, FlagMap, string][] = [
    ["say.py --nope", {}, "invalid run spec 'say.py --nope': no such option: --nope"],
    ["say.py -z", {}, "invalid run spec 'say.py -z': no such option: -z"],
    ["say.py --label", {}, "invalid run spec 'say.py --label': --label option requires an argument"],
    ["say.py --stage=1", {}, "invalid run spec 'say.py --stage=1': --stage option does not take a value"],
    ["train -m 0", {}, "invalid run spec 'train -m 0': 0 is not in the valid range of 1 or greater."],
    ["train --random-seed x", {}, "invalid run spec 'train --random-seed x': x is not a valid integer"],
    ["say.py 'msg", {}, "invalid run spec \"say.py 'msg\": No closing quotation"],
    ["train x", {}, "invalid argument 'x' - expected NAME=VAL"],
    [{ name: "x" }, {}, "invalid step {'name': 'x'}: must define run"],
    [{ run: "  " }, {}, "invalid step {'run': '  '}: must define run"],
    [5, {}, "invalid step data: 5"],
    [{ run: "train", flags: 5 }, {}, "invalid flags value 5"],
    // Guild ends these with a traceback (or, for a missing opspec, runs the pipeline again).
    ["train lr=${nope}", { lr: float(0.1) }, "step 'train' contains invalid reference 'nope'"],
    [{ run: "train", label: "${x}" }, {}, "step 'train' contains invalid reference 'x'"],
    ["--label x", {}, "invalid run spec '--label x': missing operation"],
  ];
  for (const [data, flags, message] of CASES) {
    test(message, () => assert.throws(() => parseStep(data, { flags, runParams: {}, modelName: "" }), fails(message)));
  }
});

describe("stepLinkName", () => {
  const CASES: [string, string[], string][] = [
    ["say.py", [], "say.py"],
    ["m1:train", [], "m1_train"],
    ["a b/c\\d:e", [], "a_b_c_d_e"],
    ["say.py", ["say.py"], "say.py_2"],
    ["say.py", ["say.py", "say.py_2"], "say.py_3"],
    ["say.py", ["say.py_2"], "say.py"],
    ["m:x", ["m_x"], "m_x_2"],
  ];
  for (const [name, taken, want] of CASES) {
    test(`${name} with ${JSON.stringify(taken)}`, () => assert.equal(stepLinkName(name, new Set(taken)), want));
  }
});
