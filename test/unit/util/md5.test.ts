// The JS MD5 gives node:crypto's digest for any input: around the padding
// boundaries (55/56/64 bytes), for strings (UTF-8) and for random data
// (property), and md5Hex hands large inputs to node:crypto unchanged.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import fc from "fast-check";
import { md5Hex, md5Small } from "../../../src/core/util/md5.js";

const native = (parts: readonly (string | Uint8Array)[]) => {
  const h = createHash("md5");
  for (const p of parts) h.update(p);
  return h.digest("hex");
};

describe("md5", () => {
  test("RFC 1321 test suite", () => {
    const CASES: [string, string][] = [
      ["", "d41d8cd98f00b204e9800998ecf8427e"],
      ["a", "0cc175b9c0f1b6a831c399e269772661"],
      ["abc", "900150983cd24fb0d6963f7d28e17f72"],
      ["message digest", "f96b697d7cb7938d525a2f31aaf161d0"],
      ["abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b"],
      ["12345678901234567890123456789012345678901234567890123456789012345678901234567890", "57edf4a22be3c955ac49da2e2107b67a"],
    ];
    for (const [text, digest] of CASES) assert.equal(md5Hex([text]), digest, text);
  });

  test("every length across the padding boundaries", () => {
    for (let n = 0; n <= 200; n++) {
      const data = Buffer.from(Array.from({ length: n }, (_, i) => (i * 131 + n) & 255));
      assert.equal(md5Small(data), native([data]), `length ${n}`);
    }
  });

  test("parts, strings and bytes, as the source code digest hashes them (property)", () => {
    const part = fc.oneof(fc.string({ unit: "binary" }), fc.uint8Array({ maxLength: 300 }));
    fc.assert(fc.property(fc.array(part, { maxLength: 8 }), (parts) => assert.equal(md5Hex(parts), native(parts))), { numRuns: 300 });
  });

  test("large inputs (node:crypto's side)", () => {
    const big = Buffer.alloc(300 * 1024, 7);
    assert.equal(md5Hex(["x", big, "\0"]), native(["x", big, "\0"]));
  });
});
