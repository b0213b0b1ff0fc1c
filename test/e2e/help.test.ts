/**
 * `guild help`: the project's operations and flags laid out as Guild 0.9.1's
 * `guild help -n` lays them out for the same projects
 * (fixtures/guild-outputs/help-*.txt, from the MODELS / BASE OPERATIONS
 * heading on; trailing spaces are not compared); imported flags included.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT, guild } from "../helpers/guild-cli.js";
import { tempProject } from "../helpers/temp-project.js";

const CASES: [string, string, string][] = [
  ["fixtures/projects/models", "MODELS", "help-models-0.9.1.txt"],
  ["examples/say", "BASE OPERATIONS", "help-say-0.9.1.txt"],
];

describe("guild help", () => {
  for (const [project, heading, fixture] of CASES) {
    test(`${project}: ${heading} as Guild shows them`, async () => {
      const p = tempProject(project);
      try {
        const r = await guild(["help"], { cwd: p.cwd, home: p.home, env: { NO_IMPORT_FLAGS_PROGRESS: "1" } });
        assert.equal(r.exitCode, 0, r.stderr);
        assert.match(r.stdout, /^OVERVIEW\n\n {4}\S/);
        const section = r.stdout.slice(r.stdout.indexOf(`\n${heading}\n`) + 1).replace(/ +$/gm, "");
        assert.equal(section, readFileSync(join(REPO_ROOT, "fixtures", "guild-outputs", fixture), "utf8"));
      } finally {
        p.cleanup();
      }
    });
  }

  test("no guild.yml: an error", async () => {
    const p = tempProject("fixtures/projects/empty");
    try {
      const r = await guild(["help"], { cwd: p.cwd, home: p.home });
      assert.deepEqual([r.stdout, r.stderr, r.exitCode], ["", `guild: there is no guild.yml in ${p.cwd}\nTry 'guild help --help' for more information.\n`, 1]);
    } finally {
      p.cleanup();
    }
  });
});
