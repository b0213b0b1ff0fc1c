// Flag value encodings (spec §3.5, §4.5). Expected values are Guild's
// (flag_util / op_cmd at 93926134), incl. its doctest flag-utils.md.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  encodeFlagArg,
  encodeFlagEnv,
  encodeFlagValue,
  formatFlagAssign,
  formatFlagAssigns,
  formatLabelValue,
  pformat,
  pythonRepr,
  pythonStr,
} from "../../../src/core/flags/encode.js";
import { shortenPath } from "../../../src/core/flags/shorten-path.js";
import { float, type FlagValue } from "../../../src/core/flags/value.js";

const f = float;
const words = (n: number): string => "word ".repeat(n);

function check(fn: (v: FlagValue) => string, cases: [FlagValue, string][]): void {
  for (const [input, expected] of cases) assert.equal(fn(input), expected, JSON.stringify(input));
}

test("encodeFlagValue: display encoding", () => {
  check(encodeFlagValue, [
    [true, "yes"],
    [false, "no"],
    [null, "null"],
    ["", "''"],
    ["a", "a"],
    ["a b", "a b"],
    ["'a b'", "'''a b'''"],
    ["'1'", "'''1'''"],
    ["2018_06_26", "'2018_06_26'"],
    ["1", "'1'"],
    ["1.1", "'1.1'"],
    ["1.2e3", "'1.2e3'"],
    ["12e3", "'12e3'"],
    ["1e5", "'1e5'"],
    ["123e4", "'123e4'"],
    ["-1.23e-2", "'-1.23e-2'"],
    ["yes", "'yes'"],
    ["off", "'off'"],
    ["null", "'null'"],
    ["~", "'~'"],
    ["y", "y"],
    ["2020-01-01", "'2020-01-01'"],
    ["[1:2]", "'[1:2]'"],
    ["foo[1:2]", "foo[1:2]"],
    ["a: b", "'a: b'"],
    ["- a", "'- a'"],
    ["#x", "'#x'"],
    ["a #x", "'a #x'"],
    ["a,b", "a,b"],
    ["it's", "it's"],
    ["a\tb", '"a\\tb"'],
    ["héllo", '"h\\xE9llo"'],
    ["a\nb", "'a\n\n  b'"],
    [words(20), `'${words(17).trimEnd()}\n  ${words(3)}'`],
    [words(20).trim(), `${words(17).trimEnd()}\n  ${words(3).trim()}`],
    [1, "1"],
    [-5, "-5"],
    [101, "101"],
    [1e21, "1000000000000000000000"],
    [f(1), "1.0"],
    [f(12e3), "12000.0"],
    [f(1.234e2), "123.4"],
    [f(1.234e-2), "0.01234"],
    [f(0.001), "0.001"],
    [f(1e-5), "1.0e-05"],
    [f(-6.78e-7), "-6.78e-07"],
    [f(1e100), "1.0e+100"],
    [f(1e16), "1.0e+16"],
    [f(1e15), "1000000000000000.0"],
    [f(1 / 3), "0.3333333333333333"],
    [f(-0), "-0.0"],
    [f(Infinity), ".inf"],
    [f(-Infinity), "-.inf"],
    [f(NaN), ".nan"],
    [[], "[]"],
    [["", "a", 1, f(1), f(1 / 3), true, false, null], "['', a, 1, 1.0, 0.3333333333333333, yes, no, null]"],
    [{}, "{}"],
    [{ a: f(1.123), b: "c d", e: true, f: [1, 2, "g h"] }, "{a: 1.123, b: c d, e: yes, f: [1, 2, g h]}"],
    [{ b: { y: null }, a: "1" }, "{a: '1', b: {y: null}}"],
  ]);
});

test("formatFlagAssign quotes values with spaces", () => {
  const cases: [string, FlagValue, string][] = [
    ["s1", "", "s1=''"],
    ["s2", "a", "s2=a"],
    ["s3", "a b", "s3='a b'"],
    ["s4", "a b 'c d e'", `s4="a b 'c d e'"`],
    ["s5", "12e321", "s5='12e321'"],
    ["msg", "hello 1", "msg='hello 1'"],
    ["msg", "it's x", `msg="it's x"`],
    ["msg", "héllo wörld", 'msg="h\\xE9llo w\\xF6rld"'],
    ["msg", words(20), `msg='${words(17).trimEnd()}\n  ${words(3)}'`],
    ["i", 101, "i=101"],
    ["f1", f(1.1), "f1=1.1"],
    ["f5", f(-1.234e-3), "f5=-0.001234"],
    ["f6", f(1 / 6), "f6=0.16666666666666666"],
    ["l", ["a b", "c"], "l=[a b, c]"],
    ["b", false, "b=no"],
  ];
  for (const [name, value, expected] of cases) assert.equal(formatFlagAssign(name, value), expected);
});

test("formatFlagAssigns sorts by name and skips nulls", () => {
  const flags = { s3: "a b", i: 101, f2: f(0.1), n: null, f3: f(1), s1: "" };
  assert.deepEqual(formatFlagAssigns(flags), ["f2=0.1", "f3=1.0", "i=101", "s1=''", "s3='a b'"]);
  assert.deepEqual(formatFlagAssigns({}), []);
});

test("formatLabelValue truncates float decimals to 5 without rounding", () => {
  check(formatLabelValue, [
    [f(1 / 6), "0.16666"],
    [f(1 / 3), "0.33333"],
    [f(1.1), "1.1"],
    [f(1.12345), "1.12345"],
    [f(1.123456), "1.12345"],
    [f(1.123455), "1.12345"],
    [f(0.999999), "0.99999"],
    [f(12345.123456), "12345.12345"],
    [f(0.0000012345), "1.2345e-06"],
    [f(1.2345678e-5), "1.23456e-05"],
    [f(1.0000012345), "1.00000"],
    [[f(1.1234567)], "[1.1234567]"],
    ["a b", "'a b'"],
    ["/does/not/exist/at/all/in/this/system", "/does/not/exist/at/all/in/this/system"],
  ]);
});

test("formatLabelValue shortens existing paths to 20 chars", () => {
  const root = mkdtempSync(join(tmpdir(), "guild-label-"));
  try {
    const dir = join(root, "a", "b", "c", "last-dir");
    mkdirSync(dir, { recursive: true });
    assert.equal(formatLabelValue(dir), shortenPath(dir, 20));
    assert.match(formatLabelValue(dir), /^\/.*…\/.*last-dir$/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("shortenPath", () => {
  const cases: [string, number, string][] = [
    ["/foo/bar/baz", 20, "/foo/bar/baz"],
    ["foo", 0, "foo"],
    ["/a/b", 0, "/a/b"],
    ["/aaa/bbb/ccc", 12, "/aaa/bbb/ccc"],
    ["/aaa/bbb/ccc", 0, "/…/ccc"],
    ["/aaa/bbbb/ccc", 12, "/aaa/…/ccc"],
    ["/a/b/c/d/e/f/g/h/i/j/k/l", 20, "/a/b/c/d/…/h/i/j/k/l"],
    ["/tmp/stores/2020/home/runs/f7939c95e87447f0a3a034f8c1c9b323", 20, "/…/f7939c95e87447f0a3a034f8c1c9b323"],
    ["rel/path/to/some/deep/file.txt", 20, "rel/…/deep/file.txt"],
    ["foo//bar/baz/qux/quux/corge/grault", 20, "foo/…/corge/grault"],
    ["/home/user/projects/mnist/data/train.csv", 28, "/home/user/…/data/train.csv"],
  ];
  for (const [path, max, expected] of cases) assert.equal(shortenPath(path, max), expected, path);
});

test("encodeFlagArg for argparse scripts", () => {
  check((v) => encodeFlagArg(v, "args"), [
    [true, "1"],
    [false, ""],
    [null, ""],
    ["a b", "a b"],
    ["", ""],
    ["yes", "yes"],
    [5, "5"],
    [f(1), "1.0"],
    [f(1e-5), "1e-05"],
    [f(0.1), "0.1"],
    [f(1e100), "1e+100"],
    [f(NaN), "nan"],
    [[1, 2], "[1, 2]"],
    [["a", "b"], "['a', 'b']"],
    [[true, null, f(2)], "[True, None, 2.0]"],
    [{ b: 1, a: 2 }, "{'a': 2, 'b': 1}"],
  ]);
});

test("encodeFlagArg for globals scripts uses the display encoding", () => {
  check((v) => encodeFlagArg(v, "globals"), [
    [false, "no"],
    [true, "yes"],
    ["123", "'123'"],
    [f(0.5), "0.5"],
    ["hello world", "'hello world'"],
    ["héllo wörld", '"h\\xE9llo w\\xF6rld"'],
    [[1, "a"], "[1, a]"],
  ]);
  assert.equal(encodeFlagArg("1", "global:params"), "'1'");
});

test("encodeFlagEnv", () => {
  check(encodeFlagEnv, [
    [true, "1"],
    [false, "0"],
    [null, ""],
    ["x y", "x y"],
    [3, "3"],
    [f(1e-5), "1e-05"],
    [f(NaN), "nan"],
    [{ a: [1, f(2)] }, "{'a': [1, 2.0]}"],
  ]);
});

test("pformat wraps past 80 columns as Python's pprint", () => {
  const range30 = Array.from({ length: 30 }, (_, i) => i);
  check(pformat, [
    [range30, `[${range30.join(",\n ")}]`],
    [{ b: "x".repeat(40), a: "y".repeat(40) }, `{'a': '${"y".repeat(40)}',\n 'b': '${"x".repeat(40)}'}`],
    [[words(20)], `['${words(15)}'\n '${words(5)}']`],
  ]);
});

test("pythonRepr and pythonStr", () => {
  check(pythonRepr, [
    ["a", "'a'"],
    ["it's", `"it's"`],
    [`it's "q"`, `'it\\'s "q"'`],
    ["a\nb\\", "'a\\nb\\\\'"],
    ["\x00\x7f\xa0é", "'\\x00\\x7f\\xa0é'"],
    [null, "None"],
    [true, "True"],
    [f(1), "1.0"],
    [f(1e16), "1e+16"],
    [f(0.0001), "0.0001"],
    [f(1e-5), "1e-05"],
    [f(123456789012345678), "1.2345678901234568e+17"],
    [{ b: 1, a: "x" }, "{'b': 1, 'a': 'x'}"],
  ]);
  check(pythonStr, [["a b", "a b"], [null, "None"], [f(2), "2.0"], [["a"], "['a']"]]);
});

test("encodeFlagValue: numbers spelled without the emitter, as the emitter spells them", async () => {
  const { encodeYaml } = await import("../../../src/core/yaml/emitter.js");
  const specials = [0, -0, 1, -1, 0.1, 1e-5, -1e-5, 1e16, 1.5e300, 5e-324, 0.8000000119, NaN, Infinity, -Infinity];
  const values: FlagValue[] = [...specials.map((x) => f(x)), 0, 7, -42, 2 ** 53 + 2, -(2 ** 60)];
  for (let i = 0; i < 2000; i++) {
    const bits = new Float64Array(new Uint32Array([Math.floor(Math.random() * 2 ** 32), Math.floor(Math.random() * 2 ** 32)]).buffer);
    values.push(f(bits[0] as number), f(Math.fround(Math.random() * 10 ** (Math.floor(Math.random() * 20) - 10))));
  }
  for (const v of values) assert.equal(encodeFlagValue(v), encodeYaml(v), String(v));
});
