// Coercing a decoded flag value to its flag's type (spec §4.4). Expected
// values follow Guild's op_util.coerce_flag_value (93926134): str(), int(),
// float(), bool(), int-then-float for `number`, abspath for paths.
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { resolve } from "node:path";
import { coerceFlagValue, type Coerced } from "../../../src/core/flags/coerce.js";
import { float, type FlagValue } from "../../../src/core/flags/value.js";
import type { FlagDef } from "../../../src/core/guildfile/types.js";

const def = (type?: string): FlagDef => (type === undefined ? { name: "x" } : { name: "x", type });
const ok = (value: FlagValue): Coerced => ({ ok: true, value });
const bad = (type: string): Coerced => ({ ok: false, why: `invalid value for type '${type}'` });

// [value, type, expected, todo]
const CASES: [FlagValue, string | undefined, Coerced, string?][] = [
  // No coercion.
  ["abc", undefined, ok("abc")],
  [1, "auto", ok(1)],
  [null, "int", ok(null)],
  [null, "string", ok(null)],
  ["x", "bogus", ok("x")],
  // string
  ["abc", "string", ok("abc")],
  ["", "string", ok("")],
  // int
  [5, "int", ok(5)],
  [-3, "int", ok(-3)],
  ["12", "int", ok(12)],
  [float(1.5), "int", bad("int")],
  [float(2), "int", bad("int")],
  ["abc", "int", bad("int")],
  ["1e5", "int", bad("int")],
  ["12:30", "int", bad("int")],
  // float
  [1, "float", ok(float(1))],
  [float(0.5), "float", ok(float(0.5))],
  ["1.5", "float", ok(float(1.5))],
  ["1e5", "float", ok(float(100000))],
  ["abc", "float", bad("float")],
  ["12:30", "float", bad("float")],
  // number
  [1, "number", ok(1)],
  [float(2.5), "number", ok(float(2.5))],
  ["7", "number", ok(7)],
  ["1e5", "number", ok(float(100000))],
  ["abc", "number", bad("number")],
  // boolean: truthiness
  [true, "boolean", ok(true)],
  [false, "boolean", ok(false)],
  [1, "boolean", ok(true)],
  [0, "boolean", ok(false)],
  [float(0), "boolean", ok(false)],
  [float(0.1), "boolean", ok(true)],
  // lists element-wise; function strings untouched
  [[1, 2], "int", ok([1, 2])],
  [[1, "2"], "float", ok([float(1), float(2)])],
  [[1, float(1.5)], "int", bad("int")],
  [[], "int", ok([])],
  ["[1:10]", "int", ok("[1:10]")],
  ["uniform[0.1:1.0]", "float", ok("uniform[0.1:1.0]")],
  ["loguniform[1e-5:1e-1]", "number", ok("loguniform[1e-5:1e-1]")],
  // Python accepts these; we don't yet.
  [[1, "a"], "string", ok(["1", "a"]), "str() each item: Guild gives ['1', 'a']"],
  [5, "string", ok("5"), "str(5) is '5' (e.g. an int default)"],
  ["1_000", "int", ok(1000), "Python int('1_000') is 1000"],
  ["1_000", "number", ok(1000), "Python int('1_000') is 1000"],
  ["1_000", "float", ok(float(1000)), "Python float('1_000') is 1000.0"],
  ["inf", "float", ok(float(Infinity)), "Python float('inf') is inf"],
  ["abc", "boolean", ok(true), "bool('abc') is True (§4.4: truthiness of the decoded value)"],
  ["", "boolean", ok(false), "bool('') is False (§4.4: truthiness of the decoded value)"],
  ["data", "path", ok(resolve("data")), "§4.4: path → absolute path"],
  ["data", "existing-path", ok(resolve("data")), "§4.4: existing-path → absolute path"],
];

describe("coerceFlagValue", () => {
  for (const [value, type, want, todo] of CASES) {
    test(`${JSON.stringify(value)} as ${String(type)}`, todo ? { todo } : {}, () => assert.deepEqual(coerceFlagValue(value, def(type)), want));
  }
  test("no flag def", () => assert.deepEqual(coerceFlagValue("1", undefined), ok("1")));
  test(
    "float('nan') is a float",
    { todo: "Python float('nan') is nan; coerce rejects it" },
    () => {
      const c = coerceFlagValue("nan", def("float"));
      assert.ok(c.ok && c.value instanceof Object && Number.isNaN(Number(c.value.valueOf())), JSON.stringify(c));
    },
  );
});
