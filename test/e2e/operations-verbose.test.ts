/**
 * `guild ops -v` shows every flag an operation takes, those imported from
 * its script with their argparse help (Guild 0.9.1 prints
 * `flags: ['loud: Print the message in upper case (default is no)', ...]`
 * for examples/say), and no empty `main:` for a pipeline; `guild run
 * missing.py` names the missing file (Guild: `cannot find operation`).
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { guild, type GuildEnv } from "../helpers/guild-cli.js";
import { tempProject, type TempProject } from "../helpers/temp-project.js";
import { text } from "../helpers/transcript.js";

describe("ops -v and missing scripts", () => {
  let p: TempProject;
  let g: GuildEnv;
  before(() => {
    p = tempProject("examples/say");
    g = { cwd: p.cwd, home: p.home, env: { NO_IMPORT_FLAGS_PROGRESS: "1" } };
  });
  after(() => p.cleanup());

  test("ops -v lists imported flags with their argparse help; a pipeline has no main line", async () => {
    const r = await guild(["ops", "-v"], g);
    assert.equal(
      r.stdout,
      text`
        say-many        Say three messages as a batch
          flags: -
          details: -
        say-with-label  Say a message, labelled with it
          main: say
          flags:
            loud: Print the message in upper case (default is no)
            msg: Message to print (default is hello)
          details: -
      `,
    );
    assert.equal(r.exitCode, 0);
  });

  test("run missing.py says the file does not exist and stores nothing", async () => {
    const r = await guild(["run", "missing.py", "-y"], g);
    assert.deepEqual([r.stdout, r.stderr, r.exitCode], ["", "guild: file 'missing.py' does not exist\n", 1]);
    assert.equal((await guild(["runs", "--json"], g)).stdout, "[]\n");
  });
});
