/**
 * The zip reader and writer (src/core/archive/): what is written reads back
 * byte for byte, and no input, however damaged, gets past the reader as
 * anything but a `guild: invalid archive` error (property tests).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { crc32, tableCrc32 } from "../../../src/core/archive/crc32.js";
import { dateFromDos, dosDateTime } from "../../../src/core/archive/zip-format.js";
import { extractZip, readZipEntries } from "../../../src/core/archive/zip-read.js";
import { openZipWriter } from "../../../src/core/archive/zip-write.js";
import { GuildError } from "../../../src/core/errors.js";

const st = { mtime: new Date(2024, 5, 7, 8, 9, 10), mode: 0o100644 };

function withTmp<T>(f: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), "zip-test-"));
  try {
    return f(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("crc32: known values, table and native agree", () => {
  const cases: [string, number][] = [["", 0], ["a", 0xe8b7be43], ["123456789", 0xcbf43926]];
  for (const [s, want] of cases) {
    assert.equal(crc32(Buffer.from(s)), want);
    assert.equal(tableCrc32(Buffer.from(s)), want);
  }
  assert.equal(tableCrc32(Buffer.from("6789"), tableCrc32(Buffer.from("12345"))), 0xcbf43926);
});

test("dos dates: even seconds survive the round trip", () => {
  const d = new Date(2026, 10, 27, 9, 33, 46);
  const { date, time } = dosDateTime(d);
  assert.equal(dateFromDos(date, time).getTime(), d.getTime());
});

test("property: files written read back byte for byte", () => {
  const name = fc.stringMatching(/^[a-z0-9_.-]{1,12}$/).filter((n) => n !== "." && n !== "..");
  const files = fc.uniqueArray(fc.tuple(name, fc.uint8Array({ maxLength: 2000 })), { selector: ([n]) => n, maxLength: 8 });
  fc.assert(
    fc.property(files, (entries) =>
      withTmp((dir) => {
        const zip = join(dir, "a.zip");
        const w = openZipWriter(zip);
        w.addDir("run", { ...st, mode: 0o40755 });
        for (const [n, data] of entries) w.addBytes(`run/${n}`, data, st);
        w.close();
        const read = readZipEntries(zip);
        assert.deepEqual(read.map((e) => e.name), ["run/", ...entries.map(([n]) => `run/${n}`)]);
        extractZip(zip, join(dir, "out"));
        for (const [n, data] of entries) assert.deepEqual(new Uint8Array(readFileSync(join(dir, "out", "run", n))), data);
      }),
    ),
    { numRuns: 40 },
  );
});

test("property: a damaged zip is refused with a guild error, never a crash", () => {
  const good = withTmp((dir) => {
    const zip = join(dir, "a.zip");
    const w = openZipWriter(zip);
    w.addBytes("run/x.txt", Buffer.from("hello hello hello"), st);
    w.addDir("run/d", { ...st, mode: 0o40755 });
    w.close();
    return readFileSync(zip);
  });
  const damage = fc.array(fc.tuple(fc.nat(good.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 });
  fc.assert(
    fc.property(damage, fc.nat(good.length), (edits, cut) =>
      withTmp((dir) => {
        const bytes = Buffer.from(good.subarray(0, Math.max(cut, good.length - 30)));
        for (const [i, v] of edits) if (i < bytes.length) bytes[i] = v;
        writeFileSync(join(dir, "b.zip"), bytes);
        try {
          extractZip(join(dir, "b.zip"), join(dir, "out"));
        } catch (e) {
          assert.ok(e instanceof GuildError, String(e));
          assert.match(e.message, /^invalid archive /);
        }
      }),
    ),
    { numRuns: 150 },
  );
});
