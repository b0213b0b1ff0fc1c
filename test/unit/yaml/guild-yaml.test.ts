// YAML as Guild reads and writes it: PyYAML safe_load (with Guild's float patch)
// and safe_dump(default_flow_style=False, indent=2). Expected values are PyYAML's.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { plain } from "../../helpers/plain.js";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { dumpYaml, encodeYaml, loadYaml } from "../../../src/core/yaml/guild-yaml.js";
import { float, type FlagValue } from "../../../src/core/flags/value.js";

const f = float;

test("loadYaml: scalars typed as YAML 1.1 with Guild's float patch", () => {
  const cases: [string, FlagValue][] = [
    ["", null],
    ["\n", null],
    ["# only a comment\n", null],
    ["null", null],
    ["Null", null],
    ["NULL", null],
    ["~", null],
    ["nUll", "nUll"],
    ["yes", true],
    ["Yes", true],
    ["YES", true],
    ["no", false],
    ["No", false],
    ["true", true],
    ["False", false],
    ["on", true],
    ["ON", true],
    ["off", false],
    ["Off", false],
    ["yEs", "yEs"],
    ["y", "y"],
    ["n", "n"],
    ["0\n", 0],
    ["-5", -5],
    ["+5", 5],
    ["1_000", 1000],
    ["010", 8],
    ["08", "08"],
    ["0x1F", 31],
    ["0b101", 5],
    ["0o17", "0o17"],
    ["1:30", 90],
    ["190:20:30", 685230],
    ["1690000000000000\n", 1690000000000000],
    ["1.0", f(1)],
    ["1.", f(1)],
    [".5", f(0.5)],
    ["1.5_0", f(1.5)],
    ["1:30.5", f(90.5)],
    ["1e-5", f(1e-5)],
    ["1.0e-05", f(1e-5)],
    ["1.5e3", f(1500)],
    ["1e+3", f(1000)],
    ["1e5", f(100000)],
    ["1E5", f(100000)],
    [".inf", f(Infinity)],
    ["-.inf", f(-Infinity)],
    ["+.INF", f(Infinity)],
    [".nan", f(NaN)],
    [".NAN", f(NaN)],
    ["nan", "nan"],
    ["-.5", "-.5"],
    ["2020-01-01", "2020-01-01"],
    ["2001-12-14t21:59:43.10-05:00", "2001-12-14t21:59:43.10-05:00"],
    ["hello\n", "hello"],
    ["hello world  \n", "hello world"],
    ["'yes'", "yes"],
    ["'it''s'\n", "it's"],
    ['"a\\tb\\u00e9"', "a\tb\u00e9"],
    ["''", ""],
    ["'1'", "1"],
    ["- a", ["a"]],
    ["!!str 1", "1"],
    ["!!int '3'", 3],
    ["!!float 1", f(1)],
    ["! 1", 1],
    ["--- 1\n", 1],
  ];
  for (const [input, expected] of cases) assert.deepEqual(plain(loadYaml(input)), expected, JSON.stringify(input));
});

test("loadYaml: documents", () => {
  const cases: [string, FlagValue][] = [
    ["{}\n", {}],
    ["[]\n", []],
    ["a: 1\nb: [1, 2]\n", { a: 1, b: [1, 2] }],
    ["flags:\n- x=1\n- y=2\n", { flags: ["x=1", "y=2"] }],
    ["a:\n  b:\n    c: 1\n  d: []\n", { a: { b: { c: 1 }, d: [] } }],
    ["- - 1\n  - 2\n- - 3\n", [[1, 2], [3]]],
    ["a: |\n  line1\n  line2\n", { a: "line1\nline2\n" }],
    ["a: >\n  folded\n  text\n", { a: "folded text\n" }],
    ["a: very long plain\n  continued line\n", { a: "very long plain continued line" }],
    ["'multi\n\n  line'", "multi\nline"],
    ["a: 1 # comment\n# full\nb: 2\n", { a: 1, b: 2 }],
    ["a: &x [1, 2]\nb: *x\n", { a: [1, 2], b: [1, 2] }],
    ["base: &b {x: 1, y: 2}\nc:\n  <<: *b\n  y: 3\n", { base: { x: 1, y: 2 }, c: { x: 1, y: 3 } }],
    ["a: 1\na: 2\n", { a: 2 }],
    ["1: a\n2.5: b\n~: d\n", { "1": "a", "2.5": "b", None: "d" }],
    ["[1:10]", [70]],
    ["[a:b]", ["a:b"]],
    ["{a:1}", { "a:1": null }],
    ["[this has spaces:yes:[1,2,3]]", [{ "this has spaces:yes": [1, 2, 3] }]],
    ["? a\n: b\n", { a: "b" }],
    ["\ufeffa: 1", { a: 1 }],
    ["'a\tb': \"\tc\" # tab\td\n", { "a\tb": "\tc" }],
    ["a: |\n  x\ty\n", { a: "x\ty\n" }],
    ["[1:2]#comment", [62]],
  ];
  for (const [input, expected] of cases) assert.deepEqual(plain(loadYaml(input)), expected, JSON.stringify(input));
});

test("loadYaml: JSON text keeps ints and floats apart", () => {
  const json = '{"a": 1, "b": 1.0, "c": [1, 2.5, "x"], "d": null, "e": true, "f": 1e-05, "g": "\\u00e9\\n", "h": {"i": -0.0}, "j": 1e+100}';
  const expected = { a: 1, b: f(1), c: [1, f(2.5), "x"], d: null, e: true, f: f(1e-5), g: "\u00e9\n", h: { i: f(-0) }, j: f(1e100) };
  assert.deepEqual(plain(loadYaml(json)), expected);
  assert.deepEqual(plain(loadYaml('[{"name": "x", "default": 1.5, "choices": [1, 2]}]')), [{ name: "x", default: f(1.5), choices: [1, 2] }]);
});

test("loadYaml: invalid YAML throws", () => {
  const cases = ["{", "[1, 2", '"unterminated', "a: b: c", "a\n---\nb", "...", ":", "[:]", ": a", "=", "<<", "!!python/name:os.system", "0b_", "._", "{[1]: 2}", "x: !foo 1", "'a'b",
    "a:\tb", "y\t", "- a\n-\tb", "&a=b 1", "a: &x 1\nb: *x=y"];
  for (const input of cases) assert.throws(() => loadYaml(input), JSON.stringify(input));
});

test("loadYaml: a tagged int whose digits do not fit its base is a YAML error, as Python's int() fails", () => {
  for (const input of ["!!int 0x1F\u0000", "!!int 0x1G", "!!int 0b12", "!!int 09", "!!int -0x"]) {
    assert.throws(() => loadYaml(input), { name: "ValueError" }, JSON.stringify(input));
  }
});

test("dumpYaml: block style as PyYAML safe_dump writes attrs", () => {
  const cases: [unknown, string][] = [
    [0, "0\n"],
    [-15, "-15\n"],
    [1690000000000000, "1690000000000000\n"],
    ["hello", "hello\n"],
    [null, "null\n"],
    [true, "true\n"],
    [false, "false\n"],
    [{}, "{}\n"],
    [[], "[]\n"],
    [f(0.5), "0.5\n"],
    [{ loss: f(0.5) }, "loss: 0.5\n"],
    [["a"], "- a\n"],
    [{ flags: ["x=1"] }, "flags:\n- x=1\n"],
    [{ b: 1, a: { d: [], c: {} } }, "a:\n  c: {}\n  d: []\nb: 1\n"],
    [{ "op-cmd": { "cmd-args": ["${python_exe}", "-um"], "cmd-env": { GUILD_PLUGINS: "" } } }, "op-cmd:\n  cmd-args:\n  - ${python_exe}\n  - -um\n  cmd-env:\n    GUILD_PLUGINS: ''\n"],
    [{ yes: true }, "'yes': true\n"],
    [[[1, 2], [3]], "- - 1\n  - 2\n- - 3\n"],
    [[{ a: 1, b: [2] }], "- a: 1\n  b:\n  - 2\n"],
    [{ a: [{ b: 1 }] }, "a:\n- b: 1\n"],
    [{ "": 1 }, "? ''\n: 1\n"],
    [{ "a\nb": 1 }, "? 'a\n\n  b'\n: 1\n"],
  ];
  for (const [input, expected] of cases) assert.equal(dumpYaml(input), expected, JSON.stringify(input));
});

test("encodeYaml: scalar spelling and quoting", () => {
  const cases: [unknown, string][] = [
    ["", "''"],
    ["yes", "'yes'"],
    ["No", "'No'"],
    ["on", "'on'"],
    ["y", "y"],
    ["1", "'1'"],
    ["1.0", "'1.0'"],
    ["1e5", "'1e5'"],
    ["1e-5", "'1e-5'"],
    ["0x1F", "'0x1F'"],
    ["1_000", "'1_000'"],
    ["1:30", "'1:30'"],
    ["null", "'null'"],
    ["~", "'~'"],
    ["=", "'='"],
    ["<<", "'<<'"],
    ["2020-01-01", "'2020-01-01'"],
    ["a: b", "'a: b'"],
    ["a:b", "a:b"],
    ["a #b", "'a #b'"],
    ["a#b", "a#b"],
    ["- a", "'- a'"],
    ["-a", "-a"],
    ["? a", "'? a'"],
    [":", "':'"],
    ["[a]", "'[a]'"],
    ["{a}", "'{a}'"],
    ["*", "'*'"],
    ["&a", "'&a'"],
    ["!a", "'!a'"],
    ["%a", "'%a'"],
    ["@a", "'@a'"],
    ["`a", "'`a'"],
    ["|a", "'|a'"],
    [">a", "'>a'"],
    ["'a'", "'''a'''"],
    ['"a"', `'"a"'`],
    ["--- a", "'--- a'"],
    ["...", "'...'"],
    [" a", "' a'"],
    ["a ", "'a '"],
    ["a\tb", '"a\\tb"'],
    ["é", '"\\xE9"'],
    ["😀", '"\\U0001F600"'],
    ["\u2028", '"\\L"'],
    ["a\nb", "'a\n\n  b'"],
    ["a\n", "'a\n\n  '"],
    ["a \nb", '"a \\nb"'],
    ["x".repeat(100), "x".repeat(100)],
    ["word ".repeat(30).trim(), `${"word ".repeat(17).trim()}\n  ${"word ".repeat(13).trim()}`],
    [`${"a".repeat(81)} b`, `${"a".repeat(81)}\n  b`],
    [`${"a".repeat(79)} b`, `${"a".repeat(79)} b`],
    [`${"é ".repeat(30)}x`, `"${"\\xE9 ".repeat(16)}\\xE9\\\n  \\ ${"\\xE9 ".repeat(13)}x"`],
    [f(1), "1.0"],
    [f(0.001), "0.001"],
    [f(1e-5), "1.0e-05"],
    [f(1e100), "1.0e+100"],
    [f(1e16), "1.0e+16"],
    [f(-0), "-0.0"],
    [f(Infinity), ".inf"],
    [f(-Infinity), "-.inf"],
    [f(NaN), ".nan"],
    [1, "1"],
    [2 ** 53, "9007199254740992"],
    [1e21, "1000000000000000000000"],
  ];
  for (const [input, expected] of cases) assert.equal(encodeYaml(input), expected, JSON.stringify(input));
});

test("round trip: loadYaml(dumpYaml(v)) equals v", () => {
  const strings = ["", "a", "a b", "yes", "no", "y", "null", "~", "1", "1.0", "1e5", "1e-5", "0x1F", "010", "1_000", "1:30",
    "=", "<<", "- a", "a: b", "#x", "'q'", "it's", "a\nb", "a\n", " a ", "a\tb", "é", "😀", "[1:2]", "word ".repeat(40)];
  const values: FlagValue[] = [
    null, true, false, 0, 1, -1, 2 ** 53, f(0), f(-0), f(1), f(0.5), f(1e-5), f(1 / 3), f(1e100), f(Infinity), f(-Infinity), f(NaN),
    [], {}, ...strings, strings, { s: strings }, Object.fromEntries(strings.filter(Boolean).map((s) => [s, s])),
    [[1, [2, [3, []]]], {}], { a: [1, { b: [], c: {} }], z: { y: { x: [[1, f(2)], []] } } }, [{ a: 1, b: 2 }, { c: [1] }],
  ];
  for (const value of values) assert.deepEqual(plain(loadYaml(dumpYaml(value))), value, JSON.stringify(value));
});

test("property: a one-level mapping of simple scalars loads as the full parser loads it", () => {
  // Keys and values that are typed (yes, 1, null), quoted, spaced, signed or not simple at all.
  const keys = ["lr", "msg", "a.b", "_x", "x-y", "e", "nan", "yes", "on", "null", "1", "True", "__proto__", "<<", "a b", "k#"];
  const values = ["0.01", "1e-3", "1.0e+3", ".5", "1_000", "-1", "+2", "0x1F", "010", "1:30", "2001-12-14", "true", "no", "off", "~",
    "null", "word", "two words", "'it''s'", "'a: b'", "a,b", "f(x)", "x=1", "-x", "--x", "...", "#c", "a #c", "|", "[1]", "{}", "é", "", " x", "x "];
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.constantFrom(...keys), fc.constantFrom(...values)), { minLength: 1, maxLength: 6 }), (pairs) => {
      const text = pairs.map(([k, v]) => `${k}: ${v}\n`).join("");
      // A comment line sends the same document through the full parser.
      const full = (t: string) => {
        try {
          return { value: plain(loadYaml(t)) };
        } catch (e) {
          return { error: (e as Error).message };
        }
      };
      assert.deepEqual(full(text), full(`${text}# the full parser\n`), text);
    }),
    { numRuns: 3000 },
  );
});

const ARCHIVES = ["guild-2020.tgz", "guild-0.9.1.tgz"];
const REQUIRED_ATTRS = ["flags", "run_params", "op", "cmd", "label", "user_flags", "exit_status", "started", "steps"];

test("Guild-written attrs survive load -> dump byte for byte", () => {
  const storesDir = findFixtureDir("fixtures/guild-stores");
  const seen = new Set<string>();
  let count = 0;
  for (const archive of ARCHIVES) {
    const root = mkdtempSync(join(tmpdir(), "guild-yaml-"));
    try {
      execFileSync("tar", ["-xzf", join(storesDir, archive), "-C", root]);
      for (const path of attrFiles(root)) {
        const original = readFileSync(path, "utf8");
        const expected = archive === "guild-0.9.1.tgz" ? unquoteLaterBools(original) : original;
        assert.equal(dumpYaml(loadYaml(original)), expected, `${archive}: ${path.slice(root.length)}`);
        seen.add(path.slice(path.lastIndexOf("/") + 1));
        count += 1;
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }
  assert.ok(count > 300, `only ${count} attr files found`);
  for (const name of REQUIRED_ATTRS) assert.ok(seen.has(name), `no '${name}' attr in the stores`);
});

// Guild 0.9 (not the 2020 target) makes PyYAML read `y`/`n` as booleans, so it
// quotes those strings ('y': 2); the 2020 target writes them plain (y: 2).
function unquoteLaterBools(text: string): string {
  return text.replace(/'([yYnN])'/g, "$1");
}

function findFixtureDir(rel: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, rel))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find ${rel}`);
    dir = parent;
  }
  return join(dir, rel);
}

function attrFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...attrFiles(path));
    else if (entry.isFile() && dir.endsWith("/.guild/attrs")) files.push(path);
  }
  return files;
}
