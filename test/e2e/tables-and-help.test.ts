/**
 * Tables are cut only on a terminal, to its width, with `…` (Guild 0.9's
 * cli.table cuts when stdout is a tty); in pipes and files lines stay whole.
 * The terminal is a real pty from util-linux `script`. Also the help texts
 * Guild users look for: `run --help` lists --restart, `runs --help` the
 * list options and filters.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { GUILD_BIN, exitOf, guild, guildEnv, type GuildEnv } from "../helpers/guild-cli.js";
import { tempProject, type TempProject } from "../helpers/temp-project.js";
import { shellJoin } from "../../src/core/util/shell-quote.js";

/** Runs guild on a pseudo-terminal of `columns` columns; its output with CRLF made LF. */
async function guildOnTerminal(args: readonly string[], g: GuildEnv, columns: number | undefined): Promise<string> {
  const cmd = shellJoin([process.execPath, GUILD_BIN, ...args]);
  const child = spawn("script", ["-qec", columns === undefined ? cmd : `stty cols ${columns}; ${cmd}`, "/dev/null"], {
    cwd: g.cwd,
    env: guildEnv({ ...g, env: { COLUMNS: undefined, ...g.env } }),
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  child.stdout?.on("data", (c: Buffer) => (out += c.toString()));
  assert.equal(await exitOf(child), 0);
  return out.replace(/\r\n/g, "\n");
}

describe("tables on terminals and in pipes", () => {
  let p: TempProject;
  let g: GuildEnv;
  const long = "x".repeat(100);
  before(async () => {
    p = tempProject("examples/say");
    g = { cwd: p.cwd, home: p.home };
    await guild(["run", "say.py", `msg=${long}`, "-y"], g);
  });
  after(() => p.cleanup());

  test("in a pipe a listing line is whole, whatever COLUMNS says", async () => {
    for (const columns of [undefined, "40"]) {
      const r = await guild(["runs"], { ...g, env: { COLUMNS: columns } });
      assert.match(r.stdout, new RegExp(`  completed  loud=no msg=${long}\n$`), String(columns));
    }
  });

  test("on a terminal a listing line is cut to its width, with an ellipsis", async () => {
    const out = await guildOnTerminal(["runs"], g, 40);
    const line = out.split("\n")[0] ?? "";
    assert.equal(line.length, 40);
    assert.match(line, /^\[1:[0-9a-f]{8}\]  say\.py  .*…$/);
  });

  test("COLUMNS sets the width on a terminal", async () => {
    const out = await guildOnTerminal(["runs"], { ...g, env: { COLUMNS: "30" } }, undefined);
    assert.equal(out.split("\n")[0]?.length, 30);
  });

  test("--print-trials is cut on a terminal and whole in a pipe", async () => {
    const args = ["run", "say.py", `msg=[${long},b]`, "--print-trials"];
    assert.equal((await guild(args, g)).stdout, `#  loud  msg\n1  no    ${long}\n2  no    b\n`);
    const lines = (await guildOnTerminal(args, g, 20)).split("\n");
    assert.deepEqual(lines.slice(0, 3), ["#  loud  msg", `1  no    ${"x".repeat(10)}…`, "2  no    b"]);
  });
});

describe("help texts", () => {
  let p: TempProject;
  before(() => (p = tempProject("examples/say")));
  after(() => p.cleanup());

  test("run --help lists --restart", async () => {
    const r = await guild(["run", "--help"], { cwd: p.cwd, home: p.home });
    assert.match(r.stdout, /\n  --restart <run> +Restart an existing run \(the same as --start\)\.\n/);
  });

  test("runs --help lists the list options and filters, then the commands", async () => {
    const r = await guild(["runs", "--help"], { cwd: p.cwd, home: p.home });
    assert.match(r.stdout, /^Usage: guild runs \[OPTIONS\] COMMAND \[ARGS\]\.\.\.\n/);
    for (const option of ["-a, --all", "-n, --limit <n>", "-d, --deleted", "--json", "-o, --operation <val>", "-l, --label <val>", "-M, --marked", "-S, --started <range>", "-C, --completed", "-G, --staged"]) {
      assert.ok(r.stdout.split("Commands:")[0]?.includes(`\n  ${option} `), option);
    }
    assert.match(r.stdout, /\nCommands:\n  list \[options\] +List runs\.\n/);
  });
});
