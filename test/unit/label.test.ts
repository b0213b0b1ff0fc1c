// Run labels (spec §6.4): the default label and label templates. Expected
// values are what Guild's op_util.run_label (93926134) returns for them.
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { defaultLabel, renderLabel } from "../../src/core/label.js";
import { float, type FlagMap } from "../../src/core/flags/value.js";

const FLAGS: FlagMap = {
  name: "x",
  seconds: 1,
  lr: float(1 / 3),
  f1: float(1),
  b: true,
  nb: false,
  n: null,
  s: "a b",
  q: "'quoted'",
  p: "foo/bar.txt",
  p2: "foo/bar/",
  i: 42,
  neg: -3,
  l: [1, 2],
  str1: "1",
  e: "",
};
const DEFAULT =
  "b=yes e='' f1=1.0 i=42 l=[1, 2] lr=0.33333 name=x nb=no neg=-3 p=foo/bar.txt p2=foo/bar/ " +
  "q='''quoted''' s='a b' seconds=1 str1='1'";

describe("defaultLabel", () => {
  const CASES: [FlagMap, string][] = [
    [{}, ""],
    [{ n: null }, ""],
    [{ msg: "a", loud: false }, "loud=no msg=a"],
    [{ msg: "hello there" }, "msg='hello there'"],
    [{ i: "1" }, "i='1'"],
    [{ f: float(2) }, "f=2.0"],
    [{ f: float(0.123456789) }, "f=0.12345"],
    [{ f: float(1.23456789e-5) }, "f=1.23456e-05"],
    [{ "poll-interval": 10, "run-once": true, "wait-for-running": false, gpus: null }, "poll-interval=10 run-once=yes wait-for-running=no"],
    [FLAGS, DEFAULT],
  ];
  for (const [flags, want] of CASES) test(want || JSON.stringify(flags), () => assert.equal(defaultLabel(flags), want));
});

describe("renderLabel", () => {
  const CASES: [string | null | undefined, string][] = [
    [null, DEFAULT],
    [undefined, DEFAULT],
    ["", DEFAULT],
    // Verified with the 2020 CLI (§6.4); the trailing space is kept.
    ["my ${name} ${seconds|%03d} ${missing}", "my x 001 "],
    ["${default_label}", DEFAULT],
    ["prefix ${default_label} suffix", `prefix ${DEFAULT} suffix`],
    ["custom label", "custom label"],
    // Plain refs use the label encoding of the value.
    ["${lr}", "0.33333"],
    ["${f1}", "1.0"],
    ["${b}", "yes"],
    ["${nb}", "no"],
    ["${n}", ""],
    ["${missing}", ""],
    ["${s}", "'a b'"],
    ["${q}", "'''quoted'''"],
    ["${l}", "[1, 2]"],
    ["${str1}", "'1'"],
    ["${e}", "''"],
    ["${name}${name}", "xx"],
    // Filters work on the raw value; the result is Python's str().
    ["${lr|%.2f}", "0.33"],
    ["${i|%05.1f}", "042.0"],
    ["${neg|%03d}", "-03"],
    ["${name|%d}", "x"],
    ["${str1|%03d}", "1"],
    ["${s|%s}", "a b"],
    ["${b|%s}", "True"],
    ["${l|%s}", "[1, 2]"],
    ["${seconds|%s}x", "1x"],
    // A null or missing flag is None to the filter ('%s' % None).
    ["${n|%s}", "None"],
    ["${missing|%s}", "None"],
    ["${missing|%d}", ""],
    ["${f1|%.1e}", "1.0e+00"],
    ["${n|default:none}", "none"],
    ["${missing|default:x}", "x"],
    ["${seconds|default:x}", "1"],
    ["${e|default:x}", ""],
    ["${name|default:a:b}", "x"],
    ["${missing|default:a:b}", "a:b"],
    ["${q|unquote}", "quoted"],
    ["${name|unquote}", "x"],
    ["${p|basename}", "bar.txt"],
    ["${p2|basename}", "bar"],
    ["${missing|basename}", ""],
    ["${lr|%.3f|default:x}", "0.333"],
    ["${default_label|unquote}", DEFAULT],
    // Not references.
    ["$name", "$name"],
    ["${", "${"],
    ["${}", "${}"],
    ["a}b", "a}b"],
  ];
  for (const [template, want] of CASES) {
    test(JSON.stringify(template), () => assert.equal(renderLabel(template, FLAGS), want));
  }

  test("batch sample label: msg is '${msg|unquote}'", () => {
    assert.equal(renderLabel("msg is '${msg|unquote}'", { msg: "hi", loud: false }), "msg is 'hi'");
  });
  test("tag template (-t q1)", () => {
    assert.equal(
      renderLabel("q1 ${default_label}", { gpus: null, "poll-interval": 1, "run-once": false, "wait-for-running": false }),
      "q1 poll-interval=1 run-once=no wait-for-running=no",
    );
  });

  test("unknown filter warns and renders #error#", () => {
    const warnings: string[] = [];
    assert.equal(renderLabel("a ${name|bogus} b", FLAGS, (w) => warnings.push(w)), "a #error# b");
    assert.deepEqual(warnings, ["WARNING: unsupported template transform: 'bogus'"]);
  });
  test("known filters do not warn", () => {
    const warnings: string[] = [];
    renderLabel("${lr|%.2f} ${n|default:x} ${p|basename} ${q|unquote}", FLAGS, (w) => warnings.push(w));
    assert.deepEqual(warnings, []);
  });

  test("%s of a float is Python's str(float)", () => {
    assert.equal(renderLabel("${f1|%s}", FLAGS), "1.0");
  });
  test("%d of a boolean is an int", () => {
    assert.equal(renderLabel("${b|%d}", FLAGS), "1");
  });
});
