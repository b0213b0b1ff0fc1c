/**
 * ctimeUs: the raw stat gives what statSync gives, and undefined where
 * statSync has nothing; ctimeAndSize likewise.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ctimeAndSize, ctimeUs } from "../../../src/core/store/ctime.js";

test("ctimeUs agrees with statSync, and is undefined for missing or damaged paths", () => {
  const dir = mkdtempSync(join(tmpdir(), "guild-ctime-"));
  try {
    const file = join(dir, "exit_status");
    writeFileSync(file, "0\n");
    mkdirSync(join(dir, ".guild"));
    const statUs = (p: string) => Math.round(statSync(p).ctimeMs * 1000);
    const stamp = (p: string) => [statSync(p).ctimeMs, statSync(p).size];
    const CASES: [string, string, number | undefined, number[] | undefined][] = [
      ["a file", file, statUs(file), stamp(file)],
      ["a directory", join(dir, ".guild"), statUs(join(dir, ".guild")), stamp(join(dir, ".guild"))],
      ["a missing file", join(dir, "missing"), undefined, undefined],
      ["a path through a file", join(file, "x"), undefined, undefined],
    ];
    for (const [name, path, wantUs, wantStamp] of CASES) {
      assert.equal(ctimeUs(path), wantUs, name);
      assert.deepEqual(ctimeAndSize(path), wantStamp, name);
    }
    // Edited in place: the stamp moves with the file.
    const before = ctimeUs(file);
    const until = Date.now() + 50;
    while (Date.now() < until) writeFileSync(file, "1\n");
    assert.notEqual(ctimeUs(file), before);
    assert.equal(ctimeUs(file), statUs(file));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
