// The DNS-rebinding guard: which Host headers reach the server.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { isAllowedHost } from "../../../src/core/view/host-check.js";

test("Host headers", () => {
  const cases: [string | undefined, string, number, boolean][] = [
    ["127.0.0.1:8000", "127.0.0.1", 8000, true],
    ["localhost:8000", "127.0.0.1", 8000, true],
    ["LOCALHOST:8000", "127.0.0.1", 8000, true],
    ["[::1]:8000", "127.0.0.1", 8000, true],
    ["127.0.0.1:8001", "127.0.0.1", 8000, false],
    ["127.0.0.1", "127.0.0.1", 8000, false],
    ["127.0.0.1", "127.0.0.1", 80, true],
    ["evil.example:8000", "127.0.0.1", 8000, false],
    ["127.0.0.1.evil.example:8000", "127.0.0.1", 8000, false],
    ["user@127.0.0.1:8000", "127.0.0.1", 8000, false],
    [undefined, "127.0.0.1", 8000, false],
    ["", "127.0.0.1", 8000, false],
    ["192.168.1.5:8000", "0.0.0.0", 8000, true],
    ["box:8000", "0.0.0.0", 8000, true],
    ["evil.example:8000", "0.0.0.0", 8000, false],
    ["192.168.1.5:8000", "192.168.1.5", 8000, true],
    ["localhost:8000", "192.168.1.5", 8000, false],
    ["[::1]:8000", "::1", 8000, true],
  ];
  for (const [header, bound, port, want] of cases) assert.equal(isAllowedHost(header, bound, port, "box"), want, `${header} on ${bound}:${port}`);
});

test("property: a DNS name other than localhost and the machine's is never let in", () => {
  const label = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/);
  fc.assert(
    fc.property(fc.array(label, { minLength: 2, maxLength: 4 }), fc.constantFrom("127.0.0.1", "0.0.0.0", "::1"), fc.integer({ min: 1, max: 65535 }), (labels, bound, port) => {
      assert.equal(isAllowedHost(`${labels.join(".")}:${port}`, bound, port, "box"), false);
    }),
  );
});
