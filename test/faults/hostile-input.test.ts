/**
 * Hostile input (issue 10 §6, §7): a guild.yml that expands without bound,
 * label formats asking for gigabytes, flag names that are Object.prototype
 * members, `guild cat -p` paths that leave the run, and batch files with a
 * BOM or broken rows. Each goes through the built bin against real files:
 * a `guild: ...` message, no stack, and the store as it was.
 */
import { afterEach, beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { guild, type GuildResult } from "../helpers/guild-cli.js";
import { tempProject, type TempProject } from "../helpers/temp-project.js";

// Generous: a hang (the defects these cases reproduce) fails the test instead of the suite.
const BOUND = { timeout: 60_000 };

let p: TempProject;
beforeEach(() => (p = tempProject("examples/say")));
afterEach(() => p.cleanup());

const run = (args: string[]) => guild(args, { cwd: p.cwd, home: p.home });

function runIds(): string[] {
  const dir = join(p.home, "runs");
  return existsSync(dir) ? readdirSync(dir) : [];
}

/** Our own error: one `guild:` line set (no stack), exit 1. */
function assertGuildError(r: GuildResult, message: string | RegExp): void {
  assert.equal(r.exitCode, 1, r.stderr);
  assert.doesNotMatch(r.stderr, /internal error|\n\s+at /);
  if (typeof message === "string") assert.equal(r.stderr, message);
  else assert.match(r.stderr, message);
}

/** Each level aliases the one before ten times: 10**levels strings once expanded. */
function billionLaughs(levels: number): string {
  const lines = ['l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let i = 1; i <= levels; i++) lines.push(`l${i}: &l${i} [${Array(10).fill(`*l${i - 1}`).join(", ")}]`);
  return `${lines.join("\n")}\nop:\n  exec: python3 -c "print(1)"\n  flags:\n    x: *l${levels}\n`;
}

describe("a guild.yml whose aliases expand without bound", () => {
  for (const levels of [7, 9]) {
    test(`${levels} levels of aliases are refused at once`, BOUND, async () => {
      writeFileSync(join(p.cwd, "guild.yml"), billionLaughs(levels));
      const r = await run(["run", "op", "-y"]);
      assertGuildError(r, /^ERROR: error in .*guild\.yml: aliases expand the document to \d+ nodes \(at most 100000 may come from aliases\)\nguild: guildfile in the current directory contains an error/);
      assert.deepEqual(runIds(), []);
    });
  }

  test("aliases that stay small still load, shared as PyYAML shares them", BOUND, async () => {
    const yml = "base: &flags {msg: {default: hi}}\nop:\n  main: say\n  flags: *flags\nop2:\n  main: say\n  flags: *flags\n";
    writeFileSync(join(p.cwd, "guild.yml"), yml);
    const r = await run(["run", "op2", "msg=yo", "-y"]);
    assert.equal(r.exitCode, 0, r.stderr);
    assert.equal(r.stdout, "yo\n");
  });
});

describe("label formats past what a label can hold", () => {
  const cases: [string, string][] = [
    ["${msg|%999999999s}", "guild: format '%999999999s': width 999999999 is too big (at most 10000)\n"],
    ["${n|%999999999d}", "guild: format '%999999999d': width 999999999 is too big (at most 10000)\n"],
    ["${n|%.99999999f}", "guild: format '%.99999999f': precision 99999999 is too big (at most 10000)\n"],
    ["${n|%99999999999999999999d}", "guild: format '%99999999999999999999d': width 99999999999999999999 is too big (at most 10000)\n"],
  ];
  for (const [label, stderr] of cases) {
    test(label, BOUND, async () => {
      const r = await run(["run", "say.py", "msg=hi", "n=1.5", "--force-flags", "--label", label, "-y"]);
      assertGuildError(r, stderr);
      assert.deepEqual(runIds(), []);
    });
  }

  test("a wide but bounded format works as in Python", BOUND, async () => {
    const r = await run(["run", "say.py", "msg=hi", "--label", "${msg|%12s}|", "-y"]);
    assert.equal(r.exitCode, 0, r.stderr);
    const runs = await run(["runs", "info"]);
    assert.match(runs.stdout, /^label: {11}hi\|$/m);
  });
});

describe("flag names that are Object.prototype members", () => {
  const YML = [
    "op:",
    "  exec: python3 -c \"import sys; print(sys.argv[1:])\" ${flag_args}",
    "  label: 'c=${constructor} p=${__proto__} t=${toString|default:none}'",
    "  flags:",
    "    __proto__: 3",
    "    n: 1",
    "",
  ].join("\n");

  test("a flag named __proto__ is a flag; ${constructor} is not", BOUND, async () => {
    writeFileSync(join(p.cwd, "guild.yml"), YML);
    const r = await run(["run", "op", "__proto__=7", "-y"]);
    assert.equal(r.exitCode, 0, r.stderr);
    assert.equal(r.stdout, "['--__proto__', '7', '--n', '1']\n");
    const info = await run(["runs", "info"]);
    assert.match(info.stdout, /^label: c= p=7 t=none$/m);
    assert.match(info.stdout, /^flags:\n {2}__proto__: 7\n {2}n: 1$/m);
  });

  for (const name of ["constructor", "toString", "hasOwnProperty"]) {
    test(`${name}=1 is an unsupported flag`, BOUND, async () => {
      writeFileSync(join(p.cwd, "guild.yml"), YML);
      const r = await run(["run", "op", `${name}=1`, "-y"]);
      assertGuildError(r, new RegExp(`^guild: unsupported flag '${name}'\\n`));
      assert.deepEqual(runIds(), []);
    });
  }
});

describe("guild cat -p stays in the run", () => {
  test("paths out by .. or by a link are refused; files of the run are shown", BOUND, async () => {
    assert.equal((await run(["run", "say.py", "msg=hi", "-y"])).exitCode, 0);
    const [id] = runIds();
    const runDir = join(p.home, "runs", id as string);
    writeFileSync(join(p.root, "secret"), "outside\n");
    symlinkSync(join(p.root, "secret"), join(runDir, "escape"));
    writeFileSync(join(runDir, "inside.txt"), "inside\n");
    symlinkSync("inside.txt", join(runDir, "alias.txt"));
    for (const path of ["../../../../etc/passwd", "../../../secret", "escape", "sub/../../x"]) {
      const r = await run(["cat", "-p", path]);
      assertGuildError(r, `guild: cannot show ${path}: the path leads out of the run directory\n`);
    }
    assert.equal((await run(["cat", "-p", "inside.txt"])).stdout, "inside\n");
    assert.equal((await run(["cat", "-p", "alias.txt"])).stdout, "inside\n");
    assert.equal(readFileSync(join(p.root, "secret"), "utf8"), "outside\n");
  });
});

describe("batch files", () => {
  test("a UTF-8 BOM is not part of the first flag name", BOUND, async () => {
    writeFileSync(join(p.cwd, "trials.csv"), "\ufeffmsg\nhi\nho\n");
    const r = await run(["run", "say.py", "@trials.csv", "-y"]);
    assert.equal(r.exitCode, 0, r.stderr);
    assert.match(r.stdout, /^hi\n/m);
    assert.match(r.stdout, /^ho\n/m);
  });

  const cases: [string, string, string][] = [
    ["unterminated quote", 'msg\nhi\n"open\n', "guild: cannot read trials for ./trials.csv: line 3: unterminated quoted field\n"],
    ["more fields than the header", "msg\nhi\nho,extra\n", "guild: cannot read trials for ./trials.csv: line 3: 2 fields but the header names 1\n"],
    ["duplicate header name", "msg,msg\nhi,ho\n", "guild: cannot read trials for ./trials.csv: line 1: flag 'msg' is named twice in the header\n"],
  ];
  for (const [name, text, stderr] of cases) {
    test(name, BOUND, async () => {
      writeFileSync(join(p.cwd, "trials.csv"), text);
      const r = await run(["run", "say.py", "@trials.csv", "-y"]);
      assertGuildError(r, stderr);
      assert.deepEqual(runIds(), []);
    });
  }
});
