#!/usr/bin/env node
// Times each test file alone, one after another (wall seconds), into
// test/file-times.json, which orders `npm test`'s files longest first.
// Run after `npm run build`; takes as long as the suite on one core.
// Given names (e.g. `e2e/broker`), times only those and keeps the rest.
import { spawnSync } from "node:child_process";
import { pathWithPythonFirst } from "./python-path.mjs";
import { groupedFiles, readTimes, testFiles, testName, writeTimes } from "./test-files.mjs";

const only = new Set(process.argv.slice(2));
const env = { ...process.env, PATH: pathWithPythonFirst(process.env.PATH ?? "") };
const times = readTimes();
for (const file of groupedFiles(testFiles("dist/test").sort())) {
  const name = testName(file);
  if (only.size && !only.has(name)) continue;
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ["--test", "--test-reporter=dot", file], { stdio: ["ignore", "ignore", "inherit"], env });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0) console.error(`${name}: failed (exit ${r.status}); its time is kept anyway`);
  times[name] = Math.round(seconds * 10) / 10;
  console.log(`${name} ${times[name]} s`);
}
writeTimes(times);
