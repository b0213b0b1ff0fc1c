// Run ids are uuid4 hex as Guild makes them (version 4, RFC 4122 variant),
// and timestamps never repeat in a process.
import { test } from "node:test";
import assert from "node:assert/strict";
import { newRunId, timestampUs } from "../../../src/core/store/ids.js";

test("run ids are uuid4 hex, all different", () => {
  const ids = Array.from({ length: 2000 }, newRunId);
  for (const id of ids) assert.match(id, /^[0-9a-f]{12}4[0-9a-f]{3}[89ab][0-9a-f]{15}$/);
  assert.equal(new Set(ids).size, ids.length);
});

test("timestamps are microseconds since the epoch and always increase", () => {
  const before = Date.now() * 1000;
  const stamps = Array.from({ length: 1000 }, timestampUs);
  const after = Date.now() * 1000;
  for (let i = 1; i < stamps.length; i++) assert.ok((stamps[i] as number) > (stamps[i - 1] as number));
  assert.ok((stamps[0] as number) >= before - 1000 && (stamps.at(-1) as number) <= after + 1000 + stamps.length);
});
