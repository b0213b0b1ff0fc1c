// Flag values of a new run (spec §4.4, §4.6): defaults, coercion, checks and
// choice effects, with Guild's messages. One line per case.
import { test } from "node:test";
import assert from "node:assert/strict";
import { plain } from "../../helpers/plain.js";
import { isGuildError } from "../../../src/core/errors.js";
import { resolveFlagValues } from "../../../src/core/flags/resolve-values.js";
import { float, type FlagMap } from "../../../src/core/flags/value.js";
import type { FlagDef } from "../../../src/core/guildfile/types.js";

const f = float;

const DEFS: Record<string, FlagDef> = {
  i: { name: "i", type: "int", default: 5, min: 1, max: 10 },
  x: { name: "x", type: "float", default: 1, min: 0, max: f(2.5) },
  color: {
    name: "color",
    default: "red",
    choices: [
      { value: "red", description: "Warm colour" },
      { value: "blue", alias: "b", description: "Cold colour", flags: { shade: "dark" } },
    ],
  },
  shade: { name: "shade", default: "light" },
  size: { name: "size", choices: [{ value: 1 }, { value: 2 }], default: 1 },
  any: { name: "any", choices: [{ value: "a" }], allowOther: true, default: "a" },
  req: { name: "req", required: true, description: "Needed", default: "r" },
  data: { name: "data", type: "existing-path" },
};

function resolve(user: FlagMap, forceFlags = false): FlagMap | string {
  try {
    return plain(resolveFlagValues({ flagDefs: DEFS, userFlags: user, forceFlags, opDesc: "op", coerceEnv: { cwd: "/nowhere" } }).flags);
  } catch (e) {
    if (isGuildError(e)) return e.plain ? e.message : `guild: ${e.message}`;
    throw e;
  }
}

const defaults = { i: 5, x: f(1), color: "red", shade: "light", size: 1, any: "a", req: "r", data: null };

test("defaults are coerced too, user values win", () => {
  assert.deepEqual(resolve({}), defaults);
  assert.deepEqual(resolve({ i: 7, x: 2 }), { ...defaults, i: 7, x: f(2) });
});

test("checks, one message per case", () => {
  const cases: [FlagMap, string][] = [
    [{ i: f(2.5) }, "guild: invalid value 2.5 for i: invalid value for type 'int'"],
    [{ i: "abc" }, "guild: invalid value abc for i: invalid value for type 'int'"],
    [{ i: [1, "a"] }, "guild: invalid value [1, 'a'] for i: invalid value for type 'int'"],
    [{ i: 0 }, "guild: invalid value 0 for i: out of range (less than min 1)"],
    [{ i: 11 }, "guild: invalid value 11 for i: out of range (greater than max 10)"],
    [{ i: [5, 12] }, "guild: invalid value 12 for i: out of range (greater than max 10)"],
    [{ x: 3 }, "guild: invalid value 3.0 for x: out of range (greater than max 2.5)"],
    [{ x: -1 }, "guild: invalid value -1.0 for x: out of range (less than min 0)"],
    [{ nope: 1 }, "guild: unsupported flag 'nope'\nTry 'guild run op --help-op' for a list of flags or use --force-flags to skip this check."],
    [{ data: "missing" }, "guild: invalid value /nowhere/missing for data: /nowhere/missing does not exist"],
    [{ color: "green" }, "Unsupported value for 'color' - supported values are:\n\n  red   Warm colour\n  blue  Cold colour\n\nRun the command again using one of these options."],
    [{ size: 3 }, "Unsupported value for 'size' - supported values are:\n\n  1  \n  2  \n\nRun the command again using one of these options."],
    [{ req: "" }, "Operation requires the following missing flags:\n\n  req  Needed\n\nRun the command again with these flags specified as NAME=VAL."],
    [{ req: null }, "Operation requires the following missing flags:\n\n  req  Needed\n\nRun the command again with these flags specified as NAME=VAL."],
  ];
  for (const [user, expected] of cases) assert.equal(resolve(user), expected, JSON.stringify(user));
});

test("ranges stay inside min/max, an int flag's range has int bounds (issue 14)", () => {
  const cases: [FlagMap, string][] = [
    [{ x: "[0.5:3]" }, "guild: invalid value [0.5:3] for x: out of range (greater than max 2.5)"],
    [{ x: "uniform[-1:2]" }, "guild: invalid value uniform[-1:2] for x: out of range (less than min 0)"],
    [{ x: "loguniform[0.1:2:5]" }, "guild: invalid value loguniform[0.1:2:5] for x: out of range (greater than max 2.5)"],
    [{ i: "[0:5]" }, "guild: invalid value [0:5] for i: out of range (less than min 1)"],
    [{ i: "[1.5:5.5]" }, "guild: invalid value [1.5:5.5] for i: an int flag's range must have int bounds"],
  ];
  for (const [user, expected] of cases) assert.equal(resolve(user), expected, JSON.stringify(user));
  assert.deepEqual(resolve({ x: "[0.5:2.5]", i: "[1:10]" }), { ...defaults, x: "[0.5:2.5]", i: "[1:10]" });
  assert.deepEqual(resolve({ x: "[0.5:3]" }, true), { ...defaults, x: "[0.5:3]" }, "--force-flags skips the check");
});

test("coercion errors come before unknown flags, as in Guild", () => {
  assert.equal(resolve({ nope: 1, i: "abc" }), "guild: invalid value abc for i: invalid value for type 'int'");
});

test("choices: values, aliases, Python equality, allow-other, false-ish values pass", () => {
  assert.deepEqual(resolve({ size: f(2) }), { ...defaults, size: f(2) });
  assert.deepEqual(resolve({ size: true }), { ...defaults, size: true });
  assert.deepEqual(resolve({ size: 0 }), { ...defaults, size: 0 });
  assert.deepEqual(resolve({ any: "zzz" }), { ...defaults, any: "zzz" });
  assert.deepEqual(resolve({ color: "b" }), { ...defaults, color: "blue", shade: "dark" });
  assert.deepEqual(resolve({ color: ["red", "b"] }), { ...defaults, color: ["red", "blue"] });
});

test("a choice's flags are set unless the user gave them", () => {
  assert.deepEqual(resolve({ color: "blue" }), { ...defaults, color: "blue", shade: "dark" });
  assert.deepEqual(resolve({ color: "blue", shade: "pale" }), { ...defaults, color: "blue", shade: "pale" });
});

test("--force-flags skips every check but keeps good coercions", () => {
  assert.deepEqual(resolve({ i: "abc", nope: 1, color: "green", req: "" }, true), {
    ...defaults,
    i: "abc",
    nope: 1,
    color: "green",
    req: "",
  });
  assert.deepEqual(resolve({ x: 2 }, true), { ...defaults, x: f(2) });
});

test("user flags come back coerced", () => {
  const r = resolveFlagValues({ flagDefs: DEFS, userFlags: { x: 2, color: "b" }, forceFlags: false, opDesc: "op", coerceEnv: { cwd: "/" } });
  assert.deepEqual(plain(r.userFlags), { x: f(2), color: "blue" });
});
