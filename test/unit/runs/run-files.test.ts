// guild ls path patterns (fnmatch) and the progress line text.
import { test } from "node:test";
import assert from "node:assert/strict";
import { fnmatchRegex } from "../../../src/core/runs/run-files.js";
import { formatProgress } from "../../../src/core/progress/run-progress.js";

test("fnmatchRegex: Python fnmatch on POSIX", () => {
  const cases: [string, string, boolean][] = [
    ["*.py", "a.py", true],
    ["*.py", "sub/a.py", true],
    ["*.py", "a.pyc", false],
    ["a?c", "abc", true],
    ["[ab]*", "b.txt", true],
    ["[!ab]*", "b.txt", false],
    ["a.b", "axb", false],
    ["(x)", "(x)", true],
    ["[", "[", true],
  ];
  for (const [pattern, path, want] of cases) assert.equal(fnmatchRegex(pattern).test(path), want, `${pattern} ${path}`);
});

test("formatProgress", () => {
  const cases: [Parameters<typeof formatProgress>[2], string][] = [
    [{ done: 0, total: 10, failed: 0, elapsedMs: 500 }, "batch: 0/10 trials, 0:00:00 elapsed"],
    [{ done: 2, total: 10, failed: 1, elapsedMs: 20_000 }, "batch: 2/10 trials, 1 failed, 0:00:20 elapsed, ~0:01:20 left"],
    [{ done: 10, total: 10, failed: 0, elapsedMs: 3_723_000 }, "batch: 10/10 trials, 1:02:03 elapsed"],
  ];
  for (const [counts, want] of cases) assert.equal(formatProgress("batch", "trials", counts), want);
});
