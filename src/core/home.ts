/**
 * Where the run store lives: `-H PATH` > `GUILD_HOME` > `$CONDA_PREFIX/.guild`
 * > `$VIRTUAL_ENV/.guild` > `~/.guild`, as Guild resolves it.
 */
import { mkdirSync, statSync, writeFileSync, existsSync } from "node:fs";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { fail } from "./errors.js";
import { msg } from "./messages.js";
import { storeWriteReason } from "./store/write-errors.js";

export function guildHomeFor(env: NodeJS.ProcessEnv, explicit?: string): string {
  if (explicit) return resolve(explicit);
  if (env.GUILD_HOME) return resolve(env.GUILD_HOME);
  if (env.CONDA_PREFIX) return join(env.CONDA_PREFIX, ".guild");
  if (env.VIRTUAL_ENV) return join(env.VIRTUAL_ENV, ".guild");
  return join(homedir(), ".guild");
}

export function runsDirFor(home: string): string {
  return join(home, "runs");
}

export function trashRunsDirFor(home: string): string {
  return join(home, "trash", "runs");
}

/**
 * Creates the home (and its `.guild-nocopy` marker, which keeps a home inside
 * a project out of source-code copies) when missing; fails clearly when the
 * path exists but is not a usable directory.
 */
export function ensureGuildHome(home: string): void {
  assertDirOrMissing(home);
  const runs = runsDirFor(home);
  if (existsSync(runs)) return;
  try {
    mkdirSync(runs, { recursive: true });
    writeFileSync(join(home, ".guild-nocopy"), "");
  } catch (e) {
    fail(`cannot create guild home '${home}': ${storeWriteReason(e) ?? (e as Error).message}`);
  }
}

export function assertDirOrMissing(path: string): void {
  let isDir: boolean;
  try {
    isDir = statSync(path).isDirectory();
  } catch {
    return;
  }
  if (!isDir) fail(msg.homeNotADirectory(path));
}
