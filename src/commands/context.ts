/** The core `Ctx` for a command, from global options and the process. */
import { statSync } from "node:fs";
import { resolve } from "node:path";
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
  return { cwd, home, env: process.env, out: io.out };
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
