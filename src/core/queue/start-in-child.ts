/**
 * Starts a staged batch, steps or queue run in its own `guild run --start`
 * process, as Guild's queue starts every run. The run's LOCK then names that
 * process, so stopping the run (`guild runs stop`) stops it and what it
 * started, not the queue. The queue's claim passes to the child process
 * (see `claimForStart` in store/claim.ts); if the child never takes it, the
 * queue still holds it afterwards. If the queue dies, the child stops too
 * (run/supervision.ts).
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import type { Ctx } from "../context.js";
import { packageRoot } from "../package-info.js";
import { trackChild } from "../run/termination.js";
import { envToFollowParent } from "../run/supervision.js";

export function startInChildGuild(runDir: string, extraEnv: Record<string, string>, ctx: Ctx): Promise<number> {
  const argv = [join(packageRoot(), "bin", "guild.js"), "-H", ctx.home, "run", "-y", "--start", runDir];
  const child = spawn(process.execPath, argv, {
    cwd: ctx.cwd,
    env: envToFollowParent({ ...ctx.env, ...extraEnv, NO_RESTARTING_MSG: "1" }),
    // Its stdin is a pipe from us that it watches: if we die, it stops.
    stdio: ["pipe", "pipe", "pipe"],
    detached: true,
  });
  return new Promise((resolve) => {
    child.once("error", (e) => {
      ctx.out.stderr(`guild: cannot start ${process.execPath}: ${e.message}\n`);
      resolve(127);
    });
    if (child.pid === undefined) return;
    trackChild(child);
    child.stdin.on("error", () => {}); // it has exited
    child.once("exit", () => child.stdin.destroy());
    child.stdout.on("data", (chunk: Buffer) => ctx.out.stdout(chunk));
    child.stderr.on("data", (chunk: Buffer) => ctx.out.stderr(chunk));
    child.once("close", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}
