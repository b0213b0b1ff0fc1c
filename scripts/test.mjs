#!/usr/bin/env node
// Runs `node --test` on the compiled test files (`*.test.js`) under the given
// dirs (default: dist/test). Node 20 given a directory also runs every module
// under a `test/` folder as a test file (helpers, the stress harness), which
// pads the count with "tests" that assert nothing; Node 20 takes no globs.
// Extra `--` options (e.g. --test-concurrency=2) are passed to node.
//
// The unit tests (files under a `unit/` dir) run in one process: each test
// file is otherwise a Node process of its own, and starting and loading one
// cost more than most unit files' tests (68 files: 38 s of CPU as 68
// processes, 15 s as one). They test the pure core and share no state. The
// end-to-end and fault tests keep a process each.
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { pathWithPythonFirst } from "./python-path.mjs";

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

const files = (dirs.length ? dirs : ["dist/test"]).flatMap(testFiles).sort();
if (!files.length) {
  console.error(`no test files under ${dirs.join(", ")}`);
  process.exit(1);
}

/** The unit test files as one module that imports them all (in dist/, beside them). */
function oneProcessFor(unitFiles) {
  if (unitFiles.length < 2) return unitFiles;
  const entry = resolve("dist", "unit-tests.mjs");
  mkdirSync("dist", { recursive: true });
  writeFileSync(entry, unitFiles.map((f) => `import ${JSON.stringify(pathToFileURL(resolve(f)).href)};\n`).join(""));
  return [entry];
}

const isUnit = (f) => f.split(/[\\/]/).includes("unit");
const grouped = [...oneProcessFor(files.filter(isUnit)), ...files.filter((f) => !isUnit(f))];
const env = { ...process.env, PATH: pathWithPythonFirst(process.env.PATH ?? "") };
const result = spawnSync(process.execPath, ["--test", ...options, ...grouped], { stdio: "inherit", env });
process.exit(result.status ?? 1);
