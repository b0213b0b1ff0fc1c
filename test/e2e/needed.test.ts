/** `guild run --needed`: skip a run that already did what this one would. */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { tempProject, type TempProject } from "../helpers/temp-project.js";
import { session, text, type Session } from "../helpers/transcript.js";

describe("guild run --needed", () => {
  let p: TempProject;
  let s: Session;
  before(() => {
    p = tempProject("examples/say");
    s = session({ cwd: p.cwd, home: p.home }, [p.root]);
  });
  after(() => p.cleanup());

  test("skips a run whose operation and flags already ran; runs one that differs", async () => {
    assert.equal(await s.run(["run", "say.py", "msg=hi", "-y"]), "hi\n");
    assert.equal(
      await s.run(["run", "say.py", "msg=hi", "--needed", "-y"]),
      text`
        Skipping because the following runs match this operation (--needed specified):
          [1:~1~]  say.py  <time>  completed  loud=no msg=hi
      `,
    );
    assert.equal(await s.run(["run", "say.py", "msg=ho", "--needed", "-y"]), "ho\n");
  });

  test("a batch matches a batch of the same operation and flags", async () => {
    await s.run(["run", "say.py", "msg=[a,b]", "-y"]);
    const again = await s.run(["run", "say.py", "msg=[a,b]", "--needed", "-y"]);
    assert.match(again, /^Skipping because the following runs match this operation \(--needed specified\):\n  \[\d+:~\d+~\]  say\.py\+  <time>  completed  \n$/);
    assert.match(await s.run(["run", "say.py", "msg=[a,c]", "--needed", "-y"]), /Running trial/);
  });
});
