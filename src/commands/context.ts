/** The core `Ctx` for a command, from global options and the process. */
import { statSync } from "node:fs";
import { resolve } from "node:path";
import { createRequire } from "node:module";
import type { Command } from "commander";
import type { CliIo } from "./cli-io.js";
import type { Ctx } from "../core/context.js";
import { fail } from "../core/errors.js";
import { assertDirOrMissing, ensureGuildHome, guildHomeFor } from "../core/home.js";
import { msg } from "../core/messages.js";

export function contextFor(_cmd: Command, io: CliIo, opts: { createHome: boolean } = { createHome: true }): Ctx {
  const globals = io.globals;
  const cwd = globals.cwd ? resolve(globals.cwd) : process.cwd();
  if (globals.cwd && !isDir(cwd)) fail(msg.dirDoesNotExist(globals.cwd));
  const home = guildHomeFor(process.env, globals.home);
  if (opts.createHome) ensureGuildHome(home);
  else assertDirOrMissing(home);
  return {
    cwd,
    home,
    env: process.env,
    out: io.out,
    get interactive() {
      return stdinIsTty();
    },
  };
}

/**
 * isatty(0), not process.stdin.isTTY: making the stdin stream loads fs
 * streams and fs/promises (readline with it), for a flag. Asked for only
 * when a command may prompt: node:tty loads node:net and its bindings,
 * ~5% of a `guild runs`.
 */
function stdinIsTty(): boolean {
  // Any absolute path will do: only a builtin is required through it.
  const { isatty } = createRequire(process.execPath)("node:tty") as typeof import("node:tty");
  return isatty(0);
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
