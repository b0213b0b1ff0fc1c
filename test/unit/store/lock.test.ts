// The `.guild/LOCK` pid file (spec §2): Guild reads `int(open(LOCK).read(10))`,
// so our pid line is exactly 10 bytes; the optional second line (start time,
// host) must not disturb Guild, and Guild's own pid-only files must read.
import { test, describe, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { formatProcessId, parseProcessId, type LockRecord } from "../../../src/core/store/lock.js";

const IDS: LockRecord[] = [
  { pid: 1 },
  { pid: 42 },
  { pid: 4194304 },
  { pid: 123456789 },
  { pid: 1234, startTime: 987654 },
  { pid: 1234, host: "box" },
  { pid: 31337, startTime: 5, host: "build-host.example.com" },
  { pid: 31337, startTime: 5, host: "h", supervisor: { pid: 31330, startTime: 4 } },
  { pid: 31337, supervisor: { pid: 31330 } },
];

describe("formatProcessId", () => {
  const CASES: [LockRecord, string][] = [
    [{ pid: 42 }, "42       \n"],
    [{ pid: 123456789 }, "123456789\n"],
    [{ pid: 1234, startTime: 987654 }, "1234     \nstart=987654\n"],
    [{ pid: 1234, host: "box" }, "1234     \nhost=box\n"],
    [{ pid: 7, startTime: 5, host: "h" }, "7        \nstart=5 host=h\n"],
    [{ pid: 7, startTime: 5, host: "h", supervisor: { pid: 3, startTime: 2 } }, "7        \nstart=5 host=h guild=3.2\n"],
  ];
  for (const [id, want] of CASES) test(JSON.stringify(id), () => assert.equal(formatProcessId(id), want));

  for (const id of IDS) {
    test(`pid line of ${JSON.stringify(id)} is exactly 10 bytes`, () => {
      const text = formatProcessId(id);
      assert.equal(Buffer.byteLength(text.slice(0, text.indexOf("\n") + 1)), 10);
    });
  }
});

describe("parseProcessId", () => {
  for (const id of IDS) {
    test(`round trip ${JSON.stringify(id)}`, () => assert.deepEqual(parseProcessId(formatProcessId(id)), id));
  }
  const CASES: [string, LockRecord | undefined][] = [
    // Guild writes str(pid) with no newline.
    ["12345", { pid: 12345 }],
    ["12345\n", { pid: 12345 }],
    ["  42  \n", { pid: 42 }],
    ["42       \nstart=abc host=", { pid: 42 }],
    ["42       \nother=1 start=7", { pid: 42, startTime: 7 }],
    ["42       \nguild=9.x", { pid: 42 }],
    ["42       \nguild=9.-", { pid: 42, supervisor: { pid: 9 } }],
    // Garbage: no pid.
    ["", undefined],
    ["\n", undefined],
    ["abc", undefined],
    ["12ab", undefined],
    ["-5", undefined],
    ["0", undefined],
    ["4.5", undefined],
    ["42\nstart=99", undefined], // Python's int() fails on these 10 bytes too
  ];
  for (const [text, want] of CASES) test(JSON.stringify(text), () => assert.deepEqual(parseProcessId(text), want));
});

describe("Python reads our LOCK files as Guild does", () => {
  const dir = mkdtempSync(join(tmpdir(), "lock-test-"));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const paths = IDS.map((id, i) => {
    const path = join(dir, `LOCK${i}`);
    writeFileSync(path, formatProcessId(id));
    return path;
  });
  const code = [
    "import json, sys",
    "def pid(p):",
    "    try:",
    "        return int(open(p, 'r').read(10))",
    "    except ValueError:",
    "        return None",
    "print(json.dumps([pid(p) for p in json.load(sys.stdin)]))",
  ].join("\n");
  const proc = spawnSync("python3", ["-c", code], { input: JSON.stringify(paths), encoding: "utf8" });
  const pids = proc.status === 0 ? (JSON.parse(proc.stdout) as (number | null)[]) : [];

  test("python3 ran", () => assert.equal(proc.status, 0, proc.stderr));
  IDS.forEach((id, i) => {
    test(`int(read(10)) of ${JSON.stringify(id)}`, () => assert.equal(pids[i], id.pid));
  });
});
