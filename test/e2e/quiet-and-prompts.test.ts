/**
 * `-q/--quiet` keeps an operation's output off the terminal (Guild's
 * RunOutput with quiet=True) while the run still saves it; a question
 * answered by end of input says so and changes nothing.
 */
import { afterEach, beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { guild, type GuildEnv } from "../helpers/guild-cli.js";
import { tempProject, type TempProject } from "../helpers/temp-project.js";

describe("quiet runs and unanswered questions", () => {
  let p: TempProject;
  let g: GuildEnv;
  beforeEach(() => {
    p = tempProject("examples/say");
    g = { cwd: p.cwd, home: p.home };
  });
  afterEach(() => p.cleanup());
  const runIds = () => (existsSync(join(p.home, "runs")) ? readdirSync(join(p.home, "runs")) : []);

  test("-q shows nothing of the operation's output, which the run still saves", async () => {
    const r = await guild(["run", "say.py", "msg=hi", "-q", "-y"], g);
    assert.deepEqual([r.stdout, r.stderr, r.exitCode], ["", "", 0]);
    assert.equal((await guild(["cat", "--output"], g)).stdout, "hi\n");
  });

  test("-q on a batch hides its trials' output too", async () => {
    const r = await guild(["run", "say.py", "msg=[a,b]", "--quiet", "-y"], g);
    assert.deepEqual([r.stdout, r.stderr, r.exitCode], ["", "", 0]);
    assert.equal(runIds().length, 3);
    const batch = (JSON.parse((await guild(["runs", "--json"], g)).stdout) as { id: string; operation: string }[]).find((run) => run.operation === "say.py+");
    assert.ok(batch);
    assert.match((await guild(["cat", "--output", batch.id], g)).stdout, /Running trial .*msg=a\)\na\n.*msg=b\)\nb\n$/s);
  });

  test("-q on --start of a run hides its output", async () => {
    await guild(["run", "say.py", "msg=again", "-y"], g);
    const id = (await guild(["select"], g)).stdout.trim();
    const r = await guild(["run", "--start", id, "-q", "-y"], g);
    assert.deepEqual([r.stdout, r.stderr, r.exitCode], ["", "", 0]);
  });

  test("end of input at a question: a newline, a message, exit 1, nothing stored", async () => {
    const r = await guild(["run", "say.py", "msg=hi"], g, "");
    assert.equal(r.stderr, "You are about to run say.py\n  loud: no\n  msg: hi\nContinue? (Y/n) \nguild: no answer to the question (end of input); use -y to go ahead without asking\n");
    assert.deepEqual([r.stdout, r.exitCode], ["", 1]);
    assert.deepEqual(runIds(), []);
  });

  test("end of input at a runs command's question", async () => {
    await guild(["run", "say.py", "-y"], g);
    const r = await guild(["runs", "rm"], g, "");
    assert.match(r.stderr, /\(Y\/n\) \nguild: no answer to the question \(end of input\); use -y to go ahead without asking\n$/);
    assert.equal(r.exitCode, 1);
    assert.equal(runIds().length, 1);
  });
});
