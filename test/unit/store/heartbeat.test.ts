// The run's HEARTBEAT line (store/heartbeat.ts), host identity and the
// lease rules a host uses to judge another host's runs and claims.
import { test, describe, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { formatHeartbeat, parseHeartbeat, type Heartbeat } from "../../../src/core/store/heartbeat.js";
import { isLeaseFresh, leaseMs, touchFile } from "../../../src/core/store/lease.js";
import { hostIdentity, hostName, hostNameOf, isLocalRecord, type ProcessId } from "../../../src/core/util/proc.js";

describe("heartbeat line", () => {
  const CASES: [Heartbeat, string][] = [
    [{ pid: 7, startTime: 5, host: "gpu1@0123abcd4567", seq: 1, leaseSeconds: 30 }, "host=gpu1@0123abcd4567 pid=7 start=5 seq=1 lease=30\n"],
    [{ pid: 7, seq: 99, leaseSeconds: 2.5 }, "host=- pid=7 start=- seq=99 lease=2.5\n"],
  ];
  for (const [beat, line] of CASES) {
    test(line.trim(), () => {
      assert.equal(formatHeartbeat(beat), line);
      assert.deepEqual(parseHeartbeat(line), beat);
    });
  }
  for (const bad of ["", "pid=x seq=1 lease=30", "pid=7 seq=1 lease=0", "pid=7 lease=30", "host=a pid=-1 seq=1 lease=30"]) {
    test(`unreadable: ${JSON.stringify(bad)}`, () => assert.equal(parseHeartbeat(bad), undefined));
  }
});

describe("host identity", () => {
  test("is the host name and the boot id", () => assert.match(hostIdentity(), new RegExp(`^${hostName()}@[0-9a-f]{12}$`)));
  const LOCAL: [string, ProcessId, boolean][] = [
    ["no host recorded", { pid: 1 }, true],
    ["this host and boot", { pid: 1, host: hostIdentity() }, true],
    ["this host's name alone (older records)", { pid: 1, host: hostName() }, true],
    ["this host's name, another boot", { pid: 1, host: `${hostName()}@000000000000` }, false],
    ["another host", { pid: 1, host: "elsewhere.example" }, false],
    ["another host and boot", { pid: 1, host: `elsewhere@${hostIdentity().split("@")[1]}` }, false],
  ];
  for (const [name, rec, local] of LOCAL) test(`local: ${name}`, () => assert.equal(isLocalRecord(rec), local));
  for (const [host, name] of [["gpu1@0123abcd4567", "gpu1"], ["gpu1", "gpu1"], ["", ""]]) {
    test(`name of ${JSON.stringify(host)}`, () => assert.equal(hostNameOf(host as string), name));
  }
});

describe("leases", () => {
  const home = mkdtempSync(join(tmpdir(), "guild-lease-"));
  after(() => rmSync(home, { recursive: true, force: true }));
  const file = join(home, "beat");
  writeFileSync(file, "x");

  test("a file written just now is fresh", () => assert.equal(isLeaseFresh(file, home, 30_000), true));
  test("one written before the lease is not", () => {
    const old = new Date(Date.now() - 60_000);
    utimesSync(file, old, old);
    assert.equal(isLeaseFresh(file, home, 30_000), false);
  });
  test("touching renews it", () => {
    assert.equal(touchFile(file), true);
    assert.equal(isLeaseFresh(file, home, 30_000), true);
  });
  test("a missing file is not fresh, and is not created by a touch", () => {
    assert.equal(isLeaseFresh(join(home, "gone"), home, 30_000), false);
    assert.equal(touchFile(join(home, "gone")), false);
    assert.equal(isLeaseFresh(join(home, "gone"), home, 30_000), false);
  });
  test("'now' is read from the filesystem: a probe file in the home's cache", () => {
    const other = mkdtempSync(join(tmpdir(), "guild-lease-"));
    try {
      isLeaseFresh(file, other, 1);
      assert.equal(existsSync(join(other, "cache", "clock", hostIdentity())), true);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
  const LEASES: [string | undefined, number | string][] = [
    [undefined, 30_000],
    ["", 30_000],
    ["2", 2000],
    ["0.5", 500],
    ["0", "invalid GUILD_LEASE '0': expected a number of seconds greater than 0"],
    ["soon", "invalid GUILD_LEASE 'soon': expected a number of seconds greater than 0"],
  ];
  for (const [text, want] of LEASES) {
    test(`GUILD_LEASE=${JSON.stringify(text)}`, () => {
      const env = text === undefined ? {} : { GUILD_LEASE: text };
      if (typeof want === "number") assert.equal(leaseMs(env), want);
      else assert.throws(() => leaseMs(env), { message: want });
    });
  }
});
