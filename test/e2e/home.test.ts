/**
 * Which Guild home a command uses: `-H PATH` > `GUILD_HOME` > an active
 * conda env's or virtualenv's `.guild` > `~/.guild` (README "Where runs are
 * stored"). Each case runs the built bin with exactly the variables given (no
 * GUILD_HOME unless the case sets one) and finds the run where it must be,
 * and nowhere else.
 */
import { afterEach, beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { guild } from "../helpers/guild-cli.js";
import { tempProject, type TempProject } from "../helpers/temp-project.js";

let p: TempProject;
beforeEach(() => (p = tempProject("examples/say")));
afterEach(() => p.cleanup());

const dirs = () => ({ flag: join(p.root, "flag-home"), env: join(p.root, "env-home"), conda: join(p.root, "conda"), venv: join(p.root, "venv"), user: join(p.root, "user") });

function runsUnder(home: string): number {
  const runs = join(home, "runs");
  return existsSync(runs) ? readdirSync(runs).length : 0;
}

/** `guild [global] run say.py msg=hi -y` with only the given home variables (HOME is the temp user dir). */
async function runWith(global: string[], vars: Record<string, string | undefined>): Promise<void> {
  const d = dirs();
  const env = { GUILD_HOME: undefined, CONDA_PREFIX: undefined, VIRTUAL_ENV: undefined, HOME: d.user, ...vars };
  const r = await guild([...global, "run", "say.py", "msg=hi", "-y"], { cwd: p.cwd, home: "", env });
  assert.equal(r.exitCode, 0, r.stderr);
  assert.equal(r.stdout, "hi\n");
}

/** Exactly one run, in `where`; every other candidate home is empty. */
function assertOnlyIn(where: string): void {
  const d = dirs();
  const candidates = [d.flag, d.env, join(d.conda, ".guild"), join(d.venv, ".guild"), join(d.user, ".guild"), join(p.cwd, "rel-home")];
  for (const home of candidates) assert.equal(runsUnder(home), home === where ? 1 : 0, home);
}

describe("guild home resolution", () => {
  test("-H PATH wins over GUILD_HOME and active envs", async () => {
    const d = dirs();
    await runWith(["-H", d.flag], { GUILD_HOME: d.env, CONDA_PREFIX: d.conda, VIRTUAL_ENV: d.venv });
    assertOnlyIn(d.flag);
  });

  test("-HPATH (attached) as well", async () => {
    const d = dirs();
    await runWith([`-H${d.flag}`], { GUILD_HOME: d.env });
    assertOnlyIn(d.flag);
  });

  test("a relative -H is taken from the current directory", async () => {
    await runWith(["-H", "rel-home"], { GUILD_HOME: dirs().env });
    assertOnlyIn(join(p.cwd, "rel-home"));
  });

  test("GUILD_HOME wins over active envs", async () => {
    const d = dirs();
    await runWith([], { GUILD_HOME: d.env, CONDA_PREFIX: d.conda, VIRTUAL_ENV: d.venv });
    assertOnlyIn(d.env);
  });

  test("an active conda env: $CONDA_PREFIX/.guild (before a virtualenv)", async () => {
    const d = dirs();
    await runWith([], { CONDA_PREFIX: d.conda, VIRTUAL_ENV: d.venv });
    assertOnlyIn(join(d.conda, ".guild"));
  });

  test("an active virtualenv: $VIRTUAL_ENV/.guild", async () => {
    const d = dirs();
    await runWith([], { VIRTUAL_ENV: d.venv });
    assertOnlyIn(join(d.venv, ".guild"));
  });

  test("nothing set: ~/.guild", async () => {
    await runWith([], {});
    assertOnlyIn(join(dirs().user, ".guild"));
  });

  test("other commands read the same home: runs lists what -H holds", async () => {
    const d = dirs();
    await runWith(["-H", d.flag], { GUILD_HOME: d.env });
    const listed = await guild(["-H", d.flag, "runs"], { cwd: p.cwd, home: d.env });
    assert.match(listed.stdout, /^\[1:[0-9a-f]{8}\] +say\.py .* completed +loud=no msg=hi$/m);
    const other = await guild(["runs"], { cwd: p.cwd, home: d.env });
    assert.equal(other.stdout, "");
  });
});
