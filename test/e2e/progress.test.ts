/**
 * The live progress line of batches and queues: drawn only when stderr is a
 * terminal (driven here through a pseudo-terminal made by util-linux
 * `script`), reaching the final count; through a pipe the output is exactly
 * the transcript, with no progress characters.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { exitOf, GUILD_BIN, guildCombined, guildEnv, type GuildEnv } from "../helpers/guild-cli.js";
import { IdNames, normalize } from "../helpers/normalize.js";
import { tempProject, type TempProject } from "../helpers/temp-project.js";

const quote = (s: string) => `'${s.replaceAll("'", "'\\''")}'`;

/** Runs guild with a pseudo-terminal as stdin, stdout and stderr; returns the raw bytes it wrote. */
async function guildInPty(args: readonly string[], g: GuildEnv): Promise<{ raw: string; exitCode: number }> {
  const command = [process.execPath, GUILD_BIN, ...args].map(quote).join(" ");
  const child = spawn("script", ["-qfec", command, "/dev/null"], {
    cwd: g.cwd,
    env: { ...guildEnv(g), TERM: "xterm", COLUMNS: undefined },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let raw = "";
  child.stdout?.on("data", (c: Buffer) => (raw += c.toString()));
  const exitCode = await exitOf(child);
  return { raw, exitCode };
}

// eslint-disable-next-line no-control-regex
const STATUS = /\r\u001b\[K(\u001b\[2m[^\r\n]*?\u001b\[22m)?/g;
const PROGRESS_CHARS = /[\r\u001b]/;

describe("progress line", () => {
  let p: TempProject;
  let g: GuildEnv;
  before(() => {
    p = tempProject("fixtures/projects/scalars");
    g = { cwd: p.cwd, home: p.home };
  });
  after(() => p.cleanup());

  test("a batch on a terminal shows done/total up to the final count; a pipe gets none of it", async () => {
    const args = ["run", "train.py", "x=[0.5,1,1.5]", "epochs=1", "-y"];
    const { raw, exitCode } = await guildInPty(args, g);
    assert.equal(exitCode, 0);
    const drawn = [...raw.matchAll(STATUS)].map((m) => m[1]).filter(Boolean);
    assert.match(drawn.join("\n"), /batch: 0\/3 trials, \d+:\d\d:\d\d elapsed/);
    assert.match(drawn.at(-1) ?? "", /batch: 3\/3 trials, \d+:\d\d:\d\d elapsed/);
    assert.ok(raw.endsWith("\r\u001b[K"), "the line is erased at the end");
    // Through a pipe: no progress characters, and the same lines the terminal
    // shows once the status line is taken out.
    const piped = await guildCombined(args, g);
    assert.equal(piped.exitCode, 0);
    assert.doesNotMatch(piped.output, PROGRESS_CHARS);
    assert.doesNotMatch(piped.output, /batch: /);
    const onTerminal = raw.replace(STATUS, "").replaceAll("\r\n", "\n");
    assert.equal(normalize(onTerminal, new IdNames()), normalize(piped.output, new IdNames()));
    assert.equal(piped.output.split("\n").filter((l) => l.startsWith("INFO: [guild] Running trial")).length, 3);
  });

  test("a queue draining staged runs counts them", async () => {
    for (const x of ["1", "2"]) {
      assert.equal((await guildCombined(["run", "train.py", `x=${x}`, "epochs=1", "--stage", "-y"], g)).exitCode, 0);
    }
    const { raw, exitCode } = await guildInPty(["run", "queue", "run-once=yes", "-y"], g);
    assert.equal(exitCode, 0);
    const drawn = [...raw.matchAll(STATUS)].map((m) => m[1]).filter(Boolean);
    assert.match(drawn.at(-1) ?? "", /queue: 2\/2 runs, \d+:\d\d:\d\d elapsed/);
    assert.equal(raw.replace(STATUS, "").split("\n").filter((l) => l.includes("Starting staged run")).length, 2);
  });
});
