/**
 * `guild completion`: the bash script, run by a real bash against the
 * built bin, completes commands, the project's operations, an operation's
 * flags (imported from its script) and run ids; zsh and fish scripts call
 * the same `--complete` entry point.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { GUILD_BIN, guild, guildEnv, type GuildEnv } from "../helpers/guild-cli.js";
import { tempProject, type TempProject } from "../helpers/temp-project.js";

describe("guild completion", () => {
  let p: TempProject;
  let g: GuildEnv;
  let script: string;
  before(async () => {
    p = tempProject("examples/say");
    const bin = join(p.root, "bin");
    mkdirSync(bin);
    // `guild` on PATH, as an installed bin would be.
    writeFileSync(join(bin, "guild"), `#!/bin/sh\nexec "${process.execPath}" "${GUILD_BIN}" "$@"\n`);
    chmodSync(join(bin, "guild"), 0o755);
    g = { cwd: p.cwd, home: p.home, env: { PATH: `${bin}:${process.env.PATH ?? ""}` } };
    await guild(["run", "say.py", "msg=hi", "-y"], g);
    script = (await guild(["completion", "--shell", "bash"], g)).stdout;
  });
  after(() => p.cleanup());

  /** COMPREPLY for a bash command line; `|` marks the word being completed (the last). */
  function bashComplete(line: string): string[] {
    const words = line.replace("|", "").split(" ");
    const program = `${script}\nCOMP_WORDS=(${words.map((w) => `'${w}'`).join(" ")}); COMP_CWORD=${words.length - 1}\n_guild_complete\nprintf '%s\\n' "\${COMPREPLY[@]}"\n`;
    // stdin not a socket (Node's default pipes are socketpairs): bash takes a
    // socket on stdin for an ssh login and reads ~/.bashrc, which on a machine
    // with pyenv runs `pyenv init` (~1 s of CPU) before each completion.
    return execFileSync("bash", ["-c", program], { cwd: p.cwd, env: guildEnv(g), encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] })
      .split("\n")
      .filter(Boolean);
  }

  test("commands, operations, imported flags, options and run ids, through bash", async () => {
    assert.deepEqual(bashComplete("guild ru|"), ["run", "runs"]);
    assert.deepEqual(bashComplete("guild run say|"), ["say-many", "say-with-label", "say.py"]);
    assert.deepEqual(bashComplete("guild run say.py |"), ["loud=", "msg="]);
    assert.deepEqual(bashComplete("guild run --stage-t|"), ["--stage-trials"]);
    const id = (await guild(["select", "-s"], g)).stdout.trim();
    assert.deepEqual(bashComplete("guild runs info |"), [id]);
    assert.deepEqual(bashComplete("guild tag --|").filter((o) => o === "--add" || o === "--list-all"), ["--add", "--list-all"]);
  });

  test("zsh and fish scripts use the same entry point; an unknown shell is refused", async () => {
    for (const shell of ["zsh", "fish"]) {
      const r = await guild(["completion", "-s", shell], g);
      assert.match(r.stdout, /guild completion --complete .* -- /, shell);
    }
    const r = await guild(["completion", "-s", "tcsh"], g);
    assert.deepEqual([r.stderr, r.exitCode], ["guild: invalid value for '-s' / '--shell': 'tcsh' is not one of bash, zsh, fish\n", 1]);
  });
});
