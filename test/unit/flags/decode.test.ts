// Flag value decoding (spec §4.2). Expected values are Guild's (flag_util at
// 93926134 with PyYAML and numpy), incl. its doctests flag-utils.md and flag-functions.md.
import { test } from "node:test";
import assert from "node:assert/strict";
import { plain } from "../../helpers/plain.js";
import { decodeFlagValue, isFlagFunction, parseFlagFunction } from "../../../src/core/flags/decode.js";
import { float, type FlagValue } from "../../../src/core/flags/value.js";

const f = float;
const floats = (...xs: number[]): FlagValue[] => xs.map(float);

function check(cases: [string, FlagValue, string[]?][], flagType?: string): void {
  for (const [input, expected, warnings = []] of cases) {
    const result = decodeFlagValue(input, flagType);
    assert.deepEqual(plain(result.value), expected, `value of ${JSON.stringify(input)}`);
    assert.deepEqual(result.warnings, warnings, `warnings of ${JSON.stringify(input)}`);
  }
}

test("empty string and plain strings", () => {
  check([
    ["", ""],
    ["a", "a"],
    ["a b", "a b"],
    ["'a b'", "a b"],
    ["'1'", "1"],
    ['"1"', "1"],
    ["y", "y"],
    ["n", "n"],
    ["nan", "nan"],
    ["yEs", "yEs"],
    ["'", "'"],
    ["[a", "[a"],
    ["a*2", "a*2"],
    ["a\nb", "a b"],
    ["a #c", "a"],
  ]);
});

test("Python int parse comes first", () => {
  check([
    ["1", 1],
    ["010", 10],
    ["007", 7],
    ["08", 8],
    ["+5", 5],
    ["-5", -5],
    ["-0", 0],
    [" 5 ", 5],
    ["\t5\t", 5],
    ["5\n", 5],
    ["١٢", 12],
  ]);
});

test("numbers that contain _ or : stay strings", () => {
  check([
    ["1_000", "1_000"],
    ["0_1", "0_1"],
    ["2018_06_26", "2018_06_26"],
    ["1.1_2", "1.1_2"],
    ["1:2", "1:2"],
    ["1:30", "1:30"],
    ["1:30.5", "1:30.5"],
    ["190:20:30", "190:20:30"],
    ["-1_0", "-1_0"],
    ["1_0e5", "1_0e5"],
    ["!!int 3", 3],
  ]);
});

test("YAML 1.1 booleans and nulls", () => {
  check([
    ["yes", true],
    ["Yes", true],
    ["YES", true],
    ["no", false],
    ["true", true],
    ["True", true],
    ["TRUE", true],
    ["on", true],
    ["On", true],
    ["off", false],
    ["OFF", false],
    ["null", null],
    ["Null", null],
    ["NULL", null],
    ["~", null],
    ["#c", null],
  ]);
});

test("YAML ints and floats with Guild's float patch", () => {
  check([
    ["0x1F", 31],
    ["-0x1F", -31],
    ["0b101", 5],
    ["0o17", "0o17"],
    ["1.0", f(1)],
    ["1.1", f(1.1)],
    ["12000.0", f(12000)],
    ["1.234e-2", f(0.01234)],
    ["1.0e+100", f(1e100)],
    ["1.2e3", f(1200)],
    ["-1.23e-2", f(-0.0123)],
    ["1e-5", f(1e-5)],
    ["1.5e3", f(1500)],
    ["1e+3", f(1000)],
    ["1E5", f(100000)],
    ["1.0e5", f(100000)],
    ["1e-7", f(1e-7)],
    [".5", f(0.5)],
    ["5.", f(5)],
    ["-.5", "-.5"],
    ["._", "._"],
    ["0b_", "0b_"],
    ["0.0", f(0)],
    ["-0.0", f(-0)],
    [".inf", f(Infinity)],
    ["-.inf", f(-Infinity)],
    ["+.inf", f(Infinity)],
    [".nan", f(NaN)],
    [".NaN", f(NaN)],
    ["123456789.123456789", f(123456789.12345679)],
  ]);
});

test("short-id guard keeps sci-notation-like ids as strings", () => {
  check([
    ["67217e15", "67217e15"],
    ["1e5", "1e5"],
    ["1e2", "1e2"],
    ["12e3", "12e3"],
    ["123e4", "123e4"],
    ["1e234567", "1e234567"],
    ["1e000000000000000000000000000001", "1e000000000000000000000000000001"],
    ["1e5abc", "1e5abc"],
    ["1e100", "1e100"],
    ["1e16", "1e16"],
    ["+12345e6", f(12345000000)],
    ["123456E7", f(1234560000000)],
    ["1.23455e6", f(1234550)],
    ["1e0000000000000000000000000000001", f(10)],
    ["1e", "1e"],
    ["e1", "e1"],
  ]);
});

test("YAML lists, maps and other documents", () => {
  check([
    ["[1,2,3]", [1, 2, 3]],
    ["[1]", [1]],
    ["[a, b c]", ["a", "b c"]],
    ["{a: 1}", { a: 1 }],
    ["{a: 1, b: [1, 2]}", { a: 1, b: [1, 2] }],
    ["hello: world", { hello: "world" }],
    ["- a", ["a"]],
    ["-", [null]],
    ["yes:", { True: null }],
    ['"a\\tb"', "a\tb"],
    ["'[]'", "[]"],
    ["'[a]'", "[a]"],
    ["'[1,2,3,a,b,c]'", "[1,2,3,a,b,c]"],
    ["[[1:2]]", [[62]]],
    ["[1:30.5]", [f(90.5)]],
    ["a: &x 1\nb: *x", { a: 1, b: 1 }],
    ["--- 1", 1],
    ["&a 1", 1],
    ["!!str 3", "3"],
    ["!!float 1", f(1)],
  ]);
});

test("YAML failures keep the raw string", () => {
  check([
    ["{", "{"],
    ['"', '"'],
    ["=", "="],
    ["<<", "<<"],
    ["*a", "*a"],
    ["...", "..."],
    [":", ":"],
    ["!!python/name:os.system", "!!python/name:os.system"],
    ["a\n---\nb", "a\n---\nb"],
    ["yes\t", "yes\t"],
    ["a\tb", "a\tb"],
  ]);
});

test("timestamps stay strings (Guild would make dates)", () => {
  check([
    ["2020-01-01", "2020-01-01"],
    ["2020-01-01 10:00:00", "2020-01-01 10:00:00"],
  ]);
});

test("anonymous and named flag functions stay strings", () => {
  check([
    ["[1:2]", "[1:2]"],
    ["[1:10]", "[1:10]"],
    ["[a:b]", "[a:b]"],
    ["[a : b : c]", "[a : b : c]"],
    ["[hello:1:1.2]", "[hello:1:1.2]"],
    ["[1.5:2]", "[1.5:2]"],
    ["[:]", "[:]"],
    ["['[1:2]']", "['[1:2]']"],
    ["uniform[1:2]", "uniform[1:2]"],
    ["loguniform[0.001:1]", "loguniform[0.001:1]"],
    ["foo[]", "foo[]"],
    ["x[1:2]y", "x[1:2]y"],
    ["myfun[this has spaces:no:[1, 2, null]]", "myfun[this has spaces:no:[1, 2, null]]"],
    ["[this has spaces:yes:[1,2,3]]", [{ "this has spaces:yes": [1, 2, 3] }]],
  ]);
});

test("list repetition", () => {
  check([
    ["[1] * 2", [1, 1]],
    ["[1]*2", [1, 1]],
    [" [1] * 2 ", [1, 1]],
    ["[] * 2", []],
    ["[1] * 0", []],
    ["[1] * 1", [1]],
    ["[1,2] * 2", [1, 2, 1, 2]],
    ["[a, b]*2", ["a", "b", "a", "b"]],
    ["[1, 2]*2 ", [1, 2, 1, 2]],
    ["[1,[2,3]]*2", [1, [2, 3], 1, [2, 3]]],
    ["[1]*99999999999999999999", "[1]*99999999999999999999", ["error decoding '[1]*99999999999999999999': cannot fit 'int' into an index-sized integer"]],
  ]);
});

test("range expands with an inclusive end", () => {
  check([
    ["range[1:5]", [1, 2, 3, 4, 5]],
    ["range[0:5:2]", [0, 2, 4]],
    ["range[5:1:-1]", [5, 4, 3, 2, 1]],
    ["range[3:1]", []],
    ["range[10]", [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]],
    ["range[1.5]", floats(0, 1)],
    ["range[1:5:0.5]", floats(1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5)],
    ["range[1e-5:1e-4:1e-5]", floats(1e-5, 2e-5, 3e-5, 4e-5, 5e-5, 6e-5, 7e-5, 8e-5, 9e-5, 0.0001)],
    ["range[0:1:0.1]", floats(0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1)],
    ["range[0.1:0.5:0.1]", floats(0.1, 0.2, 0.3, 0.4, 0.5)],
    ["range[-1:0:0.1]", floats(-1, -0.9, -0.8, -0.7000000000000001, -0.6000000000000001, -0.5000000000000001, -0.40000000000000013, -0.30000000000000016, -0.20000000000000018, -0.1000000000000002, -2.220446049250313e-16)],
    ["range[0:-5:-1.5]", floats(0, -1.5, -3, -4.5, -6)],
    ["range[1:5.5]", floats(1, 2, 3, 4, 5, 6)],
    ["range[1:5:1.0]", floats(1, 2, 3, 4, 5)],
    ["range[1:5:2.0]", floats(1, 3, 5)],
    ["range[yes:3]", [1, 2, 3]],
    ["range[1:null]", [0]],
    ["range[1:5:1:2:3]", [1, 2, 3, 4, 5], ["unsupported arguments for range function: (2, 3) - ignoring"]],
    ["range[1:2:3:'a']", [1], ["unsupported arguments for range function: ('a',) - ignoring"]],
  ]);
});

test("range errors warn (or not, for ValueErrors) and keep the string", () => {
  check([
    ["range[foo:bar]", "range[foo:bar]", ["error decoding 'range[foo:bar]': invalid arg 'foo': expected a number"]],
    ["range[]", "range[]", ["error decoding 'range[]': function requires at least 1 arg(s)"]],
    ["range[null]", "range[null]", ["error decoding 'range[null]': function requires at least 1 arg(s)"]],
    ["range[0:5:0]", "range[0:5:0]", ["error decoding 'range[0:5:0]': division by zero"]],
    ["range[0.0:5:0]", "range[0.0:5:0]", ["error decoding 'range[0.0:5:0]': float division by zero"]],
    ["range[0:.inf]", "range[0:.inf]"],
    ["range[.nan]", "range[.nan]"],
    ["geomspace[1:2]", "geomspace[1:2]", ["error decoding 'geomspace[1:2]': geomspace"]],
  ]);
});

test("linspace expands to floats rounded to 8 places", () => {
  check([
    ["linspace[1:5]", floats(1, 2, 3, 4, 5)],
    ["linspace[1:10]", floats(1, 3.25, 5.5, 7.75, 10)],
    ["linspace[1:10:10]", floats(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)],
    ["linspace[1e-2:1e-1:10]", floats(0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08, 0.09, 0.1)],
    ["linspace[-1:1:7]", floats(-1, -0.6666666666666667, -0.33333333333333337, 0, 0.33333333, 0.66666667, 1)],
    ["linspace[0:1:3]", floats(0, 0.5, 1)],
    ["linspace[3:3:4]", floats(3, 3, 3, 3)],
    ["linspace[1:2:1]", floats(1)],
    ["linspace[1:2:0]", []],
    ["linspace[1:2:-1]", "linspace[1:2:-1]"],
    ["linspace[1:5:5:hello:456]", floats(1, 2, 3, 4, 5), ["unsupported arguments for linspace function: ('hello', 456) - ignoring"]],
    ["linspace[]", "linspace[]", ["error decoding 'linspace[]': function requires at least 2 arg(s)"]],
    ["linspace[1:bar]", "linspace[1:bar]", ["error decoding 'linspace[1:bar]': invalid arg 'bar': expected a number"]],
    ["linspace[1:2:2.5]", "linspace[1:2:2.5]", ["error decoding 'linspace[1:2:2.5]': 'float' object cannot be interpreted as an integer"]],
  ]);
});

test("logspace expands base ** linspace", () => {
  check([
    ["logspace[1:5]", floats(10, 100, 1000, 10000, 100000)],
    ["logspace[-5:0:6]", floats(1e-5, 0.0001, 0.001, 0.01, 0.1, 1)],
    ["logspace[0:3:4:2]", floats(1, 2, 4, 8)],
    ["logspace[-10:-8:3]", floats(1e-10, 1e-9, 1e-8)],
    ["logspace[0:1:3]", floats(1, 3.16227766, 10)],
    ["logspace[0:2:5:2.5]", floats(1, 1.58113883, 2.5, 3.95284708, 6.25)],
    ["logspace[18:20:3]", floats(1e18, 1e19, 1e20)],
    ["logspace[0:3:4:2:456:hello]", floats(1, 2, 4, 8), ["unsupported arguments for logspace function: (456, 'hello') - ignoring"]],
    ["logspace[]", "logspace[]", ["error decoding 'logspace[]': function requires at least 2 arg(s)"]],
    ["logspace[1:bar]", "logspace[1:bar]", ["error decoding 'logspace[1:bar]': invalid arg 'bar': expected a number"]],
  ]);
});

test("string-like flag types keep text unless it looks like YAML", () => {
  check([
    ["1", "1"],
    ["001", "001"],
    ["no", "no"],
    ["1.0", "1.0"],
    ["range[1:3]", "range[1:3]"],
    ["a b", "a b"],
    ["'1'", "1"],
    ['"1"', "1"],
    ["[1,2,3]", [1, 2, 3]],
    ["[001,002,003]", [1, 2, 3]],
    ["['001','002','003']", ["001", "002", "003"]],
    ["{a: 1}", { a: 1 }],
  ], "string");
  check([["001", "001"], ["yes", "yes"]], "path");
  check([["001", "001"]], "existing-path");
  check([["001", 1], ["yes", true]], "auto");
  check([["001", 1], ["1.0", f(1)]], "number");
});

test("unknown flag types warn and decode as auto", () => {
  check([["1", 1, ["uknown flag type foo, assuming 'auto'"]]], "foo");
});

test("parseFlagFunction", () => {
  const cases: [string, ReturnType<typeof parseFlagFunction>][] = [
    ["[]", null],
    ["[1]", null],
    ["[1,2,3]", null],
    ["'[1:2]'", null],
    ["'[1:2:3]'", null],
    ["a^z[1:2:3:4:5]", null],
    ["[this has spaces:yes:[1,2,3]]", null],
    ["{a: [1, 2, 3], b: 123, c: !!set {1: null, 2: null, 3: null}}", null],
    ["[1:2]", { name: null, args: [1, 2] }],
    ["[1:2:3]", { name: null, args: [1, 2, 3] }],
    ["[1:2:3:4:5]", { name: null, args: [1, 2, 3, 4, 5] }],
    ["[a : b : c]", { name: null, args: ["a", "b", "c"] }],
    ["[hello:1:1.2]", { name: null, args: ["hello", 1, f(1.2)] }],
    ["uniform[-2.0:2.0]", { name: "uniform", args: [f(-2), f(2)] }],
    ["log-uniform[-2.0:2.0]", { name: "log-uniform", args: [f(-2), f(2)] }],
    ["foo.bar.baz[-2.0:2.0]", { name: "foo.bar.baz", args: [f(-2), f(2)] }],
    ["three_args[1:2:3]", { name: "three_args", args: [1, 2, 3] }],
    ["myfun[hello:1:1.2]", { name: "myfun", args: ["hello", 1, f(1.2)] }],
    ["myfun[this has spaces:no:[1, 2, null]]", { name: "myfun", args: ["this has spaces", false, [1, 2, null]] }],
    ["myfun[1e-1:1.1e-1:[1e-2, 1.1e-2]]", { name: "myfun", args: [f(0.1), f(0.11), [f(0.01), f(0.011)]] }],
    ["f[1e3:1e2]", { name: "f", args: [f(1000), f(100)] }],
    ["f[ 1 : 2 ]", { name: "f", args: [1, 2] }],
    ["foo[]", { name: "foo", args: [] }],
    ["x[1:2]y", { name: "x", args: [1, 2] }],
  ];
  for (const [input, expected] of cases) assert.deepEqual(parseFlagFunction(input), expected, input);
});

test("isFlagFunction", () => {
  const cases: [unknown, boolean][] = [
    ["[1:10]", true],
    ["[a:b]", true],
    ["uniform[1:2]", true],
    ["loguniform[0.001:1]", true],
    ["range[1:5]", true],
    ["foo[]", true],
    ["[1]", false],
    ["[1,2]", false],
    ["'[1:2]'", false],
    ["[[1:2]]", false],
    ["abc", false],
    ["", false],
    [1, false],
    [null, false],
    [["[1:2]"], false],
  ];
  for (const [input, expected] of cases) assert.equal(isFlagFunction(input), expected, String(input));
});
