/**
 * The scenario that defines the product: Guild's batch-stage-trials doctest,
 * driven through the built bin against the bundled example project.
 * (A `|` marks the end of a line whose trailing spaces matter.)
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { tempProject, type TempProject } from "../helpers/temp-project.js";
import { session, text, type Session } from "../helpers/transcript.js";

describe("seed: batch stage trials", () => {
  let p: TempProject;
  let s: Session;
  before(() => {
    p = tempProject("examples/say");
    s = session({ cwd: p.cwd, home: p.home }, [p.root]);
  });
  after(() => p.cleanup());

  test("stage three trials, the batch completes", async () => {
    assert.equal(
      await s.run(["run", "say.py", "msg=[a,b,c]", "--stage-trials", "-y"]),
      text`
        INFO: [guild] Staging trial ~1~: say.py (loud=no, msg=a)
        say.py staged as ~1~
        To start the operation, use 'guild run --start ~1~'
        INFO: [guild] Staging trial ~2~: say.py (loud=no, msg=b)
        say.py staged as ~2~
        To start the operation, use 'guild run --start ~2~'
        INFO: [guild] Staging trial ~3~: say.py (loud=no, msg=c)
        say.py staged as ~3~
        To start the operation, use 'guild run --start ~3~'
      `,
    );
    assert.equal(
      await s.run(["runs"]),
      text`
        [1:~3~]  say.py   <time>  staged     loud=no msg=c
        [2:~2~]  say.py   <time>  staged     loud=no msg=b
        [3:~1~]  say.py   <time>  staged     loud=no msg=a
        [4:~4~]  say.py+  <time>  completed  |
      `,
    );
  });

  test("a queue runs the staged trials, oldest first", async () => {
    assert.equal(
      await s.run(["run", "queue", "run-once=yes", "-y"]),
      text`
        INFO: [queue] <time> Processing staged runs
        INFO: [queue] <time> Starting staged run ~1~
        a
        INFO: [queue] <time> Starting staged run ~2~
        b
        INFO: [queue] <time> Starting staged run ~3~
        c
      `,
    );
    assert.equal(
      await s.run(["runs"]),
      text`
        [1:~3~]  say.py   <time>  completed  loud=no msg=c
        [2:~2~]  say.py   <time>  completed  loud=no msg=b
        [3:~1~]  say.py   <time>  completed  loud=no msg=a
        [4:~5~]  queue    <time>  completed  poll-interval=10 run-once=yes wait-for-running=no
        [5:~4~]  say.py+  <time>  completed  |
      `,
    );
  });

  test("a staged batch that stages trials, started later", async () => {
    assert.equal(await s.run(["runs", "rm", "-y"]), "Deleted 5 run(s)\n");
    const staged = await s.run(["run", "say.py", "msg=[a,b,c]", "--stage", "--stage-trials", "-y"]);
    assert.equal(
      staged,
      text`
        say.py+ staged as ~6~
        To start the operation, use 'guild run --start ~6~'
      `,
    );
    assert.equal(await s.run(["runs"]), "[1:~6~]  say.py+  <time>  staged  \n");
    assert.equal(
      await s.run(["run", "--start", idOf(s, "~6~"), "-y"]),
      text`
        INFO: [guild] Staging trial ~7~: say.py (loud=no, msg=a)
        say.py staged as ~7~
        To start the operation, use 'guild run --start ~7~'
        INFO: [guild] Staging trial ~8~: say.py (loud=no, msg=b)
        say.py staged as ~8~
        To start the operation, use 'guild run --start ~8~'
        INFO: [guild] Staging trial ~9~: say.py (loud=no, msg=c)
        say.py staged as ~9~
        To start the operation, use 'guild run --start ~9~'
      `,
    );
    assert.equal(
      await s.run(["runs"]),
      text`
        [1:~9~]  say.py   <time>  staged     loud=no msg=c
        [2:~8~]  say.py   <time>  staged     loud=no msg=b
        [3:~7~]  say.py   <time>  staged     loud=no msg=a
        [4:~6~]  say.py+  <time>  completed  |
      `,
    );
  });

  test("steps run a batch, and pass --stage-trials through", async () => {
    assert.equal(await s.run(["runs", "rm", "-y"]), "Deleted 4 run(s)\n");
    assert.equal(
      await s.run(["run", "say-many", "-y"]),
      text`
        INFO: [guild] running say.py: say.py msg=[hi, hello, hola]
        INFO: [guild] Running trial ~10~: say.py (loud=no, msg=hi)
        hi
        INFO: [guild] Running trial ~11~: say.py (loud=no, msg=hello)
        hello
        INFO: [guild] Running trial ~12~: say.py (loud=no, msg=hola)
        hola
      `,
    );
    assert.equal(
      await s.run(["runs"]),
      text`
        [1:~12~]  say.py    <time>  completed  loud=no msg=hola
        [2:~11~]  say.py    <time>  completed  loud=no msg=hello
        [3:~10~]  say.py    <time>  completed  loud=no msg=hi
        [4:~13~]  say.py+   <time>  completed  |
        [5:~14~]  say-many  <time>  completed  |
      `,
    );
    assert.equal(
      await s.run(["run", "say-many", "--stage-trials", "-y"]),
      text`
        INFO: [guild] running say.py: say.py --stage-trials msg=[hi, hello, hola]
        INFO: [guild] Staging trial ~15~: say.py (loud=no, msg=hi)
        say.py staged as ~15~
        To start the operation, use 'guild run --start ~15~'
        INFO: [guild] Staging trial ~16~: say.py (loud=no, msg=hello)
        say.py staged as ~16~
        To start the operation, use 'guild run --start ~16~'
        INFO: [guild] Staging trial ~17~: say.py (loud=no, msg=hola)
        say.py staged as ~17~
        To start the operation, use 'guild run --start ~17~'
      `,
    );
    assert.equal(
      await s.run(["runs"]),
      text`
        [1:~17~]   say.py    <time>  staged     loud=no msg=hola
        [2:~16~]   say.py    <time>  staged     loud=no msg=hello
        [3:~15~]   say.py    <time>  staged     loud=no msg=hi
        [4:~18~]   say.py+   <time>  completed  |
        [5:~19~]   say-many  <time>  completed  |
        [6:~12~]   say.py    <time>  completed  loud=no msg=hola
        [7:~11~]   say.py    <time>  completed  loud=no msg=hello
        [8:~10~]   say.py    <time>  completed  loud=no msg=hi
        [9:~13~]   say.py+   <time>  completed  |
        [10:~14~]  say-many  <time>  completed  |
      `,
    );
  });
});

function idOf(s: Session, name: string): string {
  const id = s.ids.idFor(name);
  assert.ok(id, `no id for ${name}`);
  return id;
}
