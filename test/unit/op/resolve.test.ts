// Opspec parsing and opdef lookup in a guild.yml (spec §3.1): model by name
// (the default model when no MODEL:), op by name (the default op when no OP).
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { findOpDef, parseOpspec } from "../../../src/core/op/resolve.js";
import { parseGuildfile } from "../../../src/core/guildfile/parse.js";
import type { Guildfile } from "../../../src/core/guildfile/types.js";
import { loadYaml } from "../../../src/core/yaml/guild-yaml.js";

function gf(yaml: string): Guildfile {
  const result = parseGuildfile(loadYaml(yaml), "/p/guild.yml", "/p", "x");
  assert.ok(result.guildfile, result.errors.join("\n"));
  return result.guildfile;
}
const find = (g: Guildfile, spec: string | undefined): string | undefined => {
  const o = findOpDef(g, parseOpspec(spec));
  return o && (o.modelName ? `${o.modelName}:${o.name}` : o.name);
};

describe("parseOpspec", () => {
  const CASES: [string | undefined, string | undefined, string | undefined][] = [
    [undefined, undefined, undefined],
    ["train", undefined, "train"],
    ["say.py", undefined, "say.py"],
    ["sub/dir/say.py", undefined, "sub/dir/say.py"],
    ["m:train", "m", "train"],
    [":train", "", "train"],
    ["m:", "m", undefined],
    ["queue:queue", "queue", "queue"],
    ["+", undefined, "+"],
  ];
  for (const [spec, model, op] of CASES) {
    test(String(spec), () => {
      const p = parseOpspec(spec);
      assert.deepEqual([p.model, p.op], [model, op]);
    });
  }
});

describe("findOpDef: operations map (anonymous model)", () => {
  const CASES: [string, string | undefined, string | undefined][] = [
    ["train: {}\n_hidden: {}\n", "train", "train"],
    ["train: {}\n_hidden: {}\n", "_hidden", "_hidden"],
    ["train: {}\n_hidden: {}\n", "nope", undefined],
    ["train: {}\n_hidden: {}\n", ":train", "train"],
    // Default op: `default: yes`, else the only op not starting with `_`.
    ["train: {}\n_hidden: {}\n", undefined, "train"],
    ["a: {}\nb: {}\n", undefined, undefined],
    ["a: {}\nb: {default: yes}\n", undefined, "b"],
    ["_a: {default: yes}\nb: {}\n", undefined, "_a"],
    ["a: {default: yes}\nb: {default: yes}\n", undefined, "a"],
    ["_x: {}\n", undefined, undefined],
    ["say.py: {main: say}\n", "say.py", "say.py"],
    ["queue: {main: q}\n", "queue", "queue"],
  ];
  for (const [yaml, spec, want] of CASES) {
    test(`${JSON.stringify(yaml)} ${String(spec)}`, () => assert.equal(find(gf(yaml), spec), want));
  }
  test("an empty guild.yml has no ops", () => assert.equal(find(gf(""), "train"), undefined));
});

const ONE_MODEL = "- model: m\n  operations:\n    train: {}\n    eval: {}\n";
const TWO_MODELS = `
- model: m1
  default: yes
  operations:
    train: {}
- model: m2
  operations:
    train: {}
    eval: {default: yes}
`;
const NO_DEFAULT = `
- model: a
  operations:
    train: {}
- model: b
  operations:
    eval: {}
`;

describe("findOpDef: models", () => {
  const CASES: [string, string, string | undefined, string | undefined][] = [
    ["single model is the default", ONE_MODEL, "train", "m:train"],
    ["single model by name", ONE_MODEL, "m:eval", "m:eval"],
    ["single model, no default op", ONE_MODEL, undefined, undefined],
    ["unknown model", ONE_MODEL, "x:train", undefined],
    ["unknown op", ONE_MODEL, "m:nope", undefined],
    ["default model", TWO_MODELS, "train", "m1:train"],
    ["default model's default op", TWO_MODELS, undefined, "m1:train"],
    ["other model by name", TWO_MODELS, "m2:train", "m2:train"],
    ["op only in the other model", TWO_MODELS, "eval", undefined],
    ["model's default op", TWO_MODELS, "m2:", "m2:eval"],
    ["no default model, by name", NO_DEFAULT, "b:eval", "b:eval"],
    ["no default model, no op", NO_DEFAULT, undefined, undefined],
  ];
  for (const [name, yaml, spec, want] of CASES) test(name, () => assert.equal(find(gf(yaml), spec), want));

  test(":OP names an op of the default model", () => assert.equal(find(gf(ONE_MODEL), ":train"), "m:train"));
  test(":OP with a default model among several", () => assert.equal(find(gf(TWO_MODELS), ":train"), "m1:train"));
});
