// Tests for python/guild/_yaml_scalar.py, the decoder of flag values for
// FLAGS_DEST=globals. Each case: input text, Python repr of decode(text).
import { test } from "node:test";
import assert from "node:assert/strict";

import { python, PYTHON_DIR } from "./helpers.js";

const CASES: [string, string][] = [
  // booleans (YAML 1.1 spellings)
  ["yes", "True"],
  ["Yes", "True"],
  ["YES", "True"],
  ["no", "False"],
  ["true", "True"],
  ["False", "False"],
  ["on", "True"],
  ["OFF", "False"],
  ["yEs", "'yEs'"],
  ["y", "'y'"],
  ["n", "'n'"],
  // null
  ["null", "None"],
  ["Null", "None"],
  ["~", "None"],
  ["", "None"],
  // ints
  ["5", "5"],
  ["-3", "-3"],
  ["+7", "7"],
  ["0", "0"],
  ["0x1F", "31"],
  ["0b101", "5"],
  ["010", "8"],
  ["1_000", "1000"],
  ["1:30", "90"],
  ["09", "'09'"],
  // floats
  ["0.5", "0.5"],
  ["1.0", "1.0"],
  ["-6.78e-07", "-6.78e-07"],
  ["1.0e-05", "1e-05"],
  ["1.0e+100", "1e+100"],
  ["1e-5", "1e-05"],
  ["1e5", "100000.0"],
  ["1.5E3", "1500.0"],
  [".5", "0.5"],
  ["1.", "1.0"],
  [".inf", "inf"],
  ["-.inf", "-inf"],
  [".NaN", "nan"],
  ["nan", "'nan'"],
  ["inf", "'inf'"],
  // single-quoted strings
  ["'1'", "'1'"],
  ["'yes'", "'yes'"],
  ["''", "''"],
  ["'it''s'", '"it\'s"'],
  ["'1e5'", "'1e5'"],
  ["'null'", "'null'"],
  ["'a b'", "'a b'"],
  // double-quoted strings
  ['"hello"', "'hello'"],
  ['"a\\tb\\n"', "'a\\tb\\n'"],
  ['"\\u00e9\\x41"', "'éA'"],
  ['"say \\"hi\\""', "'say \"hi\"'"],
  // plain strings
  ["hello", "'hello'"],
  ["hello world", "'hello world'"],
  ["hello # comment", "'hello'"],
  ["a#b", "'a#b'"],
  ["http://x.y/z?q=1", "'http://x.y/z?q=1'"],
  ["-x", "'-x'"],
  ["./data/train.csv", "'./data/train.csv'"],
  // flow sequences
  ["[1, 2]", "[1, 2]"],
  ["[1, 2, a]", "[1, 2, 'a']"],
  ["[]", "[]"],
  ["[1.0, 'x', no, null]", "[1.0, 'x', False, None]"],
  ["[a b, c]", "['a b', 'c']"],
  ["[[1, 2], [3]]", "[[1, 2], [3]]"],
  ["[1, 2, ]", "[1, 2]"],
  ["[a: 1]", "[{'a': 1}]"],
  // flow mappings
  ["{a: 1}", "{'a': 1}"],
  ["{}", "{}"],
  ["{a: [1, {b: c}], d: null}", "{'a': [1, {'b': 'c'}], 'd': None}"],
  ['{"a":1}', "{'a': 1}"],
  ["{a, b: 2}", "{'a': None, 'b': 2}"],
  ["{1: x}", "{1: 'x'}"],
  // other YAML forms
  ["a: 1", "{'a': 1}"],
  ["- a", "['a']"],
  ["--- 5", "5"],
  ["2020-01-02", "datetime.date(2020, 1, 2)"],
  // not YAML (or not supported): the text itself
  ["[1, 2", "'[1, 2'"],
  ["'abc", '"\'abc"'],
  ["{a: 1}}", "'{a: 1}}'"],
  ["[1,2]*2", "'[1,2]*2'"],
  ["a: b: c", "'a: b: c'"],
  ["&anchor 1", "'&anchor 1'"],
  ["!!str 1", "'!!str 1'"],
  ["@x", "'@x'"],
  ["[a]: 1", "'[a]: 1'"],
  ["1.2.3", "'1.2.3'"],
];

const SCRIPT = `
import json, sys
sys.path.insert(0, sys.argv[1])
from guild._yaml_scalar import decode
print(json.dumps([repr(decode(s)) for s in json.load(sys.stdin)]))
`;

function decodeAll(inputs: string[]): string[] {
  const res = python(["-c", SCRIPT, PYTHON_DIR], { input: JSON.stringify(inputs) });
  assert.equal(res.status, 0, res.stderr);
  return JSON.parse(res.stdout) as string[];
}

const results = decodeAll(CASES.map(([input]) => input));

for (const [i, [input, expected]] of CASES.entries()) {
  test(`decode ${JSON.stringify(input)} -> ${expected}`, () => {
    assert.equal(results[i], expected);
  });
}

test("decode_strict raises DecodeError for unreadable input", () => {
  const res = python(
    [
      "-c",
      "import sys; sys.path.insert(0, sys.argv[1]); from guild import _yaml_scalar as y\n" +
        "try:\n    y.decode_strict('[1, 2')\nexcept y.DecodeError:\n    print('error')\n",
      PYTHON_DIR,
    ],
    {},
  );
  assert.equal(res.stdout, "error\n", res.stderr);
});
