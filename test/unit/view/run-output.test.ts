// Output by byte range: chunks end at a line end (never mid-line or
// mid-character) unless at the file's end; a tail starts at a whole line.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readOutputChunk } from "../../../src/core/view/run-output.js";

function withOutput(text: string, fn: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), "view-output-"));
  try {
    mkdirSync(join(dir, ".guild"));
    writeFileSync(join(dir, ".guild", "output"), text);
    fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("pages end at line ends; the last page may end mid-line", () => {
  withOutput("one\ntwo\nthrée\nfour", (dir) => {
    const size = Buffer.byteLength("one\ntwo\nthrée\nfour");
    assert.deepEqual(readOutputChunk(dir, { offset: 0 }, 10), { offset: 0, next: 8, size, text: "one\ntwo\n" });
    assert.deepEqual(readOutputChunk(dir, { offset: 8 }, 10), { offset: 8, next: 15, size, text: "thrée\n" });
    assert.deepEqual(readOutputChunk(dir, { offset: 15 }, 10), { offset: 15, next: 19, size, text: "four" });
    assert.deepEqual(readOutputChunk(dir, { offset: 19 }, 10), { offset: 19, next: 19, size, text: "" });
    assert.deepEqual(readOutputChunk(dir, { offset: 99 }), { offset: 19, next: 19, size, text: "" });
  });
});

test("a line longer than the page is cut rather than never shown", () => {
  withOutput("abcdefghij\n", (dir) => assert.equal(readOutputChunk(dir, { offset: 0 }, 4).text, "abcd"));
  withOutput("abcéfgh\n", (dir) => assert.deepEqual(readOutputChunk(dir, { offset: 0 }, 4), { offset: 0, next: 3, size: 9, text: "abc" }));
});

test("a tail starts at the first whole line within it", () => {
  withOutput("one\ntwo\nthree\n", (dir) => {
    assert.deepEqual(readOutputChunk(dir, { tail: 8 }), { offset: 8, next: 14, size: 14, text: "three\n" });
    assert.equal(readOutputChunk(dir, { tail: 100 }).text, "one\ntwo\nthree\n");
  });
});

test("a run without output has an empty one", () => {
  const dir = mkdtempSync(join(tmpdir(), "view-output-"));
  try {
    assert.deepEqual(readOutputChunk(dir, { offset: 0 }), { offset: 0, next: 0, size: 0, text: "" });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
