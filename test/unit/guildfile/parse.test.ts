// guild.yml data → Guildfile (spec §3.2): the operations-map form, the
// `- model:` list form, string opdef shorthand, flags-import variants and
// validation that reports every problem at once.
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { plain } from "../../helpers/plain.js";
import { parseGuildfile, type ParseResult } from "../../../src/core/guildfile/parse.js";
import type { OpDef } from "../../../src/core/guildfile/types.js";
import { float } from "../../../src/core/flags/value.js";
import { loadYaml } from "../../../src/core/yaml/guild-yaml.js";

const parse = (yaml: string): ParseResult => plain(parseGuildfile(loadYaml(yaml), "/p/guild.yml", "/p", "d1g3st"));

function ok(yaml: string) {
  const result = parse(yaml);
  assert.deepEqual(result.errors, []);
  assert.ok(result.guildfile);
  return result.guildfile;
}
function errors(yaml: string): string[] {
  const result = parse(yaml);
  assert.equal(result.guildfile, undefined);
  return result.errors;
}
function op(yaml: string, name: string, model = ""): OpDef {
  const found = ok(yaml).models.find((m) => m.name === model)?.operations.find((o) => o.name === name);
  assert.ok(found, `op ${model}:${name}`);
  return found;
}
// The defined fields of an opdef, for exact comparison.
function fields(o: OpDef, keys: (keyof OpDef)[]): Partial<OpDef> {
  return Object.fromEntries(keys.filter((k) => o[k] !== undefined).map((k) => [k, o[k]]));
}

const OPS_MAP = `
train:
  description: Train it
  main: train --x 1
  flags:
    lr: 0.1
    epochs: {default: 10, type: int}
  flags-dest: args
  label: lr=\${lr}
  env: {A: 1, B: null, C: x}
say: say.py
tune: {}
_hidden:
  default: yes
  exec: \${python_exe} -c 'print(1)'
`;

describe("operations map form", () => {
  test("one anonymous default model, ops in file order", () => {
    const gf = ok(OPS_MAP);
    assert.deepEqual([gf.path, gf.dir, gf.digest], ["/p/guild.yml", "/p", "d1g3st"]);
    assert.deepEqual(
      gf.models.map((m) => [m.name, m.isDefault, m.operations.map((o) => o.name)]),
      [["", true, ["train", "say", "tune", "_hidden"]]],
    );
  });
  test("opdef attributes", () => {
    const train = op(OPS_MAP, "train");
    assert.deepEqual(fields(train, ["name", "modelName", "isDefault", "description", "main", "flagsDest", "label", "env", "flagsImport"]), {
      name: "train",
      modelName: "",
      isDefault: false,
      description: "Train it",
      main: "train --x 1",
      flagsDest: "args",
      label: "lr=${lr}",
      env: { A: "1", B: "", C: "x" },
    });
    assert.deepEqual(train.flags, { lr: { name: "lr", default: float(0.1) }, epochs: { name: "epochs", default: 10, type: "int" } });
    assert.deepEqual(train.flagsImportSkip, []);
  });
  test("string shorthand is {main: <string>}", () => assert.equal(op(OPS_MAP, "say").main, "say.py"));
  test("empty opdef", () => {
    assert.deepEqual(fields(op(OPS_MAP, "tune"), ["main", "exec", "steps", "flags", "isDefault"]), { flags: {}, isDefault: false });
  });
  test("default and exec", () => {
    assert.deepEqual(fields(op(OPS_MAP, "_hidden"), ["isDefault", "exec"]), { isDefault: true, exec: "${python_exe} -c 'print(1)'" });
  });
  test("steps are kept raw", () => {
    const steps = [{ run: "say.py", flags: { msg: ["hi", "hello", "hola"] } }, "say.py msg=x"];
    assert.deepEqual(op("say-many:\n  steps:\n    - run: say.py\n      flags:\n        msg: [hi, hello, hola]\n    - say.py msg=x\n", "say-many").steps, steps);
  });
  test("an empty file has no models", () => assert.deepEqual(ok("").models, []));
});

const MODELS = `
- model: m1
  description: First
  default: yes
  operations:
    train: train
    eval:
      main: eval
- model: m2
  operations:
    train:
      main: train2
- config: shared
- package: pkg
- include: other.yml
`;

describe("model list form", () => {
  test("models and their ops", () => {
    assert.deepEqual(
      ok(MODELS).models.map((m) => [m.name, m.isDefault, m.description, m.operations.map((o) => `${o.modelName}:${o.name}=${o.main}`)]),
      [
        ["m1", true, "First", ["m1:train=train", "m1:eval=eval"]],
        ["m2", false, undefined, ["m2:train=train2"]],
      ],
    );
  });
  test("a model without operations", () => assert.deepEqual(ok("- model: m\n").models[0]?.operations, []));
});

describe("flags-import", () => {
  const CASES: [string, OpDef["flagsImport"]][] = [
    ["yes", "all"],
    ["all", "all"],
    ["no", "none"],
    ["[]", "none"],
    ["[a, b]", ["a", "b"]],
  ];
  for (const [value, want] of CASES) {
    test(value, () => assert.deepEqual(op(`t:\n  flags-import: ${value}\n`, "t").flagsImport, want));
  }
  test("absent", () => assert.equal(op("t:\n  main: t\n", "t").flagsImport, undefined));
  test("flags-import-skip list", () => assert.deepEqual(op("t:\n  flags-import-skip: [a, b]\n", "t").flagsImportSkip, ["a", "b"]));
  test("flags-import-skip string", () => assert.deepEqual(op("t:\n  flags-import-skip: a\n", "t").flagsImportSkip, ["a"]));
});

describe("validation errors", () => {
  const TYPES = "string, int, float, number, boolean, path, existing-path, auto";
  const CASES: [string, string, string[]][] = [
    ["top level scalar", "5", ["invalid guildfile data 5: expected a mapping or a list"]],
    ["list item without a type", "- operations: {}\n", [`missing required type (one of: config, include, model, package) in {"operations":{}}`]],
    ["list item not a mapping", "- train\n", [`item 1: invalid guildfile item "train": expected a mapping`]],
    ["operations not a mapping", "- model: m\n  operations: [a]\n", [`model 'm': operations: expected a mapping, got ["a"]`]],
    ["opdef not a mapping", "train: [a]\n", [`operations.train: expected a mapping or a string, got ["a"]`]],
    ["main not a string", "train:\n  main: [a]\n", [`operations.train.main: expected a string, got ["a"]`]],
    ["steps not a list", "s:\n  steps: say.py\n", [`operations.s.steps: expected a list, got "say.py"`]],
    ["bad step", "s:\n  steps:\n    - 1\n", ["operations.s.steps[0]: expected a string or a mapping with 'run', got 1"]],
    ["flags not a mapping", "t:\n  flags: [a]\n", [`operations.t.flags: expected a mapping, got ["a"]`]],
    ["bad flag type", "t:\n  flags:\n    x: {type: integer}\n", [`operations.t.flags.x.type: expected one of ${TYPES}, got integer`]],
    ["bad flags-import", "t:\n  flags-import: 1\n", ["operations.t.flags-import: expected yes, no, all or a list of flag names, got 1"]],
    ["bad flags-import-skip", "t:\n  flags-import-skip: {a: 1}\n", [`operations.t.flags-import-skip: expected a list of names, got {"a":1}`]],
    ["env not a mapping", "t:\n  env: [A]\n", [`operations.t.env: expected a mapping, got ["A"]`]],
    ["model ops are prefixed", "- model: m\n  operations:\n    t:\n      flags:\n        x: {foo: 1}\n", [
      "model 'm': operations.t.flags.x: unknown flag attribute 'foo'",
    ]],
    [
      "every problem is reported, in file order",
      "a:\n  main: [x]\n  flags:\n    x: {type: bad}\n    y: {nope: 1}\nb: 5\nc:\n  env: x\n  steps: {}\n",
      [
        `operations.a.main: expected a string, got ["x"]`,
        `operations.a.flags.x.type: expected one of ${TYPES}, got bad`,
        "operations.a.flags.y: unknown flag attribute 'nope'",
        "operations.b: expected a mapping or a string, got 5",
        "operations.c.steps: expected a list, got {}",
        `operations.c.env: expected a mapping, got "x"`,
      ],
    ],
    [
      "errors across list items",
      "- model: a\n  operations: 1\n- nope: 1\n- model: b\n  operations:\n    t: [1]\n",
      [
        "model 'a': operations: expected a mapping, got 1",
        `missing required type (one of: config, include, model, package) in {"nope":1}`,
        "model 'b': operations.t: expected a mapping or a string, got [1]",
      ],
    ],
  ];
  for (const [name, yaml, want] of CASES) test(name, () => assert.deepEqual(errors(yaml), want));
});
