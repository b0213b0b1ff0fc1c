// pyFormat(fmt, value) is Python's `fmt % value` for one value (label filters
// like `${x|%03d}`, spec §6.4); undefined where Python raises TypeError or
// ValueError. A JS integer stands for a Python int, any other number for a
// float. The expected column is Python's; one python3 process checks it.
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { pyFormat } from "../../../src/core/util/py-format.js";

const TIES = "Python rounds the exact binary value half-to-even; toFixed/toExponential round ties up";
const G_EXP = "%g switches to exponent notation below 1e-4 and pads the exponent to 2 digits";

// [fmt, value, Python's result (null = raises), todo]
const CASES: [string, number | string, string | null, string?][] = [
  ["%03d", 1, "001"],
  ["%03d", 42, "042"],
  ["%03d", 1234, "1234"],
  ["%03d", -5, "-05"],
  ["%d", 7, "7"],
  ["%d", 1.7, "1"],
  ["%d", -1.7, "-1"],
  ["%i", 3, "3"],
  ["%u", 3, "3"],
  ["%5d", 42, "   42"],
  ["%-5d", 42, "42   "],
  ["%+d", 5, "+5"],
  ["%+d", -5, "-5"],
  ["% d", 5, " 5"],
  ["%+05d", 5, "+0005"],
  ["%05d", -42, "-0042"],
  ["%x", 255, "ff"],
  ["%X", 255, "FF"],
  ["%o", 8, "10"],
  ["%x", -255, "-ff"],
  ["%f", 0.5, "0.500000"],
  ["%.2f", 3.14159, "3.14"],
  ["%.0f", 1.5, "2"],
  ["%.2f", 2.675, "2.67"],
  ["%8.3f", 3.14159, "   3.142"],
  ["%-8.2f", 1.5, "1.50    "],
  ["%08.2f", -1.5, "-0001.50"],
  ["%+.1f", 1.5, "+1.5"],
  ["%F", 1.5, "1.500000"],
  ["%.3f", 10, "10.000"],
  ["%e", 1234.5, "1.234500e+03"],
  ["%.2e", 0.000123, "1.23e-04"],
  ["%E", 1e100, "1.000000E+100"],
  ["%e", 0, "0.000000e+00"],
  ["%g", 0.5, "0.5"],
  ["%g", 0.0001, "0.0001"],
  ["%g", 123456, "123456"],
  ["%g", 100, "100"],
  ["%.3g", 3.14159, "3.14"],
  ["%g", 1e16, "1e+16"],
  ["%s", "abc", "abc"],
  ["%s", 5, "5"],
  ["%s", 1.5, "1.5"],
  ["%5s", "ab", "   ab"],
  ["%-5s", "ab", "ab   "],
  ["%05s", "ab", "   ab"],
  ["%d", "5", null],
  ["%03d", "abc", null],
  ["%f", "1.5", null],
  ["%%", 1, null],
  ["abc", 1, null],
  ["%", 1, null],
  ["%q", 1, null],
  // Known differences from Python.
  ["%.2d", 5, "05", "precision pads integers with zeros"],
  ["%#x", 31, "0x1f", "the # flag adds the 0x prefix"],
  ["%#o", 15, "0o17", "the # flag adds the 0o prefix"],
  ["%x", 1.5, null, "%x of a float raises TypeError"],
  ["%.0f", 0.5, "0", TIES],
  ["%.0f", 2.5, "2", TIES],
  ["%.1f", 0.25, "0.2", TIES],
  ["%.1f", 1.25, "1.2", TIES],
  ["%.1e", 1.25, "1.2e+00", TIES],
  ["%g", 0.00001, "1e-05", G_EXP],
  ["%.2g", 0.000015, "1.5e-05", G_EXP],
  ["%g", 1234567, "1.23457e+06", G_EXP],
  ["%.0g", 123.5, "1e+02", "precision 0 means 1 for %g"],
  ["%G", 1e-10, "1E-10", "%G upper-cases the exponent"],
  ["%.2s", "abcdef", "ab", "precision truncates %s"],
  ["%r", "a", "'a'", "%r is repr()"],
  ["%c", 65, "A", "%c of an int is chr()"],
  ["%d items", 3, "3 items", "text around the conversion is kept"],
];

describe("the table is Python's answers", () => {
  const code = [
    "import json, sys",
    "def fmt(f, v):",
    "    try:",
    "        return f % v",
    "    except (TypeError, ValueError):",
    "        return None",
    "cases = json.load(sys.stdin)",
    "vals = [v if isinstance(v, str) or not float(v).is_integer() else int(v) for _, v in cases]",
    "print(json.dumps([fmt(f, v) for (f, _), v in zip(cases, vals)]))",
  ].join("\n");
  const proc = spawnSync("python3", ["-c", code], { input: JSON.stringify(CASES.map(([f, v]) => [f, v])), encoding: "utf8" });
  test("python3 ran", () => assert.equal(proc.status, 0, proc.stderr));
  test("results", () => assert.deepEqual(JSON.parse(proc.stdout || "[]"), CASES.map(([, , want]) => want)));
});

describe("pyFormat", () => {
  for (const [fmt, value, want, todo] of CASES) {
    test(`${JSON.stringify(fmt)} % ${JSON.stringify(value)}`, todo ? { todo } : {}, () => {
      assert.equal(pyFormat(fmt, value) ?? null, want);
    });
  }
});
