// Python's `fmt % value`, as label filters use it. Expected values are Python 3's.
import { test } from "node:test";
import assert from "node:assert/strict";
import { pyFormat, pyFormatError } from "../../../src/core/util/py-format.js";
import { float, type FlagValue } from "../../../src/core/flags/value.js";

const f = float;

test("one conversion with literal text", () => {
  const cases: [string, FlagValue, string | undefined][] = [
    ["%03d", 1, "001"],
    ["%03d", f(1.7), "001"],
    ["%03d", f(-1.7), "-01"],
    ["%d", f(-0.5), "0"],
    ["%.2f", true, "1.00"],
    ["%x", 255, "ff"],
    ["%#x", 255, "0xff"],
    ["%08.3f", f(-3.14159), "-003.142"],
    ["%e", f(12345.678), "1.234568e+04"],
    ["%.3e", f(0), "0.000e+00"],
    ["%E", f(1.5), "1.500000E+00"],
    ["%g", f(0.0001), "0.0001"],
    ["%g", f(0.00001), "1e-05"],
    ["%g", f(1234567), "1.23457e+06"],
    ["%g", f(100), "100"],
    ["%g", f(1.5), "1.5"],
    ["%G", f(1e-10), "1E-10"],
    ["%#g", f(1), "1.00000"],
    ["%.1f", f(-0.04), "-0.0"],
    ["%5s", "ab", "   ab"],
    ["%.2s", "abc", "ab"],
    ["%-5d|", 3, "3    |"],
    ["%+d", 3, "+3"],
    ["% d", 3, " 3"],
    ["%o", 8, "10"],
    ["%c", 65, "A"],
    ["%s", f(1), "1.0"],
    ["%s", true, "True"],
    ["%r", "a", "'a'"],
    ["lr=%.1e!", f(0.001), "lr=1.0e-03!"],
    ["%d%%", 50, "50%"],
  ];
  for (const [fmt, value, expected] of cases) assert.equal(pyFormat(fmt, value), expected, `${fmt} % ${String(value)}`);
});

test("values the format does not take give undefined (Python's TypeError)", () => {
  const cases: [string, FlagValue][] = [
    ["%d", "abc"],
    ["%x", f(1.5)],
    ["abc", 1],
    ["%d %d", 1],
    ["%f", [1]],
  ];
  for (const [fmt, value] of cases) assert.equal(pyFormat(fmt, value), undefined, fmt);
});

test("malformed formats: no result, and Python's ValueError message", () => {
  const cases: [string, string][] = [
    ["%q", "unsupported format character 'q' (0x71) at index 1"],
    ["%03q", "unsupported format character 'q' (0x71) at index 3"],
    ["%", "incomplete format"],
  ];
  for (const [fmt, message] of cases) {
    assert.equal(pyFormat(fmt, 1), undefined, fmt);
    assert.equal(pyFormatError(fmt), message, fmt);
  }
});
