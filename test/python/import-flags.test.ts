// Tests for python/guild/import_flags.py: `python3 import_flags.py SCRIPT`
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, realpathSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import {
  FIXTURES_DIR,
  importFlags,
  pythonVersion,
  removeDir,
  type PyResult,
} from "./helpers.js";

let tmp = "";

before(() => {
  tmp = realpathSync(mkdtempSync(join(tmpdir(), "guild-py-import-")));
});

after(() => removeDir(tmp));

function fixture(name: string): string {
  return join(FIXTURES_DIR, name);
}

function tmpScript(name: string, text: string): string {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
}

// Output must be exactly one line of JSON, nothing on stderr.
function imported(res: PyResult): unknown {
  assert.equal(res.status, 0, `exit ${res.status}, stderr:\n${res.stderr}`);
  assert.equal(res.stderr, "");
  assert.ok(res.stdout.endsWith("\n") && res.stdout.indexOf("\n") === res.stdout.length - 1);
  return JSON.parse(res.stdout);
}

test("import: Guild's say.py sample (matches Guild 0.9's import-flags cache)", () => {
  const script = tmpScript(
    "say.py",
    [
      "import argparse",
      "",
      "parser = argparse.ArgumentParser()",
      'parser.add_argument("--msg", default="hello")',
      'parser.add_argument("--loud", action="store_true")',
      "args = parser.parse_args()",
      "print(args.msg.upper() if args.loud else args.msg)",
      "",
    ].join("\n"),
  );
  assert.deepEqual(imported(importFlags(script)), {
    $dest: "args",
    msg: { default: "hello" },
    loud: { default: false, "arg-switch": true, choices: [true, false] },
  });
});

test("import: argparse options with types, choices, required and switches", () => {
  const res = importFlags(fixture("args_flags.py"));
  assert.deepEqual(imported(res), {
    $dest: "args",
    msg: { description: "Message to print", default: "hello" },
    count: { default: 2, type: "int" },
    rate: { default: 1.0, type: "float" },
    mode: { default: "fast", choices: ["fast", "slow"] },
    name: { required: true, type: "string" },
    flag: { type: "boolean" },
    loud: { description: "Shout", default: false, "arg-switch": true, choices: [true, false] },
    "no-color": { default: true, "arg-switch": false, choices: [true, false] },
  });
  // Floats stay floats in the JSON text.
  assert.ok(res.stdout.includes('"rate": {"default": 1.0, "type": "float"}'), res.stdout);
});

test("import: argparse BooleanOptionalAction", (t) => {
  const [major, minor] = pythonVersion();
  if (major === 3 && minor < 9) {
    t.skip("needs Python 3.9");
    return;
  }
  assert.deepEqual(imported(importFlags(fixture("bool_optional.py"))), {
    $dest: "args",
    shuffle: { default: true, choices: [true, false], "arg-name": "no-shuffle", "arg-switch": false },
    cache: { default: false, choices: [true, false], "arg-name": "cache", "arg-switch": true },
  });
});

test("import: a parser without --help doesn't stop the script", () => {
  assert.deepEqual(imported(importFlags(fixture("pre_parser.py"))), {
    $dest: "args",
    config: { default: "base" },
    lr: { default: 0.01, type: "float" },
  });
});

test("import: output of the script doesn't reach stdout or stderr", () => {
  assert.deepEqual(imported(importFlags(fixture("prints_early.py"))), {
    $dest: "args",
    x: { default: 1, type: "int" },
  });
});

test("import: globals of each literal type, script not executed", () => {
  const res = importFlags(fixture("globals_flags.py"));
  assert.deepEqual(imported(res), {
    $dest: "globals",
    msg: { default: "hello", type: "string" },
    count: { default: 3, type: "number" },
    rate: { default: 0.5, type: "number" },
    whole: { default: 1.0, type: "number" },
    small: { default: 1e-5, type: "number" },
    neg: { default: -2, type: "number" },
    neg_rate: { default: -0.25, type: "number" },
    loud: { default: false, type: "boolean" },
    ready: { default: true, type: "boolean" },
    nothing: { default: null },
    data: { default: fixture("sub/dir/in_subdir.py"), type: "string" },
    missing: { default: "no/such/file.txt", type: "string" },
    a: { default: 7, type: "number" },
    b: { default: 7, type: "number" },
  });
  assert.ok(res.stdout.includes('"whole": {"default": 1.0, "type": "number"}'), res.stdout);
  // Not executed: the script would print otherwise (and isn't argparse).
  assert.ok(!res.stdout.includes("hello 3"));
});

test("import: a script with no argparse and no literal globals", () => {
  assert.deepEqual(imported(importFlags(fixture("params_dict.py"))), { $dest: "globals" });
});

test("import: --flags-dest global:PARAMS reads the dict's items", () => {
  const res = importFlags(fixture("params_dict.py"), ["--flags-dest", "global:PARAMS"]);
  assert.deepEqual(imported(res), {
    $dest: "global:PARAMS",
    lr: { default: 0.1, type: "number" },
    epochs: { default: 2, type: "number" },
    "opt.name": { default: "sgd", type: "string" },
    "opt.momentum": { default: 0.9, type: "number" },
  });
});

test("import: a script failing before parse_args gives a warning", () => {
  const script = fixture("raises.py");
  const res = importFlags(script);
  assert.equal(res.status, 0);
  assert.deepEqual(JSON.parse(res.stdout), { $dest: "args" });
  assert.equal(
    res.stderr,
    `WARNING: cannot import flags from ${script}: RuntimeError: not ready\n`,
  );
});

test("import: a script exiting before parse_args gives a warning", () => {
  const script = fixture("exit3.py");
  const res = importFlags(script, ["--flags-dest", "args"]);
  assert.equal(res.status, 0);
  assert.deepEqual(JSON.parse(res.stdout), { $dest: "args" });
  assert.equal(
    res.stderr,
    `WARNING: cannot import flags from ${script}: script exited with status 3\n`,
  );
});

test("import: a script with a syntax error gives a warning", () => {
  const script = tmpScript("broken.py", "import argparse\ndef broken(:\n");
  const res = importFlags(script);
  assert.equal(res.status, 0);
  assert.deepEqual(JSON.parse(res.stdout), { $dest: "globals" });
  assert.match(res.stderr, /^WARNING: cannot import flags from .*broken\.py: .*line 2\)\n$/);
});

test("import: interface detection looks for argparse imports anywhere", () => {
  const script = tmpScript(
    "late_import.py",
    [
      "x = 1",
      "def main():",
      "    from argparse import ArgumentParser",
      "    p = ArgumentParser()",
      "    p.add_argument('--y', default=x)",
      "    p.parse_args()",
      "if __name__ == '__main__':",
      "    main()",
      "",
    ].join("\n"),
  );
  assert.deepEqual(imported(importFlags(script)), { $dest: "args", y: { default: 1 } });
});

test("import: usage error exits 2", () => {
  const res = importFlags(fixture("args_flags.py"), ["--bogus"]);
  assert.equal(res.status, 2);
  assert.match(res.stderr, /^usage: import_flags\.py SCRIPT/);
});
