// Batch files (spec §4.7): CSV, JSON and YAML trials, and Guild's errors.
import { test } from "node:test";
import assert from "node:assert/strict";
import { plain } from "../../helpers/plain.js";
import { isGuildError } from "../../../src/core/errors.js";
import { trialsForText } from "../../../src/core/batch/batch-files.js";
import { float, type FlagMap } from "../../../src/core/flags/value.js";
import { parseCsv, formatCsvRow } from "../../../src/core/util/csv.js";

const f = float;

function trials(text: string, path: string): FlagMap[] | string {
  try {
    return plain(trialsForText(text, path));
  } catch (e) {
    if (isGuildError(e)) return e.message;
    throw e;
  }
}

test("CSV: header of flag names, one trial per row, cells decoded", () => {
  const cases: [string, FlagMap[]][] = [
    ["lr,bs\n0.1,32\n1e-3,64\n", [{ lr: f(0.1), bs: 32 }, { lr: f(0.001), bs: 64 }]],
    ["msg,loud\nhello,yes\n'1',no\n", [{ msg: "hello", loud: true }, { msg: "1", loud: false }]],
    ["msg,loud\nshort\n", [{ msg: "short" }]],
    ['msg\n"a, b"\n"say ""hi"""\n', [{ msg: "a, b" }, { msg: 'say "hi"' }]],
    ["a,b\r\n1,2\r\n", [{ a: 1, b: 2 }]],
    ["a\n1\n\n2\n\n", [{ a: 1 }, { a: 2 }]],
    ['x\n"[1,2]"\n1e5\n', [{ x: [1, 2] }, { x: "1e5" }]],
    ["a,b\n", []],
    ["", []],
  ];
  for (const [text, expected] of cases) assert.deepEqual(trials(text, "t.csv"), expected, text);
  assert.deepEqual(trials("a\n1\n", "trials"), [{ a: 1 }]);
});

test("JSON and YAML: a list of maps or one map", () => {
  const cases: [string, string, FlagMap[]][] = [
    ['[{"lr": 0.1}, {"lr": 0.2, "bs": 8}]', "t.json", [{ lr: f(0.1) }, { lr: f(0.2), bs: 8 }]],
    ['{"lr": 0.1}', "t.json", [{ lr: f(0.1) }]],
    ["- msg: a\n- msg: b\n  loud: yes\n", "t.yaml", [{ msg: "a" }, { msg: "b", loud: true }]],
    ["msg: [a, b]\n", "T.YML", [{ msg: ["a", "b"] }]],
    ["[]", "t.yml", []],
  ];
  for (const [text, path, expected] of cases) assert.deepEqual(trials(text, path), expected, path);
});

test("errors name the file as given", () => {
  const cases: [string, string, string][] = [
    ["a", "./f.unknown", "cannot read trials for ./f.unknown: unsupported extension"],
    ["123", "./t.yaml", "cannot read trials for ./t.yaml: invalid data type for trials: expected list or dict, got int"],
    ["abc", "./t.yaml", "cannot read trials for ./t.yaml: invalid data type for trials: expected list or dict, got str"],
    ["1.5", "./t.json", "cannot read trials for ./t.json: invalid data type for trials: expected list or dict, got float"],
    ["", "./t.yaml", "cannot read trials for ./t.yaml: invalid data type for trials: expected list or dict, got NoneType"],
    ["[123]", "./t.json", "cannot read trials for ./t.json: invalid data type for trial 123: expected dict"],
    ["[{a: 1}, abc]", "./t.yml", "cannot read trials for ./t.yml: invalid data type for trial 'abc': expected dict"],
    ["[[1, 2]]", "./t.yml", "cannot read trials for ./t.yml: invalid data type for trial [1, 2]: expected dict"],
  ];
  for (const [text, path, expected] of cases) assert.equal(trials(text, path), expected, text);
  assert.match(String(trials("[a", "./t.yaml")), /^cannot read trials for \.\/t\.yaml: .+/);
});

test("CSV mistakes fail naming the file and the line", () => {
  const cases: [string, string][] = [
    ["a\n1,2,3\n", "cannot read trials for t.csv: line 2: 3 fields but the header names 1"],
    ['a,b\n"x\ny",2\n3,4,5\n', "cannot read trials for t.csv: line 4: 3 fields but the header names 2"],
    ['a\n1\n"open\n2\n', "cannot read trials for t.csv: line 3: unterminated quoted field"],
    ["lr,bs,lr\n1,2,3\n", "cannot read trials for t.csv: line 1: flag 'lr' is named twice in the header"],
    ["\n\nx,x\n", "cannot read trials for t.csv: line 3: flag 'x' is named twice in the header"],
  ];
  for (const [text, expected] of cases) assert.equal(trials(text, "t.csv"), expected, text);
});

test("CSV rows as Python's csv module reads and writes them", () => {
  assert.deepEqual(parseCsv('a,"b\nc",d\n,\n'), [["a", "b\nc", "d"], ["", ""]]);
  assert.deepEqual(parseCsv('"a"b,c'), [["ab", "c"]]);
  assert.deepEqual(parseCsv("\n"), [[]]);
  assert.equal(formatCsvRow(["a", "b c", 'x"y', "1,2", ""]), 'a,b c,"x""y","1,2",\n');
});
