/**
 * Bad input: Guild's message on stderr, exit 1, nothing written to the run
 * store. Each case runs in a fresh project and home.
 */
import { afterEach, beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { guild } from "../helpers/guild-cli.js";
import { tempProject, type TempProject } from "../helpers/temp-project.js";

function runsIn(home: string): string[] {
  const dir = join(home, "runs");
  return existsSync(dir) ? readdirSync(dir) : [];
}

const CASES: { name: string; project: string; args: string[]; stderr: string | RegExp }[] = [
  {
    name: "unknown operation in a project with guild.yml",
    project: "examples/say",
    args: ["run", "nope", "-y"],
    stderr: "guild: operation 'nope' is not defined for this project\nTry 'guild operations' for a list of available operations.\n",
  },
  {
    name: "unknown operation, no guild.yml",
    project: "fixtures/projects/empty",
    args: ["run", "nope", "-y"],
    stderr:
      "guild: cannot find operation nope\nYou may need to include a model in the form MODEL:OPERATION. " +
      "Try 'guild operations' for a list of available operations.\n",
  },
  {
    name: "unknown model",
    project: "examples/say",
    args: ["run", "m:nope", "-y"],
    stderr: "guild: cannot find operation m:nope\nTry 'guild operations' for a list of available operations.\n",
  },
  {
    name: "unknown flag",
    project: "examples/say",
    args: ["run", "say.py", "foo=1", "-y"],
    stderr:
      "guild: unsupported flag 'foo'\n" +
      "Try 'guild run say.py --help-op' for a list of flags or use --force-flags to skip this check.\n",
  },
  {
    name: "a flag argument that is not NAME=VAL",
    project: "examples/say",
    args: ["run", "say.py", "msg=hi", "loud", "-y"],
    stderr: "guild: invalid argument 'loud' - expected NAME=VAL\n",
  },
  {
    name: "a value of the wrong type for a globals flag",
    project: "fixtures/projects/globals",
    args: ["run", "sleepy.py", "seconds=abc", "-y"],
    stderr: "guild: invalid value abc for seconds: invalid value for type 'number'\n",
  },
  {
    name: "--start with no matching run",
    project: "examples/say",
    args: ["run", "--start", "zzzz", "-y"],
    stderr: "guild: could not find a run matching 'zzzz'\nTry 'guild runs list' for a list.\n",
  },
  {
    name: "a broken guild.yml",
    project: "fixtures/projects/broken-guildfile",
    args: ["run", "train", "-y"],
    stderr: /^ERROR: error in .*\/guild\.yml: .+\nguild: guildfile in the current directory contains an error \(see above for details\)\n$/,
  },
  {
    name: "a command with an undefined reference",
    project: "fixtures/projects/run",
    args: ["run", "bad-ref", "-y"],
    stderr: "guild: invalid setting for operation: command contains invalid reference 'nope'\n",
  },
  {
    name: "a command with an undefined reference, staged",
    project: "fixtures/projects/run",
    args: ["run", "bad-ref", "--stage", "-y"],
    stderr: "guild: invalid setting for operation: command contains invalid reference 'nope'\n",
  },
  {
    name: "an operation and --start together",
    project: "examples/say",
    args: ["run", "say.py", "--start", "abc", "-y"],
    stderr: "guild: OPERATION cannot be used with --restart\nTry 'guild run --help' for more information.\n",
  },
];

describe("errors leave the store untouched", () => {
  let p: TempProject | undefined;
  afterEach(() => p?.cleanup());

  for (const c of CASES) {
    test(c.name, async () => {
      p = tempProject(c.project);
      const result = await guild(c.args, { cwd: p.cwd, home: p.home });
      if (typeof c.stderr === "string") assert.equal(result.stderr, c.stderr);
      else assert.match(result.stderr, c.stderr);
      assert.equal(result.stdout, "");
      assert.equal(result.exitCode, 1);
      assert.deepEqual(runsIn(p.home), []);
    });
  }

  test("a script beside a broken guild.yml still runs", async () => {
    p = tempProject("fixtures/projects/broken-guildfile");
    const result = await guild(["run", "hello.py", "-y"], { cwd: p.cwd, home: p.home });
    assert.equal(result.stdout, "hello from a script beside a broken guild.yml\n");
    assert.equal(result.exitCode, 0);
    assert.equal(runsIn(p.home).length, 1);
  });
});

describe("usage errors", () => {
  let p: TempProject;
  beforeEach(() => (p = tempProject("examples/say")));
  afterEach(() => p.cleanup());

  test("an unknown option exits 2 with click's wording", async () => {
    const result = await guild(["run", "say.py", "--nope"], { cwd: p.cwd, home: p.home });
    assert.equal(result.stderr, "guild: unrecognized option '--nope'\nTry 'guild run --help' for more information.\n");
    assert.equal(result.exitCode, 2);
  });

  test("an unknown command exits 2", async () => {
    const result = await guild(["nope"], { cwd: p.cwd, home: p.home });
    assert.equal(result.stderr, "guild: unrecognized command 'nope'\nTry 'guild --help' for more information.\n");
    assert.equal(result.exitCode, 2);
  });
});
