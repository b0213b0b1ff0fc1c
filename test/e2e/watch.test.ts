/**
 * `guild watch` follows a running run's output until it stops, then says
 * how it stopped (Guild's watch_impl: "Watching run ID" and "Run ID stopped
 * with a status of 'STATUS'" on stderr). The run is held mid-output by a
 * file the test creates, so nothing depends on timing.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { guild, startGuildIn, type GuildEnv } from "../helpers/guild-cli.js";
import { tempProject, type TempProject } from "../helpers/temp-project.js";
import { waitFor, waitForAsync } from "../helpers/wait.js";

const WAITER = `import os, sys, time
print("first", flush=True)
while not os.path.exists(sys.argv[1] if len(sys.argv) > 1 else release):
    time.sleep(0.05)
print("second", flush=True)
`;

describe("guild watch", () => {
  let p: TempProject;
  let g: GuildEnv;
  before(() => {
    p = tempProject("examples/say");
    g = { cwd: p.cwd, home: p.home };
    writeFileSync(join(p.cwd, "waiter.py"), `release = ""\n${WAITER}`);
  });
  after(() => p.cleanup());

  test("nothing running: Guild's message", async () => {
    const r = await guild(["watch"], g);
    assert.deepEqual([r.stdout, r.stderr, r.exitCode], ["", "guild: nothing to watch\nYou can view the output of a specific run using 'guild watch RUN'.\n", 1]);
  });

  test("follows the latest running run until it ends", async (t) => {
    const release = join(p.root, "release");
    const run = startGuildIn(p.root, ["run", "waiter.py", `release=${release}`, "-y"], g, "run");
    t.after(() => {
      if (!existsSync(release)) writeFileSync(release, "");
    });
    const id = await waitForAsync("the run to print", async () => {
      const runs = JSON.parse((await guild(["runs", "--json"], g)).stdout) as { id: string; status: string }[];
      return runs[0]?.status === "running" && run.output().includes("first") ? runs[0].id : undefined;
    });
    const watch = startGuildIn(p.root, ["watch"], g, "watch");
    await waitFor("watch to show the output so far", () => watch.output().includes("first\n"));
    assert.equal(existsSync(release), false);
    writeFileSync(release, "");
    assert.equal(await watch.exited, 0);
    assert.equal(await run.exited, 0);
    assert.equal(watch.output(), `Watching run ${id}\nfirst\nsecond\nRun ${id} stopped with a status of 'completed'\n`);
  });

  test("a run that has stopped: its output and status at once", async () => {
    await guild(["run", "say.py", "msg=done", "-y"], g);
    const r = await guild(["watch", "1"], g);
    assert.match(r.stderr, /^Watching run [0-9a-f]{32}\nRun [0-9a-f]{32} stopped with a status of 'completed'\n$/);
    assert.deepEqual([r.stdout, r.exitCode], ["done\n", 0]);
  });
});
