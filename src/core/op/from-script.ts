/** An `Operation` for a Python script run directly (`guild run say.py`). */
import { basename, dirname, relative, resolve } from "node:path";
import type { Ctx } from "../context.js";
import type { Operation } from "./operation.js";
import { FLAG_ARGS_TOKEN } from "./operation.js";
import { importScriptFlags } from "./script-flags.js";

export function operationForScript(spec: string, ctx: Ctx): Operation {
  const scriptPath = resolve(ctx.cwd, spec);
  const dir = dirname(scriptPath);
  const rel = relative(ctx.cwd, scriptPath);
  // Guild names the op by the path as given, reduced to its basename when it
  // leaves the working directory.
  const opName = rel.startsWith("..") ? basename(scriptPath) : rel;
  const imported = importScriptFlags(scriptPath, ctx);
  const projectDirEnv = relative(ctx.cwd, dir) || ".";
  return {
    kind: "process",
    opref: { pkgType: "script", pkgName: dir, pkgVersion: "", modelName: "", opName },
    opDesc: opName,
    guildOp: scriptPath,
    projectDir: dir,
    projectDirEnv,
    sourcecodeRoot: dir,
    flagDefs: imported.flags,
    flagsDest: imported.dest,
    cmdArgs: ["${python_exe}", "-um", "guild.op_main", basename(scriptPath, ".py"), FLAG_ARGS_TOKEN],
    cmdEnv: { FLAGS_DEST: imported.dest, GUILD_PLUGINS: "", PROJECT_DIR: projectDirEnv },
    labelTemplate: null,
  };
}
