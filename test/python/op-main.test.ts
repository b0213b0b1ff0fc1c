// Tests for python/guild/op_main.py: `python3 -um guild.op_main SPEC ARGS...`
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";

import {
  makeRunDir,
  opMain,
  python,
  PYTHON_DIR,
  removeDir,
  type PyResult,
} from "./helpers.js";

let runDir = "";
let sourceDir = "";

before(() => {
  runDir = makeRunDir();
  sourceDir = join(runDir, ".guild", "sourcecode");
});

after(() => removeDir(runDir));

function ok(res: PyResult): void {
  assert.equal(res.status, 0, `exit ${res.status}, stderr:\n${res.stderr}`);
}

function json(res: PyResult): Record<string, unknown> {
  ok(res);
  return JSON.parse(res.stdout) as Record<string, unknown>;
}

// --- FLAGS_DEST=args (the default) ---

test("op_main runs the module as __main__ with args as sys.argv[1:]", () => {
  const out = json(opMain(runDir, "echo_args", ["a", "--msg", "hi there", "--n", "1"]));
  const modPath = join(sourceDir, "echo_args.py");
  assert.deepEqual(out, {
    argv: ["a", "--msg", "hi there", "--n", "1"],
    argv0: modPath,
    name: "__main__",
    file: modPath,
    path0: sourceDir,
    cwd: runDir,
  });
});

test("op_main drops the last standalone `--`", () => {
  assert.deepEqual(json(opMain(runDir, "echo_args", ["--", "--msg", "hi"])).argv, [
    "--msg",
    "hi",
  ]);
  assert.deepEqual(json(opMain(runDir, "echo_args", ["x", "--", "y", "--", "z"])).argv, [
    "x",
    "--",
    "y",
    "z",
  ]);
});

test("op_main passes args through unchanged when FLAGS_DEST=args", () => {
  const res = opMain(runDir, "echo_args", ["--lr", "0.1", "-v"], { FLAGS_DEST: "args" });
  assert.deepEqual(json(res).argv, ["--lr", "0.1", "-v"]);
});

test("op_main runs a module given as a path in a subdirectory", () => {
  const out = json(opMain(runDir, "sub/dir/in_subdir", ["--", "--x", "1"]));
  assert.deepEqual(out, {
    argv: ["--x", "1"],
    name: "__main__",
    file: "in_subdir.py",
    path0: "dir",
  });
});

test("op_main runs a module in a package, with relative imports", () => {
  const out = json(opMain(runDir, "pkgdemo.train", ["--", "--epochs", "2"]));
  assert.deepEqual(out, {
    name: "__main__",
    package: "pkgdemo",
    greeting: "hello from pkgdemo",
    argv: ["--epochs", "2"],
  });
});

test("op_main reports a missing module", () => {
  const res = opMain(runDir, "no_such_module", ["--", "--x", "1"]);
  assert.equal(res.status, 1);
  assert.equal(res.stdout, "");
  assert.equal(res.stderr, "guild: No module named no_such_module\n");
});

test("op_main reports a package without __main__", () => {
  const res = opMain(runDir, "pkgdemo");
  assert.equal(res.status, 1);
  assert.equal(
    res.stderr,
    "guild: No module named pkgdemo.__main__ ('pkgdemo' is a package and cannot be directly executed)\n",
  );
});

test("op_main rejects an unsupported FLAGS_DEST", () => {
  const res = opMain(runDir, "echo_args", [], { FLAGS_DEST: "bogus" });
  assert.equal(res.status, 1);
  assert.equal(res.stderr, "guild: unsupported flags dest: bogus\n");
});

test("op_main without a module spec is an internal error (exit 2)", () => {
  const res = python(["-um", "guild.op_main"], {
    cwd: runDir,
    env: { PYTHONPATH: PYTHON_DIR },
  });
  assert.equal(res.status, 2);
  assert.equal(res.stderr, "guild.op_main: missing required arg\n");
});

// --- exit status and errors ---

test("op_main keeps the status of sys.exit(N)", () => {
  const res = opMain(runDir, "exit3");
  assert.equal(res.status, 3);
  assert.equal(res.stdout, "exiting with 3\n");
  assert.equal(res.stderr, "");
});

test("op_main prints a traceback trimmed to the user's frames and exits 1", () => {
  const res = opMain(runDir, "raises", ["--", "--x", "2"]);
  assert.equal(res.status, 1);
  assert.equal(res.stdout, "");
  const modPath = join(sourceDir, "raises.py");
  const lines = res.stderr.split("\n");
  assert.equal(lines[0], "Traceback (most recent call last):");
  assert.equal(lines[1], `  File "${modPath}", line 8, in <module>`);
  assert.ok(res.stderr.includes(`  File "${modPath}", line 5, in check_ready\n`));
  assert.ok(!res.stderr.includes("op_main"), res.stderr);
  assert.ok(res.stderr.endsWith("RuntimeError: not ready\n"), res.stderr);
});

test("op_main reports a syntax error in the module without a traceback", () => {
  writeFileSync(join(sourceDir, "bad_syntax.py"), "x = 1\ndef broken(:\n    pass\n");
  const res = opMain(runDir, "bad_syntax");
  assert.equal(res.status, 1);
  assert.ok(!res.stderr.includes("Traceback"), res.stderr);
  assert.ok(res.stderr.includes(`File "${join(sourceDir, "bad_syntax.py")}", line 2`), res.stderr);
  assert.ok(res.stderr.includes("SyntaxError"), res.stderr);
  // Same when the module is rewritten for globals.
  const res2 = opMain(runDir, "bad_syntax", ["--x", "2"], { FLAGS_DEST: "globals" });
  assert.equal(res2.status, 1);
  assert.equal(res2.stderr, res.stderr);
});

test("op_main ends with SIGINT on KeyboardInterrupt, without a traceback", () => {
  const res = opMain(runDir, "interrupt");
  assert.equal(res.status, null);
  assert.equal(res.signal, "SIGINT");
  assert.equal(res.stdout, "interrupting\n");
  assert.equal(res.stderr, "");
});

// --- FLAGS_DEST=globals ---

type Values = Record<string, [string, string]>;

function globalsRun(args: string[], env: Record<string, string> = { FLAGS_DEST: "globals" }) {
  const out = json(opMain(runDir, "set_globals", args, env)) as {
    seen_before: boolean;
    values: Values;
    argv: string[];
  };
  return out;
}

test("globals: module defaults apply when no flags are given", () => {
  const out = globalsRun([]);
  assert.deepEqual(out.values, {
    lr: ["float", "0.1"],
    name: ["str", "'default'"],
    flag: ["bool", "True"],
    items: ["NoneType", "None"],
    count: ["int", "2"],
    epochs: ["int", "10"],
  });
});

test("globals: flag values replace the first assignment, with their types", () => {
  const out = globalsRun([
    "--",
    "--lr",
    "1.0",
    "--name",
    "'1'",
    "--flag",
    "no",
    "--items",
    "[1, 2]",
    "--epochs",
    "3",
  ]);
  assert.equal(out.seen_before, false, "code before the assignment is unaffected");
  assert.deepEqual(out.values, {
    lr: ["float", "1.0"],
    name: ["str", "'1'"],
    flag: ["bool", "False"],
    items: ["list", "[1, 2]"],
    count: ["int", "2"],
    epochs: ["int", "3"],
  });
  assert.deepEqual(out.argv, []);
});

test("globals: only the first assignment is replaced", () => {
  // set_globals.py has `count = 1` then `count = 2`.
  assert.deepEqual(globalsRun(["--count", "5"]).values.count, ["int", "2"]);
});

test("globals: values are YAML-decoded", () => {
  const out = globalsRun([
    "--lr",
    "1.0e-05",
    "--name",
    "yes",
    "--flag",
    "'no'",
    "--items",
    "{a: [1, x], b: null}",
    "--epochs",
    "-3",
  ]);
  assert.deepEqual(out.values, {
    lr: ["float", "1e-05"],
    name: ["bool", "True"],
    flag: ["str", "'no'"],
    items: ["dict", "{'a': [1, 'x'], 'b': None}"],
    count: ["int", "2"],
    epochs: ["int", "-3"],
  });
});

test("globals: values starting with '-' are values, not options", () => {
  const out = globalsRun(["--lr", "-0.5", "--name", "-abc"]);
  assert.deepEqual(out.values.lr, ["float", "-0.5"]);
  assert.deepEqual(out.values.name, ["str", "'-abc'"]);
});

test("globals: a flag with no assignment is defined before the module runs", () => {
  const out = globalsRun(["--extra", "0.5"]);
  assert.deepEqual(out.values.extra, ["float", "0.5"]);
});

test("globals: args before the last `--` stay in sys.argv", () => {
  const out = globalsRun(["pos1", "--", "--lr", "2"]);
  assert.deepEqual(out.argv, ["pos1"]);
  assert.deepEqual(out.values.lr, ["int", "2"]);
});

test("global:PARAMS sets items of the PARAMS dict, nested for dotted names", () => {
  const res = opMain(
    runDir,
    "params_dict",
    ["--", "--lr", "0.5", "--opt.name", "adam", "--new", "'x'"],
    { FLAGS_DEST: "global:PARAMS" },
  );
  assert.deepEqual(json(res), {
    epochs: ["int", "2"],
    lr: ["float", "0.5"],
    new: ["str", "'x'"],
    opt: ["dict", "{'name': 'adam', 'momentum': 0.9}"],
  });
});
