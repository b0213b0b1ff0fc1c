/** The run index change log: following the chain of logged moves. */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CHANGES_FILE, moveRunDir, readChanges } from "../../../src/core/store/run-index-changes.js";

function withLog(lines: string[], fn: (home: string) => void): void {
  const home = mkdtempSync(join(tmpdir(), "changes-"));
  try {
    mkdirSync(join(home, "cache"));
    writeFileSync(join(home, "cache", CHANGES_FILE), lines.map((l) => `${l}\n`).join(""));
    fn(home);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

const A = "a".repeat(32);
const B = "b".repeat(32);

describe("readChanges", () => {
  const CASES: [string, string[], string | undefined, { end: string | undefined; added: string[]; removed: string[]; changed: string[] }][] = [
    ["no moves: the chain ends where it began", [A], "1:5", { end: "1:5", added: [], removed: [], changed: [A] }],
    ["one move in", [`+${A} 1:5 2:6`], "1:5", { end: "2:6", added: [A], removed: [], changed: [A] }],
    ["in, then out", [`+${A} 1:5 2:6`, `-${A} 2:6 3:5`], "1:5", { end: "3:5", added: [], removed: [A], changed: [] }],
    ["two moves in a row", [`+${A} 1:5 2:6`, `+${B} 2:6 3:7`], "1:5", { end: "3:7", added: [A, B], removed: [], changed: [A, B] }],
    ["a move that did not start where the chain was: broken", [`+${A} 1:5 2:6`, `+${B} 1:5 3:7`], "1:5", { end: undefined, added: [A, B], removed: [], changed: [A, B] }],
    ["no base: nothing can be followed", [`+${A} 1:5 2:6`], undefined, { end: undefined, added: [A], removed: [], changed: [A] }],
    ["a restart note keeps the chain", [`+${A} 1:5 2:6`, B], "1:5", { end: "2:6", added: [A], removed: [], changed: [A, B] }],
  ];
  for (const [name, lines, base, want] of CASES) {
    test(name, () =>
      withLog(lines, (home) => {
        const c = readChanges(home, 0, base);
        assert.equal(c.chainEnd, want.end);
        assert.deepEqual([...c.added].sort(), want.added);
        assert.deepEqual([...c.removed].sort(), want.removed);
        assert.deepEqual([...c.changed].sort(), want.changed);
        assert.equal(c.reset, false);
      }),
    );
  }

  test("reading from an offset skips what was read; a partial last line waits", () =>
    withLog([`+${A} 1:5 2:6`], (home) => {
      writeFileSync(join(home, "cache", CHANGES_FILE), `+${A} 1:5 2:6\n+${B} 2:6 3:7\n-${A} 3:7`);
      const first = `+${A} 1:5 2:6\n`.length;
      const c = readChanges(home, first, "2:6");
      assert.deepEqual([...c.added], [B]);
      assert.equal(c.chainEnd, "3:7");
      assert.equal(c.end, first + `+${B} 2:6 3:7\n`.length);
    }));

  test("a log shorter than the offset was reset", () =>
    withLog([A], (home) => assert.equal(readChanges(home, 1000, "1:5").reset, true)));
});

describe("moveRunDir", () => {
  test("logs a move into a store that has no cache/ yet, making it", () => {
    const home = mkdtempSync(join(tmpdir(), "changes-"));
    try {
      mkdirSync(join(home, "runs"));
      mkdirSync(join(home, "new"));
      moveRunDir(join(home, "new"), join(home, "runs", A), home);
      const c = readChanges(home, 0, undefined);
      assert.deepEqual([...c.added], [A]);
      // The next move appends to the log the first one made.
      mkdirSync(join(home, "new"));
      moveRunDir(join(home, "new"), join(home, "runs", B), home);
      assert.deepEqual([...readChanges(home, 0, undefined).added].sort(), [A, B]);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});
