/** `guild operations` (`ops`) and `guild run OP --help-op`. */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { tempProject, type TempProject } from "../helpers/temp-project.js";
import { session, text, type Session } from "../helpers/transcript.js";

describe("operations", () => {
  let p: TempProject;
  let s: Session;
  before(() => {
    p = tempProject("fixtures/projects/manage");
    s = session({ cwd: p.cwd, home: p.home }, [p.root]);
  });
  after(() => p.cleanup());

  test("lists the project's operations; private ones with --all; filters", async () => {
    assert.equal(await s.run(["operations"]), "train  Train a model\n");
    assert.equal(await s.run(["ops", "-a"]), "_helper  A private operation\ntrain    Train a model\n");
    assert.equal(await s.run(["ops", "-a", "PRIVATE"]), "_helper  A private operation\n");
    assert.equal(await s.run(["ops", "nope"]), "");
    assert.equal(
      await s.run(["ops", "-v"]),
      text`
        train  Train a model
          main: exit
          flags:
            code: Exit code (default is 0)
            note: A note (default is null)
            optimizer: Optimizer to use (default is adam)
          details:
            Exits with the code it is given.
      `,
    );
  });

  test("--help-op shows the operation's flags", async () => {
    assert.equal(
      await s.run(["run", "train", "--help-op"]),
      text`
        Usage: guild run [OPTIONS] train [FLAG]...

          Train a model

          Exits with the code it is given.

          Use 'guild run --help' for a list of options.

        Flags:
          code       Exit code (default is 0)
          note       A note (default is none)
          optimizer  Optimizer to use (default is adam)

                     Choices:  adam, sgd
      `,
    );
  });

  test("--help-op of an unknown operation", async () => {
    assert.equal(
      await s.run(["run", "nope", "--help-op"]),
      text`
        guild: operation 'nope' is not defined for this project
        Try 'guild operations' for a list of available operations.
        <exit 1>
      `,
    );
  });
});
