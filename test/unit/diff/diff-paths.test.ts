import { test } from "node:test";
import assert from "node:assert/strict";
import { runPathPairs, runSpecsFor, type DiffWhat } from "../../../src/core/diff/diff-paths.js";
import { GuildError } from "../../../src/core/errors.js";

const none: DiffWhat = { output: false, sourcecode: false, env: false, flags: false, attrs: false, deps: false, paths: [] };
const a = { dir: "/r/a", sourcecodeDir: "/r/a/.guild/sourcecode" };
const b = { dir: "/r/b", sourcecodeDir: "/r/b" };
const pairs = (what: Partial<DiffWhat>) => runPathPairs(a, b, { ...none, ...what }, () => {}).map(([x, y]) => `${x} ${y}`);

test("runPathPairs: what each option compares", () => {
  const cases: [Partial<DiffWhat>, string[]][] = [
    [{}, ["/r/a /r/b"]],
    [{ flags: true }, ["/r/a/.guild/attrs/flags /r/b/.guild/attrs/flags"]],
    [{ attrs: true, env: true }, ["/r/a/.guild/attrs /r/b/.guild/attrs"]],
    [{ output: true, paths: ["x"] }, ["/r/a/.guild/output /r/b/.guild/output", "/r/a/x /r/b/x"]],
    [{ sourcecode: true }, ["/r/a/.guild/sourcecode /r/b"]],
    [{ sourcecode: true, paths: ["m.py", "d/n.py"] }, ["/r/a/.guild/sourcecode/m.py /r/b/m.py", "/r/a/.guild/sourcecode/d/n.py /r/b/d/n.py"]],
  ];
  for (const [what, want] of cases) assert.deepEqual(pairs(what), want, JSON.stringify(what));
});

test("runSpecsFor: Guild's defaults and refusals", () => {
  const base = { working: false, sourcecode: false };
  const cases: [Parameters<typeof runSpecsFor>[0], string][] = [
    [base, "2 1"],
    [{ ...base, run: "3", otherRun: "1" }, "3 1"],
    [{ ...base, dir: "x" }, "1"],
    [{ ...base, working: true, run: "4" }, "4"],
    [{ ...base, run: "3" }, "error: diff requires two runs"],
    [{ ...base, run: "3", otherRun: "1", dir: "x" }, "error: cannot specify second RUN and --dir"],
    [{ ...base, working: true, dir: "x" }, "error: --working and --dir cannot both be specified"],
  ];
  for (const [args, want] of cases) {
    let got: string;
    try {
      const s = runSpecsFor(args);
      got = [s.run, s.otherRun].filter(Boolean).join(" ");
    } catch (e) {
      assert.ok(e instanceof GuildError);
      got = `error: ${e.message.split("\n")[0]}`;
    }
    assert.equal(got, want, JSON.stringify(args));
  }
});
