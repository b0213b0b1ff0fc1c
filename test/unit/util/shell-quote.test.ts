// shellQuote / shellSplit against Python's shlex.quote / shlex.split (POSIX,
// no comments), which Guild uses for opref lines, step run specs and
// `--print-cmd`. The expected columns are Python's answers; one python3
// process checks the tables themselves.
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { shellJoin, shellQuote, shellSplit } from "../../../src/core/util/shell-quote.js";

const QUOTE: [string, string][] = [
  ["", "''"],
  ["abc", "abc"],
  ["say.py", "say.py"],
  ["/abs/path-1_2", "/abs/path-1_2"],
  ["a@b%c+d=e:f,g./h-i_j", "a@b%c+d=e:f,g./h-i_j"],
  ["--flag=1", "--flag=1"],
  ["a b", "'a b'"],
  ["it's", `'it'"'"'s'`],
  ["'", `''"'"''`],
  ['a"b', `'a"b'`],
  ["$HOME", "'$HOME'"],
  ["*", "'*'"],
  ["~", "'~'"],
  ["a\nb", "'a\nb'"],
  ["a\tb", "'a\tb'"],
  ["é", "'é'"],
  ["[1, 2]", "'[1, 2]'"],
  ["x;y", "'x;y'"],
  ["a\\b", "'a\\b'"],
];

// null: shlex.split raises ValueError.
const SPLIT: [string, string[] | null][] = [
  ["", []],
  ["   ", []],
  ["a b  c", ["a", "b", "c"]],
  [" a\tb\nc\r", ["a", "b", "c"]],
  ["'a b' c", ["a b", "c"]],
  ['"a b" c', ["a b", "c"]],
  ["a'b'c", ["abc"]],
  ["''", [""]],
  ["'' \"\"", ["", ""]],
  ["a\\ b", ["a b"]],
  ["\\'", ["'"]],
  ['"a\\"b"', ['a"b']],
  ['"a\\\\b"', ["a\\b"]],
  ['"a\\b"', ["a\\b"]],
  ["'a\\b'", ["a\\b"]],
  ["'a\"b'", ['a"b']],
  ["a#b #c", ["a#b", "#c"]],
  ["msg=[hi, hello, hola]", ["msg=[hi,", "hello,", "hola]"]],
  ["say.py msg='hello there' --label \"a b\"", ["say.py", "msg=hello there", "--label", "a b"]],
  ["script:/p '' '' say.py", ["script:/p", "", "", "say.py"]],
  ["'abc", null],
  ['"abc', null],
  ['"a\\$b"', ["a\\$b"]],
  ['"a\\`b"', ["a\\`b"]],
  ["a\\", null],
  ["a\vb", ["a\vb"]],
  ["a\u00a0b", ["a\u00a0b"]],
];

function pythonAnswers(): { quote: string[]; split: (string[] | null)[] } | undefined {
  const code = [
    "import json, shlex, sys",
    "data = json.load(sys.stdin)",
    "def split(s):",
    "    try:",
    "        return shlex.split(s)",
    "    except ValueError:",
    "        return None",
    "print(json.dumps({'quote': [shlex.quote(s) for s in data['quote']], 'split': [split(s) for s in data['split']]}))",
  ].join("\n");
  const input = JSON.stringify({ quote: QUOTE.map(([s]) => s), split: SPLIT.map(([s]) => s) });
  const proc = spawnSync("python3", ["-c", code], { input, encoding: "utf8" });
  return proc.status === 0 ? JSON.parse(proc.stdout) : undefined;
}

describe("the tables are Python's answers", () => {
  const py = pythonAnswers();
  test("python3 ran", () => assert.ok(py));
  test("shlex.quote", () => assert.deepEqual(py?.quote, QUOTE.map(([, want]) => want)));
  test("shlex.split", () => assert.deepEqual(py?.split, SPLIT.map(([, want]) => want)));
});

describe("shellQuote", () => {
  for (const [s, want] of QUOTE) test(JSON.stringify(s), () => assert.equal(shellQuote(s), want));
});

describe("shellSplit", () => {
  for (const [s, want] of SPLIT) {
    test(JSON.stringify(s), () => {
      if (want === null) assert.throws(() => shellSplit(s));
      else assert.deepEqual(shellSplit(s), want);
    });
  }
});

describe("shellSplit(shellJoin(args)) returns args", () => {
  const ARGS: string[][] = [QUOTE.map(([s]) => s), ["python", "-um", "guild.op_main", "say", "--msg", "hello there"], [""], []];
  for (const args of ARGS) test(JSON.stringify(args), () => assert.deepEqual(shellSplit(shellJoin(args)), args));
});
