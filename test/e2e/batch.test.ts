/** Grid batches: order, failing trials. */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { tempProject, type TempProject } from "../helpers/temp-project.js";
import { session, text, type Session } from "../helpers/transcript.js";

describe("grid batch", () => {
  let p: TempProject;
  let s: Session;
  before(() => {
    p = tempProject("fixtures/projects/queue");
    s = session({ cwd: p.cwd, home: p.home }, [p.root]);
  });
  after(() => p.cleanup());

  test("a failing trial does not stop the batch, which completes", async () => {
    assert.equal(
      await s.run(["run", "fail.py", "code=[0,5,0]", "-y"]),
      text`
        INFO: [guild] Running trial ~1~: fail.py (code=0)
        failing with 0
        INFO: [guild] Running trial ~2~: fail.py (code=5)
        failing with 5
        ERROR: [guild] trial ~2~ exited with an error (see log for details)
        INFO: [guild] Running trial ~3~: fail.py (code=0)
        failing with 0
      `,
    );
    assert.equal(
      await s.run(["runs"]),
      text`
        [1:~3~]  fail.py   <time>  completed  code=0
        [2:~2~]  fail.py   <time>  error      code=5
        [3:~1~]  fail.py   <time>  completed  code=0
        [4:~4~]  fail.py+  <time>  completed  |
      `,
    );
  });

  test("trials run in Guild's grid order: flags sorted, first varies slowest", async () => {
    const out = await s.run(["run", "record.py", "n=[2,1]", "log=[b,a]", "--stage-trials", "-y"]);
    const trials = [...out.matchAll(/Staging trial ~\d+~: record\.py \((.*)\)/g)].map((m) => m[1]);
    assert.deepEqual(trials, ["log=b, n=2", "log=b, n=1", "log=a, n=2", "log=a, n=1"]);
  });
});
