/**
 * Usage errors name what was wrong: an unknown command or subcommand with
 * the closest one suggested, extra arguments by value (click's wording, as
 * Guild 0.9.1 prints `unexpected extra arguments '2 3'` for
 * `guild runs info 1 2 3`). Guild itself suggests nothing.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { guild, type GuildEnv } from "../helpers/guild-cli.js";
import { tempProject, type TempProject } from "../helpers/temp-project.js";

describe("usage errors name the word", () => {
  let p: TempProject;
  let g: GuildEnv;
  before(() => {
    p = tempProject("examples/say");
    g = { cwd: p.cwd, home: p.home };
  });
  after(() => p.cleanup());

  const CASES: [string[], string][] = [
    [["rnus"], "guild: unrecognized command 'rnus' (did you mean 'runs'?)\nTry 'guild --help' for more information.\n"],
    [["xyzzy"], "guild: unrecognized command 'xyzzy'\nTry 'guild --help' for more information.\n"],
    [["runs", "lst"], "guild: unrecognized command 'lst' (did you mean 'list'?)\nTry 'guild runs --help' for more information.\n"],
    [["runs", "lst", "-a"], "guild: unrecognized command 'lst' (did you mean 'list'?)\nTry 'guild runs --help' for more information.\n"],
    [["runs", "nothing"], "guild: unrecognized command 'nothing'\nTry 'guild runs --help' for more information.\n"],
    [["runs", "list", "x"], "guild: unexpected extra argument 'x'\nTry 'guild runs list --help' for more information.\n"],
    [["runs", "info", "1", "2", "3"], "guild: unexpected extra arguments '2 3'\nTry 'guild runs info --help' for more information.\n"],
  ];
  for (const [args, stderr] of CASES) {
    test(args.join(" "), async () => {
      const r = await guild(args, g);
      assert.deepEqual([r.stdout, r.stderr, r.exitCode], ["", stderr, 2]);
    });
  }
});
