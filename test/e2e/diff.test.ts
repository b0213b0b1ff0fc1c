/**
 * `guild diff`: which paths of two runs are handed to the diff program
 * (Guild 0.9's diff_impl.py: attrs, flags, env, deps, output, source code,
 * PATHs, a directory), and the program's own output passed through.
 * `--cmd echo` shows the exact paths; `diff -ru` the real thing.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempProject, type TempProject } from "../helpers/temp-project.js";
import { session, text, type Session } from "../helpers/transcript.js";

/** diff's `---`/`+++` lines end with a tab and the file's mtime. */
const noMtimes = (s: string) => s.replace(/\t.*$/gm, "");

describe("guild diff", () => {
  let p: TempProject;
  let s: Session;
  before(async () => {
    p = tempProject("examples/say");
    s = session({ cwd: p.cwd, home: p.home }, [p.root]);
    await s.run(["run", "say.py", "msg=hi", "-y"]); // ~1~
    writeFileSync(join(p.cwd, "say.py"), `# changed\n${readFileSync(join(p.cwd, "say.py"), "utf8")}`);
    await s.run(["run", "say.py", "msg=ho", "-y"]); // ~2~
  });
  after(() => p.cleanup());

  test("no RUN: the latest two, older first; --flags and --output through diff -ru", async () => {
    assert.equal(
      noMtimes(await s.run(["diff", "--flags", "--output"])),
      text`
        --- <tmp>/home/runs/~1~/.guild/attrs/flags
        +++ <tmp>/home/runs/~2~/.guild/attrs/flags
        @@ -1,2 +1,2 @@
         loud: false
        -msg: hi
        +msg: ho
        --- <tmp>/home/runs/~1~/.guild/output
        +++ <tmp>/home/runs/~2~/.guild/output
        @@ -1 +1 @@
        -hi
        +ho
      `,
    );
  });

  test("the paths each option names, in Guild's order", async () => {
    const paths = (args: string[]) => s.run(["diff", "-c", "echo", ...args]);
    assert.equal(await paths([]), "<tmp>/home/runs/~1~ <tmp>/home/runs/~2~\n");
    assert.equal(await paths(["2", "1"]), "<tmp>/home/runs/~1~ <tmp>/home/runs/~2~\n");
    assert.equal(await paths(["1", "2"]), "<tmp>/home/runs/~2~ <tmp>/home/runs/~1~\n");
    assert.equal(
      await paths(["-e", "-D", "-O", "-p", "a.txt"]),
      text`
        <tmp>/home/runs/~1~/.guild/attrs/env <tmp>/home/runs/~2~/.guild/attrs/env
        <tmp>/home/runs/~1~/.guild/attrs/deps <tmp>/home/runs/~2~/.guild/attrs/deps
        <tmp>/home/runs/~1~/.guild/output <tmp>/home/runs/~2~/.guild/output
        <tmp>/home/runs/~1~/a.txt <tmp>/home/runs/~2~/a.txt
      `,
    );
    assert.equal(
      await paths(["-a", "-f"]),
      text`
        WARNING: ignoring --flags (already included in --attrs)
        <tmp>/home/runs/~1~/.guild/attrs <tmp>/home/runs/~2~/.guild/attrs
      `,
    );
    assert.equal(await paths(["-s", "-p", "say.py"]), "<tmp>/home/runs/~1~/.guild/sourcecode/say.py <tmp>/home/runs/~2~/.guild/sourcecode/say.py\n");
    assert.equal(await paths(["1", "--dir", "."]), "<tmp>/home/runs/~2~ <tmp>/project\n");
    assert.equal(await paths(["-w", "1"]), "<tmp>/home/runs/~2~/.guild/sourcecode <tmp>/project\n");
  });

  test("--sourcecode: the copies differ where the script was edited", async () => {
    const out = noMtimes(await s.run(["diff", "-s", "-p", "say.py", "--cmd", "diff -u"])).split("\n");
    assert.deepEqual(out.slice(0, 4), [
      "--- <tmp>/home/runs/~1~/.guild/sourcecode/say.py",
      "+++ <tmp>/home/runs/~2~/.guild/sourcecode/say.py",
      "@@ -1,3 +1,4 @@",
      "+# changed",
    ]);
  });

  test("bad uses: Guild's messages, exit 1", async () => {
    assert.equal(
      await s.run(["diff", "1"]),
      text`
        guild: diff requires two runs
        Try specifying a second RUN or 'guild diff --help' for more information.
        <exit 1>
      `,
    );
    assert.equal(await s.run(["diff", "1", "2", "--dir", "."]), "guild: cannot specify second RUN and --dir\n<exit 1>\n");
    assert.equal(await s.run(["diff", "1", "2", "-w"]), "guild: cannot specify second RUN and --working\n<exit 1>\n");
    assert.equal(
      await s.run(["diff", "-w", "-s"]),
      "guild: --working and --sourcecode cannot both be specified\nTry 'guild diff --help' for more information.\n<exit 1>\n",
    );
    // A long index: a run id can also match a spec by prefix, and '9' began one of the two ids 1 time in 8.
    assert.equal(await s.run(["diff", "1", "999999999"]), "guild: could not find a run matching '999999999'\nTry 'guild runs list' for a list or 'guild diff --help' for more information.\n<exit 1>\n");
    assert.match(await s.run(["diff", "-c", "no-such-diff-tool"]), /^guild: error running 'no-such-diff-tool <tmp>\/home\/runs\/~1~ <tmp>\/home\/runs\/~2~': .*No such file or directory.*\n<exit 1>\n$/);
  });
});
