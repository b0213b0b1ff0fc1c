#!/usr/bin/env node
// Runs `node --test` on the compiled test files (`*.test.js`) under the given
// dirs or files (default: dist/test). Node 20 given a directory also runs every module
// under a `test/` folder as a test file (helpers, the stress harness), which
// pads the count with "tests" that assert nothing; Node 20 takes no globs.
// Extra `--` options (e.g. --test-concurrency=3) are passed to node. npm test
// runs three files at once on this 2-core machine: run alone, the e2e and
// fault files wait (sleeps, leases, process starts) about a third of their
// wall time, and a third file fills those waits.
//
// The unit tests (files under a `unit/` dir) run in one process: each test
// file is otherwise a Node process of its own, and starting and loading one
// cost more than most unit files' tests (68 files: 38 s of CPU as 68
// processes, 15 s as one). They test the pure core and share no state. The
// end-to-end and fault tests keep a process each. Files start longest first
// (test/file-times.json; `node scripts/time-test-files.mjs` remeasures).
import { spawnSync } from "node:child_process";
import { pathWithPythonFirst } from "./python-path.mjs";
import { groupedFiles, heaviestFirst, testFiles } from "./test-files.mjs";

const args = process.argv.slice(2);
const options = args.filter((a) => a.startsWith("--"));
const dirs = args.filter((a) => !a.startsWith("--"));

const files = (dirs.length ? dirs : ["dist/test"]).flatMap(testFiles).sort();
if (!files.length) {
  console.error(`no test files under ${dirs.join(", ")}`);
  process.exit(1);
}

const env = { ...process.env, PATH: pathWithPythonFirst(process.env.PATH ?? "") };
// Node reads and parses this CA bundle at every start (~80 ms of CPU for a
// system bundle, as on this machine), in each of the runner's processes; no
// test makes a TLS connection. (The guild processes the tests start get a
// minimal env of their own: guildEnv in test/helpers/guild-cli.ts.)
delete env.NODE_EXTRA_CA_CERTS;
const result = spawnSync(process.execPath, ["--test", ...options, ...heaviestFirst(groupedFiles(files))], { stdio: "inherit", env });
process.exit(result.status ?? 1);
