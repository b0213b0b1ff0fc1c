/**
 * Changing runs through the built bin: labels, marks, and the rm → list
 * --deleted → restore → purge round trip, each prompt answered "no" first
 * (nothing may change) and then confirmed.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { guild, type GuildEnv } from "../helpers/guild-cli.js";
import { tempProject, type TempProject } from "../helpers/temp-project.js";
import { session, text, type Session } from "../helpers/transcript.js";

/** A prompt's transcript ends without a newline (the answer is not echoed). */
const prompt = (t: string) => t.replace(/\n$/, "");

describe("changing runs", () => {
  let p: TempProject;
  let g: GuildEnv;
  let s: Session;
  before(async () => {
    p = tempProject("fixtures/projects/manage");
    g = { cwd: p.cwd, home: p.home };
    await guild(["run", "exit.py", "code=0", "-y"], g);
    await guild(["run", "exit.py", "code=1", "-y"], g);
    await guild(["run", "exit.py", "code=2", "--stage", "-y"], g);
    s = session(g, [p.root]);
    await s.run(["runs"]); // names ~1~ ~2~ ~3~ in listing order
  });
  after(() => p.cleanup());

  const LISTING = text`
    [1:~1~]  exit.py  <time>  staged     code=2
    [2:~2~]  exit.py  <time>  error      code=1
    [3:~3~]  exit.py  <time>  completed  code=0
  `;

  test("label: a no changes nothing, then set, prepend, append, remove, clear", async () => {
    assert.equal(
      await s.run(["label", "-s", "tuned ${code}", "1:2"], "n\n"),
      prompt(text`
        You are about to label the following runs with 'tuned \${code}':
          [~1~]  exit.py  <time>  staged  code=2
          [~2~]  exit.py  <time>  error   code=1
        Continue? (Y/n) |
      `),
    );
    assert.equal(await s.run(["runs"]), LISTING);
    assert.equal(await s.run(["label", "-s", "tuned ${code}", "1:2", "-y"]), "Labeled 2 run(s)\n");
    assert.equal(await s.run(["runs", "label", "--prepend", "v1", "-y"]), "Labeled 1 run(s)\n");
    assert.equal(await s.run(["runs", "label", "-a", "was:${code}", "2", "-y"]), "Labeled 1 run(s)\n");
    assert.equal(
      await s.run(["runs"]),
      text`
        [1:~1~]  exit.py  <time>  staged     v1 tuned 2
        [2:~2~]  exit.py  <time>  error      tuned 1 was:1
        [3:~3~]  exit.py  <time>  completed  code=0
      `,
    );
    assert.equal(await s.run(["label", "-rm", "tuned", "--untag", "was:1", "-y", ":"]), "Labeled 3 run(s)\n");
    assert.equal(listedLabels(await s.run(["runs"])), "v1 2|1|code=0");
    assert.equal(await s.run(["label", "--clear", "2"], "\n"), prompt(text`
      You are about to clear the label of the following runs:
        [~2~]  exit.py  <time>  error  1
      Continue? (Y/n) |
    `).concat("Cleared label for 1 run(s)\n"));
    assert.equal(listedLabels(await s.run(["runs", "-U"])), "");
    assert.equal(await s.run(["runs", "-U"]), "[1:~2~]  exit.py  <time>  error  \n");
    assert.equal(await s.run(["label", "-s", "tuned ${code}", "-y", "1:3"]), "Labeled 3 run(s)\n");
    assert.equal(listedLabels(await s.run(["runs"])), "tuned 2|tuned 1|tuned 0");
  });

  test("label: bad options", async () => {
    assert.equal(
      await s.run(["label", "-y"]),
      text`
        guild: missing one of: --set, --append, --prepend, --remove, --clear
        Try \`guild label --help\` for more information.
        <exit 1>
      `,
    );
    assert.equal(
      await s.run(["runs", "label", "-s", "a", "-c"]),
      text`
        guild: --set and --clear cannot both be specified
        Try 'guild runs label --help' for more information.
        <exit 1>
      `,
    );
    assert.equal(
      await s.run(["label", "-s", "a", "zz"]),
      text`
        guild: could not find a run matching 'zz'
        Try 'guild runs list' for a list or 'guild label --help' for more information.
        <exit 1>
      `,
    );
  });

  test("mark: a no changes nothing; marks the latest unmarked run; --clear unmarks", async () => {
    assert.equal(
      await s.run(["mark"], "no\n"),
      prompt(text`
        You are about to mark the following runs:
          [~1~]  exit.py  <time>  staged  tuned 2
        Continue? (Y/n) |
      `),
    );
    assert.equal(await s.run(["runs", "-M"]), "");
    assert.equal(await s.run(["mark", "-y"]), "Marked 1 run(s)\n");
    assert.equal(await s.run(["runs", "mark", "-y"]), "Marked 1 run(s)\n");
    assert.equal(
      await s.run(["runs"]),
      text`
        [1:~1~]  exit.py [marked]  <time>  staged     tuned 2
        [2:~2~]  exit.py [marked]  <time>  error      tuned 1
        [3:~3~]  exit.py           <time>  completed  tuned 0
      `,
    );
    assert.equal(await s.run(["runs", "--unmarked"]), "[1:~3~]  exit.py  <time>  completed  tuned 0\n");
    assert.equal(await s.run(["mark", "--clear"], "n\n"), prompt(text`
      You are about to unmark the following runs:
        [~1~]  exit.py [marked]  <time>  staged  tuned 2
        [~2~]  exit.py [marked]  <time>  error   tuned 1
      Continue? (Y/n) |
    `));
    assert.equal((await s.run(["runs", "-M"])).split("\n").length - 1, 2);
    assert.equal(await s.run(["mark", "--clear", "-y"]), "Unmarked 2 run(s)\n");
    assert.equal(await s.run(["runs", "-M"]), "");
    assert.equal(await s.run(["mark", "--clear", "-y"]), "No runs to unmark.\n");
  });

  test("rm → list --deleted → restore → purge, with counts", async () => {
    assert.equal(
      await s.run(["runs", "rm", "2:3"], "n\n"),
      prompt(text`
        You are about to delete the following runs:
          [~2~]  exit.py  <time>  error      tuned 1
          [~3~]  exit.py  <time>  completed  tuned 0
        Delete 2 run(s)? (Y/n) |
      `),
    );
    assert.equal(listed(await s.run(["runs"])), "~1~ ~2~ ~3~");
    assert.equal(await s.run(["runs", "rm", "-y", "2:3"]), "Deleted 2 run(s)\n");
    assert.equal(listed(await s.run(["runs"])), "~1~");
    assert.equal(listed(await s.run(["runs", "list", "--deleted"])), "~2~ ~3~");
    assert.equal(
      await s.run(["runs", "restore", "1"], "n\n"),
      prompt(text`
        You are about to restore the following runs:
          [~2~]  exit.py  <time>  error  tuned 1
        Restore 1 run(s)? (Y/n) |
      `),
    );
    assert.equal(listed(await s.run(["runs", "-d"])), "~2~ ~3~");
    assert.equal(await s.run(["runs", "restore", "-y", "1"]), "Restored 1 run(s)\n");
    assert.equal(listed(await s.run(["runs"])), "~1~ ~2~");
    assert.equal(listed(await s.run(["runs", "-d"])), "~3~");
    // purge's default answer is no: an empty answer changes nothing.
    assert.equal(
      await s.run(["runs", "purge"], "\n"),
      prompt(text`
        WARNING: You are about to permanently delete the following runs:
          [~3~]  exit.py  <time>  completed  tuned 0
        Permanently delete 1 run(s)? (y/N) |
      `),
    );
    assert.equal(listed(await s.run(["runs", "-d"])), "~3~");
    assert.equal(await s.run(["runs", "purge", "-y"]), "Permanently deleted 1 run(s)\n");
    assert.equal(await s.run(["runs", "-d"]), "");
    assert.equal(await s.run(["runs", "purge", "-y"]), "Nothing to purge.\n");
    assert.equal(await s.run(["runs", "restore", "-y"]), "Nothing to restore.\n");
    assert.equal(listed(await s.run(["runs"])), "~1~ ~2~");
  });

  test("rm --permanent asks with a default of no, and skips the trash", async () => {
    assert.equal(
      await s.run(["runs", "rm", "-p", "-E"], "\n"),
      prompt(text`
        WARNING: You are about to permanently delete the following runs:
          [~2~]  exit.py  <time>  error  tuned 1
        Permanently delete 1 run(s)? (y/N) |
      `),
    );
    assert.equal(listed(await s.run(["runs"])), "~1~ ~2~");
    assert.equal(await s.run(["runs", "delete", "--permanent", "-y", "-E"]), "Permanently deleted 1 run(s)\n");
    assert.equal(listed(await s.run(["runs"])), "~1~");
    assert.equal(await s.run(["runs", "-d"]), "");
  });
});

function listed(out: string): string {
  return [...out.matchAll(/^\[\d+:(~\d+~)\]/gm)].map((m) => m[1]).join(" ");
}

function listedLabels(out: string): string {
  return [...out.matchAll(/^\[.*?\]  \S+ +<time>  \S+ +(.*)$/gm)].map((m) => m[1]).join("|");
}
