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
  const base: Record<string, string> = {};
  for (const [k, v] of Object.entries(ctx.env)) if (v !== undefined && k !== "_") base[k] = v;
  const { PYTHONPATH: opPythonPath, ...cmdEnv } = req.op.cmdEnv;
  return {
    ...base,
    ...cmdEnv,
    GUILD_HOME: ctx.home,
    GUILD_OP: req.op.guildOp,
    GUILD_SOURCECODE: SOURCECODE_DIR,
    GUILD_PLUGINS: cmdEnv.GUILD_PLUGINS ?? "",
    PROJECT_DIR: req.op.projectDirEnv,
    CMD_DIR: ctx.cwd,
    RUN_DIR: req.runDir,
    RUN_ID: req.runId,
    LOG_LEVEL: ctx.env.LOG_LEVEL ?? "20",
    PYTHONPATH: [SOURCECODE_DIR, pythonDir(), opPythonPath, ctx.env.PYTHONPATH].filter(Boolean).join(":"),
    ...flagEnvFor(req.flags, cmdFlagsFor(req.op.flagDefs)),
    ...req.extra,
  };
}

/** `.guild/ENV` for staged runs: `export NAME=VALUE`, sorted, shell-quoted. */
export function formatEnvFile(env: Record<string, string>, quote: (s: string) => string): string {
  return Object.keys(env)
    .filter((k) => k !== "PWD" && k !== "_")
    .sort()
    .map((k) => `export ${k}=${env[k] === "" ? "" : quote(env[k] as string)}\n`)
    .join("");
}
