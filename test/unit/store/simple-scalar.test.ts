// The fast path for one-line attr files: every text it answers must read
// exactly as the full YAML loader (PyYAML semantics) reads it; anything else
// must fall back (undefined) to that loader.
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { parseSimpleScalar } from "../../../src/core/store/simple-scalar.js";
import { loadYaml } from "../../../src/core/yaml/guild-yaml.js";

describe("answered directly", () => {
  const CASES: [string, string | number | null][] = [
    ["0\n", 0],
    ["0", 0],
    ["-15\n", -15],
    ["1\n", 1],
    ["+5\n", 5],
    ["1795772016685819\n", 1795772016685819],
    ["\n", null],
    ["", null],
    ["null\n", null],
    ["~\n", null],
    ["hello\n", "hello"],
    ["loud=no msg=c\n", "loud=no msg=c"],
    ["msg='hello 1'\n", "msg='hello 1'"],
    ["my x 001\n", "my x 001"],
    ["af0bf697d5bd934a49a476cc12f68da6\n", "af0bf697d5bd934a49a476cc12f68da6"],
    ["git:abc123*\n", "git:abc123*"],
    ["x86_64\n", "x86_64"],
    ["a:b\n", "a:b"],
    ["a#b\n", "a#b"],
    ["a,b\n", "a,b"],
    ["a -b\n", "a -b"],
    ["x%y\n", "x%y"],
    ["a\\b\n", "a\\b"],
    ["nuLL\n", "nuLL"],
    ["yES\n", "yES"],
    ["é\n", "é"],
    ["''\n", ""],
    ["'1'\n", "1"],
    ["'yes'\n", "yes"],
    ["'null'\n", "null"],
    ["'it''s'\n", "it's"],
    ["' a '\n", " a "],
    ["'a: b'\n", "a: b"],
  ];
  for (const [text, want] of CASES) {
    test(JSON.stringify(text), () => {
      assert.deepEqual(parseSimpleScalar(text), { value: want });
      assert.deepEqual(loadYaml(text), want, "the full loader reads the same value");
    });
  }
});

describe("falls back to the full loader", () => {
  const CASES: string[] = [
    "010\n", // YAML 1.1 octal
    "00\n",
    "0x1F\n",
    "1_000\n",
    "12:30\n", // sexagesimal
    "1.5\n",
    ".5\n",
    "1e3\n",
    ".inf\n",
    "9007199254740993\n", // not a safe integer
    "yes\n",
    "No\n",
    "TRUE\n",
    "off\n",
    "y\n",
    "Null\n",
    "NULL\n",
    "2020-01-01\n",
    "a: b\n",
    "a:\n",
    "a #c\n",
    "a \n",
    " a\n",
    "- a\n",
    "-\n",
    "---\n",
    "[1, 2]\n",
    "{}\n",
    "{a: 1}\n",
    '"a"\n',
    "'a'b'\n",
    "'\n",
    "! a\n",
    "&a x\n",
    "*a\n",
    "@a\n",
    "%a\n",
    "a\nb\n",
    "5\n\n",
    "- a\n- b\n",
  ];
  for (const text of CASES) test(JSON.stringify(text), () => assert.equal(parseSimpleScalar(text), undefined));
});

// Texts the full loader reads otherwise than they look (or rejects, as
// PyYAML does): the fast path must fall back or agree.
describe("never disagrees with the full loader", () => {
  const CASES: string[] = [
    "abc\n",
    "a b c\n",
    "1 2\n",
    "a]\n",
    "a}\n",
    "a'b\n",
    'a"b\n',
    "1-2\n",
    "-0\n", // int 0, not a JS negative zero
    "=\n", // PyYAML: no constructor for tag:yaml.org,2002:value
    "<<\n", // PyYAML: no constructor for tag:yaml.org,2002:merge
    "abc\r\n", // PyYAML strips the CR
    "a\r",
    "a\tb\n", // PyYAML rejects the tab (ScannerError)
    "a\t#b\n",
    "a:\tb\n",
    "a\u0085b\n", // NEL is a line break to YAML 1.1
    "a\u2028b\n",
    "\ufeffa\n", // a BOM is dropped
    "a\u007fb\n", // not printable: PyYAML rejects it
  ];
  for (const text of CASES) {
    test(JSON.stringify(text), () => {
      const simple = parseSimpleScalar(text);
      if (simple === undefined) return;
      let loaded: unknown;
      try {
        loaded = loadYaml(text);
      } catch (e) {
        assert.fail(`answered ${JSON.stringify(simple.value)} but the loader fails: ${(e as Error).message}`);
      }
      assert.ok(Object.is(simple.value, loaded), `answered ${String(simple.value)}, the loader reads ${String(loaded)}`);
    });
  }
});
