/**
 * `guild merge` (Guild 0.9's merge_impl.py and run_merge.py). On the store
 * Guild AI 0.9.1 wrote (fixtures/guild-stores), the transcript is what the
 * real Guild 0.9.1 printed for the same commands on a fresh extraction
 * (project's say.py edited, COLUMNS=200); on our own runs, source code comes
 * from the run's `.guild/sourcecode` copy.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { appendFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { guildCombined } from "../helpers/guild-cli.js";
import { extractStore, relocateOprefs, type ExtractedStore } from "../helpers/guild-stores.js";
import { tempProject, type TempProject } from "../helpers/temp-project.js";
import { session, text } from "../helpers/transcript.js";

describe("guild merge on Guild 0.9.1's runs", () => {
  let store: ExtractedStore;
  before(() => {
    store = extractStore("guild-0.9.1");
    relocateOprefs(store);
    appendFileSync(join(store.project, "say.py"), "x\n");
    writeFileSync(join(store.project, "new.txt"), "junk\n");
  });
  after(() => store.cleanup());

  test("as Guild 0.9.1 printed it", async () => {
    const run = async (args: string[], cwd = store.project) => {
      const { output, exitCode } = await guildCombined(args, { cwd, home: store.home });
      return `${output.replaceAll(store.root, "<root>")}exit ${exitCode}\n`;
    };
    const out = [
      await run(["merge", "-p", "1"]),
      await run(["merge", "-p", "--replace", "1"]),
      await run(["merge", "-p", "--replace", "-a", "-x", "add*", "2"]),
      await run(["merge", "-y", "--replace", "-x", "add*", "1"]),
      await run(["merge", "-y", "-S", "1"]),
      await run(["merge", "-y", "1"], store.root),
    ].join("");
    assert.equal(
      out,
      text`
        guild: files in the current directory would be replaced:
          say.py
        Use --replace to skip this check.
        exit 1
        Merge will copy files from the following run to the current directory:
          [8e419802]  sleepy.py  2026-11-27 09:33:46  completed  seconds=0
        Files:
          say.py
        Skipped:
          add.py     unchanged
          fail.py    unchanged
          guild.yml  unchanged
          sleepy.py  unchanged
        exit 0
        Merge will copy files from the following run to the current directory:
          [a3d15429]  say.py  2026-11-27 09:33:45  completed  loud=no msg=hola
        Files:
          say.py
        Skipped:
          add.py     excluded
          fail.py    unchanged
          guild.yml  unchanged
          sleepy.py  unchanged
        exit 0
        Copying say.py
        exit 0
        Nothing to copy for the following run:
          [8e419802]  sleepy.py  2026-11-27 09:33:46  completed  seconds=0
        Try 'guild merge --preview' for a list of skipped files.
        exit 0
        guild: run 8e419802a081436ea6d96c2948bfef72 was created from a different project (<root>/project) - cannot merge to the current directory by default
        Use '--target-dir .' to override this check or try 'guild merge --help' for more information.
        exit 1
      `,
    );
    assert.equal(readFileSync(join(store.project, "say.py"), "utf8").endsWith("x\n"), false, "say.py was restored from the run");
  });
});

describe("guild merge on our runs", () => {
  let p: TempProject;
  before(async () => {
    p = tempProject("examples/say");
    writeFileSync(join(p.cwd, "gen.py"), 'msg = "hi"\nopen("out.txt", "w").write(msg + "\\n")\n');
    await guildCombined(["run", "gen.py", "-y"], { cwd: p.cwd, home: p.home });
  });
  after(() => p.cleanup());

  test("source code from the run's copy; --all adds what the run made; -t elsewhere", async () => {
    const s = session({ cwd: p.cwd, home: p.home }, [p.root]);
    appendFileSync(join(p.cwd, "gen.py"), "# edited\n");
    assert.equal(
      await s.run(["merge", "-p", "--replace", "-a"]),
      text`
        Merge will copy files from the following run to the current directory:
          [~1~]  gen.py  <time>  completed  msg=hi
        Files:
          gen.py
          out.txt
        Skipped:
          guild.yml  unchanged
          say.py     unchanged
      `,
    );
    assert.equal(await s.run(["merge", "--replace", "-t", "elsewhere"], "n\n"), text`
      You are about to copy files from the following run to 'elsewhere':
        [~1~]  gen.py  <time>  completed  msg=hi
      Files:
        gen.py
        guild.yml
        say.py
      1 file will not be copied (use --preview to show the full list)
    ` + "Continue? (y/N) ");
    assert.ok(!existsSync(join(p.cwd, "elsewhere")));
    assert.equal(await s.run(["merge", "-y", "--replace", "-a"]), "Copying gen.py\nCopying out.txt\n");
    assert.equal(readFileSync(join(p.cwd, "out.txt"), "utf8"), "hi\n");
    assert.ok(!readFileSync(join(p.cwd, "gen.py"), "utf8").includes("# edited"));
    assert.equal(await s.run(["merge", "-s", "-S"]), "guild: --sourcecode and --skip-sourcecode cannot both be specified\nTry 'guild merge --help' for more information.\n<exit 1>\n");
  });
});
