/**
 * `guild tensorboard`: prepares a temporary log dir (logdir.ts) for the
 * selected runs and runs `tensorboard` from PATH on it until TensorBoard
 * exits; then removes the log dir (unless kept). Ctrl-C and SIGTERM go to
 * TensorBoard (on a terminal it gets Ctrl-C itself; a TERM is passed on),
 * and this process waits for it, so the log dir is always cleaned up.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Ctx } from "../context.js";
import { fail } from "../errors.js";
import type { RunRow } from "../runs/list.js";
import { findExecutable } from "../util/find-executable.js";
import { prepareLogdir } from "./logdir.js";

export interface TensorboardOptions {
  host?: string;
  port?: number;
  hparams: boolean;
  /** Prepare the log dir, print where it is, and stop (kept). */
  testLogdir: boolean;
  keepLogdir: boolean;
  /** `name=value` options passed to TensorBoard as `--name value`. */
  tbOptions: readonly string[];
}

export async function runTensorboard(rows: readonly RunRow[], o: TensorboardOptions, ctx: Ctx): Promise<number> {
  const tbArgs = o.tbOptions.flatMap(tensorboardOption);
  const exe = o.testLogdir ? undefined : findTensorboard(ctx);
  const logdir = realpathSync(mkdtempSync(join(tmpdir(), "guild-tensorboard-")));
  try {
    ctx.out.stdout("Preparing runs for TensorBoard\n");
    prepareLogdir(logdir, rows, { hparams: o.hparams }, ctx);
    if (!exe) {
      ctx.out.stdout(`Initialized log dir ${logdir}\n`);
      return 0;
    }
    const args = ["--logdir", logdir, ...(o.host ? ["--host", o.host] : []), ...(o.port ? ["--port", String(o.port)] : []), ...tbArgs];
    return await runUntilExit(exe, args, ctx);
  } finally {
    if (o.keepLogdir && !o.testLogdir) ctx.out.stdout(`TensorBoard logs saved in ${logdir}\n`);
    if (!o.keepLogdir && !o.testLogdir) rmSync(logdir, { recursive: true, force: true });
  }
}

function findTensorboard(ctx: Ctx): string {
  const exe = findExecutable("tensorboard", ctx.env.PATH, ctx.cwd);
  if (exe) return exe;
  return fail(
    "cannot find 'tensorboard' on PATH\n" +
      "Install TensorBoard with 'pip install tensorboard' (in the environment whose bin is on PATH),\n" +
      "or use --test-logdir to prepare the log dir without starting TensorBoard.",
  );
}

function tensorboardOption(opt: string): string[] {
  const eq = opt.indexOf("=");
  if (eq < 1) fail(`invalid TensorBoard option '${opt}' - must be OPTION=VALUE`);
  return [`--${opt.slice(0, eq)}`, opt.slice(eq + 1)];
}

/** TensorBoard's exit status (128+N when a signal N ended it). */
function runUntilExit(exe: string, args: readonly string[], ctx: Ctx): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(exe, args, { cwd: ctx.cwd, env: ctx.env, stdio: "inherit" });
    const pass = (signal: NodeJS.Signals) => () => child.kill(signal);
    const onInt = pass("SIGINT");
    const onTerm = pass("SIGTERM");
    process.on("SIGINT", onInt);
    process.on("SIGTERM", onTerm);
    const done = () => {
      process.off("SIGINT", onInt);
      process.off("SIGTERM", onTerm);
    };
    child.on("error", (e) => {
      done();
      reject(e);
    });
    child.on("exit", (code, signal) => {
      done();
      resolve(code ?? 128 + (signal === "SIGINT" ? 2 : signal === "SIGKILL" ? 9 : 15));
    });
  });
}
