// A staged run's ENV file, made from the shared lines of its operation and
// its own (dir, id, flags, extras), must be exactly what formatting its whole
// environment in one go gives, including where its own names override.
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import type { Ctx } from "../../../src/core/context.js";
import { SILENT_OUT } from "../../../src/core/context.js";
import type { FlagMap } from "../../../src/core/flags/value.js";
import type { Operation } from "../../../src/core/op/operation.js";
import { envFileFor } from "../../../src/core/run/env-file.js";
import { formatEnvFile, runEnvFor, type RunEnvRequest } from "../../../src/core/run/env.js";
import { shellQuote } from "../../../src/core/util/shell-quote.js";

function op(cmdEnv: Record<string, string>, envNames: Record<string, string> = {}): Operation {
  const flagDefs = Object.fromEntries(Object.entries(envNames).map(([flag, envName]) => [flag, { name: flag, envName }]));
  return {
    kind: "script",
    opref: { pkgType: "script", pkgName: "/p", pkgVersion: "", modelName: "", opName: "t.py" },
    opDesc: "t.py",
    guildOp: "t.py",
    projectDir: "/p",
    projectDirEnv: ".",
    sourcecodeRoot: null,
    flagDefs,
    flagsDest: "args",
    cmdArgs: [],
    cmdEnv,
    labelTemplate: null,
  } as unknown as Operation;
}

function ctx(env: Record<string, string>): Ctx {
  return { cwd: "/work", home: "/h", env, out: SILENT_OUT };
}

const oneShot = (req: RunEnvRequest, c: Ctx) => formatEnvFile(runEnvFor(req, c), shellQuote);

describe("envFileFor", () => {
  const CASES: [string, Operation, Ctx, FlagMap, Record<string, string> | undefined][] = [
    ["plain", op({}), ctx({ PATH: "/bin", HOME: "/root" }), { x: 1 }, undefined],
    ["no flags, empty values", op({ A: "" }), ctx({ B: "", PWD: "/x", _: "/usr/bin/env" }), {}, undefined],
    ["RUN_DIR/RUN_ID in the caller's env are the run's own", op({}), ctx({ RUN_DIR: "/old", RUN_ID: "old" }), { a: "b" }, undefined],
    ["a flag's env-name over a shared name", op({}, { p: "PATH", q: "GUILD_HOME" }), ctx({ PATH: "/bin" }), { p: "/opt/bin", q: "x y" }, undefined],
    ["a flag env-name that sorts first and last", op({}, { a: "AAA", z: "zzz" }), ctx({ M: "m" }), { a: 1, z: 2 }, undefined],
    ["extras win over everything", op({ X: "op" }), ctx({ X: "env" }), { x: 1 }, { X: "extra", FLAG_X: "extra", RUN_ID: "r" }],
    ["names like Object's own", op({ constructor: "c" }), ctx({ toString: "t", __proto__x: "p" }), { hasOwnProperty: 1 }, undefined],
  ];
  for (const [name, o, c, flags, extra] of CASES) {
    test(name, () => {
      const req = { op: o, runDir: "/h/runs/abc", runId: "abc", flags, extra };
      assert.equal(envFileFor(req, c), oneShot(req, c));
      // Again for a second trial of the same operation (the shared lines kept).
      const req2 = { ...req, runDir: "/h/runs/def", runId: "def", flags: { ...flags, extra: "v'2" } };
      assert.equal(envFileFor(req2, c), oneShot(req2, c));
    });
  }
});

test("envFileFor agrees with the one-shot format on generated environments (property)", () => {
  const name = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,6}$/);
  const env = fc.dictionary(name, fc.string({ maxLength: 6 }), { maxKeys: 8 });
  fc.assert(
    fc.property(env, env, fc.dictionary(fc.stringMatching(/^[a-z]{1,4}$/), fc.oneof(fc.integer(), fc.string({ maxLength: 4 }), fc.boolean())), fc.dictionary(fc.stringMatching(/^[a-z]{1,4}$/), name), fc.option(env, { nil: undefined }), (base, cmdEnv, flags, envNames, extra) => {
      const c = ctx(base);
      const o = op(cmdEnv, envNames);
      for (const id of ["a1", "b2"]) {
        const req = { op: o, runDir: `/h/runs/${id}`, runId: id, flags, extra };
        assert.equal(envFileFor(req, c), oneShot(req, c));
      }
    }),
    { numRuns: 300 },
  );
});
