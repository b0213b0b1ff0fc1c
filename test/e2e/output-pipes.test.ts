/**
 * Output that goes to a pipe, a file or /dev/null is written straight to the
 * descriptor (src/core/util/std-streams.ts): a reader that closes early ends
 * the output, not the command; what reaches a file is what reaches a pipe;
 * output that cannot be written (/dev/full) is said once, never as a stack
 * trace, and fails the command only once its work is done.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { closeSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { exitOf, GUILD_BIN, guild, guildEnv, type GuildEnv } from "../helpers/guild-cli.js";
import { tempProject, type TempProject } from "../helpers/temp-project.js";

const LINES = 20000;

describe("output to pipes and files", () => {
  let p: TempProject;
  let g: GuildEnv;
  before(async () => {
    p = tempProject("fixtures/projects/empty");
    g = { cwd: p.cwd, home: p.home };
    // Far more output than a pipe holds (64 KiB), so writes go on after the reader has gone.
    writeFileSync(join(p.cwd, "loud.py"), `for i in range(${LINES}):\n    print("line %05d " % i + "x" * 40)\n`);
    const r = await guild(["run", "loud.py", "-y", "-q"], g);
    assert.equal(r.exitCode, 0, r.stderr);
  });
  after(() => p.cleanup());

  test("a reader that closes after the first chunk: exit 0, nothing on stderr", async () => {
    const child = spawn(process.execPath, [GUILD_BIN, "cat", "--output", "1"], { cwd: g.cwd, env: guildEnv(g), stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    let first = "";
    child.stderr?.on("data", (c: Buffer) => (stderr += c.toString()));
    child.stdout?.once("data", (c: Buffer) => {
      first = c.toString();
      child.stdout?.destroy();
    });
    const code = await exitOf(child);
    assert.equal(stderr, "");
    assert.equal(code, 0);
    assert.match(first, /^line 00000 x{40}\n/);
  });

  test("to a file: every line, in order, as through a pipe", async () => {
    const path = join(p.root, "cat-output");
    const fd = openSync(path, "w");
    try {
      const child = spawn(process.execPath, [GUILD_BIN, "cat", "--output", "1"], { cwd: g.cwd, env: guildEnv(g), stdio: ["ignore", fd, fd] });
      assert.equal(await exitOf(child), 0);
    } finally {
      closeSync(fd);
    }
    const inFile = readFileSync(path, "utf8");
    const piped = await guild(["cat", "--output", "1"], g);
    assert.equal(piped.exitCode, 0);
    assert.equal(inFile, piped.stdout);
    const lines = inFile.split("\n").filter(Boolean);
    assert.equal(lines.length, LINES);
    assert.equal(lines.at(-1), `line ${String(LINES - 1).padStart(5, "0")} ${"x".repeat(40)}`);
  });

  /** guild with stdout to /dev/full (writes fail with ENOSPC) and stderr captured. */
  async function toFullDevice(args: readonly string[]): Promise<{ code: number; stderr: string }> {
    const fd = openSync("/dev/full", "w");
    try {
      const child = spawn(process.execPath, [GUILD_BIN, ...args], { cwd: g.cwd, env: guildEnv(g), stdio: ["ignore", fd, "pipe"] });
      let stderr = "";
      child.stderr?.on("data", (c: Buffer) => (stderr += c.toString()));
      return { code: await exitOf(child), stderr };
    } finally {
      closeSync(fd);
    }
  }

  const NO_SPACE = "guild: cannot write to standard output: no space left on device\n";

  test("stdout on a full device: said once on stderr, exit 1, no stack trace", async () => {
    const r = await toFullDevice(["cat", "--output", "1"]);
    assert.equal(r.stderr, NO_SPACE);
    assert.equal(r.code, 1);
  });

  test("a run whose terminal output cannot be written still completes, its output saved", async () => {
    const r = await toFullDevice(["run", "loud.py", "-y"]);
    assert.equal(r.code, 1);
    assert.equal(r.stderr.split(NO_SPACE).length - 1, 1, r.stderr);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
    const runs = await guild(["runs", "-n", "1"], g);
    assert.match(runs.stdout, /^\[1:[0-9a-f]{8}\]\s+loud\.py\s.*\bcompleted\b/);
    const saved = await guild(["cat", "--output", "1"], g);
    assert.equal(saved.stdout.split("\n").filter(Boolean).length, LINES);
  });
});
