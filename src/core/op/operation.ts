/**
 * An `Operation`: everything needed to initialise and start a run, whatever
 * it came from (a script, a guild.yml op, a builtin, or a run's stored `op`
 * attribute on --start).
 */
import type { FlagDef } from "../guildfile/types.js";
import type { OpDef } from "../guildfile/types.js";
import type { OpRef } from "../store/opref.js";

/** How the run executes: an OS process, or one of our in-process drivers. */
export type OpKind = "process" | "batch" | "steps" | "queue";

export interface Operation {
  kind: OpKind;
  opref: OpRef;
  /** Display name: `say.py`, `say-many`, `m:train`, `queue`, `+`. */
  opDesc: string;
  /** `GUILD_OP` env value. */
  guildOp: string;
  /** Absolute project dir (script or guild.yml dir); null for builtins. */
  projectDir: string | null;
  /** `PROJECT_DIR` as Guild records it (`.` for a script given relatively). */
  projectDirEnv: string;
  /** Directory whose source is copied into the run; null = no copy. */
  sourcecodeRoot: string | null;
  flagDefs: Record<string, FlagDef>;
  flagsDest: string;
  /** Command template: `${python_exe}`, `__flag_args__`, `${flag}` refs. */
  cmdArgs: string[];
  cmdEnv: Record<string, string>;
  labelTemplate: string | null;
  steps?: unknown[];
  outputScalars?: unknown;
  opdef?: OpDef;
}

export const FLAG_ARGS_TOKEN = "__flag_args__";

/** Module names in Guild's command templates that our drivers handle. */
export const BUILTIN_MAINS = {
  "guild.batch_main": "batch",
  "guild.plugins.random_main": "batch",
  "guild.plugins.skopt_gp_main": "batch",
  "guild.plugins.skopt_forest_main": "batch",
  "guild.plugins.skopt_gbrt_main": "batch",
  "guild.plugins.skopt_tpe_main": "batch",
  "guild.steps_main": "steps",
  "guild.plugins.queue_main": "queue",
} as const satisfies Record<string, OpKind>;

export function kindForCmdArgs(cmdArgs: readonly string[]): OpKind {
  for (const arg of cmdArgs) {
    const kind = (BUILTIN_MAINS as Record<string, OpKind>)[arg];
    if (kind) return kind;
  }
  return "process";
}
