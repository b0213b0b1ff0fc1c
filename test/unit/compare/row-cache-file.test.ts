// The row cache's file: one run a line, read back as written; anything
// else (an older version, a damaged head or end, a damaged line) is no row.
import { test } from "node:test";
import assert from "node:assert/strict";
import { formatCacheFile, lineOf, parseCacheFile, rowOfLine } from "../../../src/core/compare/row-cache-file.js";
import type { StoredRow } from "../../../src/core/compare/row-codec.js";

const row = (n: number): StoredRow => ({ s: [n + 0.25, 4096], a: { label: `run ${n}` }, o: null, r: null, b: false, e: [] });
const paths = [["", ".guild"], ["", ".guild", ".guild/opref"]];
const text = formatCacheFile(paths, [lineOf("/h/runs/a", 0, row(1)), lineOf("/h/runs/b", 1, row(2))] as string[]);

test("rows read back as written, with their path lists; the file is JSON", () => {
  const file = parseCacheFile(text);
  assert.deepEqual(file.paths, paths);
  assert.deepEqual([...file.lines.keys()], ["/h/runs/a", "/h/runs/b"]);
  assert.deepEqual(rowOfLine(file.lines.get("/h/runs/b") as string, file.paths), { head: paths[1], row: { p: 1, ...row(2) } });
  assert.deepEqual(Object.keys((JSON.parse(text) as { runs: object }).runs), ["/h/runs/a", "/h/runs/b"]);
  assert.deepEqual(parseCacheFile(formatCacheFile([], [])), { paths: [], lines: new Map() });
});

test("a dir JSON would escape is not stored", () => {
  for (const dir of ['/h/"q"', "/h/a\nb", "/h/back\\slash", "/h/\u0001", "/h/\uD800"]) assert.equal(lineOf(dir, 0, row(1)), undefined, dir);
  assert.ok(lineOf("/h/runs/ümlaut and space", 0, row(1)));
});

test("an older version, or a file damaged at its head or end, has no rows", () => {
  const damaged = [
    "",
    JSON.stringify({ paths, runs: { "/h/runs/a": { p: 0, ...row(1) } } }),
    text.replace('"version":2', '"version":1'),
    text.replace('"paths":[[', '"paths":[['.slice(0, -1)),
    text.slice(0, text.length - 4),
    text.slice(0, text.length / 2),
    `${text}x`,
  ];
  for (const t of damaged) assert.equal(parseCacheFile(t).lines.size, 0, t);
});

test("a damaged line is no row; the others are", () => {
  const lines = text.split("\n");
  for (const bad of ['"/h/runs/a":{"p":0,"s":[1,', '"/h/runs/a":{"p":7,"s":[]}', '"/h/runs/a":{"p":0,"s":3}', '"/h/runs/a":[]']) {
    const file = parseCacheFile([lines[0], `${bad},`, ...lines.slice(2)].join("\n"));
    assert.equal(rowOfLine(file.lines.get("/h/runs/a") as string, file.paths), undefined, bad);
    assert.ok(rowOfLine(file.lines.get("/h/runs/b") as string, file.paths));
  }
});
