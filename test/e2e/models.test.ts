/**
 * `guild models`: the named models of guild.yml, as Guild 0.9.1 lists them
 * for the same project (fixtures/guild-outputs/models-0.9.1.txt); `-v`
 * details in our `ops -v` layout; anonymous models are not listed.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { guild, guildCombined, type GuildEnv } from "../helpers/guild-cli.js";
import { recordedCommands } from "../helpers/guild-outputs.js";
import { tempProject, type TempProject } from "../helpers/temp-project.js";
import { text } from "../helpers/transcript.js";

describe("guild models", () => {
  let p: TempProject;
  let g: GuildEnv;
  before(() => {
    p = tempProject("fixtures/projects/models");
    g = { cwd: p.cwd, home: p.home };
  });
  after(() => p.cleanup());

  for (const { args, output } of recordedCommands("models-0.9.1.txt")) {
    test(`guild ${args.join(" ")}`, async () => {
      const r = await guildCombined(args, g);
      assert.equal(`${r.output}<exit ${r.exitCode}>\n`, output);
    });
  }

  test("-v adds source, operations and details", async () => {
    assert.equal(
      (await guild(["models", "-v", "other"], g)).stdout,
      text`
        other  |
          source: ${p.cwd}/guild.yml
          operations: hello
          details: -
      `,
    );
  });

  test("a project whose model has no name lists none", async () => {
    const say = tempProject("examples/say");
    try {
      const r = await guild(["models"], { cwd: say.cwd, home: say.home });
      assert.deepEqual([r.stdout, r.stderr, r.exitCode], ["", "", 0]);
    } finally {
      say.cleanup();
    }
  });
});
