/**
 * ctimeUs: the raw stat gives what statSync gives, and undefined where
 * statSync has nothing; inside statsRelativeTo the same answers, and the
 * process is back in its own directory afterwards.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ctimeAndSize, ctimeUs, statsRelativeTo } from "../../../src/core/store/ctime.js";

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

test("statsRelativeTo gives the answers of absolute stats and leaves the process where it was", () => {
  const dir = mkdtempSync(join(tmpdir(), "guild-ctime-base-"));
  const elsewhere = mkdtempSync(join(tmpdir(), "guild-ctime-cwd-"));
  const cwd = process.cwd();
  try {
    mkdirSync(join(dir, "run1", ".guild"), { recursive: true });
    writeFileSync(join(dir, "run1", ".guild", "opref"), "x\n");
    // A path that exists only relative to the process's own directory: it must not be found from `dir`.
    mkdirSync(join(elsewhere, "run1", ".guild"), { recursive: true });
    writeFileSync(join(elsewhere, "run1", ".guild", "only-here"), "");
    writeFileSync(join(elsewhere, "beside"), "");
    process.chdir(elsewhere);
    const paths = [join(dir, "run1", ".guild", "opref"), join(dir, "run1", ".guild"), join(dir, "run1", "missing"), join(elsewhere, "run1", ".guild", "only-here")];
    const outside = paths.map(ctimeUs);
    assert.deepEqual(statsRelativeTo(dir, () => paths.map(ctimeUs)), outside);
    assert.deepEqual(statsRelativeTo(`${dir}/`, () => paths.map(ctimeUs)), outside, "a trailing slash");
    assert.equal(process.cwd(), elsewhere);
    assert.equal(statsRelativeTo(join(dir, "missing"), () => ctimeUs(paths[0] as string)), outside[0], "a directory it cannot enter");
    const boom = () => {
      throw new Error("boom");
    };
    assert.throws(() => statsRelativeTo(dir, boom), /boom/);
    assert.equal(process.cwd(), elsewhere, "back after a throw");
    // A relative dir is not entered: a relative path outside it keeps meaning the process's own file.
    assert.equal(statsRelativeTo("run1", () => ctimeUs("beside")), ctimeUs("beside"));
    assert.notEqual(ctimeUs("beside"), undefined);
    assert.equal(process.cwd(), elsewhere);
  } finally {
    process.chdir(cwd);
    rmSync(dir, { recursive: true, force: true });
    rmSync(elsewhere, { recursive: true, force: true });
  }
});
