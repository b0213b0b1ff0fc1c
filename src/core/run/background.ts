/**
 * `guild run --background` / `--pidfile` (§6.5). After the usual checks and
 * prompt, this process starts itself again, detached (its own session, no
 * terminal), with the same arguments and the new run's id in the
 * environment; once that run exists it prints Guild's `started in
 * background` line, writes the pidfile (the detached process's pid) and
 * exits 0. The detached process runs the operation as a foreground `guild
 * run` would, writing output only to the run, and removes the pidfile at
 * the end. `guild runs stop` stops it.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "../util/random-bytes.js";
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import type { Ctx } from "../context.js";
import { runsDirFor } from "../home.js";
import { opDescFor, type OpRef } from "../store/opref.js";
import type { RunOptions } from "./options.js";
import type { RunResult } from "./run-op.js";

/** Set in the detached process: `<run id>:<pidfile>`. Never passed on to operations. */
export const BACKGROUND_ENV = "GUILD_BACKGROUND_RUN";

export interface BackgroundChild {
  runId: string;
  pidfile: string;
}

export interface BackgroundLaunch {
  runId: string;
  opref: OpRef;
  /** `--pidfile`, else a new `guild-pid-*` temp file. */
  pidfile?: string;
  relaunch: Relaunch;
}

/** How to start this command again: `[node, bin, ...args]` from `cwd`. */
export interface Relaunch {
  argv: readonly string[];
  cwd: string;
}

const POLL_MS = 50;

/** Takes (and removes) the detached process's settings from `env`. */
export function takeBackgroundChild(env: NodeJS.ProcessEnv): BackgroundChild | undefined {
  const value = env[BACKGROUND_ENV];
  if (value === undefined) return undefined;
  delete env[BACKGROUND_ENV];
  const colon = value.indexOf(":");
  return colon < 0 ? undefined : { runId: value.slice(0, colon), pidfile: value.slice(colon + 1) };
}

/**
 * The op in the message: the opspec, scripts relative to cwd, builtins by
 * their name (Guild prints `queue:queue`).
 */
export function opspecFor(opref: OpRef, cwd: string): string {
  if (opref.pkgType === "script") return relative(cwd, join(opref.pkgName, opref.opName));
  return opDescFor(opref);
}

export async function launchInBackground(req: BackgroundLaunch, ctx: Ctx): Promise<number> {
  const pidfile = req.pidfile ?? newTempPidfile();
  const pidfilePath = resolve(req.relaunch.cwd, pidfile);
  const [command = process.execPath, ...args] = req.relaunch.argv;
  const child = spawn(command, args, {
    cwd: req.relaunch.cwd,
    env: { ...ctx.env, [BACKGROUND_ENV]: `${req.runId}:${pidfilePath}` },
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  });
  // Written at once: the run may end (and remove it) before we return.
  if (child.pid !== undefined) writeFileSync(pidfilePath, `${child.pid}\n`);
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number>((resolve) => {
    child.once("error", (e) => {
      stderr += `guild: cannot start in background: ${e.message}\n`;
      resolve(1);
    });
    child.once("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
  const runDir = join(runsDirFor(ctx.home), req.runId);
  const outcome = await Promise.race([exited.then((code) => ({ code })), appeared(runDir, exited)]);
  if ("code" in outcome && !existsSync(runDir)) {
    // It ended (or failed) before making the run: its messages are ours to show.
    rmSync(pidfilePath, { force: true });
    ctx.out.stderr(stderr);
    return outcome.code;
  }
  ctx.out.stderr(`${opspecFor(req.opref, ctx.cwd)} started in background as ${req.runId} (pidfile ${pidfile})\n`);
  child.stderr?.destroy();
  child.unref();
  return 0;
}

async function appeared(runDir: string, exited: Promise<number>): Promise<{ appeared: true }> {
  let done = false;
  void exited.then(() => (done = true));
  while (!existsSync(runDir)) {
    if (done) return new Promise(() => {}); // the exit wins the race
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  return { appeared: true };
}

function newTempPidfile(): string {
  for (;;) {
    const path = join(tmpdir(), `guild-pid-${randomBytes(4).toString("hex")}`);
    try {
      closeSync(openSync(path, "wx"));
      return path;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
  }
}

/** In the detached process: runs `fn`, then removes the pidfile if it is still ours. */
export async function runAsBackgroundChild<T>(child: BackgroundChild, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } finally {
    try {
      if (readFileSync(child.pidfile, "utf8").trim() === String(process.pid)) rmSync(child.pidfile);
    } catch {
      // Already gone.
    }
  }
}

/** The `guild run` side: hands run `runId` (new, or one to restart) to a detached process. */
export async function startInBackground(runId: string, opref: OpRef, opts: RunOptions, ctx: Ctx): Promise<RunResult> {
  const bg = opts.background;
  if (!bg) throw new Error("startInBackground without --background");
  const exitCode = await launchInBackground({ runId, opref, pidfile: bg.pidfile, relaunch: bg.relaunch }, ctx);
  return { exitCode, runId };
}
