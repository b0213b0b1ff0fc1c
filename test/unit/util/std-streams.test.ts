/** Telling descriptors that are surely not terminals, without Node's streams. */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deviceMajor, isPlainFd } from "../../../src/core/util/std-streams.js";

describe("deviceMajor", () => {
  const CASES: [string, number, number][] = [
    ["/dev/null (1:3)", 0x103, 1],
    ["/dev/urandom (1:9)", 0x109, 1],
    ["/dev/ptmx (5:2)", 0x502, 5],
    ["a pts (136:4)", 0x8804, 136],
    ["a minor past 255 (136:300), new encoding", (136 << 8) | (300 & 0xff) | ((300 & ~0xff) << 12), 136],
    ["a major past 4095 (4096:0), new encoding", 0x1000 * 2 ** 32, 4096],
  ];
  for (const [name, rdev, major] of CASES) test(name, () => assert.equal(deviceMajor(rdev), major));
});

describe("isPlainFd", () => {
  function withFd(path: string, flags: string, fn: (fd: number) => void): void {
    const fd = openSync(path, flags);
    try {
      fn(fd);
    } finally {
      closeSync(fd);
    }
  }

  test("a file, a FIFO and /dev/null are surely not terminals", () => {
    const dir = mkdtempSync(join(tmpdir(), "std-streams-"));
    try {
      withFd(join(dir, "file"), "w", (fd) => assert.equal(isPlainFd(fd), true));
      assert.equal(spawnSync("mkfifo", [join(dir, "fifo")]).status, 0);
      // O_RDWR: opening a FIFO for both ends does not wait for a peer.
      withFd(join(dir, "fifo"), "r+", (fd) => assert.equal(isPlainFd(fd), true));
      withFd("/dev/null", "w", (fd) => assert.equal(isPlainFd(fd), true));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("a pseudo-terminal may be a terminal; a closed descriptor is not known plain", () => {
    withFd("/dev/ptmx", "r+", (fd) => assert.equal(isPlainFd(fd), false));
    const fd = openSync("/dev/null", "r");
    closeSync(fd);
    assert.equal(isPlainFd(fd), false);
  });
});
