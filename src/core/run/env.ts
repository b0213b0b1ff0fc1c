/** The environment an operation process runs with (§3.6). */
import type { Ctx } from "../context.js";
import type { FlagMap } from "../flags/value.js";
import type { Operation } from "../op/operation.js";
import { pythonDir } from "../package-info.js";
import { flagEnvFor } from "./command.js";
import { cmdFlagsFor, SOURCECODE_DIR } from "./op-attr.js";

export interface RunEnvRequest {
  op: Operation;
  runDir: string;
  runId: string;
  flags: FlagMap;
  extra?: Record<string, string>;
}

export function runEnvFor(req: RunEnvRequest, ctx: Ctx): Record<string, string> {
  return { ...sharedRunEnv(req.op, ctx), ...ownRunEnv(req) };
}

/**
 * What the environment of every run of `op` in this context holds alike.
 * None of its names is one `ownRunEnv` sets before its flags, so the two
 * spread in order give what one list in Guild's order gave.
 */
export function sharedRunEnv(op: Operation, ctx: Ctx): Record<string, string> {
  const base: Record<string, string> = {};
  for (const [k, v] of Object.entries(ctx.env)) if (v !== undefined && k !== "_") base[k] = v;
  const { PYTHONPATH: opPythonPath, ...cmdEnv } = op.cmdEnv;
  const env: Record<string, string> = {
    ...base,
    ...cmdEnv,
    GUILD_HOME: ctx.home,
    GUILD_OP: op.guildOp,
    GUILD_SOURCECODE: SOURCECODE_DIR,
    GUILD_PLUGINS: cmdEnv.GUILD_PLUGINS ?? "",
    PROJECT_DIR: op.projectDirEnv,
    CMD_DIR: ctx.cwd,
    LOG_LEVEL: ctx.env.LOG_LEVEL ?? "20",
    PYTHONPATH: [SOURCECODE_DIR, pythonDir(), opPythonPath, ctx.env.PYTHONPATH].filter(Boolean).join(":"),
  };
  delete env.RUN_DIR;
  delete env.RUN_ID;
  return env;
}

/** What only this run's environment holds: its dir and id, its flags, extras; these win. */
export function ownRunEnv(req: RunEnvRequest): Record<string, string> {
  return { RUN_DIR: req.runDir, RUN_ID: req.runId, ...flagEnvFor(req.flags, cmdFlagsFor(req.op.flagDefs)), ...req.extra };
}

/** `.guild/ENV` for staged runs: `export NAME=VALUE`, sorted, shell-quoted. */
export function formatEnvFile(env: Record<string, string>, quote: (s: string) => string): string {
  return envFileNames(env)
    .map((k) => envFileLine(k, env[k] as string, quote))
    .join("");
}

/** The names `.guild/ENV` holds, in its order. */
export function envFileNames(env: Record<string, string>): string[] {
  return Object.keys(env)
    .filter((k) => k !== "PWD" && k !== "_")
    .sort();
}

export function envFileLine(name: string, value: string, quote: (s: string) => string): string {
  return `export ${name}=${value === "" ? "" : quote(value)}\n`;
}
