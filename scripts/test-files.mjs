// Which test files `npm test` runs, grouped and in what order
// (scripts/test.mjs runs them; scripts/time-test-files.mjs times them).
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const TIMES = new URL("../test/file-times.json", import.meta.url);

/** The compiled test files (`*.test.js`) under dir (or dir itself, a test file). */
export function testFiles(dir) {
  if (dir.endsWith(".test.js")) return [dir];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return entry.name.endsWith(".test.js") ? [path] : [];
  });
}

const isUnit = (f) => f.split(/[\\/]/).includes("unit");

/**
 * The unit test files (under a `unit/` dir) as one module that imports them
 * all (dist/unit-tests.mjs); every other file as it is.
 */
export function groupedFiles(files) {
  const unit = files.filter(isUnit);
  const rest = files.filter((f) => !isUnit(f));
  if (unit.length < 2) return [...unit, ...rest];
  const entry = resolve("dist", "unit-tests.mjs");
  mkdirSync("dist", { recursive: true });
  writeFileSync(entry, unit.map((f) => `import ${JSON.stringify(pathToFileURL(resolve(f)).href)};\n`).join(""));
  return [entry, ...rest];
}

/** A file's name in test/file-times.json: its path under dist/test, or `unit` for the unit tests' module. */
export function testName(file) {
  const parts = file.split(/[\\/]/);
  if (parts.at(-1) === "unit-tests.mjs") return "unit";
  return parts.slice(parts.lastIndexOf("test") + 1).join("/").replace(/\.test\.js$/, "");
}

export function readTimes() {
  try {
    return JSON.parse(readFileSync(TIMES, "utf8"));
  } catch {
    return {};
  }
}

export function writeTimes(times) {
  const sorted = Object.fromEntries(Object.entries(times).sort(([, a], [, b]) => b - a));
  writeFileSync(TIMES, `${JSON.stringify(sorted, null, 2)}\n`);
}

/**
 * Longest first, by the seconds each file took alone (a file not timed yet
 * counts as the longest; ties keep their order): a long file started last
 * runs on alone at the end while the other slots stand idle.
 */
export function heaviestFirst(files, times = readTimes()) {
  const time = (f) => times[testName(f)] ?? Number.MAX_VALUE;
  return [...files].sort((a, b) => time(b) - time(a));
}
