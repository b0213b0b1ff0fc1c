/** guild.yml operations in the `- model:` list form: exec and main ops. */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { tempProject, type TempProject } from "../helpers/temp-project.js";
import { session, text, type Session } from "../helpers/transcript.js";

describe("guild.yml list form", () => {
  let p: TempProject;
  let s: Session;
  before(() => {
    p = tempProject("fixtures/projects/models");
    s = session({ cwd: p.cwd, home: p.home }, [p.root]);
  });
  after(() => p.cleanup());

  test("an exec op with a flag reference", async () => {
    assert.equal(await s.run(["run", "m:hello", "name=guild", "-y"]), "hello guild\n");
  });

  test("a main op with main args; flags-import absent keeps only listed flags", async () => {
    assert.equal(await s.run(["run", "m:train", "lr=0.5", "-y"]), "epochs=2 lr=0.5\n");
    assert.equal(
      await s.run(["run", "m:train", "epochs=3", "-y"]),
      text`
        guild: unsupported flag 'epochs'
        Try 'guild run m:train --help-op' for a list of flags or use --force-flags to skip this check.
        <exit 1>
      `,
    );
  });

  test("an op name in several models needs the model", async () => {
    assert.equal(await s.run(["run", "other:hello", "-y"]), "other hello\n");
    assert.equal(await s.run(["run", "train", "-y"]), "epochs=2 lr=0.1\n");
    assert.equal(
      await s.run(["run", "m:nope", "-y"]),
      text`
        guild: operation 'nope' is not defined for model 'm'
        Try 'guild operations m' for a list of available operations.
        <exit 1>
      `,
    );
  });

  test("runs show MODEL:OP", async () => {
    assert.equal(
      await s.run(["runs"]),
      text`
        [1:~1~]  m:train      <time>  completed  lr=0.1
        [2:~2~]  other:hello  <time>  completed  |
        [3:~3~]  m:train      <time>  completed  lr=0.5
        [4:~4~]  m:hello      <time>  completed  name=guild
      `,
    );
  });
});

describe("steps in a model's pipeline", () => {
  let p: TempProject;
  let s: Session;
  before(() => {
    p = tempProject("fixtures/projects/models");
    s = session({ cwd: p.cwd, home: p.home }, [p.root]);
  });
  after(() => p.cleanup());

  test("steps get the pipeline's model and its flags by reference", async () => {
    assert.equal(
      await s.run(["run", "m:pipeline", "lr=0.25", "-y"]),
      text`
        WARNING: [guild] run parameter stage used in 'train lr=\${lr} --stage' ignored
        INFO: [guild] running train: m:train lr=0.25
        epochs=2 lr=0.25
        INFO: [guild] running hello: m:hello name=lr-0.25
        hello lr-0.25
      `,
    );
  });
});
