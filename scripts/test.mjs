#!/usr/bin/env node
// Runs `node --test` on the compiled test files (`*.test.js`) under the given
// dirs (default: dist/test). Node 20 given a directory also runs every module
// under a `test/` folder as a test file (helpers, the stress harness), which
// pads the count with "tests" that assert nothing; Node 20 takes no globs.
// Extra `--` options (e.g. --test-concurrency=2) are passed to node.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";

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
const result = spawnSync(process.execPath, ["--test", ...options, ...files], { stdio: "inherit" });
process.exit(result.status ?? 1);
