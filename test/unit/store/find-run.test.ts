// `--start RUN` lookup (spec §6.2): a unique run id prefix in the store. An
// ambiguous prefix prints Guild's match lines with no `guild:` prefix, as the
// runs commands do (cmd_impl_support.one_run).
import { test, describe, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GuildError } from "../../../src/core/errors.js";
import { findRunForStart } from "../../../src/core/store/find-run.js";

const home = mkdtempSync(join(tmpdir(), "find-run-"));
after(() => rmSync(home, { recursive: true, force: true }));
for (const id of ["aaaa1111aaaa1111aaaa1111aaaa1111", "aaab2222aaab2222aaab2222aaab2222"]) {
  mkdirSync(join(home, "runs", id, ".guild"), { recursive: true });
  writeFileSync(join(home, "runs", id, ".guild", "opref"), "guildfile:/p 'x' '' say.py\n");
}

function guildError(message: string, plain: boolean) {
  return (e: unknown) => e instanceof GuildError && e.message === message && e.plain === plain && e.exitCode === 1;
}

describe("findRunForStart", () => {
  test("a unique prefix", () => assert.equal(findRunForStart("aaab", home, home).id, "aaab2222aaab2222aaab2222aaab2222"));
  test("no match", () =>
    assert.throws(
      () => findRunForStart("zzz", home, home),
      guildError("could not find a run matching 'zzz'\nTry 'guild runs list' for a list.", false),
    ));
  test("an ambiguous prefix is printed plain", () => {
    let err: unknown;
    try {
      findRunForStart("aaa", home, home);
    } catch (e) {
      err = e;
    }
    assert.ok(err instanceof GuildError && err.plain && err.exitCode === 1);
    const lines = err.message.split("\n");
    assert.equal(lines[0], "'aaa' matches multiple runs:");
    assert.deepEqual(lines.slice(1).sort(), ["  aaaa1111", "  aaab2222"]);
  });
});
