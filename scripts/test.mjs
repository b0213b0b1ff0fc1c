#!/usr/bin/env node
// Runs `node --test` on the compiled test files (`*.test.js`) under the given
// dirs (default: dist/test). Node 20 given a directory also runs every module
// under a `test/` folder as a test file (helpers, the stress harness), which
// pads the count with "tests" that assert nothing; Node 20 takes no globs.
// Extra `--` options (e.g. --test-concurrency=2) are passed to node.
import { spawnSync } from "node:child_process";
import { accessSync, constants, readdirSync, realpathSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";

const args = process.argv.slice(2);
const options = args.filter((a) => a.startsWith("--"));
const dirs = args.filter((a) => !a.startsWith("--"));

function testFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return entry.name.endsWith(".test.js") ? [path] : [];
  });
}

/**
 * PATH with the directory of the interpreter `python3` resolves to first.
 * A version manager's `python3` (pyenv's shim) is a script that runs the
 * manager before Python: ~0.4 s of CPU and a second of wall at each of the
 * suite's hundreds of Python starts, half the suite's time. The shim ends by
 * running this interpreter with its directory first on PATH, so the tests
 * see the Python they would have. A plain python3, or none, leaves PATH as
 * it is.
 */
function pathWithPythonFirst(path) {
  const onPath = path.split(delimiter).filter(Boolean).map((dir) => join(dir, "python3")).find(isExecutable);
  const probe = spawnSync("python3", ["-c", "import sys; print(sys.executable)"], { encoding: "utf8" });
  const exe = probe.status === 0 ? probe.stdout.trim() : "";
  if (!onPath || !exe || realpathSync(onPath) === realpathSync(exe)) return path;
  return [dirname(exe), path].join(delimiter);
}

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const files = (dirs.length ? dirs : ["dist/test"]).flatMap(testFiles).sort();
if (!files.length) {
  console.error(`no test files under ${dirs.join(", ")}`);
  process.exit(1);
}
const env = { ...process.env, PATH: pathWithPythonFirst(process.env.PATH ?? "") };
const result = spawnSync(process.execPath, ["--test", ...options, ...files], { stdio: "inherit", env });
process.exit(result.status ?? 1);
