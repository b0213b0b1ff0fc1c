/**
 * Runs the built `guild` bin as a user would: a real process, a temp
 * GUILD_HOME, a project dir as cwd. `combined` captures stdout and stderr
 * through one file so their order is exactly what a terminal would show.
 */
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
export const GUILD_BIN = join(REPO_ROOT, "bin", "guild.js");

export interface GuildEnv {
  cwd: string;
  home: string;
  env?: Record<string, string | undefined>;
}

export interface GuildResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export function guildEnv(g: GuildEnv): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    LANG: "C.UTF-8",
    GUILD_HOME: g.home,
    COLUMNS: "200",
    NO_IMPORT_FLAGS_PROGRESS: "1",
    ...g.env,
  };
}

/** Runs guild with separate stdout and stderr. */
export function guild(args: readonly string[], g: GuildEnv, input?: string): Promise<GuildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [GUILD_BIN, ...args], { cwd: g.cwd, env: guildEnv(g) });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ stdout, stderr, exitCode: code ?? -(signal ? 1 : 0) }));
    child.stdin.end(input ?? "");
  });
}

/** Runs guild with stdout and stderr interleaved as a terminal shows them. */
export async function guildCombined(args: readonly string[], g: GuildEnv, input?: string): Promise<{ output: string; exitCode: number }> {
  const dir = mkdtempSync(join(tmpdir(), "guild-out-"));
  const path = join(dir, "output");
  const fd = openSync(path, "w");
  try {
    const child = spawn(process.execPath, [GUILD_BIN, ...args], { cwd: g.cwd, env: guildEnv(g), stdio: ["pipe", fd, fd] });
    child.stdin?.end(input ?? "");
    const exitCode = await exitOf(child);
    return { output: readFileSync(path, "utf8"), exitCode };
  } finally {
    closeSync(fd);
    rmSync(dir, { recursive: true, force: true });
  }
}

export function exitOf(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve(code ?? (signal ? 128 + 15 : 0)));
  });
}

/** Starts guild without waiting (queues, signals); stdio to a file. */
export function spawnGuild(args: readonly string[], g: GuildEnv, outFd: number): ChildProcess {
  return spawn(process.execPath, [GUILD_BIN, ...args], { cwd: g.cwd, env: guildEnv(g), stdio: ["ignore", outFd, outFd] });
}

/** A guild started in the background, its output going to `<dir>/<name>.out`. */
export function startGuildIn(dir: string, args: readonly string[], g: GuildEnv, name = "guild") {
  const path = join(dir, `${name}.out`);
  const fd = openSync(path, "w");
  const child = spawnGuild(args, g, fd);
  const exited = exitOf(child).finally(() => closeSync(fd));
  return { child, exited, output: () => readFileSync(path, "utf8") };
}

/** Runs guild and returns its stdout, failing the test (with stderr) unless it exits 0. */
export async function guildOk(args: readonly string[], g: GuildEnv): Promise<string> {
  const r = await guild(args, g);
  assert.equal(r.exitCode, 0, r.stderr);
  return r.stdout;
}
