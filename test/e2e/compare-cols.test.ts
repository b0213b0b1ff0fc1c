/**
 * `guild compare` columns: an operation's `compare:` in guild.yml and
 * `-c/--cols`, `-cc/--strict-cols` (Guild's column specs, guild/query).
 * The expected tables are what Guild AI 0.9.1 printed for the same store
 * (the three runs below, made by us): `COLUMNS=200 guild compare -t ...`
 * and `guild compare --csv - ...` from the project dir, ids and times normalised.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { tempProject, type TempProject } from "../helpers/temp-project.js";
import { session, text, type Session } from "../helpers/transcript.js";

const dur = (s: string) => s.replace(/\b\d+:\d\d:\d\d\b/g, "<dur>");

describe("guild compare columns", () => {
  let p: TempProject;
  let s: Session;
  before(async () => {
    p = tempProject("fixtures/projects/compare-cols");
    s = session({ cwd: p.cwd, home: p.home }, [p.root]);
    // Named in order of first appearance, newest first: ~3~, ~2~, ~1~.
    await s.run(["run", "train", "x=0.5", "-y"]);
    await s.run(["run", "train", "x=1.5", "-l", "hello", "-y"]);
    await s.run(["run", "plain", "x=3", "-y"]);
  });
  after(() => p.cleanup());

  test("compare: in guild.yml replaces the op's flag and scalar columns", async () => {
    assert.equal(
      dur(await s.run(["compare", "-t"])),
      text`
        run       operation  started              time     status     label           epochs  x    step  acc       loss      best      best_step
        ~1~  plain      <time>  <dur>  completed  epochs=3 x=3    3       3    3     0.966666  0.333333            |
        ~2~  train      <time>  <dur>  completed  hello                   1.5                            0.083333  3
        ~3~  train      <time>  <dur>  completed  epochs=3 x=0.5          0.5                            0.75      3
      `,
    );
    const order = (await s.run(["compare", "-t", "--min", "best"])).split("\n").slice(1, -1).map((l) => l.split(/\s+/)[0]);
    assert.deepEqual(order, ["~2~", "~3~", "~1~"]);
  });

  test("-c adds columns: qualifiers, steps, names, flags, attributes", async () => {
    assert.equal(
      dur(await s.run(["compare", "--csv", "-", "-c", "=epochs,max acc step,count loss,avg loss as avgloss,.op,.op_model,.stopped"])),
      text`
        run,operation,started,time,status,label,epochs,x,step,acc,loss,best,best_step,acc step,avgloss,op,op_model,stopped
        ~1~,plain,<time>,<dur>,completed,epochs=3 x=3,3,3,3,0.9666666388511658,3,,,3,0.6111111144224802,plain,,<time>
        ~2~,train,<time>,<dur>,completed,hello,3,1.5,,,3,0.0833333358168602,3,3,0.15277777860562006,train,,<time>
        ~3~,train,<time>,<dur>,completed,epochs=3 x=0.5,3,0.5,,,3,0.75,3,3,1.375,train,,<time>
      `,
    );
    assert.equal(
      dur(await s.run(["compare", "-t", "-c", "first loss as 'first loss',total acc as 'tot acc',loss,acc"])).split("\n")[1],
      "~1~  plain      <time>  <dur>  completed  epochs=3 x=3    3       3    3     0.966666  0.333333                       1.0         2.816666",
    );
  });

  test("-cc shows only the given columns", async () => {
    assert.equal(
      await s.run(["compare", "-t", "-cc", ".run,min loss"]),
      text`
        run       loss
        ~1~  0.333333
        ~2~  0.083333
        ~3~  0.75
      `,
    );
  });

  test("a bad spec: Guild's parse error, here an error (Guild warns and drops it)", async () => {
    assert.equal(
      await s.run(["compare", "-t", "-c", "minn loss"]),
      text`
        guild: invalid column spec 'minn loss': unexpected token 'loss', line 1, pos 12
        Try 'guild compare --help' for the column spec syntax.
        <exit 1>
      `,
    );
    assert.equal(await s.run(["compare", "-c", "x", "-cc", "y"]), "guild: --cols cannot be used with --strict-cols\n<exit 1>\n");
  });
});
