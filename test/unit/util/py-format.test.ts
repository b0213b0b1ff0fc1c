// pyFormat(fmt, value) is Python's `fmt % value` for one value (label filters
// like `${x|%03d}`, spec §6.4); undefined where Python raises TypeError,
// ValueError or OverflowError (%c out of range, which would crash Guild). A JS integer stands for a Python int, any other number for a
// float. The expected column is Python's; one python3 process checks it.
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { pyFormat } from "../../../src/core/util/py-format.js";

// [fmt, value, Python's result (null = raises)]
const CASES: [string, number | string, string | null][] = [
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
  // Integer precision, the # prefixes, and %x of a float (TypeError).
  ["%.2d", 5, "05"],
  ["%.3d", -5, "-005"],
  ["%05.2d", 5, "00005"],
  ["%#x", 31, "0x1f"],
  ["%#o", 15, "0o17"],
  ["%#x", -31, "-0x1f"],
  ["%#X", 255, "0XFF"],
  ["%#08x", 255, "0x0000ff"],
  ["%#.3x", 5, "0x005"],
  ["%#5x", 255, " 0xff"],
  ["%+x", 255, "+ff"],
  ["%x", 1.5, null],
  ["%d", 1e300, "1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160"],
  // Half-even rounding of the exact binary value (JS toFixed rounds ties up).
  ["%.0f", 0.5, "0"],
  ["%.0f", 2.5, "2"],
  ["%.0f", -0.5, "-0"],
  ["%.1f", 0.25, "0.2"],
  ["%.1f", 1.25, "1.2"],
  ["%.1e", 1.25, "1.2e+00"],
  ["%.0e", 2.5, "2e+00"],
  ["%.20f", 0.1, "0.10000000000000000555"],
  ["%.2f", 1e22, "10000000000000000000000.00"],
  ["%.3e", 9.9995, "9.999e+00"],
  ["%e", 5e-324, "4.940656e-324"],
  ["%#.0f", 1.5, "2."],
  ["%#.0e", 1.5, "2.e+00"],
  ["%-+10.2e|", 1234.5, "+1.23e+03 |"],
  // %g: exponent form below 1e-4 or from the precision, trailing zeros cut.
  ["%g", 0.00001, "1e-05"],
  ["%.2g", 0.000015, "1.5e-05"],
  ["%g", 1234567, "1.23457e+06"],
  ["%g", 99999.95, "99999.9"],
  ["%g", 999999.5, "1e+06"],
  ["%.1g", 0.95, "0.9"],
  ["%g", 0, "0"],
  ["%.0g", 123.5, "1e+02"],
  ["%G", 1e-10, "1E-10"],
  ["%#g", 1.5, "1.50000"],
  ["%#.3g", 1.5, "1.50"],
  // %s and %r precision truncates; %r is repr(), %a ascii(), %c chr().
  ["%.2s", "abcdef", "ab"],
  ["%5.3s|", "abcdef", "  abc|"],
  ["%5s", "é", "    é"],
  ["%r", "a", "'a'"],
  ["%r", "it's", `"it's"`],
  ["%.1r", "abc", "'"],
  ["%r", 1.5, "1.5"],
  ["%05r", "a", "  'a'"],
  ["%a", "é", "'\\xe9'"],
  ["%c", 65, "A"],
  ["%5c", 65, "    A"],
  ["%c", "é", "é"],
  ["%c", "ab", null],
  ["%c", 1.5, null],
  ["%c", -1, null],
  ["%c", 0x110000, null],
  // Literal text and %% around the one conversion; length modifiers ignored.
  ["%d items", 3, "3 items"],
  ["%s %%", 1, "1 %"],
  ["%% %s", 1, "% 1"],
  ["%ld", 5, "5"],
  ["%s %s", 1, null],
  ["%*d", 5, null],
  ["%(a)s", 1, null],
  ["%3%", 1, null],
  ["%z", 1, null],
];

describe("the table is Python's answers", () => {
  const code = [
    "import json, sys",
    "def fmt(f, v):",
    "    try:",
    "        return f % v",
    "    except (TypeError, ValueError, OverflowError):",
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
  for (const [fmt, value, want] of CASES) {
    test(`${JSON.stringify(fmt)} % ${JSON.stringify(value)}`, () => {
      assert.equal(pyFormat(fmt, value) ?? null, want);
    });
  }
});
