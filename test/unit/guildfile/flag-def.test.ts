// One entry under an operation's `flags:` (spec §3.2): a bare default value
// or a map of flag attributes, with every problem collected.
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { plain } from "../../helpers/plain.js";
import { parseFlagDef } from "../../../src/core/guildfile/flag-def.js";
import type { FlagDef } from "../../../src/core/guildfile/types.js";
import { float, type FlagValue } from "../../../src/core/flags/value.js";
import { loadYaml } from "../../../src/core/yaml/guild-yaml.js";

const W = "operations.train.flags.x";

function parse(data: FlagValue): { def: FlagDef | undefined; errors: string[] } {
  const errors: string[] = [];
  const def = parseFlagDef("x", data, W, errors);
  return { def: plain(def), errors };
}

describe("bare values are defaults", () => {
  const CASES: FlagValue[] = [0, float(0.1), "hello", true, false, null, [1, 2], "[1:10]"];
  for (const value of CASES) {
    test(JSON.stringify(value), () => assert.deepEqual(parse(value), { def: { name: "x", default: value }, errors: [] }));
  }
});

describe("attribute maps", () => {
  const CASES: [string, string, FlagDef][] = [
    ["empty map: no default", "{}", { name: "x" }],
    ["default", "{default: 0.01}", { name: "x", default: float(0.01) }],
    ["default null is a default", "{default: null}", { name: "x", default: null }],
    ["description", "{description: Learning rate}", { name: "x", description: "Learning rate" }],
    ["type", "{type: int}", { name: "x", type: "int" }],
    ["every type", "{type: existing-path}", { name: "x", type: "existing-path" }],
    ["required yes", "{required: yes}", { name: "x", required: true }],
    ["required no", "{required: no}", { name: "x", required: false }],
    ["allow-other", "{allow-other: yes}", { name: "x", allowOther: true }],
    ["arg-name", "{arg-name: X}", { name: "x", argName: "X" }],
    ["arg-skip", "{arg-skip: yes}", { name: "x", argSkip: true }],
    ["arg-switch true", "{arg-switch: yes}", { name: "x", argSwitch: true }],
    ["arg-switch false (store_false)", "{arg-switch: no}", { name: "x", argSwitch: false }],
    ["env-name", "{env-name: X_VAL}", { name: "x", envName: "X_VAL" }],
    ["null-label", "{null-label: auto}", { name: "x", nullLabel: "auto" }],
    ["min/max", "{min: 0, max: 1.5}", { name: "x", min: 0, max: float(1.5) }],
    ["distribution", "{distribution: log-uniform}", { name: "x", distribution: "log-uniform" }],
    ["plain choices", "{choices: [red, blue, 1]}", { name: "x", choices: [{ value: "red" }, { value: "blue" }, { value: 1 }] }],
    [
      "choice maps",
      "{choices: [{value: big, description: Big one, alias: b, flags: {layers: 10}}, {value: small}]}",
      { name: "x", choices: [{ value: "big", description: "Big one", alias: "b", flags: { layers: 10 } }, { value: "small" }] },
    ],
    [
      "all together",
      "{default: red, description: Color, type: string, required: yes, choices: [red, blue]}",
      { name: "x", default: "red", description: "Color", type: "string", required: true, choices: [{ value: "red" }, { value: "blue" }] },
    ],
  ];
  for (const [name, yaml, want] of CASES) {
    test(name, () => assert.deepEqual(parse(loadYaml(yaml)), { def: want, errors: [] }));
  }
});

describe("errors", () => {
  const TYPES = "string, int, float, number, boolean, path, existing-path, auto";
  const CASES: [string, string, string[]][] = [
    ["unknown attribute", "{defualt: 1}", [`${W}: unknown flag attribute 'defualt'`]],
    ["bad type", "{type: integer}", [`${W}.type: expected one of ${TYPES}, got integer`]],
    ["non-string type", "{type: 1}", [`${W}.type: expected one of ${TYPES}, got 1`]],
    ["choices not a list", "{choices: red}", [`${W}.choices: expected a list, got "red"`]],
    [
      "all problems at once",
      "{foo: 1, bar: 2, type: nope, choices: {a: 1}}",
      [
        `${W}: unknown flag attribute 'foo'`,
        `${W}: unknown flag attribute 'bar'`,
        `${W}.type: expected one of ${TYPES}, got nope`,
        `${W}.choices: expected a list, got {"a":1}`,
      ],
    ],
  ];
  for (const [name, yaml, want] of CASES) test(name, () => assert.deepEqual(parse(loadYaml(yaml)).errors, want));
});
