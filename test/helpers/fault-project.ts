/**
 * The fault tests' common ground: a temp copy of a fixture project with an
 * empty Guild home for each test (what a failed test left running is
 * killed), staging runs, a run's listed status, counting the lines an
 * operation appended to a file in its run dir.
 */
import { afterEach, beforeEach } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { guild, type GuildEnv } from "./guild-cli.js";
import { killLeftovers, listedRuns, shortIdOf } from "./runs.js";
import { tempProject, type TempProject } from "./temp-project.js";

export interface FaultProject {
  readonly p: TempProject;
  readonly g: GuildEnv;
}

/** Registers beforeEach/afterEach; read `p` and `g` inside tests only. */
export function useFaultProject(fixture: string, cleanup: () => void = () => {}): FaultProject {
  let p: TempProject | undefined;
  beforeEach(() => {
    p = tempProject(fixture);
  });
  afterEach(() => {
    cleanup();
    if (!p) return;
    killLeftovers(p.home);
    p.cleanup();
  });
  const current = () => {
    if (!p) throw new Error("no project outside a test");
    return p;
  };
  return {
    get p() {
      return current();
    },
    get g() {
      return { cwd: current().cwd, home: current().home };
    },
  };
}

/** Stages a run (`guild run ARGS --stage -y`); its directory. */
export async function stageRun(g: GuildEnv, args: readonly string[]): Promise<string> {
  const res = await guild(["run", ...args, "--stage", "-y"], g);
  assert.equal(res.exitCode, 0, res.stderr);
  return join(g.home, "runs", /staged as ([0-9a-f]{32})/.exec(res.stdout)?.[1] ?? "?");
}

/** The run's status as `guild runs --all` lists it. */
export async function listedStatus(g: GuildEnv, runDir: string): Promise<string | undefined> {
  return (await listedRuns(g)).find((r) => r.sid === shortIdOf(runDir))?.status;
}

/** Lines in a file an operation appends to (0 if it has none). */
export function lineCount(path: string): number {
  return existsSync(path) ? readFileSync(path, "utf8").split("\n").filter(Boolean).length : 0;
}
