/**
 * Search ranges typed by users (issue 14/15), fed random text (fast-check):
 * a flag value decoded from the command line either gives search dimensions
 * whose every value lies in its range, or one of our errors (`ERROR:
 * [guild] ...`); never a TypeError. Drawn values decode back to themselves
 * through the optimizers' unit cube.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { inspect } from "node:util";
import fc from "fast-check";
import { flagDims, sampleDim } from "../../../src/core/batch/search-space.js";
import { decodeValue, encodeValue } from "../../../src/core/batch/unit-space.js";
import { isGuildError } from "../../../src/core/errors.js";
import { decodeFlagValue } from "../../../src/core/flags/decode.js";
import { isNumeric, numericValue } from "../../../src/core/flags/value.js";
import { seededRandom } from "../../../src/core/util/seeded-random.js";

const PIECES = ["[", "]", ":", "uniform", "loguniform", "0", "1", "-1", "0.5", "1e-3", "abc", "yes", "nan", "inf", ",", " ", "10"];
const rangeText = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 3 })), { maxLength: 8 })
  .map((parts) => parts.join(""));

test("range text gives dimensions whose draws stay in range, or our own error", { timeout: 120_000 }, () => {
  fc.assert(
    fc.property(rangeText, fc.integer(), (text, seed) => {
      const value = decodeFlagValue(text).value;
      let dims;
      try {
        dims = flagDims({ x: value });
      } catch (e) {
        if (isGuildError(e) && e.message.startsWith("ERROR: [guild] ")) return;
        throw e;
      }
      const rng = seededRandom(seed);
      for (const { dim } of dims) {
        for (let i = 0; i < 5; i++) {
          const v = sampleDim(dim, rng);
          const u = encodeValue(dim, v);
          // inspect, not String: a mapping value (`[$:]`) has no prototype to make a string with.
          assert.ok(u !== undefined && u >= 0 && u <= 1, `${text}: ${inspect(v)} outside its range`);
          if (dim.kind !== "real") assert.deepEqual(decodeValue(dim, u), v);
          else if (isNumeric(v)) assert.ok(Math.abs(numericValue(decodeValue(dim, u) as number) - numericValue(v)) <= 1e-9 * Math.max(1, Math.abs(numericValue(v))));
        }
      }
    }),
    { numRuns: 500 },
  );
});

test("a mapping as a choice (`[$:]`, found by fast-check seed -343588488) draws and decodes itself", () => {
  const [only] = flagDims({ x: decodeFlagValue("[$:]").value });
  assert.ok(only);
  const v = sampleDim(only.dim, seededRandom(0));
  assert.deepEqual(decodeValue(only.dim, encodeValue(only.dim, v) as number), v);
});
