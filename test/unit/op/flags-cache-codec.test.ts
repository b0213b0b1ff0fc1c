// The flag import cache's JSON text gives back exactly the flag values it was
// given: ints stay ints, floats (1.0, NaN, infinities, -0.0) stay floats,
// strings that look like numbers stay strings, and maps come back as the
// YAML reader makes them (no prototype, `__proto__` an ordinary key).
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { decodeFlagCache, encodeFlagCache } from "../../../src/core/op/flags-cache-codec.js";
import { float, nameMap, type FlagValue } from "../../../src/core/flags/value.js";

const roundTrip = (v: FlagValue) => decodeFlagCache(encodeFlagCache(v));

describe("flag cache codec", () => {
  const CASES: [string, FlagValue][] = [
    ["int", 1],
    ["float 1.0", float(1)],
    ["float 0.1", float(0.1)],
    ["float -0.0", float(-0)],
    ["float nan", float(NaN)],
    ["float inf", float(Infinity)],
    ["float -inf", float(-Infinity)],
    ["float 1e-300", float(1e-300)],
    ["string that reads as a float", "f1.0"],
    ["string that reads as a string", "sx"],
    ["empty string", ""],
    ["null", null],
    ["bools", [true, false]],
    ["nested", nameMap({ x: nameMap({ default: float(0.5), choices: [1, float(2), "3"], type: "float" }) })],
    ["proto names", nameMap({ ["__proto__"]: 1, constructor: "c", toString: [] })],
  ];
  for (const [name, value] of CASES) test(name, () => assert.deepEqual(roundTrip(value), value));

  test("is not YAML: a cache entry of the old format does not read", () => {
    assert.throws(() => decodeFlagCache("$dest: args\n$importer: 2\n"));
  });

  test("any flag value round-trips (property)", () => {
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        fc.constant(null),
        fc.boolean(),
        fc.integer(),
        fc.double().map(float),
        fc.string({ unit: "binary" }),
        fc.array(tie("value"), { maxLength: 4 }),
        fc
          .dictionary(fc.oneof(fc.string({ unit: "binary" }), fc.constantFrom("__proto__", "constructor", "valueOf")), tie("value"), {
            maxKeys: 4,
          })
          .map((d) => nameMap(d as Record<string, FlagValue>)),
      ),
    }));
    fc.assert(
      fc.property(value, (v) => assert.deepEqual(roundTrip(v as FlagValue), v)),
      { numRuns: 500 },
    );
  });
});
