// The operation command and FLAG_* env (spec §3.5). Expected values are what
// Guild's op_cmd.generate (93926134, incl. doctest op-cmd.md) returns, with
// resolve params = flag values + python_exe as run_impl passes them.
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { commandArgsFor, flagEnvFor, type CmdFlag } from "../../../src/core/run/command.js";
import { float, type FlagMap } from "../../../src/core/flags/value.js";
import { GuildError } from "../../../src/core/errors.js";

const PY = "/usr/bin/python3";
const FA = "__flag_args__";

function argv(cmdArgs: string[], flags: FlagMap, cmdFlags: Record<string, CmdFlag> = {}, flagsDest = "args"): string[] {
  return commandArgsFor({ cmdArgs, cmdFlags, flagsDest, flags, pythonExe: PY }).argv;
}

describe("commandArgsFor", () => {
  const CASES: [string, string[], FlagMap, Record<string, CmdFlag>, string, string[]][] = [
    ["doctest: simple", ["a", "b", FA], { c: 123, d: "abc" }, { c: { argName: "C" } }, "args", ["a", "b", "--C", "123", "--d", "abc"]],
    ["doctest: no flag args", ["a", "b"], { c: 123 }, {}, "args", ["a", "b"]],
    ["string int", [FA], { c: "123" }, {}, "args", ["--c", "123"]],
    ["empty string", [FA], { c: "" }, {}, "args", ["--c", ""]],
    ["True for args", [FA], { c: true }, {}, "args", ["--c", "1"]],
    ["True for globals", [FA], { c: true }, {}, "globals", ["--c", "yes"]],
    ["False for args", [FA], { c: false }, {}, "args", ["--c", ""]],
    ["False for globals", [FA], { c: false }, {}, "globals", ["--c", "no"]],
    ["null for args", [FA], { c: null }, {}, "args", []],
    ["null for globals", [FA], { c: null }, {}, "globals", []],
    ["sorted by name", [FA], { z: 4, c: 3, a: 1, b: 2 }, {}, "args", ["--a", "1", "--b", "2", "--c", "3", "--z", "4"]],
    ["code point order", [FA], { "x_Y9": 4, é: 3, "learning-rate": 1, "a.b": 2 }, {}, "args",
      ["--a.b", "2", "--learning-rate", "1", "--x_Y9", "4", "--é", "3"]],
    ["arg-switch 1 on", [FA], { a: 1 }, { a: { argSwitch: 1 } }, "args", ["--a"]],
    ["arg-switch 1 off", [FA], { a: 2 }, { a: { argSwitch: 1 } }, "args", []],
    ["store_true / store_false switches", [FA], { a: true, b: false, c: false, d: true },
      { a: { argSwitch: true }, b: { argSwitch: true }, c: { argSwitch: false }, d: { argSwitch: false } }, "args", ["--a", "--c"]],
    ["arg-switch with arg-name", [FA], { loud: true }, { loud: { argSwitch: true, argName: "LOUD" } }, "args", ["--LOUD"]],
    ["arg-skip", [FA], { a: 1, b: 2 }, { a: { argSkip: true } }, "args", ["--b", "2"]],
    ["args encodings", [FA], { l: [1, 2], f: float(1), e: float(1e-5), s: "123", h: "hello", m: { b: 1, a: 2 }, sp: "a b" }, {}, "args",
      ["--e", "1e-05", "--f", "1.0", "--h", "hello", "--l", "[1, 2]", "--m", "{'a': 2, 'b': 1}", "--s", "123", "--sp", "a b"]],
    ["globals encodings", [FA], { l: [1, 2], f: float(1), e: float(1e-5), s: "123", h: "hello", m: { b: 1, a: 2 }, sp: "a b" }, {}, "globals",
      ["--e", "1.0e-05", "--f", "1.0", "--h", "hello", "--l", "[1, 2]", "--m", "{a: 2, b: 1}", "--s", "'123'", "--sp", "'a b'"]],
    ["global:NAME dest encodes as globals", [FA], { t: true, f: false }, {}, "global:params", ["--f", "no", "--t", "yes"]],
    ["args:<plugin> dest encodes as args", [FA], { t: true }, {}, "args:click", ["--t", "1"]],
    ["op_main command", ["${python_exe}", "-um", "guild.op_main", "say", FA], { msg: "hi", loud: false }, {}, "args",
      [PY, "-um", "guild.op_main", "say", "--loud", "", "--msg", "hi"]],
    ["doctest: params in template", ["${i}", "${f}", "why ${s} there"], { i: 1, f: float(2.3), s: "hello" }, {}, "args",
      ["1", "2.3", "why hello there"]],
    ["refs: None, list, float", ["x${n}y", "${l}", "${fl}"], { n: null, l: [1, 2], fl: float(1) }, {}, "args", ["xy", "[1, 2]", "1.0"]],
    ["ref and flag args together", ["${python_exe}", "train.py", "--epochs", "${e}", FA], { e: 5, lr: float(0.1) }, { e: { argSkip: true } }, "args",
      [PY, "train.py", "--epochs", "5", "--lr", "0.1"]],
    ["doctest: shadowed flag", ["--a", "2", FA], { a: 1 }, {}, "args", ["--a", "2"]],
    ["shadowed arg-name", ["--A", "2", FA], { a: 1, b: 2 }, { a: { argName: "A" } }, "args", ["--A", "2", "--b", "2"]],
    ["empty template", [], { a: 1 }, {}, "args", []],
  ];
  for (const [name, cmdArgs, flags, cmdFlags, dest, want] of CASES) {
    test(name, () => assert.deepEqual(argv(cmdArgs, flags, cmdFlags, dest), want));
  }
});

describe("${flag} refs use Guild's env encoding (op_cmd._encode_general_arg)", () => {
  const CASES: [string, string[], FlagMap, string, string[]][] = [
    ["True (args)", ["x${t}"], { t: true }, "args", ["x1"]],
    ["string with space (args)", ["${sp}"], { sp: "a b" }, "args", ["a b"]],
    ["False (args)", ["${f}"], { f: false }, "args", ["0"]],
    ["True (globals)", ["x${t}"], { t: true }, "globals", ["x1"]],
    ["False (globals)", ["${f}"], { f: false }, "globals", ["0"]],
    ["string with space (globals)", ["${sp}"], { sp: "a b" }, "globals", ["a b"]],
    ["numeric string (globals)", ["${s}"], { s: "123" }, "globals", ["123"]],
    ["global:NAME", ["${f}", "${s}"], { f: false, s: "123" }, "global:p", ["0", "123"]],
    ["repr of others", ["${l}", "${d}", "${e}"], { l: [1, "a"], d: { b: 1, a: 2 }, e: float(1e-5) }, "globals",
      ["[1, 'a']", "{'a': 2, 'b': 1}", "1e-05"]],
  ];
  for (const [name, cmdArgs, flags, dest, want] of CASES) {
    test(name, () => assert.deepEqual(argv(cmdArgs, flags, {}, dest), want));
  }
});

// util.resolve_refs (93926134): refs inside substituted values are resolved
// too, `\${x}` is literal, and an unknown name fails the operation.
describe("${ref} resolution", () => {
  const CASES: [string, string[], FlagMap, string[]][] = [
    ["escaped ref", ["\\${a}", "${a}"], { a: 1 }, ["${a}", "1"]],
    ["ref in a flag value", ["${m}"], { m: "${python_exe} x" }, [`${PY} x`]],
    ["ref in a list value", ["${l}"], { l: ["${python_exe}"] }, [`['${PY}']`]],
    ["not refs", ["$", "${a", "${a}}", "$a"], { a: 1 }, ["$", "${a", "1}", "$a"]],
    ["python_exe wins over a flag", ["${python_exe}"], { python_exe: "x" }, [PY]],
  ];
  for (const [name, cmdArgs, flags, want] of CASES) test(name, () => assert.deepEqual(argv(cmdArgs, flags), want));

  const invalidRef = (name: string) => (e: unknown) =>
    e instanceof GuildError && e.exitCode === 1 && !e.plain &&
    e.message === `invalid setting for operation: command contains invalid reference '${name}'`;
  const ERRORS: [string, string[], FlagMap, string][] = [
    ["undefined name", ["x${nope}"], { a: 1 }, "nope"],
    ["undefined in a flag value", ["${m}"], { m: "a ${nope}" }, "nope"],
    ["${flag_args} inside an arg", ["x${flag_args}"], { a: 1 }, "flag_args"],
    ["${main_args} left over", ["${main_args}"], {}, "main_args"],
    ["empty name", ["${}"], { a: 1 }, ""],
  ];
  for (const [name, cmdArgs, flags, ref] of ERRORS) test(name, () => assert.throws(() => argv(cmdArgs, flags), invalidRef(ref)));
  test("a reference cycle fails", () => {
    assert.throws(() => argv(["${m}"], { m: "${n}", n: "${m}" }), (e: unknown) => e instanceof GuildError && e.message.includes("'m' -> 'n' -> 'm'"));
  });
});

describe("arg-switch compares as Python's ==", () => {
  const CASES: [string, FlagMap, Record<string, CmdFlag>, string[]][] = [
    ["True == 1", { a: 1 }, { a: { argSwitch: true } }, ["--a"]],
    ["1 == 1.0", { a: float(1) }, { a: { argSwitch: 1 } }, ["--a"]],
    ["'1' != 1", { a: 1 }, { a: { argSwitch: "1" } }, []],
    ["lists", { a: [1, true] }, { a: { argSwitch: [float(1), 1] } }, ["--a"]],
    ["null is no switch", { a: 1 }, { a: { argSwitch: null } }, ["--a", "1"]],
  ];
  for (const [name, flags, cmdFlags, want] of CASES) test(name, () => assert.deepEqual(argv([FA], flags, cmdFlags), want));
});

describe("flagEnvFor", () => {
  const CASES: [string, FlagMap, Record<string, CmdFlag>, Record<string, string>][] = [
    ["doctest: simple", { c: 123, d: "abc" }, { c: { argName: "C" } }, { FLAG_C: "123", FLAG_D: "abc" }],
    ["booleans and null", { d: true, e: false, f: null }, {}, { FLAG_D: "1", FLAG_E: "0", FLAG_F: "" }],
    ["empty string", { b: "" }, {}, { FLAG_B: "" }],
    ["repr of others", { l: [1, 2], f: float(1), e: float(1e-5), m: { b: 1, a: 2 }, sp: "a b" }, {},
      { FLAG_L: "[1, 2]", FLAG_F: "1.0", FLAG_E: "1e-05", FLAG_M: "{'a': 2, 'b': 1}", FLAG_SP: "a b" }],
    ["names", { "learning-rate": 1, "a.b": 2, é: 3, "x_Y9": 4 }, {},
      { FLAG_LEARNING_RATE: "1", FLAG_A_B: "2", FLAG__: "3", FLAG_X_Y9: "4" }],
    ["env-name overrides", { a: 1, b: 2 }, { a: { envName: "A" } }, { A: "1", FLAG_B: "2" }],
    ["skipped and switched flags still get env", { a: 1, b: true }, { a: { argSkip: true }, b: { argSwitch: true } }, { FLAG_A: "1", FLAG_B: "1" }],
    ["no flags", {}, {}, {}],
  ];
  for (const [name, flags, cmdFlags, want] of CASES) test(name, () => assert.deepEqual(flagEnvFor(flags, cmdFlags), want));
});
