// Coercion to a flag's type (spec §4.4): Python's int/float/str/bool as Guild applies them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { coerceFlagValue } from "../../../src/core/flags/coerce.js";
import { float, type FlagValue } from "../../../src/core/flags/value.js";

const f = float;
const env = { cwd: "/work/project", homeDir: "/home/me" };
const BAD = Symbol("error");

function check(type: string, cases: [FlagValue, FlagValue | typeof BAD][]): void {
  for (const [input, expected] of cases) {
    const result = coerceFlagValue(input, { name: "x", type }, env);
    const actual = result.ok ? result.value : BAD;
    assert.deepEqual(actual, expected, `${type}: ${JSON.stringify(input)}`);
    if (!result.ok) assert.equal(result.why, `invalid value for type '${type}'`);
  }
}

test("int: ints and bools, int text; floats and other text refused", () => {
  check("int", [
    [3, 3],
    [true, 1],
    ["1_000", 1000],
    [" 12 ", 12],
    [f(2.5), BAD],
    [f(2), BAD],
    ["1.5", BAD],
    ["abc", BAD],
    [[1, 2], [1, 2]],
    [[1, "a"], BAD],
    [{ a: 1 }, BAD],
  ]);
});

test("float: numbers and Python float text", () => {
  check("float", [
    [1, f(1)],
    [true, f(1)],
    [f(0.5), f(0.5)],
    ["1e5", f(100000)],
    ["inf", f(Infinity)],
    ["-Infinity", f(-Infinity)],
    ["1_0.5", f(10.5)],
    [".5", f(0.5)],
    ["5.", f(5)],
    ["1._5", BAD],
    ["e5", BAD],
    [".", BAD],
    ["abc", BAD],
  ]);
});

test("number: ints and floats kept, text tried as int then float", () => {
  check("number", [
    [1, 1],
    [f(1), f(1)],
    [true, true],
    ["1e5", f(100000)],
    ["1_0", 10],
    ["abc", BAD],
  ]);
});

test("string: Python str of the value", () => {
  check("string", [
    ["a b", "a b"],
    [1, "1"],
    [f(1), "1.0"],
    [true, "True"],
    [[1, "a"], ["1", "a"]],
    [{ a: 1 }, "{'a': 1}"],
  ]);
});

test("boolean: Python truthiness, never an error", () => {
  check("boolean", [
    [true, true],
    [0, false],
    [f(0), false],
    [2, true],
    ["", false],
    ["0", true],
    ["no", true],
    [{}, false],
    [[0, 1], [false, true]],
  ]);
});

test("path and existing-path: made absolute against the command's directory", () => {
  for (const type of ["path", "existing-path"]) {
    check(type, [
      ["data", "/work/project/data"],
      ["../x", "/work/x"],
      ["/abs/p", "/abs/p"],
      ["~/p", "/home/me/p"],
      ["~", "/home/me"],
      ["", ""],
      [1, BAD],
    ]);
  }
});

test("untyped, auto, null and flag functions are left alone", () => {
  check("auto", [["abc", "abc"]]);
  check("int", [[null, null], ["[1:10]", "[1:10]"], ["uniform[1:2]", "uniform[1:2]"]]);
  assert.deepEqual(coerceFlagValue("abc", { name: "x" }, env), { ok: true, value: "abc" });
  assert.deepEqual(coerceFlagValue("abc", undefined, env), { ok: true, value: "abc" });
});
