// Python's repr(float) (checked against CPython 3.11), around the edges of
// the fixed form (1e-4 to 1e16) that pyFloatRepr takes from String().
import { test } from "node:test";
import assert from "node:assert/strict";
import { pyFloatRepr } from "../../../src/core/yaml/float-format.js";

test("pyFloatRepr", () => {
  const cases: [number, string][] = [
    [1e-4, "0.0001"],
    [9.999999999999999e-5, "9.999999999999999e-05"],
    [0.00012, "0.00012"],
    [1e-5, "1e-05"],
    [1e-7, "1e-07"],
    [1e15, "1000000000000000.0"],
    [9999999999999998, "9999999999999998.0"],
    [1e16, "1e+16"],
    [1e21, "1e+21"],
    [123, "123.0"],
    [-2.5, "-2.5"],
    [0.1 + 0.2, "0.30000000000000004"],
    [Math.fround(0.8), "0.800000011920929"],
    [5e-324, "5e-324"],
    [1.7976931348623157e308, "1.7976931348623157e+308"],
    [0, "0.0"],
    [-0, "-0.0"],
    [NaN, "nan"],
    [-Infinity, "-inf"],
  ];
  for (const [x, want] of cases) assert.equal(pyFloatRepr(x), want, String(x));
});
